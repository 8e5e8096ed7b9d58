// Theme trends: how many changes carried each classifier tag in a period
// against the previous one; the tags that rose and fell most, each stated
// with both counts and citing example changes.
#pragma once

#include <vector>

#include "compose/period_activity.h"

namespace infradigest {

struct TrendLists {
  std::vector<TagTrend> rising;   // largest increase first
  std::vector<TagTrend> falling;  // largest decrease first
};

// At most kTrendsShown per direction. Ties: more changes now first, then tag order.
TrendLists compose_trends(const PeriodActivity& now, const PeriodActivity& before, PeriodKind kind,
                          Language lang);

}  // namespace infradigest
