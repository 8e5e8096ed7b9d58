#include "site/page_layout.h"

#include <fmt/format.h>

#include "site/html_text.h"

namespace infradigest {

std::string render_page(const PageSpec& p) {
  const bool zh = p.language == Language::kZh;
  const auto& L = labels(p.language);
  auto href = [&](const char* path) { return html_escape(relative_href(p.depth, path)); };
  std::string out = "<!DOCTYPE html>\n";
  out += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", html_lang(p.language));
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n", html_escape(p.title));
  if (!p.description.empty())
    out += fmt::format("<meta name=\"description\" content=\"{}\">\n", html_escape(p.description));
  out += fmt::format("<link rel=\"stylesheet\" href=\"{}\">\n", href("assets/site.css"));
  out += fmt::format("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\">\n",
                     html_escape(L.title), href("feed.xml"));
  for (const auto& s : p.scripts)
    out += fmt::format("<script src=\"{}\" defer></script>\n", html_escape(relative_href(p.depth, s)));
  out += "</head>\n<body>\n";
  out += fmt::format("<a class=\"skip\" href=\"#main\">{}</a>\n", zh ? "跳到正文" : "Skip to content");
  out += fmt::format(
      "<header class=\"site\"><nav aria-label=\"{}\">"
      "<a class=\"brand\" href=\"{}\">{}</a>"
      "<a href=\"{}\">{}</a><a href=\"{}\">{}</a><a href=\"{}\">{}</a></nav></header>\n",
      zh ? "站点导航" : "Site", href("index.html"), html_escape(L.title), href("index.html#days"),
      zh ? "全部日报" : "All days", href("search.html"), zh ? "搜索" : "Search", href("feed.xml"),
      zh ? "订阅（Atom）" : "Feed (Atom)");
  out += "<main id=\"main\">\n" + p.body_html + "</main>\n";
  out += fmt::format("<footer><p>{}</p></footer>\n</body>\n</html>\n",
                     zh ? fmt::format("由 infradigest {} 生成；数据来自 GitHub，每条都链接到来源。", INFRADIGEST_VERSION)
                        : fmt::format("Made by infradigest {} from GitHub data; every item links to its source.",
                                      INFRADIGEST_VERSION));
  return out;
}

}  // namespace infradigest
