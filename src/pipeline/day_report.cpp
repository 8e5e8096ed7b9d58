#include "pipeline/day_report.h"

#include <fmt/format.h>

#include "compose/composer.h"
#include "document/day_digest.h"
#include "pipeline/day_composition.h"
#include "pipeline/day_inputs.h"
#include "render/json_renderer.h"
#include "render/report_json_reader.h"
#include "sync/sync_store.h"

namespace infradigest {

namespace {

std::string producer_of(const Report& r) { return r.llm ? "llm" : "rules"; }

// Whether `stored` can stand for the report `request` asks for, given the
// inputs the day has now.
bool usable(const DayReportMeta& stored, const DayReportRequest& request, const DayInputs& inputs,
            const std::vector<std::string>& unsynced) {
  // A complete report is never replaced by one from a failed sync, whatever asks.
  if (stored.complete && !unsynced.empty() && stored.timezone == request.timezone) return true;
  if (request.recompose == Recompose::kAlways) return false;
  if (stored.timezone != request.timezone || stored.rules_version != rules_version()) return false;
  if (!stored.complete && unsynced.empty()) return false;
  if (stored.inputs != inputs.fingerprint) return false;
  if (request.accept == StoredProducer::kAny) return true;
  return stored.producer == (request.llm ? "llm" : "rules");
}

// Takes the inputs: the day's items are released once composed, before the
// report's JSON is built (a 1,000-repository day holds both otherwise).
Result<DayReport> compose_and_store(Database& db, const DayReportRequest& request, DayInputs inputs,
                                   const std::vector<std::string>& unsynced) {
  DayReport out;
  out.report = compose_day(inputs.activity, inputs.window, request.repos, request.language, db, request.llm, unsynced);
  out.recomposed = true;
  { Activity composed = std::move(inputs.activity); }
  auto synced = SyncStore(db).last_synced_at(request.repos);
  if (!synced) return synced.error();
  DayReportMeta& m = out.meta;
  m.date = request.date;
  m.language = std::string(language_code(request.language));
  m.timezone = request.timezone;
  m.inputs = inputs.fingerprint;
  m.rules_version = rules_version();
  m.producer = producer_of(out.report);
  m.complete = unsynced.empty();
  m.synced_at = *synced;
  m.composed_at = request.now;
  m.digest = digest_to_json(digest_report(out.report));
  auto revision = DayReportStore(db).save(StoredDayReport{m, render_json(out.report, JsonLayout::kCompact)});
  if (!revision) return revision.error().with_context("storing the report of " + format_date(request.date));
  m.revision = *revision;
  return out;
}

}  // namespace

Result<std::vector<std::string>> day_unsynced_repos(Database& db, const std::vector<std::string>& repos,
                                                    const ReportWindow& window) {
  auto gaps = SyncStore(db).gaps(repos, window.start, window.end);
  if (!gaps) return gaps.error();
  std::vector<std::string> names;
  for (const auto& g : *gaps) names.push_back(g.repo);
  return names;
}

std::string rules_version() { return fmt::format("{}/compose-{}", INFRADIGEST_VERSION, kComposerRevision); }

DayReportRequest stored_report_request(SysDays date, const std::string& timezone, Language language,
                                       const std::vector<std::string>& repos, SysSeconds now) {
  DayReportRequest r;
  r.date = date;
  r.timezone = timezone;
  r.language = language;
  r.repos = repos;
  r.accept = StoredProducer::kAny;
  r.now = now;
  return r;
}

Result<DayReport> day_report(Database& db, const DayReportRequest& request) {
  auto inputs = load_day_inputs(db, request.date, request.timezone, request.repos);
  if (!inputs) return inputs.error();
  const std::string language(language_code(request.language));
  auto unsynced = day_unsynced_repos(db, request.repos, inputs->window);
  if (!unsynced) return unsynced.error();
  auto stored = DayReportStore(db).find(request.date, language);
  if (!stored) return stored.error();
  if (*stored && usable((*stored)->meta, request, *inputs, *unsynced)) {
    // Only the items' fingerprint was needed: released before the document is read.
    { Activity fingerprinted = std::move(inputs->activity); }
    if (auto report = read_report_json((*stored)->document); report.ok())
      return DayReport{std::move(report).value(), std::move((*stored)->meta), false};
    // A document this program cannot read back (another format) is composed again.
    inputs = load_day_inputs(db, request.date, request.timezone, request.repos);
    if (!inputs) return inputs.error();
  }
  return compose_and_store(db, request, std::move(*inputs), *unsynced);
}

}  // namespace infradigest
