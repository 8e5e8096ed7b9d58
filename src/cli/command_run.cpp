// infradigest run: the daily job. Syncs "yesterday" (relative to --now, in
// the configured timezone) from GitHub, writes that day's report into the
// archive, and marks the day reported. Days missed since the last run are
// caught up first (at most run.backfill_days); each day is then delivered to
// the chat webhooks, and the web archive rebuilt, when configured. Safe to repeat: a re-run of a day
// rewrites the same report (commits found late go to the next day, see
// docs/sync.md), and a run that died resumes where its repositories stopped.
#include <ostream>

#include "cli/github_sync.h"
#include "cli/llm_setup.h"
#include "cli/parse_args.h"
#include "cli/run_publishing.h"
#include "core/report_window.h"
#include "github/api_url.h"
#include "pipeline/day_report.h"
#include "render/archive.h"
#include "render/markdown_renderer.h"
#include "sync/run_lock.h"

namespace infradigest {

ExitStatus run_daily(CommandContext& c, std::vector<std::string> args) {
  bool verbose = false, no_llm = false, retry_llm = false;
  CLI::App app{"Sync yesterday from GitHub and write its report to the archive", "run"};
  app.add_flag("-v,--verbose", verbose, "Log every GitHub request (never the token) on stderr");
  app.add_flag("--no-llm", no_llm, kNoLlmHelp);
  app.add_flag("--retry-llm", retry_llm, kRetryLlmHelp)->excludes("--no-llm");
  if (auto done = parse_args(app, std::move(args), c)) return *done;

  const Config& cfg = c.config.config;
  auto lang = parse_language(cfg.language);
  if (!lang) return fail(c, make_error("language must be zh or en"), ExitStatus::kUsage);
  auto today = local_date(c.now(), cfg.timezone);
  if (!today) return fail(c, today.error(), ExitStatus::kUsage);
  const SysDays day = *today - std::chrono::days{1};
  auto window = make_report_window(day, cfg.timezone);
  if (!window) return fail(c, window.error(), ExitStatus::kUsage);
  if (auto api = normalize_api_url(cfg.github.api_url); !api)
    return fail(c, api.error().with_context("github.api_url"), ExitStatus::kUsage);
  auto llm = make_llm_setup(c, no_llm ? LlmUse::kNone : retry_llm ? LlmUse::kRetryRejected : LlmUse::kConfigured);
  if (!llm) return fail(c, llm.error(), ExitStatus::kUsage);

  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  auto lock = RunLock::acquire(db->path());
  if (!lock) return fail(c, lock.error());
  SyncStore store(*db);
  // Missed days (the machine was off, a run failed): catch up, oldest first,
  // at most run.backfill_days of them (cli/run_publishing.h).
  auto reported = store.reported_through();
  if (!reported) return fail(c, reported.error());
  auto days = days_to_report(*reported, day, cfg.timezone, static_cast<int>(cfg.run.backfill_days));
  if (!days) return fail(c, days.error());
  if (days->size() > 1)
    c.err << "infradigest: catching up " << days->size() << " days: " << format_date(days->front()) << " to "
          << format_date(days->back()) << "\n";
  ExitStatus status = ExitStatus::kOk;
  for (const SysDays missed : *days) {
    auto day_window = make_report_window(missed, cfg.timezone);
    if (!day_window) return fail(c, day_window.error());
    auto synced = sync_github(c, store, SyncWindow{day_window->start, day_window->end},
                              verbose ? Verbosity::kVerbose : Verbosity::kNormal);
    if (!synced) return fail(c, synced.error());
    // A half-synced day is not published: the next run resumes and reports it whole.
    if (synced->stopped) {
      c.err << "infradigest: no report written for " << format_date(missed) << "; run again later to resume\n";
      return ExitStatus::kRateLimited;
    }

    const auto incomplete = synced->incomplete();
    DayReportRequest request;
    request.date = missed;
    request.timezone = cfg.timezone;
    request.language = *lang;
    request.repos = cfg.repos;
    request.llm = llm->get();
    request.incomplete_repos = incomplete;
    if (retry_llm) request.recompose = Recompose::kAlways;
    request.now = c.now();
    auto composed = day_report(*db, request);
    if (!composed) return fail(c, composed.error());
    const Report& report = composed->report;
    const std::string markdown = c.secrets.scrub(render_markdown(report));  // archive and chat: no configured secret
    if (auto s = write_archive(cfg.archive_dir, missed, markdown, *lang); !s) return fail(c, s.error());
    // Only now is the day published: late commits found from here on land in the next day.
    if (auto s = store.advance_reported_through(day_window->end); !s) return fail(c, s.error());
    c.err << "infradigest: wrote " << cfg.archive_dir << "/" << format_date(missed) << ".md and " << cfg.archive_dir
          << "/README.md" << (incomplete.empty() ? "" : " (some repositories are incomplete, see above)") << "\n";
    if (!incomplete.empty()) status = ExitStatus::kFailure;
    // Chat delivery when [[publish.webhook]]s are configured; its failures do not stop the run.
    if (auto s = publish_day(c, *db, report, markdown); !s) {
      c.err << "infradigest: error: " << s.error().message << "\n";
      status = ExitStatus::kFailure;
    }
  }
  // The web archive when site.dir is set, once for all the days written.
  if (auto s = rebuild_site(c, *db, *lang); !s) {
    c.err << "infradigest: error: " << s.error().message << "\n";
    status = ExitStatus::kFailure;
  }
  return status;
}

}  // namespace infradigest
