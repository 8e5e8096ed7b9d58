// What a day's report is composed from: the watched repositories' items in
// its window, read from the store, and a fingerprint of them, so a stored
// report is composed again only when what it says could change.
#pragma once

#include <string>
#include <vector>

#include "core/report_window.h"
#include "core/result.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest {

struct DayInputs {
  ReportWindow window;
  Activity activity;  // compose/day_activity.h select_window
  // SHA-256 over the activity (in its canonical snapshot form), the
  // watchlist in report order, the timezone and the taxonomy extension.
  std::string fingerprint;
};

// Errors: an unknown timezone (names it), database failures.
Result<DayInputs> load_day_inputs(Database& db, SysDays date, const std::string& timezone,
                                  const std::vector<std::string>& watchlist);

}  // namespace infradigest
