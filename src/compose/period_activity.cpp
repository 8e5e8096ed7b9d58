#include "compose/period_activity.h"

#include <map>

#include "compose/day_activity.h"
#include "compose/repo_sections.h"

namespace infradigest {

ActivityQuery period_query(const PeriodWindow& from, const PeriodWindow& to) {
  // The same margins as query_around: UTC offsets span -12h..+14h.
  return ActivityQuery{format_date(from.first - std::chrono::days{1}),
                       format_date(to.last + std::chrono::days{2})};
}

Result<PeriodActivity> collect_period(const Activity& stored, const PeriodWindow& window,
                                      const std::vector<std::string>& watchlist) {
  PeriodActivity out;
  for (const auto& name : watchlist) out.repos.push_back(RepoPeriodActivity{name, {}, {}, {}, 0});

  for (SysDays day : window.days()) {
    auto daily = make_report_window(day, window.timezone);
    if (!daily) return daily.error();
    const Activity selected = select_window(stored, *daily, watchlist);
    const std::vector<RepoSection> sections = build_repo_sections(selected, *daily, watchlist);
    for (size_t i = 0; i < sections.size(); ++i) {
      RepoPeriodActivity& repo = out.repos[i];
      for (const auto& item : sections[i].items) {
        out.date_only_items += item.date_only ? 1 : 0;
        repo.items.push_back(PeriodItem{item, day});
      }
      for (const auto& issue : sections[i].issues) repo.issues.push_back(issue);
      for (const auto& release : sections[i].releases)
        repo.releases.push_back(PeriodRelease{release, repo.full_name, day});
    }
    for (const auto& issue : selected.issues) out.date_only_items += issue.created_at.date_only() ? 1 : 0;
    for (const auto& release : selected.releases) out.date_only_items += release.published_at.date_only() ? 1 : 0;
  }

  std::map<std::string, RepoPeriodActivity*> by_name;
  for (auto& repo : out.repos) by_name[repo.full_name] = &repo;
  for (const auto& pr : stored.pull_requests) {
    auto it = by_name.find(pr.repo);
    if (it != by_name.end() && pr.merged_at && window.contains(*pr.merged_at)) ++it->second->merged_prs;
  }
  return out;
}

PeriodCounts count_activity(const RepoPeriodActivity& repo) {
  PeriodCounts counts;
  std::map<ChangeKind, int> kinds;
  for (const auto& p : repo.items) {
    ++counts.changes;
    counts.commits += p.item.id.starts_with("commit:") ? 1 : 0;
    ++kinds[p.item.classification.kind];
  }
  for (ChangeKind kind : all_change_kinds())
    if (kinds[kind] > 0) counts.by_kind.emplace_back(kind, kinds[kind]);
  counts.merged_prs = repo.merged_prs;
  counts.issues = static_cast<int>(repo.issues.size());
  for (const auto& issue : repo.issues) counts.severe_issues += issue.classification.severe ? 1 : 0;
  counts.releases = static_cast<int>(repo.releases.size());
  return counts;
}

}  // namespace infradigest
