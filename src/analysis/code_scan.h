// Small lexical helpers for the code-fact rules: identifiers, quoted
// strings, indentation, bracket-balanced argument lists. ASCII only (code
// identifiers); never allocating more than the piece they return.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infradigest::code_scan {

bool is_ident_start(char c);
bool is_ident_char(char c);

// Leading spaces (a tab counts as one).
size_t indent_of(std::string_view line);

// The identifier starting at `pos` ("" when none); `pos` moves past it.
std::string_view read_identifier(std::string_view text, size_t& pos);
void skip_spaces(std::string_view text, size_t& pos);

// The identifier right before `pos` (skipping spaces), "" when none.
std::string_view identifier_before(std::string_view text, size_t pos);

// The contents of the quoted string ('…' or "…") starting at `pos`, or nullopt.
std::optional<std::string_view> quoted_at(std::string_view text, size_t pos);

// `text` from `open` (an opening bracket) to its matching closer, exclusive of
// both; nullopt when it does not close within `text`. Skips quoted strings.
std::optional<std::string_view> balanced_from(std::string_view text, size_t open);

// Splits at top-level commas (outside brackets and quotes); trims each piece,
// drops empty ones.
std::vector<std::string_view> split_top_level(std::string_view text);

// Python: the line without a trailing "# comment" (quotes respected), trimmed at the end.
std::string_view strip_python_comment(std::string_view line);
// C/C++: the line without a trailing "// comment", trimmed at the end.
std::string_view strip_cpp_comment(std::string_view line);

// Whether `word` occurs in `text` with no identifier character on either side.
bool contains_word(std::string_view text, std::string_view word);

}  // namespace infradigest::code_scan
