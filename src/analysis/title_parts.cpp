#include "analysis/title_parts.h"

#include <cctype>

#include "core/ascii_text.h"

namespace infradigest {

namespace {

constexpr std::size_t kMaxTypeLength = 24;   // "fix", "chore/feat", "benchmarks"
constexpr std::size_t kMaxScopeLength = 40;  // "(jit)", "(sm90)", "(deps)"

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_type_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '/' || c == '-';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

void collect_bracket_entries(std::string_view title, TitleParts& parts) {
  for (std::size_t open = title.find('['); open != std::string_view::npos;
       open = title.find('[', open + 1)) {
    const std::size_t close = title.find(']', open + 1);
    if (close == std::string_view::npos) return;
    std::string_view group = title.substr(open + 1, close - open - 1);
    while (!group.empty()) {
      const std::size_t cut = group.find_first_of(",/;|");
      std::string_view entry = trim(group.substr(0, cut));
      if (!entry.empty()) parts.bracket_entries.push_back({entry, open});
      group = cut == std::string_view::npos ? std::string_view{} : group.substr(cut + 1);
    }
    open = close;
  }
}

// Skips what stands before the first real word: whitespace, bullets ("* ",
// ":Add"), bracket tags and short parenthesised scopes ("(Elastic EP)").
std::size_t skip_leading_decoration(std::string_view title, std::size_t i) {
  while (i < title.size()) {
    const char c = title[i];
    if (is_space(c) || c == '*' || c == '-' || c == ':' || c == '>') {
      ++i;
    } else if (c == '[' || c == '(') {
      const std::size_t close = title.find(c == '[' ? ']' : ')', i + 1);
      if (close == std::string_view::npos || close - i > kMaxScopeLength) break;
      i = close + 1;
    } else {
      break;
    }
  }
  return i;
}

// Reads "type(scope)!:" at `i`; on success fills the prefix fields and returns
// the index after the colon, else returns `i`.
std::size_t read_conventional_prefix(std::string_view title, std::size_t i, TitleParts& parts) {
  std::size_t end = i;
  while (end < title.size() && is_type_char(title[end])) ++end;
  if (end == i || end - i > kMaxTypeLength || !is_alpha(title[i])) return i;

  std::size_t at = end;
  std::string scope;
  if (at < title.size() && title[at] == '(') {
    const std::size_t close = title.find(')', at + 1);
    if (close == std::string_view::npos || close - at > kMaxScopeLength) return i;
    scope = ascii_lower(title.substr(at + 1, close - at - 1));
    at = close + 1;
  }
  const bool bang = at < title.size() && title[at] == '!';
  if (bang) ++at;
  if (at >= title.size() || title[at] != ':') return i;
  if (at + 1 < title.size() && !is_space(title[at + 1])) return i;  // "https://", "a:b"

  const std::string type = ascii_lower(title.substr(i, end - i));
  std::vector<std::string> types{type};
  if (type.find('/') != std::string::npos) {
    std::string_view rest = type;
    while (!rest.empty()) {
      const std::size_t slash = rest.find('/');
      if (slash != 0) types.emplace_back(rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
  }
  for (const std::string& t : types) {
    if (!scope.empty()) parts.prefix_types.push_back(t + "(" + scope + ")");
    parts.prefix_types.push_back(t);
    if (bang) parts.prefix_types.push_back(t + "!");
  }
  parts.prefix_pos = i;
  return at + 1;
}

}  // namespace

TitleParts parse_title(std::string_view title) {
  TitleParts parts;
  collect_bracket_entries(title, parts);
  std::size_t i = skip_leading_decoration(title, 0);
  const std::size_t after_prefix = read_conventional_prefix(title, i, parts);
  if (after_prefix != i) i = skip_leading_decoration(title, after_prefix);
  parts.lead = i;
  return parts;
}

}  // namespace infradigest
