#include "compose/period_trends.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <map>

#include "document/period_language.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

constexpr std::size_t kExamplesPerTrend = 2;

// Each tag's changes in a period, most important first.
std::map<Tag, std::vector<const ReportItem*>> changes_by_tag(const PeriodActivity& period) {
  std::map<Tag, std::vector<const ReportItem*>> out;
  for (const auto& repo : period.repos)
    for (const auto& p : repo.items)
      for (const auto& tag : p.item.classification.tags) out[tag].push_back(&p.item);
  for (auto& [tag, items] : out)
    std::stable_sort(items.begin(), items.end(),
                     [](const ReportItem* a, const ReportItem* b) { return a->importance > b->importance; });
  return out;
}

Statement trend_statement(const TagTrend& t, PeriodKind kind, Language lang) {
  const auto& L = labels(lang);
  const auto& P = period_labels(kind, lang);
  const bool zh = lang == Language::kZh;
  const int delta = t.now - t.before;
  const std::string signed_delta = delta > 0 ? fmt::format("+{}", delta) : fmt::format("−{}", -delta);
  StatementBuilder b;
  b.strong(t.tag.name).text(std::string(L.open_paren) + std::string(facet_label(t.tag.facet, lang)) +
                            std::string(L.close_paren) + std::string(L.colon));
  if (zh) {
    b.text(fmt::format("{} {} 项，{} {} 项（{}）", P.this_period, t.now, P.prev_period, t.before, signed_delta));
  } else {
    b.text(fmt::format("{} {}, {} {} ({})", t.now, P.this_period, t.before, P.prev_period, signed_delta));
  }
  if (!t.examples.empty()) {
    const bool previous = t.examples.front().previous;
    if (zh) b.text(previous ? "，上期如 " : "，如 ");
    else b.text(previous ? "; previously e.g. " : ", e.g. ");
    for (size_t i = 0; i < t.examples.size(); ++i) {
      if (i > 0) b.text(std::string(L.list_separator));
      b.link(t.examples[i].title, t.examples[i].url, t.examples[i].id);
    }
  }
  b.text(std::string(L.period));
  return b.build();
}

std::vector<TrendExample> examples_of(const std::vector<const ReportItem*>& items, bool previous) {
  std::vector<TrendExample> out;
  for (size_t i = 0; i < items.size() && i < kExamplesPerTrend; ++i)
    out.push_back(TrendExample{items[i]->id, items[i]->display_title, items[i]->url, previous});
  return out;
}

}  // namespace

TrendLists compose_trends(const PeriodActivity& now, const PeriodActivity& before, PeriodKind kind,
                          Language lang) {
  const auto current = changes_by_tag(now);
  const auto earlier = changes_by_tag(before);
  std::map<Tag, TagTrend> trends;
  for (const auto& [tag, items] : current) trends[tag].now = static_cast<int>(items.size());
  for (const auto& [tag, items] : earlier) trends[tag].before = static_cast<int>(items.size());

  TrendLists out;
  for (auto& [tag, t] : trends) {
    if (t.now == t.before) continue;
    t.tag = tag;
    // Cite what the period holds; a tag that vanished cites what it had before.
    t.examples = t.now > 0 ? examples_of(current.at(tag), false) : examples_of(earlier.at(tag), true);
    t.statement = trend_statement(t, kind, lang);
    (t.now > t.before ? out.rising : out.falling).push_back(t);
  }
  auto by_change = [](const TagTrend& a, const TagTrend& b) {
    const int da = std::abs(a.now - a.before), db = std::abs(b.now - b.before);
    if (da != db) return da > db;
    return a.now > b.now;
  };
  std::stable_sort(out.rising.begin(), out.rising.end(), by_change);
  std::stable_sort(out.falling.begin(), out.falling.end(), by_change);
  if (out.rising.size() > kTrendsShown) out.rising.resize(kTrendsShown);
  if (out.falling.size() > kTrendsShown) out.falling.resize(kTrendsShown);
  return out;
}

}  // namespace infradigest
