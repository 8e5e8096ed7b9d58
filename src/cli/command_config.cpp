// infradigest config show: the effective configuration with each value's
// origin, the files it came from, the store in use, and which of the
// variables the *_env keys name are set (never their values).
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "cli/parse_args.h"
#include "config/config_keys.h"
#include "config/config_table_array.h"

namespace infradigest {

namespace {

std::string set_or_not(const std::string& variable) {
  const char* value = std::getenv(variable.c_str());
  return variable + (value && *value ? " is set" : " is not set");
}

void print_sources(CommandContext& c) {
  if (c.config.config_file) {
    c.out << "# config file: " << *c.config.config_file << "\n";
  } else {
    auto looked = default_config_path();
    c.out << "# config file: none (no --config, INFRADIGEST_CONFIG unset"
          << (looked ? ", " + *looked + " does not exist" : std::string()) << ")\n";
  }
  auto store = effective_db_path(c.config.config);
  c.out << "# store: " << (store ? *store : "unknown: " + store.error().message)
        << (c.config.config.db.empty() ? " (default location)" : "") << "\n";
}

// "# llm.api_key_env: OPENROUTER_API_KEY is set" for every *_env key with a value.
void print_env_variables(CommandContext& c) {
  std::string lines;
  for (const ConfigKey& key : config_keys()) {
    if (!key.name.ends_with("_env")) continue;
    const ConfigValue value = key.get(c.config.config);
    if (const auto* name = std::get_if<std::string>(&value); name && !name->empty())
      lines += "#   " + std::string(key.name) + ": " + set_or_not(*name) + "\n";
  }
  for (const ConfigTableArray& array : config_table_arrays()) {
    const auto& tables = *array.field(c.config.config);
    for (size_t i = 0; i < tables.size(); ++i)
      for (const auto& [field, value] : tables[i].values)
        if (const auto* name = std::get_if<std::string>(&value); field.ends_with("_env") && name && !name->empty())
          lines += "#   " + std::string(array.name) + "[" + std::to_string(i) + "]." + field + ": " + set_or_not(*name) +
                   "\n";
  }
  c.out << "# variables named by *_env keys (values are never shown):\n"
        << (lines.empty() ? "#   none\n" : lines) << "#   GITHUB_TOKEN (optional, for sync): "
        << (std::getenv("GITHUB_TOKEN") && *std::getenv("GITHUB_TOKEN") ? "set" : "not set") << "\n";
}

}  // namespace

ExitStatus run_config(CommandContext& c, std::vector<std::string> args) {
  std::string action;
  CLI::App app{"Show the effective configuration; each line: (origin) key = value", "config"};
  app.add_option("ACTION", action, "show")->required()->check(CLI::IsMember({"show"}));
  if (auto done = parse_args(app, std::move(args), c)) return *done;
  print_sources(c);
  // Show the store actually used, not the empty "use the default" value
  // (its origin stays "(default)").
  LoadedConfig shown = c.config;
  if (shown.config.db.empty())
    if (auto store = effective_db_path(shown.config)) shown.config.db = *store;
  c.out << render_config_show(shown);
  print_env_variables(c);
  return ExitStatus::kOk;
}

}  // namespace infradigest
