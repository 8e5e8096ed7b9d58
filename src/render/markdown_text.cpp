#include "render/markdown_text.h"

#include "core/text_sanitizer.h"

#include <algorithm>

namespace infradigest {

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
