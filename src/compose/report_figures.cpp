// 性能数据: benchmark figures quoted from the day's commit messages and PR
// bodies, one per item, the most telling first (performance work before
// other kinds, speed-ups before percentages before latencies, then the
// item's importance), at most kMaxPerformanceFigures.
#include <algorithm>
#include <map>
#include <set>

#include "compose/composer.h"
#include "compose/performance_figures.h"
#include "document/report_index.h"
#include "document/statement_builder.h"

namespace infradigest {

namespace {

struct Candidate {
  PerformanceFigure figure;
  bool perf_item = false;
  int strength = 0;
  double importance = 0;
};

std::string_view after_title(const std::string& message) {
  const auto nl = message.find('\n');
  return nl == std::string::npos ? std::string_view() : std::string_view(message).substr(nl + 1);
}

}  // namespace

std::vector<PerformanceFigure> compose_figures(const Report& r, const Activity& day) {
  std::map<std::pair<std::string, int>, const PullRequest*> prs;
  for (const auto& p : day.pull_requests) prs[{p.repo, p.number}] = &p;

  std::vector<Candidate> candidates;
  const ReportItemIndex items(r);
  // The best figure of one item among its texts, earliest text first on ties.
  auto consider = [&](const std::string& id, const std::vector<std::pair<std::string_view, const char*>>& texts) {
    std::string repo;
    const ReportItem* item = items.find(id, &repo);
    if (!item) return;
    std::optional<Candidate> best;
    for (const auto& [text, source] : texts)
      for (auto& q : find_performance_figures(text)) {
        const int strength = figure_strength(q.kind);
        if (best && best->strength >= strength) continue;
        std::string quote = q.quote;
        if (q.clipped_before) quote = "…" + quote;
        if (q.clipped_after) quote += "…";
        StatementBuilder b;
        best = Candidate{PerformanceFigure{repo, b.item(*item).build(), std::move(quote), source},
                         item->classification.kind == ChangeKind::kPerf, strength, item->importance};
      }
    if (best) candidates.push_back(std::move(*best));
  };

  for (const auto& c : day.commits) {
    auto pr = c.pr_number ? c.pr_number : pr_number_from_title(c.title());
    const PullRequest* p = nullptr;
    if (pr)
      if (auto it = prs.find({c.repo, *pr}); it != prs.end()) p = it->second;
    const std::string title = c.title();
    // A PR's branch commits speak for the PR's item.
    const ReportItem* item = items.find(fact_id(c));
    if (!item && c.sha) item = items.find_commit(c.repo, *c.sha);
    if (!item) continue;
    consider(item->id, {{title, "title"},
                          {after_title(c.message), "message"},
                          {p && p->body ? std::string_view(*p->body) : std::string_view(), "pr_body"}});
  }
  for (const auto& p : day.pull_requests)
    consider(fact_id(p), {{p.title, "title"}, {p.body ? std::string_view(*p.body) : std::string_view(), "pr_body"}});

  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.perf_item != b.perf_item) return a.perf_item;
    if (a.strength != b.strength) return a.strength > b.strength;
    return a.importance > b.importance;
  });
  std::vector<PerformanceFigure> out;
  std::set<std::string> quoted;  // one figure per item, though several commits may hold one
  for (auto& c : candidates) {
    if (out.size() >= kMaxPerformanceFigures) break;
    const std::string id = c.figure.change.cites.empty() ? "" : c.figure.change.cites.front();
    if (!id.empty() && !quoted.insert(id).second) continue;
    out.push_back(std::move(c.figure));
  }
  return out;
}

}  // namespace infradigest
