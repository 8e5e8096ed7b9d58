#include "sync/landing_rule.h"

#include <algorithm>

namespace infradigest {

SysSeconds landing_floor(SysSeconds window_start, std::optional<SysSeconds> reported_through) {
  return reported_through ? std::max(window_start, *reported_through) : window_start;
}

void attribute_landing(std::vector<Commit>& commits, SysSeconds floor) {
  for (auto& c : commits)
    if (c.committed_at.instant < floor) c.landed_at = Timestamp{floor, TimePrecision::kSecond};
}

}  // namespace infradigest
