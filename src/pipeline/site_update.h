// The web archive's place in the pipeline: which days it shows, where their
// reports come from, and how much is rebuilt.
//
// The site shows finished days only — a day's window has ended and its
// repositories were synced after that (or its data was imported); an
// incomplete one only once `run` published it — from their
// stored reports (pipeline/day_report.h), so the page, the feed, the Markdown
// archive and chat say the same thing. `run` rebuilds only what changed;
// `site` first makes sure every day with activity has a current stored
// report (composing missing or stale ones by rules; never calling an LLM).
#pragma once

#include <string>
#include <vector>

#include "document/language.h"
#include "site/site_builder.h"
#include "store/database.h"

namespace infradigest {

enum class SiteScope {
  kStoredDays,    // the days already stored (run, after writing its reports)
  kAllActivity,   // every day with activity in the store, composed where needed (site)
};

struct SiteRequest {
  std::string out_dir;
  std::string timezone = "UTC";
  Language language = Language::kZh;
  std::vector<std::string> repos;  // the watchlist, in report order
  std::string base_url;
  int max_days = 0;                // newest N days only; 0: all
  SiteScope scope = SiteScope::kStoredDays;
  bool rewrite_all = false;        // write every file, even those already current
  SysSeconds now{};                // what "finished" is measured against
};

// Errors: an unknown timezone, database and file-system failures.
Result<SiteSummary> update_site(Database& db, const SiteRequest& request);

}  // namespace infradigest
