// infradigest report: compose the day's report from the store and render it.
#include <ostream>

#include "cli/llm_setup.h"
#include "cli/parse_args.h"
#include "core/atomic_file.h"
#include "pipeline/day_report.h"
#include "pipeline/period_report.h"
#include "render/archive.h"
#include "render/json_renderer.h"
#include "render/markdown_renderer.h"
#include "render/period_json.h"
#include "render/period_markdown.h"
#include "store/activity_store.h"

namespace infradigest {

namespace {

struct ReportOptions {
  std::string date;
  std::string lang;
  std::string format = "md";
  std::string output;
  std::string timezone;
  std::string period = "day";
  bool archive = false;
  bool no_llm = false;
  bool retry_llm = false;
  bool recompose = false;
};

// "Yesterday" is the calendar day before today in the report timezone.
Result<SysDays> default_report_date(const CommandContext& c, const std::string& tz) {
  auto today = local_date(c.now(), tz);
  if (!today) return today.error();
  return *today - std::chrono::days{1};
}

// Writes the rendered report to -o FILE (atomically) or stdout.
ExitStatus emit(CommandContext& c, const ReportOptions& o, const std::string& text) {
  if (o.output.empty()) {
    c.out << text;
  } else if (auto s = write_file_atomically(o.output, text); !s) {
    return fail(c, s.error());
  }
  return ExitStatus::kOk;
}

}  // namespace

ExitStatus run_report(CommandContext& c, std::vector<std::string> args) {
  ReportOptions o;
  CLI::App app{"Write the AI Infra report for a day, week or month from the store", "report"};
  app.add_option("--date", o.date, "Report date YYYY-MM-DD (default: yesterday in the configured timezone)");
  app.add_option("--period", o.period,
                 "day (default); week: the ISO week (Monday-Sunday) containing --date; "
                 "month: the calendar month containing --date")
      ->check(CLI::IsMember({"day", "week", "month"}));
  app.add_option("--lang", o.lang, "Report language (default: config 'language')")->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--format", o.format, "Output format")->check(CLI::IsMember({"md", "json"}));
  app.add_option("-o,--output", o.output, "Write to FILE instead of stdout");
  app.add_option("--timezone", o.timezone, "IANA timezone of the report day (default: config 'timezone')");
  app.add_flag("--archive", o.archive, "Also write ARCHIVE_DIR/DATE.md and ARCHIVE_DIR/README.md (Markdown only)");
  app.add_flag("--no-llm", o.no_llm, kNoLlmHelp);
  app.add_flag("--retry-llm", o.retry_llm, kRetryLlmHelp)->excludes("--no-llm");
  app.add_flag("--recompose", o.recompose,
               "Compose the day again even when its stored report is current (daily reports only)");
  if (auto done = parse_args(app, std::move(args), c)) return *done;

  const Config& cfg = c.config.config;
  const std::string tz = o.timezone.empty() ? cfg.timezone : o.timezone;
  auto lang = parse_language(o.lang.empty() ? cfg.language : o.lang);
  if (!lang) return fail(c, make_error("language must be zh or en"), ExitStatus::kUsage);
  if (o.archive && o.period != "day")
    return fail(c, make_error("--archive writes daily reports only; drop --archive for --period " + o.period),
                ExitStatus::kUsage);
  if (o.archive && o.format != "md")
    return fail(c, make_error("--archive writes Markdown; drop --format json or --archive"), ExitStatus::kUsage);

  auto date = o.date.empty() ? default_report_date(c, tz) : parse_date(o.date);
  if (!date) return fail(c, date.error().with_context("--date"), ExitStatus::kUsage);
  if (auto window = make_report_window(*date, tz); !window) return fail(c, window.error(), ExitStatus::kUsage);
  auto llm = make_llm_setup(c, o.no_llm ? LlmUse::kNone : o.retry_llm ? LlmUse::kRetryRejected : LlmUse::kConfigured);
  if (!llm) return fail(c, llm.error(), ExitStatus::kUsage);

  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  auto known = ActivityStore(*db).repositories();
  if (!known) return fail(c, known.error());
  if (known->empty())
    return fail(c, make_error("the store " + db->path() +
                              " has no data: run 'infradigest import examples/2026-02-26' "
                              "(or sync from GitHub) first"));
  if (o.period != "day") {
    // Weekly and monthly reports are rule-based: the LLM writer rewrites daily prose only.
    PeriodReportRequest period;
    period.kind = *parse_period_kind(o.period);
    period.date = *date;
    period.timezone = tz;
    period.language = *lang;
    period.repos = cfg.repos;
    period.now = c.now();
    auto report = build_period_report(*db, period);
    if (!report) return fail(c, report.error());
    return emit(c, o, o.format == "json" ? render_period_json(*report) : render_period_markdown(*report));
  }
  DayReportRequest request;
  request.date = *date;
  request.timezone = tz;
  request.language = *lang;
  request.repos = cfg.repos;
  request.llm = llm->get();
  request.recompose = o.recompose || o.retry_llm ? Recompose::kAlways : Recompose::kWhenStale;
  request.now = c.now();
  auto day = day_report(*db, request);
  if (!day) return fail(c, day.error());
  const Report& report = day->report;
  // No configured secret reaches a report file, even quoted in a commit title.
  const std::string text = c.secrets.scrub(o.format == "json" ? render_json(report) : render_markdown(report));
  if (auto status = emit(c, o, text); status != ExitStatus::kOk) return status;
  if (o.archive) {
    if (auto s = write_archive(cfg.archive_dir, *date, text, *lang); !s) return fail(c, s.error());
    c.err << "infradigest: wrote " << cfg.archive_dir << "/" << format_date(*date) << ".md and "
          << cfg.archive_dir << "/README.md\n";
  }
  return ExitStatus::kOk;
}

}  // namespace infradigest
