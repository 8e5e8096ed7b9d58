#include "site/day_digest.h"

namespace infradigest {

DayDigest digest_report(const Report& report) {
  DayDigest d;
  d.date = report.window.date;
  d.total_items = report.total_items;
  for (const auto& s : report.repos) {
    if (s.empty()) continue;
    RepoDayCounts& c = d.repos[s.full_name];
    for (const auto& i : s.items) {
      ++c.commits;
      if (i.pr) ++c.prs;
      for (const auto& t : i.classification.tags) ++d.tags[t];
    }
    c.issues = static_cast<int>(s.issues.size());
    c.releases = static_cast<int>(s.releases.size());
  }
  return d;
}

}  // namespace infradigest
