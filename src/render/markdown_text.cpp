#include "render/markdown_text.h"

#include <algorithm>

namespace infradigest {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid.
size_t utf8_length(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;  // overlong
  return n;
}

}  // namespace

std::string sanitize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Newlines and tabs become one space, emitted only before the next visible
  // character, so text never ends with a space it did not have.
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8_length(text, i);
    auto c = static_cast<unsigned char>(text[i]);
    if (n == 1 && (c < 0x20 || c == 0x7F)) {
      if (c == '\n' || c == '\t' || c == '\r') pending_space = !out.empty() && out.back() != ' ';
      ++i;
      continue;
    }
    // C1 controls (U+0080..U+009F) can drive terminals too.
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      i += 2;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string escape_markdown(std::string_view text) {
  const std::string clean = sanitize_text(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (size_t i = 0; i < clean.size(); ++i) {
    char c = clean[i];
    bool special = std::string_view("\\`*_[]<>|~&#").find(c) != std::string_view::npos;
    bool leading = i == 0 && (c == '+' || c == '-' || c == '=');
    if (special || leading) out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  const std::string clean = sanitize_text(text);
  size_t longest = 0, run = 0;
  for (char c : clean) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !clean.empty() && (clean.front() == '`' || clean.back() == '`');
  return fence + (pad ? " " : "") + clean + (pad ? " " : "") + fence;
}

std::string markdown_url(std::string_view url) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return "";
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7F || c == '(' || c == ')' || c == '"' || c == '\'' || c == '<' ||
        c == '>' || c == '\\' || c >= 0x80) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace infradigest
