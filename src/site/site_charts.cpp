#include "site/site_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "site/html_text.h"

namespace infradigest {

namespace {

constexpr size_t kHeatmapTags = 12;

// `extra_class`: "newest-right" opens a card too narrow for its chart at the
// right end, where a time series has its newest days (site_assets.cpp).
std::string figure(const std::string& caption_id, const std::string& caption, const std::string& svg,
                   std::string_view extra_class = "") {
  return fmt::format(
      "<figure class=\"chart-box{}{}\" aria-labelledby=\"{}\"><figcaption id=\"{}\">{}</figcaption>\n{}</figure>\n",
      extra_class.empty() ? "" : " ", extra_class, caption_id, caption_id, html_escape(caption), svg);
}

}  // namespace

std::vector<ActivityPoint> activity_series(const DigestsByDate& by_date, SysDays end, const std::string* repo) {
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

std::string heatmap_figure(const DigestsByDate& by_date, SysDays end, Language lang, const std::string& id) {
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
  for (const auto& tag : order)
    rows.push_back({tag_label(tag, lang), std::string(facet_label(tag.facet, lang)), counts[tag]});
  const bool zh = lang == Language::kZh;
  const std::string title =
      zh ? fmt::format("标签热度：{} 至 {}", format_date(days.front()), format_date(days.back()))
         : fmt::format("Tag heat map, {} to {}", format_date(days.front()), format_date(days.back()));
  return figure(id + "-caption", title, tag_heatmap_svg(id, title, days, rows, lang));
}

std::string activity_figure(const DigestsByDate& by_date, SysDays end, Language lang, const std::string& id,
                            const std::string* repo) {
  const bool zh = lang == Language::kZh;
  const std::string who = repo ? *repo : std::string(zh ? "全部关注仓库" : "All watched repositories");
  const std::string title = zh ? fmt::format("{}：近 {} 天活跃度", who, kActivityDays)
                               : fmt::format("{}: activity over the last {} days", who, kActivityDays);
  return figure(id + "-caption", title, activity_chart_svg(id, title, activity_series(by_date, end, repo), lang),
                "newest-right");
}

}  // namespace infradigest
