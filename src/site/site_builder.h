// The static web archive (`infradigest site -o DIR`): every report day in the
// store rendered from the same Report the Markdown and chat use.
//
//   DIR/index.html           latest report first, charts, all days (per-repo filter), repos
//   DIR/days/DATE.html       one page per day, with the week's tag heat map
//   DIR/repos/OWNER__NAME.html  one page per repo: 30-day activity chart and its history
//   DIR/search.html          full-text search (assets/search-index.js + assets/site.js)
//   DIR/feed.xml             Atom feed, one entry per day
//   DIR/assets/site.css, site.js, search-index.js
//
// Links are relative, so the folder works from file:// and from any web path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compose/language.h"
#include "core/result.h"
#include "core/timestamp.h"
#include "store/database.h"

namespace infradigest {

struct SiteOptions {
  std::string out_dir;
  std::string timezone = "UTC";
  Language language = Language::kZh;
  std::vector<std::string> repos;  // the watchlist, in report order
  std::string base_url;            // absolute URL of the published site, for the feed; may be empty
  int max_days = 0;                // newest N days only; 0: every day with activity
};

struct SiteSummary {
  int days = 0;   // day pages written
  int files = 0;  // files written in all
  std::optional<SysDays> latest;
};

// Report days with activity of the watched repos, newest first: days on which
// a commit landed, an issue was opened, a release or a PR merge happened.
Result<std::vector<SysDays>> activity_days(Database& db, const std::string& timezone,
                                           const std::vector<std::string>& repos);

// Writes the site (each file atomically). Files of days no longer in the
// store are left alone.
Result<SiteSummary> build_site(Database& db, const SiteOptions& options);

// The Markdown of one repo's section in a rendered report, without its
// heading; "" when the report has no such section.
std::string repo_section_markdown(const std::string& report_markdown, const std::string& full_name);

}  // namespace infradigest
