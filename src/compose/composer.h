// The rule-based composer: turns one day's activity into a Report. Grounded:
// every statement is derived from the items and cites them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/report.h"
#include "document/statement_builder.h"
#include "model/activity.h"

namespace infradigest {

// The composer's revision: bump it with any change to compose/ (or to the
// classifier) that can change the report of a day already stored, so stored
// reports are composed again (pipeline/day_report.h). tests/report_golden_test
// fails when the golden report changes and this does not.
inline constexpr int kComposerRevision = 8;  // 8: perf and fix changes are never retreats; a no-behaviour-change opening outranks feat:/fix:; a wording fix in comments is docs (issue 16). 7: path tags read the change's own code (issue 16); 问题描述 of bug reports, code facts in the breaking-change risks (issue 11)

// REQUIRES: `day` holds only items inside `window` (see select_window).
// `unsynced`: watched repositories whose sync does not cover the window
// (SyncStore::gaps); the report names them and never calls them quiet.
Report compose_report(const Activity& day, const ReportWindow& window,
                      const std::vector<std::string>& watchlist, Language language,
                      const std::vector<std::string>& unsynced = {});

// The day sections, in report order. They share one ledger so each item is
// linked at most once among them (document/statement_builder.h); the
// overloads without one are for tests of a single section.
std::vector<Statement> compose_summary(const Report& report, LinkLedger& ledger);
std::vector<ImpactTheme> compose_impact(const Report& report, LinkLedger& ledger);
std::vector<Statement> compose_outlook(const Report& report, LinkLedger& ledger);
std::vector<Statement> compose_summary(const Report& report);
std::vector<ImpactTheme> compose_impact(const Report& report);
std::vector<Statement> compose_outlook(const Report& report);

// Data the sections read, from the raw day (messages, files, PR bodies) that
// report items do not carry. REQUIRES: report.repos built from `day`.
std::vector<DependencyUpdate> find_dependency_updates(const Report& report, const Activity& day);
std::vector<PerformanceFigure> compose_figures(const Report& report, const Activity& day);

// The commit/PR item with fact id `id`, or nullptr; `repo` receives its repo.
const ReportItem* find_report_item(const Report& report, std::string_view id, std::string* repo = nullptr);

}  // namespace infradigest
