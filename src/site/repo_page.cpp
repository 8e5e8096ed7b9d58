#include <fmt/format.h>

#include <sstream>

#include "core/text_sanitizer.h"
#include "document/language.h"
#include "render/markdown_text.h"
#include "site/html_text.h"
#include "site/markdown_html.h"
#include "site/page_layout.h"
#include "site/site_pages.h"

namespace infradigest {

namespace {

// Headings shifted down `levels` levels.
std::string demote_headings(const std::string& markdown, int levels) {
  std::istringstream in(markdown);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.starts_with("#")) line.insert(0, static_cast<size_t>(levels), '#');
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string repo_section_markdown(const std::string& report_markdown, const std::string& full_name) {
  const std::string heading = "### " + escape_markdown(full_name);
  std::istringstream in(report_markdown);
  std::string line, out;
  bool inside = false;
  while (std::getline(in, line)) {
    if (inside && (line.starts_with("### ") || line.starts_with("## "))) break;
    if (inside) out += line + "\n";
    if (line == heading) inside = true;
  }
  return out;
}

std::string render_repo_page(const std::string& repo, const std::vector<const LoadedDay*>& days,
                             const DigestsByDate& digests, SysDays latest, Language lang) {
  const bool zh = lang == Language::kZh;
  std::string body = fmt::format("<h1>{}</h1>\n<p class=\"meta\"><a href=\"{}\">{}</a></p>\n", html_escape(repo),
                                 safe_href(repo_url(repo)), zh ? "在 GitHub 上查看" : "View on GitHub");
  if (!digests.empty()) body += activity_figure(digests, latest, lang, "activity", &repo);
  body += fmt::format("<h2>{}</h2>\n", zh ? fmt::format("近 {} 天", kActivityDays)
                                          : fmt::format("The last {} days", kActivityDays));
  int shown = 0;
  for (const LoadedDay* d : days) {
    const std::string section = repo_section_markdown(d->markdown, repo);
    if (section.empty()) continue;
    const std::string date = format_date(d->report.window.date);
    body += fmt::format("<section aria-labelledby=\"d{0}\"><h3 id=\"d{0}\"><a href=\"../{1}\">{0}</a></h3>\n", date,
                        day_page_path(d->report.window.date));
    body += markdown_to_html(demote_headings(section, 1));
    body += "</section>\n";
    ++shown;
  }
  if (shown == 0)
    body += fmt::format("<p>{}</p>\n", zh ? "近期存档中暂无该仓库的活动。" : "No recent activity in the archive.");
  body += fmt::format("<p class=\"meta\"><a href=\"../index.html#days\">{}</a></p>\n",
                      zh ? "更早的日报：在全部日报中按仓库筛选" : "Earlier days: filter all reports by repository");
  const auto& L = labels(lang);
  return render_page(PageSpec{lang, 1, repo + " · " + std::string(L.title), repo, body, {"assets/site.js"}});
}

}  // namespace infradigest
