// The rule-based composer: turns one day's activity into a Report. Grounded:
// every statement is derived from the items and cites them.
#pragma once

#include <string>
#include <vector>

#include "compose/report.h"
#include "model/activity.h"

namespace infradigest {

// REQUIRES: `day` holds only items inside `window` (see select_window).
Report compose_report(const Activity& day, const ReportWindow& window,
                      const std::vector<std::string>& watchlist, Language language);

// The sections, exposed for tests.
std::vector<Statement> compose_summary(const Report& report);
std::vector<ImpactTheme> compose_impact(const Report& report);
std::vector<Statement> compose_outlook(const Report& report);

}  // namespace infradigest
