#include "config/config_validators.h"

#include "core/report_window.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/ascii_text.h"

namespace infradigest {
namespace {


constexpr std::array<std::string_view, 2> kLanguages = {"zh", "en"};

}  // namespace

Status check_repo_name(std::string_view repo) {
  auto bad = [&] {
    // Pasting the browser URL is the likely mistake; say how to fix it.
    std::string hint = repo.find("github.com") != std::string_view::npos
                           ? " without the URL part"
                           : " (owner: letters, digits, '-'; name: letters, digits, '-', '_', '.')";
    return make_error(fmt::format("has an invalid entry {}: expected \"owner/name\"{}",
                                  format_toml_string(repo), hint));
  };
  auto slash = repo.find('/');
  if (slash == std::string_view::npos || repo.find('/', slash + 1) != std::string_view::npos) return bad();
  std::string_view owner = repo.substr(0, slash);
  std::string_view name = repo.substr(slash + 1);
  if (owner.empty() || !is_ascii_alnum(owner.front())) return bad();
  if (!std::all_of(owner.begin(), owner.end(), [](char c) { return is_ascii_alnum(c) || c == '-'; })) return bad();
  if (name.empty() || name == "." || name == "..") return bad();
  if (!std::all_of(name.begin(), name.end(),
                   [](char c) { return is_ascii_alnum(c) || c == '-' || c == '_' || c == '.'; })) {
    return bad();
  }
  return {};
}

Status validate_repos(const ConfigValue& value) {
  const auto& repos = std::get<std::vector<std::string>>(value);
  if (repos.empty()) return make_error("must list at least one repository \"owner/name\"");
  std::map<std::string, std::string_view> seen;  // lowercased -> as first written
  for (const std::string& repo : repos) {
    INFRADIGEST_TRY(check_repo_name(repo));
    auto [it, inserted] = seen.emplace(ascii_lower(repo), repo);
    if (inserted) continue;
    if (it->second == repo) return make_error(fmt::format("lists {} twice", format_toml_string(repo)));
    return make_error(fmt::format("lists {} twice (GitHub names are case-insensitive; first as {})",
                                  format_toml_string(repo), format_toml_string(it->second)));
  }
  return {};
}

Status validate_language(const ConfigValue& value) {
  const auto& language = std::get<std::string>(value);
  if (std::find(kLanguages.begin(), kLanguages.end(), language) != kLanguages.end()) return {};
  return make_error(fmt::format("must be one of: {} (got {})", fmt::join(kLanguages, ", "),
                                format_toml_string(language)));
}

Status validate_timezone(const ConfigValue& value) {
  const auto& name = std::get<std::string>(value);
  if (name.empty()) return make_error("must not be empty");
  if (make_report_window(SysDays{}, name)) return {};
  return make_error(fmt::format("must be an IANA timezone name such as \"UTC\" or \"Asia/Shanghai\" (got {})",
                                format_toml_string(name)));
}

Status validate_not_empty(const ConfigValue& value) {
  if (std::get<std::string>(value).empty()) return make_error("must not be empty");
  return {};
}

Status validate_env_var_name(const ConfigValue& value) {
  const auto& name = std::get<std::string>(value);
  bool valid = !name.empty() && !std::isdigit(static_cast<unsigned char>(name.front())) &&
               std::all_of(name.begin(), name.end(), [](char c) { return is_ascii_alnum(c) || c == '_'; });
  if (valid) return {};
  return make_error(
      "must name the environment variable that holds the secret (e.g. \"OPENROUTER_API_KEY\"), "
      "not contain the secret itself");
}

Status validate_optional_env_var_name(const ConfigValue& value) {
  if (std::get<std::string>(value).empty()) return {};
  return validate_env_var_name(value);
}

Status validate_http_url_or_empty(const ConfigValue& value) {
  const auto& url = std::get<std::string>(value);
  if (url.empty() || url.starts_with("https://") || url.starts_with("http://")) return {};
  return make_error(fmt::format("must be an http:// or https:// URL (got {})", format_toml_string(url)));
}

Status validate_model_names(const ConfigValue& value) {
  const auto& models = std::get<std::vector<std::string>>(value);
  for (size_t i = 0; i < models.size(); ++i) {
    if (models[i].empty()) return make_error("must not hold an empty model name");
    if (std::find(models.begin(), models.begin() + static_cast<std::ptrdiff_t>(i), models[i]) !=
        models.begin() + static_cast<std::ptrdiff_t>(i))
      return make_error(fmt::format("lists {} twice", format_toml_string(models[i])));
  }
  return {};
}

Status validate_temperature(const ConfigValue& value) {
  double t = std::get<double>(value);
  if (t >= 0 && t <= 2) return {};
  return make_error(fmt::format("must be between 0 and 2 (got {})", format_toml_value(value)));
}

Status validate_max_tokens(const ConfigValue& value) {
  auto n = std::get<std::int64_t>(value);
  if (n >= 1 && n <= 1'000'000) return {};
  return make_error(fmt::format("must be between 1 and 1000000 (got {})", n));
}

Status validate_timeout_seconds(const ConfigValue& value) {
  double t = std::get<double>(value);
  if (t > 0 && t <= 3600) return {};
  return make_error(fmt::format("must be more than 0 and at most 3600 seconds (got {})", format_toml_value(value)));
}

Status validate_patch_bytes(const ConfigValue& value) {
  auto n = std::get<std::int64_t>(value);
  if (n >= 0 && n <= 16'777'216) return {};
  return make_error(fmt::format("must be between 0 and 16777216 bytes (got {})", n));
}

Status validate_concurrency(const ConfigValue& value) {
  auto n = std::get<std::int64_t>(value);
  if (n >= 1 && n <= 64) return {};
  return make_error(fmt::format("must be between 1 and 64 (got {})", n));
}

}  // namespace infradigest
