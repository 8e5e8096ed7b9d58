#include "analysis/code_scan.h"

#include "core/ascii_text.h"

namespace infradigest::code_scan {

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

size_t indent_of(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && (line[n] == ' ' || line[n] == '\t')) ++n;
  return n;
}

std::string_view read_identifier(std::string_view text, size_t& pos) {
  if (pos >= text.size() || !is_ident_start(text[pos])) return {};
  size_t start = pos;
  while (pos < text.size() && is_ident_char(text[pos])) ++pos;
  return text.substr(start, pos - start);
}

void skip_spaces(std::string_view text, size_t& pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
}

std::string_view identifier_before(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  size_t start = end;
  while (start > 0 && is_ident_char(text[start - 1])) --start;
  if (start == end || !is_ident_start(text[start])) return {};
  return text.substr(start, end - start);
}

std::optional<std::string_view> quoted_at(std::string_view text, size_t pos) {
  if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) return std::nullopt;
  const char q = text[pos];
  size_t end = text.find(q, pos + 1);
  if (end == std::string_view::npos) return std::nullopt;
  return text.substr(pos + 1, end - pos - 1);
}

namespace {

// The one quote- and bracket-aware walk: from `from`, skipping quoted strings
// ('…' or "…", backslash escapes), it calls visit(i, c, depth) for every
// bracket and comma outside them, `depth` already counting an opener and no
// longer a closer; a visit that returns true stops the walk there. Returns
// where it stopped, npos when it ran to the end.
template <class Visit>
size_t walk_code_outside_quotes(std::string_view text, size_t from, Visit visit) {
  int depth = 0;
  char quote = 0;
  for (size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
    else if (c != ',') continue;
    if (visit(i, c, depth)) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::string_view> balanced_from(std::string_view text, size_t open) {
  const size_t close = walk_code_outside_quotes(
      text, open, [](size_t, char c, int depth) { return depth == 0 && c != ','; });
  if (close == std::string_view::npos) return std::nullopt;
  return text.substr(open + 1, close - open - 1);
}

std::vector<std::string_view> split_top_level(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  auto push = [&](size_t end) {
    auto piece = trim_ascii_space(text.substr(start, end - start));
    if (!piece.empty()) out.push_back(piece);
  };
  walk_code_outside_quotes(text, 0, [&](size_t i, char c, int depth) {
    if (c == ',' && depth == 0) {
      push(i);
      start = i + 1;
    }
    return false;
  });
  push(text.size());
  return out;
}

namespace {
std::string_view trim_end(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::string_view strip_python_comment(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return trim_end(line.substr(0, i));
    }
  }
  return trim_end(line);
}

std::string_view strip_cpp_comment(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"') {
      quote = c;
    } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
      return trim_end(line.substr(0, i));
    }
  }
  return trim_end(line);
}

bool contains_word(std::string_view text, std::string_view word) {
  for (size_t pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
    bool left = pos == 0 || !is_ident_char(text[pos - 1]);
    size_t end = pos + word.size();
    bool right = end >= text.size() || !is_ident_char(text[end]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace infradigest::code_scan
