#include "compose/daily_report.h"

#include "compose/composer.h"
#include "compose/day_activity.h"
#include "llm/report_writer.h"
#include "store/activity_store.h"

namespace infradigest {

Result<Report> build_daily_report(Database& db, const DailyReportRequest& request) {
  auto window = make_report_window(request.date, request.timezone);
  if (!window) return window.error();
  auto stored = ActivityStore(db).load(query_around(request.date));
  if (!stored) return stored.error();
  Activity day = select_window(*stored, *window, request.repos);
  Report report = compose_report(day, *window, request.repos, request.language);
  if (request.llm != nullptr) write_with_llm(report, day, db, *request.llm);
  return report;
}

}  // namespace infradigest
