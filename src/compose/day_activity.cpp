#include "compose/day_activity.h"

#include <algorithm>
#include <set>

#include "compose/changes.h"

namespace infradigest {

Activity select_window(const Activity& all, const ReportWindow& window,
                       const std::vector<std::string>& watchlist) {
  const std::set<std::string> watched(watchlist.begin(), watchlist.end());
  auto keep = [&](const auto& item) { return watched.count(item.repo) > 0; };
  Activity day;
  for (const auto& r : all.repositories)
    if (watched.count(r.full_name)) day.repositories.push_back(r);
  // A change lands with its last commit: all of its commits go to that day.
  std::set<const Commit*> landed;
  for (const Change& change : group_changes(all.commits))
    if (watched.count(change.repo) && window.contains(change.landed()))
      landed.insert(change.commits.begin(), change.commits.end());
  for (const auto& c : all.commits)
    if (landed.count(&c)) day.commits.push_back(c);
  for (const auto& p : all.pull_requests)
    if (keep(p)) day.pull_requests.push_back(p);
  for (const auto& i : all.issues)
    if (keep(i) && window.contains(i.created_at)) day.issues.push_back(i);
  for (const auto& r : all.releases)
    if (keep(r) && window.contains(r.published_at)) day.releases.push_back(r);
  return day;
}

}  // namespace infradigest
