#include "github/link_header.h"

#include <cctype>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// True when the space-separated rel value list holds `rel`.
bool rel_list_has(std::string_view list, std::string_view rel) {
  while (!list.empty()) {
    list = trim_ascii_space(list);
    size_t end = list.find(' ');
    if (iequals(list.substr(0, end), rel)) return true;
    if (end == std::string_view::npos) break;
    list.remove_prefix(end);
  }
  return false;
}

}  // namespace

std::optional<std::string> find_link(std::string_view header, std::string_view rel) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t open = header.find('<', pos);
    if (open == std::string_view::npos) return std::nullopt;
    size_t close = header.find('>', open);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view target = header.substr(open + 1, close - open - 1);
    // Parameters run to the next link, which starts after a comma; URLs may
    // contain commas, but only inside <...>, which we skipped.
    size_t next = header.find('<', close);
    std::string_view params = header.substr(close + 1, next == std::string_view::npos ? std::string_view::npos
                                                                                      : next - close - 1);
    size_t p = 0;
    while (p < params.size()) {
      size_t semi = params.find(';', p);
      std::string_view param = trim_ascii_space(params.substr(p, semi == std::string_view::npos ? std::string_view::npos : semi - p));
      if (auto eq = param.find('='); eq != std::string_view::npos && iequals(trim_ascii_space(param.substr(0, eq)), "rel")) {
        std::string_view value = trim_ascii_space(param.substr(eq + 1));
        while (!value.empty() && value.back() == ',') value = trim_ascii_space(value.substr(0, value.size() - 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (rel_list_has(value, rel) && !target.empty()) return std::string(target);
      }
      if (semi == std::string_view::npos) break;
      p = semi + 1;
    }
    pos = close + 1;
  }
  return std::nullopt;
}

}  // namespace infradigest
