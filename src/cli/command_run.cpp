// infradigest run: the daily job. Syncs "yesterday" (relative to --now, in
// the configured timezone) from GitHub, writes that day's report into the
// archive, and marks the day reported. Days missed since the last run are
// caught up first (at most run.backfill_days); each day is then delivered to
// the chat webhooks, and the web archive rebuilt, when configured. Safe to repeat: a re-run of a day
// rewrites the same report (commits found late go to the next day, see
// docs/sync.md), and a run that died resumes where its repositories stopped.
//
// Only complete days are published (docs/sync.md, "Complete days"): a day
// some watched repository's list was not read for stops the run there —
// nothing of it reaches the archive, the site, the feed or chat, and it stays
// unreported for the next run — unless --allow-incomplete. A store that never
// synced next to an archive of reported days (a lost CI cache) is refused
// unless --rebuild-from-archive.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/github_sync.h"
#include "cli/history_refresh.h"
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

namespace {

// "o/r (pull requests, issues), o/s (commits)".
std::string describe_gaps(const std::vector<RepoGap>& gaps) {
  std::string out;
  for (const auto& g : gaps) {
    std::string lists;
    for (SyncList l : g.lists) lists += (lists.empty() ? "" : ", ") + std::string(sync_list_label(l));
    out += (out.empty() ? "" : ", ") + g.repo + " (" + lists + ")";
  }
  return out;
}

// A store that never synced next to an archive of reported days: the store
// was lost (an evicted CI cache). Starting over would report those days'
// commits again by date, lose late pushes and send chat pieces again; refused
// unless the operator says to take the archive's newest day as reported.
Status check_not_lost(SyncStore& store, const Config& cfg, bool rebuild_from_archive, std::ostream& err) {
  auto fresh = store.never_synced();
  if (!fresh) return fresh.error();
  if (!*fresh) return {};
  const auto archived = archived_days(cfg.archive_dir);
  if (archived.empty()) return {};  // a first run
  const std::string& newest = archived.front();
  if (!rebuild_from_archive)
    return make_error(fmt::format(
        "the store has never synced, but {} already holds {} reported days (newest {}): the store was lost or is "
        "not the one the archive was written with. Restore it (see docs/sync.md, \"State that survives CI\"), "
        "or run again with --rebuild-from-archive to start a new store that takes every day through {} as reported",
        cfg.archive_dir, archived.size(), newest, newest));
  auto date = parse_date(newest);
  if (!date) return date.error();
  auto window = make_report_window(*date, cfg.timezone);
  if (!window) return window.error();
  INFRADIGEST_TRY(store.advance_reported_through(window->end));
  err << "infradigest: rebuilding from the archive: days through " << newest
      << " are taken as reported; a new store starts from the day after\n";
  return {};
}

}  // namespace

ExitStatus run_daily(CommandContext& c, std::vector<std::string> args) {
  bool verbose = false, no_llm = false, retry_llm = false, allow_incomplete = false, rebuild_from_archive = false;
  CLI::App app{"Sync yesterday from GitHub and write its report to the archive", "run"};
  std::optional<long long> budget;
  app.add_flag("-v,--verbose", verbose, "Log every GitHub request (never the token) on stderr");
  app.add_option("--budget", budget, kBudgetHelp)->check(CLI::PositiveNumber)->option_text("N");
  app.add_flag("--allow-incomplete", allow_incomplete,
               "Publish a day even when some repository could not be synced (the report names them)");
  app.add_flag("--rebuild-from-archive", rebuild_from_archive,
               "Start a new store although the archive holds reported days: take them as reported");
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
  if (auto s = check_not_lost(store, cfg, rebuild_from_archive, c.err); !s) return fail(c, s.error());
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
                              verbose ? Verbosity::kVerbose : Verbosity::kNormal, budget);
    if (!synced) return fail(c, synced.error());
    refresh_history_after_ingest(c, *db);
    if (budget) *budget = std::max(0LL, *budget - synced->api.charged);  // --budget is for the whole run
    // A half-synced day is not published: the next run resumes and reports it whole.
    if (synced->stopped) {
      c.err << "infradigest: no report written for " << format_date(missed) << "; run again later to resume\n";
      return ExitStatus::kRateLimited;
    }

    if (!synced->incomplete().empty()) status = ExitStatus::kFailure;
    // The store says whether the day is complete (sync_lists), not this sync alone:
    // a list read completely by an earlier run still covers the day.
    auto gaps = store.gaps(cfg.repos, day_window->start, day_window->end);
    if (!gaps) return fail(c, gaps.error());
    if (!gaps->empty() && !allow_incomplete) {
      c.err << "infradigest: error: " << format_date(missed) << " is not published: not synced: " << describe_gaps(*gaps)
            << " (errors above). Nothing of it was written to the archive, the site, the feed or chat, and it stays "
               "unreported: the next run resumes it; --allow-incomplete publishes it with these repositories named\n";
      status = ExitStatus::kFailure;
      break;  // later days wait for it: days are published in order
    }
    DayReportRequest request;
    request.date = missed;
    request.timezone = cfg.timezone;
    request.language = *lang;
    request.repos = cfg.repos;
    request.llm = llm->get();
    if (retry_llm) request.recompose = Recompose::kAlways;
    request.now = c.now();
    auto composed = day_report(*db, request);
    if (!composed) return fail(c, composed.error());
    const Report& report = composed->report;
    const std::string markdown = c.secrets.scrub(render_markdown(report));  // archive and chat: no configured secret
    // A complete archived report is never replaced by an incomplete one (the
    // store may have been rebuilt since it was written).
    if (!report.incomplete_repos.empty()) {
      auto archived = archived_report(cfg.archive_dir, missed);
      if (!archived) return fail(c, archived.error());
      if (*archived && !markdown_names_unsynced(**archived)) {
        c.err << "infradigest: kept " << cfg.archive_dir << "/" << format_date(missed)
              << ".md: it is complete, and this run's report of the day is not\n";
        if (auto s = store.advance_reported_through(day_window->end); !s) return fail(c, s.error());
        continue;
      }
    }
    if (auto s = write_archive(cfg.archive_dir, missed, markdown, *lang); !s) return fail(c, s.error());
    // Only now is the day published: late commits found from here on land in the next day.
    if (auto s = store.advance_reported_through(day_window->end); !s) return fail(c, s.error());
    c.err << "infradigest: wrote " << cfg.archive_dir << "/" << format_date(missed) << ".md and " << cfg.archive_dir
          << "/README.md"
          << (report.incomplete_repos.empty() ? "" : " (published with --allow-incomplete; not synced: " +
                                                         describe_gaps(*gaps) + ")")
          << "\n";
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
