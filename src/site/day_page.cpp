#include <fmt/format.h>

#include "core/text_sanitizer.h"
#include "document/language.h"
#include "site/item_anchors.h"
#include "site/markdown_html.h"
#include "site/page_layout.h"
#include "site/site_pages.h"

namespace infradigest {

std::string day_page_path(SysDays date) { return "days/" + format_date(date) + ".html"; }

std::string report_summary_line(const Report& report) {
  return report.summary.empty() ? std::string() : sanitize_text(report.summary.front().plain_text());
}

std::string render_day_page(const LoadedDay& day, const DigestsByDate& digests, const SysDays* previous,
                            const SysDays* next) {
  const Report& r = day.report;
  const Language lang = r.language;
  const bool zh = lang == Language::kZh;
  const auto& L = labels(lang);
  const std::string date = format_date(r.window.date);
  // The week's heat map goes right before 影响评估, the section it illustrates.
  const std::string impact_heading = "## " + std::string(L.impact) + "\n";
  const size_t split = day.markdown.find("\n" + impact_heading);
  const std::string head = split == std::string::npos ? day.markdown : day.markdown.substr(0, split + 1);
  const std::string tail = split == std::string::npos ? "" : day.markdown.substr(split + 1);
  // Each item of a repository section gets its id (site/item_anchors.h): search hits link to it.
  const std::vector<SectionAnchors> anchors = item_anchors(r);
  std::string body = markdown_to_html(head, anchors) +
                     heatmap_figure(digests, r.window.date, lang, "heatmap-" + date) + markdown_to_html(tail, anchors);
  body += "<nav class=\"pager\" aria-label=\"" + std::string(zh ? "相邻日期" : "Adjacent days") + "\">";
  body += previous ? fmt::format("<a href=\"{0}.html\" rel=\"prev\">← {0}</a>", format_date(*previous)) : "<span></span>";
  body += next ? fmt::format("<a href=\"{0}.html\" rel=\"next\">{0} →</a>", format_date(*next)) : "<span></span>";
  body += "</nav>\n";
  return render_page(
      PageSpec{lang, 1, std::string(L.title) + " · " + date, report_summary_line(r), body, {"assets/site.js"}});
}

}  // namespace infradigest
