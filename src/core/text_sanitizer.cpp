#include "core/text_sanitizer.h"

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

}  // namespace infradigest
