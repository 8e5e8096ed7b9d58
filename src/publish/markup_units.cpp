#include "publish/markup_units.h"

namespace infradigest {

namespace {

// Length of the UTF-8 character starting at `at` (1 for a stray byte).
size_t character_size(std::string_view s, size_t at) {
  const auto lead = static_cast<unsigned char>(s[at]);
  const size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
  if (at + n > s.size()) return 1;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[at + k]) & 0xC0) != 0x80) return 1;
  return n;
}

// The first unescaped `c` at or after `from`, or npos.
size_t find_unescaped(std::string_view s, char c, size_t from) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == c) return i;
  }
  return std::string_view::npos;
}

bool is_entity(std::string_view s, size_t at, size_t& end) {
  // &amp; &lt; &gt; &#123; &#x1F; — short, so a stray '&' is a character.
  for (size_t i = at + 1; i < s.size() && i < at + 10; ++i) {
    const char c = s[i];
    if (c == ';') {
      if (i == at + 1) return false;
      end = i + 1;
      return true;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
    if (!ok) return false;
  }
  return false;
}

}  // namespace

std::vector<MarkupUnit> markup_units(std::string_view s) {
  std::vector<MarkupUnit> units;
  size_t i = 0;
  while (i < s.size()) {
    MarkupUnit u;
    u.begin = i;
    const char c = s[i];
    size_t end = 0;
    if (c == '\\' && i + 1 < s.size()) {
      u.end = i + 1 + character_size(s, i + 1);
    } else if (c == '[') {
      const size_t close = find_unescaped(s, ']', i + 1);
      const size_t paren = close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != '('
                               ? std::string_view::npos
                               : s.find(')', close + 2);
      if (paren != std::string_view::npos) {
        u = {MarkupUnitKind::kLink, i, paren + 1, i + 1, close};
      } else {
        u.end = i + 1;
      }
    } else if (c == '<') {
      const size_t close = s.find('>', i + 1);
      if (close != std::string_view::npos) {
        const size_t bar = s.find('|', i + 1);
        const size_t text_begin = bar != std::string_view::npos && bar < close ? bar + 1 : i + 1;
        u = {MarkupUnitKind::kLink, i, close + 1, text_begin, close};
      } else {
        u.end = i + 1;
      }
    } else if (c == '`') {
      size_t fence = 0;
      while (i + fence < s.size() && s[i + fence] == '`') ++fence;
      // The closing run: exactly `fence` backticks.
      size_t close = std::string_view::npos;
      for (size_t at = s.find('`', i + fence); at != std::string_view::npos; at = s.find('`', at)) {
        size_t run = 0;
        while (at + run < s.size() && s[at + run] == '`') ++run;
        if (run == fence) {
          close = at;
          break;
        }
        at += run;
      }
      if (close != std::string_view::npos) {
        u = {MarkupUnitKind::kCode, i, close + fence, i + fence, close};
      } else {
        u.end = i + fence;  // an unmatched run is literal text
      }
    } else if (c == '&' && is_entity(s, i, end)) {
      u.end = end;
    } else {
      u.end = i + character_size(s, i);
    }
    units.push_back(u);
    i = u.end;
  }
  return units;
}

}  // namespace infradigest
