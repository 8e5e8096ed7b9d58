#include "pipeline/period_report.h"

#include "compose/period_report.h"
#include "pipeline/day_report.h"
#include "store/activity_store.h"

namespace infradigest {

namespace {

Result<std::vector<Report>> day_reports(Database& db, const PeriodReportRequest& r, const PeriodWindow& window) {
  std::vector<Report> out;
  for (SysDays date : window.days()) {
    auto report = day_report(db, stored_report_request(date, r.timezone, r.language, r.repos, r.now));
    if (!report) return report.error().with_context("report " + format_date(date));
    out.push_back(std::move(report->report));
  }
  return out;
}

}  // namespace

Result<PeriodReport> build_period_report(Database& db, const PeriodReportRequest& r) {
  PeriodInputs in;
  auto window = make_period_window(r.kind, r.date, r.timezone);
  if (!window) return window.error();
  in.window = *window;
  auto previous = previous_period(*window);
  if (!previous) return previous.error();
  in.previous = *previous;
  auto now = day_reports(db, r, in.window);
  if (!now) return now.error();
  in.days = std::move(*now);
  auto before = day_reports(db, r, in.previous);
  if (!before) return before.error();
  in.previous_days = std::move(*before);
  ActivityStore store(db);
  auto merged = store.merged_pull_requests(r.repos, in.window);
  if (!merged) return merged.error();
  in.merged_prs = std::move(*merged);
  auto merged_before = store.merged_pull_requests(r.repos, in.previous);
  if (!merged_before) return merged_before.error();
  in.previous_merged_prs = std::move(*merged_before);
  return compose_period_report(in, r.repos, r.language);
}

}  // namespace infradigest
