#include "site/html_text.h"

#include "render/markdown_text.h"

namespace infradigest {

std::string html_escape(std::string_view text) {
  const std::string clean = sanitize_text(text);
  std::string out;
  out.reserve(clean.size() + 16);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string html_escape_lines(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += html_escape(text.substr(start, end - start));
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::string safe_href(std::string_view url) {
  // markdown_url accepts only http(s) and percent-encodes quotes, brackets,
  // spaces and non-ASCII; escaping then covers '&'.
  const std::string encoded = markdown_url(url);
  return encoded.empty() ? "" : html_escape(encoded);
}

std::string relative_href(int depth, std::string_view path_from_root) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += "../";
  out += path_from_root;
  return out;
}

std::string repo_slug(std::string_view full_name) {
  std::string out;
  for (char c : full_name) {
    if (c == '/') out += "__";
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
             c == '_' || c == '.')
      out += c;
    else out += '_';
  }
  return out;
}

}  // namespace infradigest
