// ASCII case folding for matching keywords, header names and identifiers.
// Deliberately ASCII-only: bytes >= 0x80 (UTF-8 of Chinese text) pass through
// untouched, and the result never depends on the C locale.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// "FlashInfer v0.6" → "flashinfer v0.6"; "修复 ROCm" → "修复 rocm".
std::string ascii_lower(std::string_view text);

// [A-Za-z0-9], whatever the C locale says.
constexpr bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Drops ASCII whitespace (space, \t, \n, \v, \f, \r) at both ends; a view into `text`.
std::string_view trim_ascii_space(std::string_view text);

}  // namespace infradigest
