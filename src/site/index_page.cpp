#include <fmt/format.h>

#include <sstream>

#include "document/language.h"
#include "site/html_text.h"
#include "site/markdown_html.h"
#include "site/page_layout.h"
#include "site/site_pages.h"

namespace infradigest {

namespace {

// The report's Markdown as a part of another page: its title line dropped,
// its headings one level down.
std::string embedded_report(const std::string& markdown) {
  std::istringstream in(markdown);
  std::string line, out;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && line.starts_with("# ")) {
      first = false;
      continue;
    }
    first = false;
    if (line.starts_with("#")) line.insert(0, 1, '#');
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
  if (sum.commits) parts.push_back(count_changes(sum.commits, lang));
  if (sum.issues) parts.push_back(count_issues(sum.issues, lang));
  if (sum.releases) parts.push_back(count_releases(sum.releases, lang));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

std::string days_section(const std::vector<const DayDigest*>& days, const std::vector<std::string>& repos,
                         Language lang) {
  const bool zh = lang == Language::kZh;
  std::string body =
      fmt::format("<section aria-labelledby=\"days\"><h2 id=\"days\">{}</h2>\n", zh ? "全部日报" : "All reports");
  body += fmt::format("<label for=\"repo-filter\" hidden>{}</label> <select id=\"repo-filter\" hidden>"
                      "<option value=\"\">{}</option>",
                      zh ? "按仓库筛选：" : "Filter by repository:", zh ? "全部仓库" : "All repositories");
  for (const auto& repo : repos) body += fmt::format("<option>{}</option>", html_escape(repo));
  body += "</select>\n<ol class=\"days\">\n";
  for (const DayDigest* d : days) {
    std::string names;
    for (const auto& [name, c] : d->repos) names += (names.empty() ? "" : " ") + name;
    body += fmt::format("<li data-repos=\"{}\"><a href=\"{}\">{}</a><span class=\"meta\">{}</span></li>\n",
                        html_escape(names), day_page_path(d->date), format_date(d->date), counts_text(*d, lang));
  }
  return body + "</ol>\n</section>\n";
}

std::string repos_section(const DigestsByDate& digests, SysDays latest, const std::vector<std::string>& repos,
                          Language lang) {
  const bool zh = lang == Language::kZh;
  std::string body = fmt::format("<section aria-labelledby=\"repos\"><h2 id=\"repos\">{}</h2>\n<ul class=\"repos\">\n",
                                 zh ? "仓库" : "Repositories");
  for (const auto& repo : repos) {
    RepoDayCounts sum;
    for (const auto& p : activity_series(digests, latest, &repo)) {
      sum.commits += p.commits;
      sum.prs += p.prs;
      sum.issues += p.issues;
    }
    body += fmt::format("<li><a href=\"repos/{}.html\">{}</a><span class=\"meta\">{}</span></li>\n", repo_slug(repo),
                        html_escape(repo),
                        zh ? fmt::format("近 {} 天：{} 项变更、{} 个合并的 PR、{} 个新 issue", kActivityDays,
                                         sum.commits, sum.prs, sum.issues)
                           : fmt::format("last {} days: {} changes, {} merged PRs, {} new issues", kActivityDays,
                                         sum.commits, sum.prs, sum.issues));
  }
  return body + "</ul>\n</section>\n";
}

}  // namespace

std::string render_index_page(const LoadedDay* latest, const std::vector<const DayDigest*>& days,
                              const DigestsByDate& digests, const std::vector<std::string>& repos, Language lang) {
  const bool zh = lang == Language::kZh;
  const auto& L = labels(lang);
  std::string body = fmt::format("<h1>{}</h1>\n", html_escape(L.title));
  body += fmt::format("<p class=\"meta\">{}</p>\n",
                      zh ? fmt::format("共 {} 期 · 跳到：<a href=\"#latest\">最新一期</a> · <a href=\"#charts\">图表</a> · "
                                       "<a href=\"#days\">全部日报</a> · <a href=\"#repos\">仓库</a>",
                                       days.size())
                         : fmt::format("{} reports · jump to: <a href=\"#latest\">latest</a> · <a href=\"#charts\">charts</a> · "
                                       "<a href=\"#days\">all days</a> · <a href=\"#repos\">repositories</a>",
                                       days.size()));
  const SysDays newest = latest ? latest->report.window.date : SysDays{};
  if (!latest) {
    body += fmt::format("<p id=\"latest\">{}</p>\n",
                        zh ? "存档还是空的：先导入或同步数据，再运行 infradigest site。"
                           : "The archive is empty: import or sync data, then run infradigest site.");
  } else {
    body += fmt::format("<section aria-labelledby=\"latest\"><h2 id=\"latest\">{} · <a href=\"{}\">{}</a></h2>\n",
                        zh ? "最新一期" : "Latest report", day_page_path(newest), format_date(newest));
    body += markdown_to_html(embedded_report(latest->markdown)) + "</section>\n";
    body += fmt::format("<section aria-labelledby=\"charts\"><h2 id=\"charts\">{}</h2>\n", zh ? "图表" : "Charts");
    body += heatmap_figure(digests, newest, lang, "heatmap");
    body += activity_figure(digests, newest, lang, "activity", nullptr);
    body += "</section>\n";
  }
  body += days_section(days, repos, lang);
  body += repos_section(digests, newest, repos, lang);
  return render_page(PageSpec{lang, 0, std::string(L.title), std::string(L.intro), body, {"assets/site.js"}});
}

std::string render_search_page(const std::vector<std::string>& shard_scripts, Language lang) {
  const bool zh = lang == Language::kZh;
  const auto& L = labels(lang);
  std::string search = fmt::format("<h1>{}</h1>\n", zh ? "搜索" : "Search");
  search += fmt::format(
      "<form class=\"search\" role=\"search\" action=\"search.html\" method=\"get\">"
      "<label for=\"q\" class=\"skip\">{0}</label><input id=\"q\" name=\"q\" type=\"search\" placeholder=\"{0}\" "
      "autocomplete=\"off\"><button type=\"submit\">{1}</button></form>\n",
      zh ? "搜索标题、仓库、标签、日期…" : "Search titles, repositories, tags, dates…", zh ? "搜索" : "Search");
  search += fmt::format("<p id=\"search-status\" class=\"meta\" aria-live=\"polite\" data-empty=\"{}\" data-count=\"{}\"></p>\n",
                        zh ? "输入关键词开始搜索。" : "Type words to search.", zh ? "找到 {n} 条结果。" : "{n} results.");
  search += "<ol id=\"results\" data-root=\"\"></ol>\n";
  search += fmt::format("<noscript><p>{}</p></noscript>\n",
                        zh ? "搜索需要 JavaScript；也可以按日期或仓库浏览全部日报。"
                           : "Search needs JavaScript; you can still browse every report by day or repository.");
  std::vector<std::string> scripts = shard_scripts;
  scripts.push_back("assets/site.js");
  return render_page(
      PageSpec{lang, 0, std::string(zh ? "搜索 · " : "Search · ") + std::string(L.title), "", search, scripts});
}

}  // namespace infradigest
