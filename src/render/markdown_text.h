// Making untrusted text (titles, names, notes from GitHub) safe inside
// Markdown: it must render as the same text, never as markup or a link.
#pragma once

#include <string>
#include <string_view>

#include "core/text_sanitizer.h"  // sanitize_text

namespace infradigest {

// sanitize_text, then backslash-escapes the characters that could start
// Markdown/HTML markup: \ ` * _ [ ] < > | ~ & # and a leading "+", "-", "=".
std::string escape_markdown(std::string_view text);

// Text for an inline code span: sanitized, wrapped in enough backticks.
std::string markdown_code(std::string_view text);

// A URL safe inside "(...)": spaces, parentheses, quotes and control
// characters are percent-encoded. Only http(s) URLs are allowed; others give "".
std::string markdown_url(std::string_view url);

}  // namespace infradigest
