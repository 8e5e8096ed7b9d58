// Escaping for HTML and XML output (web archive pages, SVG charts, the Atom
// feed). Untrusted text (titles, names from GitHub) goes through these and
// nowhere else, so it always renders as the same text, never as markup.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// sanitize_text (control characters dropped, invalid UTF-8 replaced), then
// & < > " ' escaped. Safe in element content and in quoted attribute values,
// for HTML, SVG and XML alike.
std::string html_escape(std::string_view text);

// html_escape line by line, keeping the line breaks (for HTML carried inside
// XML, e.g. an Atom entry's content).
std::string html_escape_lines(std::string_view text);

// An href for a link to an external page: http(s) URLs only (percent-encoded
// where needed, then escaped); anything else ("javascript:...") gives "".
std::string safe_href(std::string_view url);

// A relative link inside the site, from a page `depth` folders below the
// site root: relative_href(1, "days/2026-02-26.html") == "../days/2026-02-26.html".
std::string relative_href(int depth, std::string_view path_from_root);

// A file name for a repository page: "NVIDIA/cutlass" -> "NVIDIA__cutlass".
std::string repo_slug(std::string_view full_name);

}  // namespace infradigest
