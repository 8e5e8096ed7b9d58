#include "render/gfm_document.h"

#include <cmark-gfm-core-extensions.h>

#include <mutex>

namespace infradigest {

GfmDocument parse_gfm(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  GfmDocument doc;
  doc.parser.reset(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "autolink", "strikethrough"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(doc.parser.get(), ext);
  }
  cmark_parser_feed(doc.parser.get(), markdown.data(), markdown.size());
  doc.root.reset(cmark_parser_finish(doc.parser.get()));
  return doc;
}

}  // namespace infradigest
