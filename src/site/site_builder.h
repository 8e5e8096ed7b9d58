// The static web archive: every published day rendered from its stored
// report (the same document the Markdown archive and chat use).
//
//   DIR/index.html                 latest report first, charts, all days (per-repo filter), repos
//   DIR/days/DATE.html             one page per day, with the week's tag heat map
//   DIR/repos/OWNER__NAME.html     one page per repo: 30-day activity chart and those days' sections
//   DIR/search.html                full-text search (assets/search/YYYY-MM.js + assets/site.js)
//   DIR/feed.xml                   Atom feed, the newest kFeedEntries days
//   DIR/assets/site.css, site.js, search/YYYY-MM.js
//   DIR/.infradigest-site.json     what each file was made from (site_manifest.h)
//
// Links are relative, so the folder works from file:// and from any web path.
// Incremental: a file is written only when what it shows changed, so the
// daily run's cost does not grow with the archive; the charts and the index
// read the days' digests, never the reports.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "document/day_digest.h"
#include "document/report.h"

namespace infradigest {

inline constexpr size_t kFeedEntries = 30;

// The shape of the generated pages within one program version: moving it makes
// the next build rewrite every file once, so no page keeps an older form next
// to newer ones (2: item ids on day pages, which search hits link to; charts
// as wide as their cards).
inline constexpr int kSitePageFormat = 2;

// One published day.
struct SiteDay {
  DayDigest digest;      // digest.date is the day
  int revision = 0;      // of its stored report: moves whenever the report changes
  SysSeconds updated{};  // when its report last changed (the feed entry's <updated>)
};

struct SiteOptions {
  std::string out_dir;
  Language language = Language::kZh;
  std::vector<std::string> repos;  // the watchlist, in report order
  std::string base_url;            // absolute URL of the published site, for the feed; may be empty
  bool rewrite_all = false;        // ignore what the folder holds: write every file
};

// A day's report; called only for days whose files are written, once each.
using ReportLoader = std::function<Result<Report>(SysDays date)>;

struct SiteSummary {
  int days = 0;     // days on the site
  int written = 0;  // files written this time
  int kept = 0;     // files already current
  std::optional<SysDays> latest;
};

// `days`: every day the site shows, newest first. Each file is written
// atomically; files of days no longer listed are left alone.
Result<SiteSummary> build_site(const std::vector<SiteDay>& days, const ReportLoader& load, const SiteOptions& options);

}  // namespace infradigest
