#include "pipeline/site_update.h"

#include <set>

#include "core/report_window.h"
#include "pipeline/day_report.h"
#include "render/report_json_reader.h"
#include "store/activity_store.h"
#include "store/day_report_store.h"
#include "sync/sync_store.h"

namespace infradigest {

namespace {

// The local days on which the watched repositories had activity.
Result<std::set<SysDays>> activity_days(Database& db, const SiteRequest& r) {
  auto times = ActivityStore(db).item_times(r.repos);
  if (!times) return times.error();
  std::set<SysDays> days;
  for (const Timestamp& t : *times) {
    if (t.date_only()) {
      days.insert(t.date());
      continue;
    }
    auto d = local_date(t.instant, r.timezone);
    if (!d) return d.error();
    days.insert(*d);
  }
  return days;
}

// Stored reports for every day with activity, composed by rules where none
// is current (a stored LLM report with current inputs is kept).
Status compose_activity_days(Database& db, const SiteRequest& r) {
  auto days = activity_days(db, r);
  if (!days) return days.error();
  for (SysDays date : *days) {
    auto report = day_report(db, stored_report_request(date, r.timezone, r.language, r.repos, r.now));
    if (!report) return report.error().with_context("report " + format_date(date));
  }
  return {};
}

// A day is finished when its window has ended and its repositories were
// synced after that; imported data (never synced) counts from the window's end.
Result<bool> finished(const DayReportMeta& m, SysSeconds now) {
  auto window = make_report_window(m.date, m.timezone);
  if (!window) return window.error();
  return window->end <= now && (!m.synced_at || *m.synced_at >= window->end);
}

// An incomplete day (some repository not synced for it) is on the site only
// once `run` published it (--allow-incomplete moved the reported-through mark
// past it); a store `run` never reported from shows what it holds.
Result<bool> publishable(const DayReportMeta& m, std::optional<SysSeconds> reported_through) {
  if (m.complete || !reported_through) return true;
  auto window = make_report_window(m.date, m.timezone);
  if (!window) return window.error();
  return window->end <= *reported_through;
}

Result<std::vector<SiteDay>> site_days(Database& db, const SiteRequest& r) {
  auto stored = DayReportStore(db).list(language_code(r.language));
  if (!stored) return stored.error();
  auto reported = SyncStore(db).reported_through();
  if (!reported) return reported.error();
  std::vector<SiteDay> days;
  for (const auto& m : *stored) {
    if (r.max_days > 0 && static_cast<int>(days.size()) >= r.max_days) break;
    if (m.timezone != r.timezone) continue;  // stored for another zone: not this site's days
    auto done = finished(m, r.now);
    if (!done) return done.error();
    if (!*done) continue;
    auto published = publishable(m, *reported);
    if (!published) return published.error();
    if (!*published) continue;
    auto digest = digest_from_json(m.digest);
    if (!digest) return digest.error().with_context("stored report " + format_date(m.date));
    if (digest->total_items == 0) continue;
    days.push_back(SiteDay{std::move(*digest), m.revision, m.composed_at});
  }
  return days;
}

}  // namespace

Result<SiteSummary> update_site(Database& db, const SiteRequest& r) {
  if (r.scope == SiteScope::kAllActivity) INFRADIGEST_TRY(compose_activity_days(db, r));
  auto days = site_days(db, r);
  if (!days) return days.error();
  DayReportStore store(db);
  const std::string language(language_code(r.language));
  ReportLoader load = [&](SysDays date) -> Result<Report> {
    auto stored = store.find(date, language);
    if (!stored) return stored.error();
    if (!*stored) return make_error("no stored report");
    return read_report_json((*stored)->document);
  };
  SiteOptions options{r.out_dir, r.language, r.repos, r.base_url, r.rewrite_all};
  return build_site(*days, load, options);
}

}  // namespace infradigest
