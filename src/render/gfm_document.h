// The report's Markdown parsed by cmark-gfm with the GitHub extensions the
// report uses (tables, autolinks, strikethrough): one parser setup for every
// consumer of the AST — the web archive's HTML and the chat platforms' markup.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string_view>

namespace infradigest {

struct GfmDocument {
  // The parser owns the extensions the HTML renderer needs; keep it with the tree.
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser{nullptr, cmark_parser_free};
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> root{nullptr, cmark_node_free};
};

// Parses in safe mode (CMARK_OPT_DEFAULT: raw HTML and unsafe link schemes are
// not passed through by the renderers).
GfmDocument parse_gfm(std::string_view markdown);

}  // namespace infradigest
