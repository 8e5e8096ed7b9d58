// The daily report pipeline in one call: load the day from the store, keep
// the watched repos' items in the window, compose. Shared by `report`, `run`
// and every publisher, so they all say the same thing about a day.
#pragma once

#include <string>
#include <vector>

#include "compose/report.h"
#include "store/database.h"

namespace infradigest {

struct DailyReportRequest {
  SysDays date{};
  std::string timezone = "UTC";
  Language language = Language::kZh;
  std::vector<std::string> repos;  // the watchlist, in report order
};

// Errors: unknown timezone (message names it), database failures.
Result<Report> build_daily_report(Database& db, const DailyReportRequest& request);

}  // namespace infradigest
