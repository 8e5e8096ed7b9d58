// Markdown -> HTML through cmark-gfm (GitHub's CommonMark implementation),
// with the table and autolink extensions. Safe mode: raw HTML in the
// Markdown never reaches the page (cmark replaces it with a comment) and
// links with dangerous schemes (javascript:, vbscript:, file:, data:) are
// emptied. The report renderer escapes untrusted text already; this is the
// second wall.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "site/item_anchors.h"

namespace infradigest {

std::string markdown_to_html(std::string_view markdown);

// The same, with the ids of `anchors` (site/item_anchors.h) on the item lines
// of the report's repository sections: a top-level list item under the
// "### owner/name" heading whose line starts with a link to one of that
// section's items gets `<li id="...">`. Nothing else changes.
std::string markdown_to_html(std::string_view markdown, const std::vector<SectionAnchors>& anchors);

}  // namespace infradigest
