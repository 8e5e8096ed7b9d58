#include "compose/period_activity.h"

#include <map>


namespace infradigest {

PeriodActivity collect_period(const std::vector<Report>& days, const std::vector<std::string>& watchlist,
                              const std::map<std::string, int>& merged_prs) {
  PeriodActivity out;
  std::map<std::string, RepoPeriodActivity*> by_name;
  out.repos.reserve(watchlist.size());
  for (const auto& name : watchlist) {
    auto merged = merged_prs.find(name);
    out.repos.push_back(RepoPeriodActivity{name, {}, {}, {}, merged == merged_prs.end() ? 0 : merged->second});
    by_name[name] = &out.repos.back();
  }
  for (const Report& day : days) {
    out.date_only_items += day.date_only_items;
    for (const auto& section : day.repos) {
      auto it = by_name.find(section.full_name);
      if (it == by_name.end()) continue;
      RepoPeriodActivity& repo = *it->second;
      for (const auto& item : section.items) repo.items.push_back(PeriodItem{item, day.window.date});
      for (const auto& issue : section.issues) repo.issues.push_back(issue);
      for (const auto& release : section.releases)
        repo.releases.push_back(PeriodRelease{release, repo.full_name, day.window.date});
    }
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
