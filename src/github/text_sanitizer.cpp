#include "github/text_sanitizer.h"

#include "core/text_sanitizer.h"

namespace infradigest {

std::string sanitize_api_text(std::string_view s) { return strip_unsafe_controls(s); }

std::string sanitize_api_line(std::string_view text) {
  std::string out = sanitize_api_text(text);
  for (char& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return out;
}

std::string utf8_excerpt(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace infradigest
