// The sentences of a weekly / monthly report: the overview, each repository's
// line, each top change, each release. Built with StatementBuilder, so each
// cites the facts it names.
#pragma once

#include <vector>

#include "compose/period_report.h"

namespace infradigest {

// 概览: the period as a whole (citing its most important changes), then one
// line per repository that moved, most active first.
std::vector<Statement> compose_period_summary(const PeriodReport& report);

// "新功能：Title (#12) · 02-24 · 标签：MoE": one top change, citing it.
Statement compose_highlight(const PeriodItem& item, Language lang);

// "owner/name v1.2 (pre-release) · 02-25": one release, citing it.
Statement compose_release_line(const PeriodRelease& release, Language lang);
// One line per stable release or release candidate, in date order, then one
// line per repository for its nightly/dev builds ("7 个 nightly 构建（06-03 至
// 06-09），最新 nightly-…"): routine builds are counted, never listed one by one.
std::vector<Statement> compose_release_lines(const std::vector<PeriodRelease>& releases, Language lang);

// "#123 Title · 缺陷 · 标签：Blackwell": one issue, citing it.
Statement compose_issue_line(const ReportIssue& issue, Language lang);

}  // namespace infradigest
