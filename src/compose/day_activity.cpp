#include "compose/day_activity.h"

#include <algorithm>
#include <set>

namespace infradigest {

Activity select_window(const Activity& all, const ReportWindow& window,
                       const std::vector<std::string>& watchlist) {
  const std::set<std::string> watched(watchlist.begin(), watchlist.end());
  auto keep = [&](const auto& item) { return watched.count(item.repo) > 0; };
  Activity day;
  for (const auto& r : all.repositories)
    if (watched.count(r.full_name)) day.repositories.push_back(r);
  for (const auto& c : all.commits)
    if (keep(c) && window.contains(c.landing_time())) day.commits.push_back(c);
  for (const auto& p : all.pull_requests)
    if (keep(p)) day.pull_requests.push_back(p);
  for (const auto& i : all.issues)
    if (keep(i) && window.contains(i.created_at)) day.issues.push_back(i);
  for (const auto& r : all.releases)
    if (keep(r) && window.contains(r.published_at)) day.releases.push_back(r);
  return day;
}

}  // namespace infradigest
