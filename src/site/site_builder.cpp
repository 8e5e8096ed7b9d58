#include "site/site_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "compose/daily_report.h"
#include "core/atomic_file.h"
#include "render/markdown_renderer.h"
#include "render/markdown_text.h"
#include "site/atom_feed.h"
#include "site/day_digest.h"
#include "site/html_text.h"
#include "site/markdown_html.h"
#include "site/page_layout.h"
#include "site/search_index.h"
#include "site/site_assets.h"
#include "site/svg_chart.h"
#include "store/activity_store.h"

namespace infradigest {

namespace {

namespace fs = std::filesystem;

constexpr int kActivityDays = 30;  // the per-repo chart's span
constexpr int kHeatmapDays = 7;    // the tag heat map's span
constexpr size_t kHeatmapTags = 12;

struct Day {
  Report report;
  std::string markdown;
  DayDigest digest;
  std::string path() const { return "days/" + format_date(report.window.date) + ".html"; }
};

// Headings shifted down `levels` levels; the first line dropped when it is the report title.
std::string demote_headings(const std::string& markdown, int levels, bool drop_title) {
  std::istringstream in(markdown);
  std::string line, out;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && drop_title && line.starts_with("# ")) {
      first = false;
      continue;
    }
    first = false;
    if (line.starts_with("#")) line.insert(0, static_cast<size_t>(levels), '#');
    out += line + "\n";
  }
  return out;
}

std::string counts_text(const DayDigest& d, Language lang) {
  RepoDayCounts sum;
  for (const auto& [repo, c] : d.repos) {
    sum.commits += c.commits;
    sum.issues += c.issues;
    sum.releases += c.releases;
  }
  const bool zh = lang == Language::kZh;
  std::vector<std::string> parts;
  parts.push_back(zh ? fmt::format("{} 个仓库有更新", d.repos.size())
                     : fmt::format("{} repo{} updated", d.repos.size(), d.repos.size() == 1 ? "" : "s"));
  if (sum.commits) parts.push_back(count_commits(sum.commits, lang));
  if (sum.issues) parts.push_back(count_issues(sum.issues, lang));
  if (sum.releases) parts.push_back(count_releases(sum.releases, lang));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

std::vector<ActivityPoint> activity_series(const std::map<SysDays, const DayDigest*>& by_date, SysDays end,
                                           const std::string* repo) {
  std::vector<ActivityPoint> out;
  for (int k = kActivityDays - 1; k >= 0; --k) {
    ActivityPoint p;
    p.date = end - std::chrono::days{k};
    if (auto it = by_date.find(p.date); it != by_date.end()) {
      for (const auto& [name, c] : it->second->repos) {
        if (repo && name != *repo) continue;
        p.commits += c.commits;
        p.prs += c.prs;
        p.issues += c.issues;
      }
    }
    out.push_back(p);
  }
  return out;
}

std::string figure(const std::string& caption_id, const std::string& caption, const std::string& svg) {
  return fmt::format("<figure class=\"chart-box\" aria-labelledby=\"{}\"><figcaption id=\"{}\">{}</figcaption>\n{}</figure>\n",
                     caption_id, caption_id, html_escape(caption), svg);
}

std::string heatmap_figure(const std::map<SysDays, const DayDigest*>& by_date, SysDays end, Language lang,
                           const std::string& id) {
  std::vector<SysDays> days;
  for (int k = kHeatmapDays - 1; k >= 0; --k) days.push_back(end - std::chrono::days{k});
  std::map<Tag, std::vector<int>> counts;
  std::map<Tag, int> totals;
  for (size_t d = 0; d < days.size(); ++d) {
    auto it = by_date.find(days[d]);
    if (it == by_date.end()) continue;
    for (const auto& [tag, n] : it->second->tags) {
      auto& row = counts[tag];
      row.resize(days.size());
      row[d] += n;
      totals[tag] += n;
    }
  }
  std::vector<Tag> order;
  for (const auto& [tag, n] : totals) order.push_back(tag);
  std::stable_sort(order.begin(), order.end(), [&](const Tag& a, const Tag& b) { return totals[a] > totals[b]; });
  if (order.size() > kHeatmapTags) order.resize(kHeatmapTags);
  std::vector<HeatmapRow> rows;
  for (const auto& tag : order) rows.push_back({tag_label(tag, lang), std::string(facet_label(tag.facet, lang)), counts[tag]});
  const bool zh = lang == Language::kZh;
  const std::string title =
      zh ? fmt::format("标签热度：{} 至 {}", format_date(days.front()), format_date(days.back()))
         : fmt::format("Tag heat map, {} to {}", format_date(days.front()), format_date(days.back()));
  return figure(id + "-caption", title, tag_heatmap_svg(id, title, days, rows, lang));
}

std::string activity_figure(const std::map<SysDays, const DayDigest*>& by_date, SysDays end, Language lang,
                            const std::string& id, const std::string* repo) {
  const bool zh = lang == Language::kZh;
  const std::string who = repo ? *repo : std::string(zh ? "全部关注仓库" : "All watched repositories");
  const std::string title = zh ? fmt::format("{}：近 {} 天活跃度", who, kActivityDays)
                               : fmt::format("{}: activity over the last {} days", who, kActivityDays);
  return figure(id + "-caption", title, activity_chart_svg(id, title, activity_series(by_date, end, repo), lang));
}

std::string day_summary(const Report& r) {
  return r.summary.empty() ? std::string() : sanitize_text(r.summary.front().plain_text());
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

Result<std::vector<SysDays>> activity_days(Database& db, const std::string& timezone,
                                           const std::vector<std::string>& repos) {
  auto all = ActivityStore(db).load();
  if (!all) return all.error();
  const std::set<std::string> watched(repos.begin(), repos.end());
  std::set<SysDays> days;
  auto add = [&](const Timestamp& t) -> Status {
    if (t.date_only()) {
      days.insert(t.date());
      return {};
    }
    auto d = local_date(t.instant, timezone);
    if (!d) return d.error();
    days.insert(*d);
    return {};
  };
  for (const auto& c : all->commits)
    if (watched.count(c.repo)) INFRADIGEST_TRY(add(c.landing_time()));  // as reports place commits
  for (const auto& i : all->issues)
    if (watched.count(i.repo)) INFRADIGEST_TRY(add(i.created_at));
  for (const auto& r : all->releases)
    if (watched.count(r.repo)) INFRADIGEST_TRY(add(r.published_at));
  for (const auto& p : all->pull_requests)
    if (watched.count(p.repo) && p.merged_at) INFRADIGEST_TRY(add(*p.merged_at));
  return std::vector<SysDays>(days.rbegin(), days.rend());
}

Result<SiteSummary> build_site(Database& db, const SiteOptions& o) {
  const Language lang = o.language;
  const bool zh = lang == Language::kZh;
  const auto& L = labels(lang);
  auto dates = activity_days(db, o.timezone, o.repos);
  if (!dates) return dates.error();

  std::vector<Day> days;  // newest first
  for (SysDays date : *dates) {
    if (o.max_days > 0 && static_cast<int>(days.size()) >= o.max_days) break;
    auto report = build_daily_report(db, {date, o.timezone, lang, o.repos});
    if (!report) return report.error().with_context("report " + format_date(date));
    if (report->total_items == 0) continue;  // e.g. only a PR merge whose commit landed another day
    Day day;
    day.markdown = render_markdown(*report);
    day.digest = digest_report(*report);
    day.report = std::move(report).value();
    days.push_back(std::move(day));
  }
  std::map<SysDays, const DayDigest*> by_date;
  for (const auto& d : days) by_date[d.report.window.date] = &d.digest;

  SiteSummary summary;
  auto write = [&](const std::string& relative, const std::string& content) -> Status {
    INFRADIGEST_TRY(write_file_atomically((fs::path(o.out_dir) / relative).string(), content));
    ++summary.files;
    return {};
  };
  const std::vector<std::string> scripts{"assets/site.js"};
  INFRADIGEST_TRY(write("assets/site.css", std::string(site_css())));
  INFRADIGEST_TRY(write("assets/site.js", std::string(site_js())));

  // Day pages, and the feed entries made from the same HTML.
  std::vector<FeedEntry> feed;
  for (size_t i = 0; i < days.size(); ++i) {
    const Day& d = days[i];
    const std::string date = format_date(d.report.window.date);
    // The week's heat map goes right before 影响评估, the section it illustrates.
    const std::string impact_heading = "## " + std::string(L.impact) + "\n";
    const size_t split = d.markdown.find("\n" + impact_heading);
    const std::string head = split == std::string::npos ? d.markdown : d.markdown.substr(0, split + 1);
    const std::string tail = split == std::string::npos ? "" : d.markdown.substr(split + 1);
    const std::string report_html = markdown_to_html(d.markdown);
    std::string body = markdown_to_html(head) +
                       heatmap_figure(by_date, d.report.window.date, lang, "heatmap-" + date) +
                       markdown_to_html(tail);
    body += "<nav class=\"pager\" aria-label=\"" + std::string(zh ? "相邻日期" : "Adjacent days") + "\">";
    body += i + 1 < days.size() ? fmt::format("<a href=\"{}.html\" rel=\"prev\">← {}</a>",
                                              format_date(days[i + 1].report.window.date),
                                              format_date(days[i + 1].report.window.date))
                                : "<span></span>";
    body += i > 0 ? fmt::format("<a href=\"{}.html\" rel=\"next\">{} →</a>", format_date(days[i - 1].report.window.date),
                                format_date(days[i - 1].report.window.date))
                  : "<span></span>";
    body += "</nav>\n";
    PageSpec page{lang, 1, std::string(L.title) + " · " + date, day_summary(d.report), body, scripts};
    INFRADIGEST_TRY(write(d.path(), render_page(page)));
    ++summary.days;
    feed.push_back(FeedEntry{d.report.window.date, std::string(L.title) + " · " + date, d.path(), day_summary(d.report),
                             report_html, d.report.window.end});
  }

  // Repo pages: the 30-day chart, then the repo's section of every day.
  const SysDays latest = days.empty() ? SysDays{} : days.front().report.window.date;
  for (const auto& repo : o.repos) {
    std::string body = fmt::format("<h1>{}</h1>\n<p class=\"meta\"><a href=\"{}\">{}</a></p>\n", html_escape(repo),
                                   safe_href(repo_url(repo)), zh ? "在 GitHub 上查看" : "View on GitHub");
    if (!days.empty()) body += activity_figure(by_date, latest, lang, "activity", &repo);
    body += fmt::format("<h2>{}</h2>\n", zh ? "历史" : "History");
    int shown = 0;
    for (const auto& d : days) {
      if (!d.digest.repos.count(repo)) continue;
      const std::string date = format_date(d.report.window.date);
      body += fmt::format("<section aria-labelledby=\"d{0}\"><h3 id=\"d{0}\"><a href=\"../{1}\">{0}</a></h3>\n", date,
                          d.path());
      body += markdown_to_html(demote_headings(repo_section_markdown(d.markdown, repo), 1, false));
      body += "</section>\n";
      ++shown;
    }
    if (shown == 0) body += fmt::format("<p>{}</p>\n", zh ? "存档中暂无该仓库的活动。" : "No activity in the archive yet.");
    PageSpec page{lang, 1, repo + " · " + std::string(L.title), repo, body, scripts};
    INFRADIGEST_TRY(write("repos/" + repo_slug(repo) + ".html", render_page(page)));
  }

  // Index: the latest report first, then charts, every day, every repo.
  std::string body = fmt::format("<h1>{}</h1>\n", html_escape(L.title));
  body += fmt::format("<p class=\"meta\">{}</p>\n",
                      zh ? fmt::format("共 {} 期 · 跳到：<a href=\"#latest\">最新一期</a> · <a href=\"#charts\">图表</a> · "
                                       "<a href=\"#days\">全部日报</a> · <a href=\"#repos\">仓库</a>",
                                       days.size())
                         : fmt::format("{} reports · jump to: <a href=\"#latest\">latest</a> · <a href=\"#charts\">charts</a> · "
                                       "<a href=\"#days\">all days</a> · <a href=\"#repos\">repositories</a>",
                                       days.size()));
  if (days.empty()) {
    body += fmt::format("<p id=\"latest\">{}</p>\n",
                        zh ? "存档还是空的：先导入或同步数据，再运行 infradigest site。"
                           : "The archive is empty: import or sync data, then run infradigest site.");
  } else {
    const Day& d = days.front();
    const std::string date = format_date(d.report.window.date);
    body += fmt::format("<section aria-labelledby=\"latest\"><h2 id=\"latest\">{} · <a href=\"{}\">{}</a></h2>\n",
                        zh ? "最新一期" : "Latest report", d.path(), date);
    body += markdown_to_html(demote_headings(d.markdown, 1, true)) + "</section>\n";
    body += fmt::format("<section aria-labelledby=\"charts\"><h2 id=\"charts\">{}</h2>\n", zh ? "图表" : "Charts");
    body += heatmap_figure(by_date, latest, lang, "heatmap");
    body += activity_figure(by_date, latest, lang, "activity", nullptr);
    body += "</section>\n";
  }
  body += fmt::format("<section aria-labelledby=\"days\"><h2 id=\"days\">{}</h2>\n", zh ? "全部日报" : "All reports");
  body += fmt::format("<label for=\"repo-filter\" hidden>{}</label> <select id=\"repo-filter\" hidden>"
                      "<option value=\"\">{}</option>",
                      zh ? "按仓库筛选：" : "Filter by repository:", zh ? "全部仓库" : "All repositories");
  for (const auto& repo : o.repos) body += fmt::format("<option>{}</option>", html_escape(repo));
  body += "</select>\n<ol class=\"days\">\n";
  for (const auto& d : days) {
    std::string repos;
    for (const auto& [name, c] : d.digest.repos) repos += (repos.empty() ? "" : " ") + name;
    body += fmt::format("<li data-repos=\"{}\"><a href=\"{}\">{}</a><span class=\"meta\">{}</span></li>\n",
                        html_escape(repos), d.path(), format_date(d.report.window.date), counts_text(d.digest, lang));
  }
  body += "</ol>\n</section>\n";
  body += fmt::format("<section aria-labelledby=\"repos\"><h2 id=\"repos\">{}</h2>\n<ul class=\"repos\">\n",
                      zh ? "仓库" : "Repositories");
  for (const auto& repo : o.repos) {
    RepoDayCounts sum;
    for (const auto& p : activity_series(by_date, latest, &repo)) {
      sum.commits += p.commits;
      sum.prs += p.prs;
      sum.issues += p.issues;
    }
    body += fmt::format("<li><a href=\"repos/{}.html\">{}</a><span class=\"meta\">{}</span></li>\n", repo_slug(repo),
                        html_escape(repo),
                        zh ? fmt::format("近 {} 天：{} 个提交、{} 个合并的 PR、{} 个新 issue", kActivityDays, sum.commits,
                                         sum.prs, sum.issues)
                           : fmt::format("last {} days: {} commits, {} merged PRs, {} new issues", kActivityDays,
                                         sum.commits, sum.prs, sum.issues));
  }
  body += "</ul>\n</section>\n";
  INFRADIGEST_TRY(write("index.html", render_page(PageSpec{lang, 0, std::string(L.title), std::string(L.intro), body, scripts})));

  // Search.
  std::vector<const Report*> reports;
  for (const auto& d : days) reports.push_back(&d.report);
  INFRADIGEST_TRY(write("assets/search-index.js", render_search_index_js(reports)));
  std::string search = fmt::format("<h1>{}</h1>\n", zh ? "搜索" : "Search");
  search += fmt::format(
      "<form class=\"search\" role=\"search\" action=\"search.html\" method=\"get\">"
      "<label for=\"q\" class=\"skip\">{0}</label><input id=\"q\" name=\"q\" type=\"search\" placeholder=\"{0}\" "
      "autocomplete=\"off\"><button type=\"submit\">{1}</button></form>\n",
      zh ? "搜索标题、仓库、标签、日期…" : "Search titles, repositories, tags, dates…", zh ? "搜索" : "Search");
  search += fmt::format("<p id=\"search-status\" class=\"meta\" aria-live=\"polite\" data-empty=\"{}\" data-count=\"{}\"></p>\n",
                        zh ? "输入关键词开始搜索。" : "Type words to search.",
                        zh ? "找到 {n} 条结果。" : "{n} results.");
  search += "<ol id=\"results\" data-root=\"\"></ol>\n";
  search += fmt::format("<noscript><p>{}</p></noscript>\n",
                        zh ? "搜索需要 JavaScript；也可以按日期或仓库浏览全部日报。"
                           : "Search needs JavaScript; you can still browse every report by day or repository.");
  INFRADIGEST_TRY(write("search.html", render_page(PageSpec{lang, 0, std::string(zh ? "搜索 · " : "Search · ") + std::string(L.title), "", search,
                                                            {"assets/search-index.js", "assets/site.js"}})));

  // Feed.
  FeedOptions feed_options{std::string(L.title),
                           zh ? "关注仓库每天在 GitHub 上的变化，每一条都链接到来源。"
                              : "What landed on GitHub each day in the watched repositories, every item linked.",
                           o.base_url, lang};
  INFRADIGEST_TRY(write("feed.xml", render_atom_feed(feed_options, feed)));
  if (!days.empty()) summary.latest = latest;
  return summary;
}

}  // namespace infradigest
