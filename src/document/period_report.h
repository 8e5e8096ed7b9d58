// The weekly / monthly report as data (`report --period week|month`):
// activity counts per repository, its most important changes, theme (tag)
// trends against the previous period, and the period's releases. Built by
// compose/period_report.h; renderers only format it. Every sentence cites its facts.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/period_window.h"
#include "document/report.h"

namespace infradigest {

// A repository's activity in one period.
struct PeriodCounts {
  int changes = 0;     // commits, plus merged PRs that no commit in the period carries
  int commits = 0;     // of which commits
  int merged_prs = 0;  // PRs merged in the period
  int issues = 0;      // issues opened
  int severe_issues = 0;
  int releases = 0;
  std::vector<std::pair<ChangeKind, int>> by_kind;  // all_change_kinds() order, non-zero only
};

// A change with the local day whose daily report holds it.
struct PeriodItem {
  ReportItem item;
  SysDays day{};
};

struct PeriodRelease {
  ReportRelease release;
  std::string repo;
  SysDays day{};
};

struct PeriodRepo {
  std::string full_name;
  std::string url;
  PeriodCounts counts;
  int previous_changes = 0;            // changes in the previous period
  std::vector<PeriodItem> top;         // most important changes first, at most kTopChangesPerRepo
  std::vector<Statement> highlights;   // one per `top` item, citing it
  // Issues reporting crashes, hangs, NaNs, regressions (IssueClassification::severe),
  // at most kNotableIssuesPerRepo, by number.
  std::vector<ReportIssue> severe_issues;
  std::vector<Statement> issue_lines;  // one per severe issue, citing it
  bool empty() const { return counts.changes == 0 && counts.issues == 0 && counts.releases == 0; }
};

// An item a trend statement cites, from this period or (for a tag that fell
// to zero) the previous one.
struct TrendExample {
  std::string id;
  std::string title;
  std::string url;
  bool previous = false;
};

struct TagTrend {
  Tag tag;
  int now = 0;     // changes with this tag in the period
  int before = 0;  // ... in the previous period
  std::vector<TrendExample> examples;
  Statement statement;
};

struct PeriodReport {
  PeriodWindow window;
  PeriodWindow previous;
  Language language = Language::kZh;
  int date_only_items = 0;
  std::vector<Statement> summary;    // 概览: the period, then one line per active repo
  std::vector<PeriodRepo> repos;     // watchlist order
  std::vector<TagTrend> rising;      // most risen first
  std::vector<TagTrend> falling;     // most fallen first
  std::vector<PeriodRelease> releases;
  std::vector<Statement> release_statements;  // one per release, citing it (JSON)
  // What the Markdown lists: stable releases one by one, each repository's
  // nightly/dev builds as one counted line.
  std::vector<Statement> release_lines;
};

inline constexpr std::size_t kTopChangesPerRepo = 5;
inline constexpr std::size_t kTrendsShown = 8;  // per direction
inline constexpr std::size_t kNotableIssuesPerRepo = 5;

}  // namespace infradigest
