#include "cli/run_publishing.h"

#include <ostream>

#include "net/http_client.h"
#include "publish/publisher.h"
#include "pipeline/site_update.h"
#include "site/site_pages.h"

namespace infradigest {

Result<std::vector<SysDays>> days_to_report(std::optional<SysSeconds> reported_through, SysDays yesterday,
                                            const std::string& timezone, int max_days) {
  SysDays first = yesterday;
  if (reported_through) {
    // The window that starts at reported_through is the first one not yet published.
    auto next = local_date(*reported_through, timezone);
    if (!next) return next.error();
    first = std::min(*next, yesterday);
  }
  if (max_days < 1) max_days = 1;
  if (yesterday - first >= std::chrono::days{max_days}) first = yesterday - std::chrono::days{max_days - 1};
  std::vector<SysDays> days;
  for (SysDays d = first; d <= yesterday; d += std::chrono::days{1}) days.push_back(d);
  return days;
}

Status publish_day(CommandContext& c, Database& db, const Report& report, const std::string& markdown) {
  const auto targets = webhook_targets(c.config.config);
  if (targets.empty()) return {};
  auto http = make_http_client();
  Publisher publisher(db, *http, system_clock(), system_getenv, c.err, &c.secrets);
  std::string failed;
  PublishOptions options;
  options.day_page_url = day_page_url(c.config.config, report.window.date);
  for (const auto& outcome : publisher.publish(report, markdown, targets, options, c.out)) {
    if (!outcome.error) continue;
    c.err << "infradigest: error: " << outcome.error->message << "\n";
    failed += (failed.empty() ? "'" : ", '") + outcome.target + "'";
  }
  if (failed.empty()) return {};
  return make_error("chat delivery of " + format_date(report.window.date) + " failed for " + failed +
                    " (a re-run sends only what is missing)");
}

std::string day_page_url(const Config& config, SysDays date) {
  std::string base = config.site.base_url;
  if (base.empty()) return "";
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/" + day_page_path(date);
}

Status rebuild_site(CommandContext& c, Database& db, Language language) {
  const Config& cfg = c.config.config;
  if (cfg.site.dir.empty()) return {};
  SiteRequest r;
  r.out_dir = cfg.site.dir;
  r.timezone = cfg.timezone;
  r.language = language;
  r.repos = cfg.repos;
  r.base_url = cfg.site.base_url;
  r.scope = SiteScope::kStoredDays;
  r.now = c.now();
  auto site = update_site(db, r);
  if (!site) return site.error().with_context("web archive " + cfg.site.dir);
  c.err << "infradigest: wrote the web archive " << cfg.site.dir << "/index.html (" << site->days << " days, "
        << site->written << " files written)\n";
  return {};
}

}  // namespace infradigest
