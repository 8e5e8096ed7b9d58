// A period's activity, gathered day by day through the daily report's own
// selection (select_window + build_repo_sections), so weekly and monthly
// numbers always add up to the daily reports of their days.
#pragma once

#include <string>
#include <vector>

#include "compose/period_report.h"
#include "model/activity.h"
#include "store/activity_store.h"

namespace infradigest {

struct RepoPeriodActivity {
  std::string full_name;
  std::vector<PeriodItem> items;  // commits and stand-alone merged PRs, by day
  std::vector<ReportIssue> issues;
  std::vector<PeriodRelease> releases;
  int merged_prs = 0;
};

struct PeriodActivity {
  std::vector<RepoPeriodActivity> repos;  // watchlist order
  int date_only_items = 0;
};

// The store range to load so that `stored` covers every day of `from`..`to`
// in any timezone.
ActivityQuery period_query(const PeriodWindow& from, const PeriodWindow& to);

// REQUIRES: `stored` holds at least the items of period_query(window, window).
Result<PeriodActivity> collect_period(const Activity& stored, const PeriodWindow& window,
                                      const std::vector<std::string>& watchlist);

// The counts of one repository's period activity.
PeriodCounts count_activity(const RepoPeriodActivity& repo);

}  // namespace infradigest
