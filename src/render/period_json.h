// Renders a weekly / monthly PeriodReport as JSON: the same content as its
// Markdown, as data. Documented in docs/report-json.md ("Weekly and monthly").
#pragma once

#include <string>

#include "document/period_report.h"

namespace infradigest {

std::string render_period_json(const PeriodReport& report);

}  // namespace infradigest
