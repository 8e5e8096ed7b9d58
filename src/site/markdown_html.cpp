#include "site/markdown_html.h"

#include <cmark-gfm-extension_api.h>  // cmark_parser_get_syntax_extensions

#include "render/gfm_document.h"

namespace infradigest {

std::string markdown_to_html(std::string_view markdown) {
  // CMARK_OPT_DEFAULT is the safe mode (no CMARK_OPT_UNSAFE): raw HTML and
  // unsafe link schemes are dropped by the renderer.
  GfmDocument doc = parse_gfm(markdown);
  char* html = cmark_render_html(doc.root.get(), CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(doc.parser.get()));
  std::string out = html ? html : "";
  cmark_get_default_mem_allocator()->free(html);
  return out;
}

}  // namespace infradigest
