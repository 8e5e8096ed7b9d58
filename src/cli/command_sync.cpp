// infradigest sync: read a window of GitHub activity into the store.
#include <ostream>

#include "cli/github_sync.h"
#include "cli/history_refresh.h"
#include "cli/parse_args.h"
#include "core/report_window.h"
#include "github/api_url.h"
#include "sync/run_lock.h"

namespace infradigest {

namespace {

struct SyncOptions {
  std::string date, since, until;
  bool verbose = false;
  std::optional<long long> budget;
};

Result<SysSeconds> parse_instant(const std::string& text, const char* option) {
  auto t = parse_timestamp(text);
  if (!t) return t.error().with_context(option);
  if (t->date_only()) return make_error(std::string(option) + " needs a time, e.g. 2026-02-26T00:00:00Z (or use --date)");
  return t->instant;
}

Result<SyncWindow> window_of(const CommandContext& c, const SyncOptions& o) {
  const std::string& tz = c.config.config.timezone;
  if (!o.since.empty() || !o.until.empty()) {
    if (o.since.empty() || o.until.empty()) return make_error("--since and --until go together");
    auto since = parse_instant(o.since, "--since");
    if (!since) return since.error();
    auto until = parse_instant(o.until, "--until");
    if (!until) return until.error();
    if (*since >= *until) return make_error("--since must be before --until");
    return SyncWindow{*since, *until};
  }
  SysDays day;
  if (o.date.empty()) {
    auto today = local_date(c.now(), tz);
    if (!today) return today.error();
    day = *today - std::chrono::days{1};
  } else {
    auto parsed = parse_date(o.date);
    if (!parsed) return parsed.error().with_context("--date");
    day = *parsed;
  }
  auto window = make_report_window(day, tz);
  if (!window) return window.error();
  return SyncWindow{window->start, window->end};
}

}  // namespace

ExitStatus run_sync(CommandContext& c, std::vector<std::string> args) {
  SyncOptions o;
  CLI::App app{"Read GitHub activity of the watched repositories into the store (docs/sync.md)", "sync"};
  auto* date = app.add_option("--date", o.date, "Day YYYY-MM-DD in the configured timezone (default: yesterday)");
  auto* since = app.add_option("--since", o.since, "Window start, RFC 3339 (with --until)");
  app.add_option("--until", o.until, "Window end (exclusive), RFC 3339");
  date->excludes(since);
  app.add_flag("-v,--verbose", o.verbose, "Log every request (never the token) on stderr");
  app.add_option("--budget", o.budget, kBudgetHelp)->check(CLI::PositiveNumber)->option_text("N");
  if (auto done = parse_args(app, std::move(args), c)) return *done;

  auto window = window_of(c, o);
  if (!window) return fail(c, window.error(), ExitStatus::kUsage);
  if (auto api = normalize_api_url(c.config.config.github.api_url); !api)
    return fail(c, api.error().with_context("github.api_url"), ExitStatus::kUsage);
  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  auto lock = RunLock::acquire(db->path());
  if (!lock) return fail(c, lock.error());
  SyncStore store(*db);
  auto report = sync_github(c, store, *window, o.verbose ? Verbosity::kVerbose : Verbosity::kNormal, o.budget);
  if (!report) return fail(c, report.error());
  refresh_history_after_ingest(c, *db);
  return sync_exit_status(*report);
}

}  // namespace infradigest
