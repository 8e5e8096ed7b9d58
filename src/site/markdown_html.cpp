#include "site/markdown_html.h"

#include <cmark-gfm-extension_api.h>  // cmark_parser_get_syntax_extensions

#include <fmt/format.h>

#include <map>

#include "render/gfm_document.h"

namespace infradigest {

namespace {

std::string render_gfm_html(const GfmDocument& doc, int options) {
  char* html = cmark_render_html(doc.root.get(), options, cmark_parser_get_syntax_extensions(doc.parser.get()));
  std::string out = html ? html : "";
  cmark_get_default_mem_allocator()->free(html);
  return out;
}

// A heading's text: its text and code pieces joined (escapes already undone by the parser).
std::string heading_plain_text(cmark_node* heading) {
  std::string out;
  cmark_iter* it = cmark_iter_new(heading);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(n) == CMARK_NODE_TEXT || cmark_node_get_type(n) == CMARK_NODE_CODE))
      if (const char* s = cmark_node_get_literal(n)) out += s;
  }
  cmark_iter_free(it);
  return out;
}

// The URL an item line starts with: "- [title](url) · ...".
const char* leading_link(cmark_node* item) {
  cmark_node* para = cmark_node_first_child(item);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return nullptr;
  cmark_node* first = cmark_node_first_child(para);
  return first && cmark_node_get_type(first) == CMARK_NODE_LINK ? cmark_node_get_url(first) : nullptr;
}

// The attribute cmark writes with CMARK_OPT_SOURCEPOS, which tells the
// rendered <li> of a node apart from every other.
std::string sourcepos_attribute(cmark_node* n) {
  return fmt::format(" data-sourcepos=\"{}:{}-{}:{}\"", cmark_node_get_start_line(n), cmark_node_get_start_column(n),
                     cmark_node_get_end_line(n), cmark_node_get_end_column(n));
}

// The item ids of the document's repository sections, by their <li>'s sourcepos attribute.
std::map<std::string, std::string> item_ids_by_sourcepos(cmark_node* root, const std::vector<SectionAnchors>& anchors) {
  std::map<std::string, std::string> out;
  const SectionAnchors* section = nullptr;
  for (cmark_node* block = cmark_node_first_child(root); block; block = cmark_node_next(block)) {
    const cmark_node_type type = cmark_node_get_type(block);
    if (type == CMARK_NODE_HEADING) {
      section = nullptr;
      if (cmark_node_get_heading_level(block) != 3) continue;
      const std::string name = heading_plain_text(block);
      for (const auto& s : anchors)
        if (s.full_name == name) section = &s;
    } else if (type == CMARK_NODE_LIST && section) {
      for (cmark_node* item = cmark_node_first_child(block); item; item = cmark_node_next(item)) {
        const char* url = leading_link(item);
        if (!url) continue;
        if (auto id = section->by_link.find(url); id != section->by_link.end())
          out.emplace(sourcepos_attribute(item), id->second);
      }
    }
  }
  return out;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  // CMARK_OPT_DEFAULT is the safe mode (no CMARK_OPT_UNSAFE): raw HTML and
  // unsafe link schemes are dropped by the renderer.
  return render_gfm_html(parse_gfm(markdown), CMARK_OPT_DEFAULT);
}

std::string markdown_to_html(std::string_view markdown, const std::vector<SectionAnchors>& anchors) {
  GfmDocument doc = parse_gfm(markdown);
  const auto ids = item_ids_by_sourcepos(doc.root.get(), anchors);
  if (ids.empty()) return render_gfm_html(doc, CMARK_OPT_DEFAULT);
  // cmark cannot put an attribute on an element; it can mark each block with
  // its source position. The marked items get their id, every other mark goes.
  // Text never holds a raw '"' (cmark writes &quot;), so the marks cannot be forged.
  const std::string html = render_gfm_html(doc, CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
  constexpr std::string_view kMark = " data-sourcepos=\"";
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  for (size_t mark; (mark = html.find(kMark, at)) != std::string::npos;) {
    const size_t end = html.find('"', mark + kMark.size());
    if (end == std::string::npos) break;
    out.append(html, at, mark - at);
    const std::string attribute = html.substr(mark, end + 1 - mark);
    if (auto id = ids.find(attribute); id != ids.end() && out.ends_with("<li")) out += " id=\"" + id->second + "\"";
    at = end + 1;
  }
  out.append(html, at, std::string::npos);
  return out;
}

}  // namespace infradigest
