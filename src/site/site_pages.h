// The pages of the web archive, each rendered from documents and digests
// only (site_builder.h decides which to write). Bodies are safe HTML; text
// from reports passes through the Markdown renderer or html_escape.
#pragma once

#include <string>
#include <vector>

#include "document/report.h"
#include "site/site_charts.h"

namespace infradigest {

// A day's report, loaded once per build for every file that shows it.
struct LoadedDay {
  Report report;
  std::string markdown;  // render_markdown(report)
};

std::string day_page_path(SysDays date);  // "days/2026-02-26.html"

// The report's first 摘要 line as plain text: a page description, a feed summary.
std::string report_summary_line(const Report& report);

// The day page: the report, the week's heat map before 影响评估, and links to
// the neighbouring days (absent at either end).
std::string render_day_page(const LoadedDay& day, const DigestsByDate& digests, const SysDays* previous,
                            const SysDays* next);

// A repository's page: its activity chart and its section of each day of
// `days` (newest first: the kActivityDays days up to `latest` that moved it).
std::string render_repo_page(const std::string& repo, const std::vector<const LoadedDay*>& days,
                             const DigestsByDate& digests, SysDays latest, Language lang);

// The index: the latest report (null: the archive is empty), the charts,
// every day (newest first, with its counts) and every repository.
std::string render_index_page(const LoadedDay* latest, const std::vector<const DayDigest*>& days,
                              const DigestsByDate& digests, const std::vector<std::string>& repos, Language lang);

// The search page, loading the given index shards (paths from the site root).
std::string render_search_page(const std::vector<std::string>& shard_scripts, Language lang);

// The Markdown of one repo's section in a rendered report, without its
// heading; "" when the report has no such section.
std::string repo_section_markdown(const std::string& report_markdown, const std::string& full_name);

}  // namespace infradigest
