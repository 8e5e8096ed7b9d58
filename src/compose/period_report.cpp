#include "compose/period_report.h"

#include <algorithm>

#include "compose/period_activity.h"
#include "compose/period_statements.h"
#include "compose/period_trends.h"

namespace infradigest {

namespace {

PeriodRepo make_repo(const RepoPeriodActivity& now, const RepoPeriodActivity& before, Language lang) {
  PeriodRepo repo;
  repo.full_name = now.full_name;
  repo.url = repo_url(now.full_name);
  repo.counts = count_activity(now);
  repo.previous_changes = count_activity(before).changes;
  repo.top = now.items;
  std::stable_sort(repo.top.begin(), repo.top.end(), [](const PeriodItem& a, const PeriodItem& b) {
    return a.item.importance > b.item.importance;
  });
  if (repo.top.size() > kTopChangesPerRepo) repo.top.resize(kTopChangesPerRepo);
  for (const auto& p : repo.top) repo.highlights.push_back(compose_highlight(p, lang));
  for (const auto& issue : now.issues)
    if (issue.classification.severe && repo.severe_issues.size() < kNotableIssuesPerRepo)
      repo.severe_issues.push_back(issue);
  for (const auto& issue : repo.severe_issues) repo.issue_lines.push_back(compose_issue_line(issue, lang));
  return repo;
}

}  // namespace

PeriodReport compose_period_report(const PeriodInputs& in, const std::vector<std::string>& watchlist,
                                   Language language) {
  const PeriodActivity now = collect_period(in.days, watchlist, in.merged_prs);
  const PeriodActivity before = collect_period(in.previous_days, watchlist, in.previous_merged_prs);
  PeriodReport report;
  report.window = in.window;
  report.previous = in.previous;
  report.language = language;
  report.date_only_items = now.date_only_items;
  for (size_t i = 0; i < now.repos.size(); ++i) {
    report.repos.push_back(make_repo(now.repos[i], before.repos[i], language));
    for (const auto& r : now.repos[i].releases) report.releases.push_back(r);
  }
  std::stable_sort(report.releases.begin(), report.releases.end(),
                   [](const PeriodRelease& a, const PeriodRelease& b) { return a.day < b.day; });
  for (const auto& r : report.releases) report.release_statements.push_back(compose_release_line(r, language));
  report.release_lines = compose_release_lines(report.releases, language);
  auto trends = compose_trends(now, before, in.window.kind, language);
  report.rising = std::move(trends.rising);
  report.falling = std::move(trends.falling);
  report.summary = compose_period_summary(report);
  return report;
}

}  // namespace infradigest
