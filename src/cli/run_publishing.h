// The publishing half of `run`: after a day's report is in the archive,
// rebuild the web archive (when `site.dir` is set) and deliver the day to the
// chat webhooks (when [[publish.webhook]] tables exist); and which days a run
// owes (missed-day backfill, bounded by `run.backfill_days`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "document/report.h"

namespace infradigest {

// The report days a run should write, oldest first: every day after the last
// reported one up to `yesterday`, at most `max_days` (the newest ones), and
// always `yesterday` itself. `reported_through` is the end of the last
// published window (SyncStore::reported_through); nullopt: never ran.
Result<std::vector<SysDays>> days_to_report(std::optional<SysSeconds> reported_through, SysDays yesterday,
                                            const std::string& timezone, int max_days);

// Delivers one day's report to every [[publish.webhook]] (nothing when none
// is configured). Progress and per-target errors on c.err.
Status publish_day(CommandContext& c, Database& db, const Report& report, const std::string& markdown);

// The day's page on the published site (`site.base_url` + days/DATE.html),
// linked from the chat digest; empty when no base_url is configured.
std::string day_page_url(const Config& config, SysDays date);

// Rebuilds the web archive in `site.dir` (nothing when it is empty).
Status rebuild_site(CommandContext& c, Database& db, Language language);

}  // namespace infradigest
