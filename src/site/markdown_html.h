// Markdown -> HTML through cmark-gfm (GitHub's CommonMark implementation),
// with the table and autolink extensions. Safe mode: raw HTML in the
// Markdown never reaches the page (cmark replaces it with a comment) and
// links with dangerous schemes (javascript:, vbscript:, file:, data:) are
// emptied. The report renderer escapes untrusted text already; this is the
// second wall.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

std::string markdown_to_html(std::string_view markdown);

}  // namespace infradigest
