// infradigest site: build the static web archive from the store.
#include <ostream>

#include "cli/parse_args.h"
#include "core/report_window.h"
#include "pipeline/site_update.h"
#include "sync/run_lock.h"

namespace infradigest {

ExitStatus run_site(CommandContext& c, std::vector<std::string> args) {
  const Config& cfg = c.config.config;
  SiteRequest r;
  std::string lang, out_dir = cfg.site.dir;
  r.base_url = cfg.site.base_url;
  CLI::App app{"Build the static web archive (HTML pages, SVG charts, search, Atom feed)", "site"};
  app.add_option("-o,--output", out_dir, "Output folder (default: config 'site.dir')");
  app.add_option("--lang", lang, "Language (default: config 'language')")->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--timezone", r.timezone, "IANA timezone of the report day (default: config 'timezone')");
  app.add_option("--days", r.max_days, "Only the newest N days (default: every day with activity)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) return "";
            return "must be a whole number of days, 0 or more (got '" + value + "')";
          },
          "N"));
  app.add_option("--base-url", r.base_url, "Absolute URL where the site is published, for the feed (default: config 'site.base_url')");
  app.add_flag("--rebuild", r.rewrite_all, "Write every file again, even those already current");
  if (auto done = parse_args(app, std::move(args), c)) return *done;
  if (out_dir.empty()) return fail(c, make_error("say where to write the site: -o DIR (or config 'site.dir')"), ExitStatus::kUsage);
  if (r.timezone.empty()) r.timezone = cfg.timezone;
  auto language = parse_language(lang.empty() ? cfg.language : lang);
  if (!language) return fail(c, make_error("language must be zh or en"), ExitStatus::kUsage);
  if (!r.base_url.empty() && !r.base_url.starts_with("https://") && !r.base_url.starts_with("http://"))
    return fail(c, make_error("--base-url must be an absolute http(s) URL"), ExitStatus::kUsage);
  if (auto window = make_report_window(SysDays{}, r.timezone); !window) return fail(c, window.error(), ExitStatus::kUsage);
  r.language = *language;
  r.repos = cfg.repos;
  r.out_dir = out_dir;
  r.scope = SiteScope::kAllActivity;
  r.now = c.now();

  auto db = c.open_database();
  if (!db) return fail(c, db.error());
  // Delivery state, stored reports and the site manifest have one writer at a
  // time: a manual run overlapping the cron run must not send a piece twice.
  auto lock = RunLock::acquire(db->path());
  if (!lock) return fail(c, lock.error());
  auto site = update_site(*db, r);
  if (!site) return fail(c, site.error().with_context("site " + out_dir));
  c.err << "infradigest: wrote " << out_dir << "/index.html (" << site->days << " day"
        << (site->days == 1 ? "" : "s") << ", " << site->written << " files written, " << site->kept << " current";
  if (site->latest) c.err << ", latest " << format_date(*site->latest);
  c.err << ")\n";
  return ExitStatus::kOk;
}

}  // namespace infradigest
