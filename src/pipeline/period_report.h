// The weekly / monthly report from the stored daily reports of its days (and
// of the previous period's, for trends): a day without a current stored
// report is composed by rules and stored, exactly as `report` would; the
// merged-PR counts come from the store. Rule-based: no LLM is asked.
#pragma once

#include <string>
#include <vector>

#include "document/period_report.h"
#include "store/database.h"

namespace infradigest {

struct PeriodReportRequest {
  PeriodKind kind = PeriodKind::kWeek;
  SysDays date{};  // any day of the period
  std::string timezone = "UTC";
  Language language = Language::kZh;
  std::vector<std::string> repos;  // the watchlist, in report order
  SysSeconds now{};                // stamps day reports composed on the way
};

// Errors: unknown timezone, database failures.
Result<PeriodReport> build_period_report(Database& db, const PeriodReportRequest& request);

}  // namespace infradigest
