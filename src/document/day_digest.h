// DayDigest: the numbers the web archive draws and lists for one day,
// counted from that day's Report (so charts agree with the pages). Stored
// beside each day's report (store/day_report_store.h), so the site's charts
// and index never reload the reports themselves.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "document/report.h"

namespace infradigest {

struct RepoDayCounts {
  int commits = 0;   // items: commits that landed (and merged PRs no commit carries), as the report counts them
  int prs = 0;       // items that came from a merged pull request
  int issues = 0;    // new issues
  int releases = 0;
  int total() const { return commits + prs + issues + releases; }
};

struct DayDigest {
  SysDays date{};
  std::map<std::string, RepoDayCounts> repos;  // repos with activity that day
  std::map<Tag, int> tags;                     // items carrying each tag (as 跨仓库信号 counts them)
  int total_items = 0;                         // Report::total_items
};

DayDigest digest_report(const Report& report);

// The digest as compact JSON, and back. Errors name the bad field.
std::string digest_to_json(const DayDigest& digest);
Result<DayDigest> digest_from_json(std::string_view text);

}  // namespace infradigest
