// UTF-8 text as characters, not bytes: counting, clipping without splitting a
// character, and telling Chinese text apart. Lenient: an invalid byte counts
// as one character of its own, so no input makes these fail. is_valid_utf8 is
// the strict check.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace infradigest {

// Number of UTF-8 characters (code points) in `text`.
size_t utf8_code_points(std::string_view text);

// `text` unchanged when it has at most `max_bytes` bytes; otherwise its longest
// prefix of at most `max_bytes` bytes that ends on a character boundary,
// followed by "…". For excerpts in logs, errors and prompts.
std::string clip_utf8(std::string_view text, size_t max_bytes);

// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF) — what a JSON encoder accepts.
bool is_valid_utf8(std::string_view text);

// Whether `text` holds a CJK ideograph (U+3400–U+4DBF, U+4E00–U+9FFF,
// U+F900–U+FAFF): "is this sentence Chinese", "is this query Chinese".
bool has_cjk(std::string_view text);

}  // namespace infradigest
