// infradigest publish: deliver a day's report to the configured chat webhooks.
#include <ostream>

#include "cli/parse_args.h"
#include "core/report_window.h"
#include "net/http_client.h"
#include "pipeline/day_report.h"
#include "publish/publisher.h"
#include "cli/run_publishing.h"
#include "render/markdown_renderer.h"
#include "sync/run_lock.h"
#include "store/activity_store.h"

namespace infradigest {

ExitStatus run_publish(CommandContext& c, std::vector<std::string> args) {
  const Config& cfg = c.config.config;
  std::string date_text, lang;
  std::vector<std::string> only;
  PublishOptions options;
  bool dry_run = false;
  CLI::App app{"Send a day's report to the configured chat webhooks ([[publish.webhook]] in the config)", "publish"};
  app.add_option("--date", date_text, "Report date YYYY-MM-DD (default: yesterday in the configured timezone)");
  app.add_option("--lang", lang, "Report language (default: config 'language')")->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--target", only, "Only the webhook(s) with this name (repeatable)");
  app.add_flag("--dry-run", dry_run, "Print the request bodies (unsigned) instead of sending; changes nothing");
  app.add_flag("--resend", options.resend, "Send every piece again, even those delivered before");
  if (auto done = parse_args(app, std::move(args), c)) return *done;
  if (dry_run) options.mode = PublishMode::kDryRun;

  auto targets = webhook_targets(cfg);
  if (!only.empty()) {
    std::vector<WebhookTarget> chosen;
    for (const auto& name : only) {
      auto it = std::find_if(targets.begin(), targets.end(), [&](const WebhookTarget& t) { return t.name == name; });
      if (it == targets.end()) return fail(c, make_error("no [[publish.webhook]] named '" + name + "'"), ExitStatus::kUsage);
      chosen.push_back(*it);
    }
    targets = chosen;
  }
  if (targets.empty())
    return fail(c, make_error("no chat webhooks configured: add a [[publish.webhook]] table to the config "
                              "(type, url_env; see README)"),
                ExitStatus::kUsage);
  auto language = parse_language(lang.empty() ? cfg.language : lang);
  if (!language) return fail(c, make_error("language must be zh or en"), ExitStatus::kUsage);
  Result<SysDays> date = parse_date(date_text);
  if (date_text.empty()) {
    auto today = local_date(c.now(), cfg.timezone);
    if (!today) return fail(c, today.error(), ExitStatus::kUsage);
    date = *today - std::chrono::days{1};
  }
  if (!date) return fail(c, date.error().with_context("--date"), ExitStatus::kUsage);

  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  // Delivery state, stored reports and the site manifest have one writer at a
  // time: a manual run overlapping the cron run must not send a piece twice.
  auto lock = RunLock::acquire(db->path());
  if (!lock) return fail(c, lock.error());
  // The day's stored report, as `report` and `run` wrote it (with any LLM
  // prose); composed by rules only when none is stored or it is stale.
  auto day = day_report(*db, stored_report_request(*date, cfg.timezone, *language, cfg.repos, c.now()));
  if (!day) return fail(c, day.error());
  const Report& report = day->report;
  auto http = make_http_client();
  Publisher publisher(*db, *http, system_clock(), system_getenv, c.err, &c.secrets);
  bool failed = false;
  options.day_page_url = day_page_url(cfg, *date);
  for (const auto& outcome : publisher.publish(report, render_markdown(report), targets, options, c.out)) {
    if (outcome.error) {
      c.err << "infradigest: error: " << outcome.error->message << "\n";
      failed = true;
    }
  }
  return failed ? ExitStatus::kFailure : ExitStatus::kOk;
}

}  // namespace infradigest
