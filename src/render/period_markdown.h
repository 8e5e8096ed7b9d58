// Renders a weekly / monthly PeriodReport as Markdown: title, window, 概览,
// 活跃度 (a table), 主题趋势, the period's releases, top changes per repository.
#pragma once

#include <string>

#include "document/period_report.h"

namespace infradigest {

std::string render_period_markdown(const PeriodReport& report);

}  // namespace infradigest
