// The order of the report's stages for one day, and the one place that knows
// it: the rule-based composer, then — when an LLM step is given — the LLM
// writer's per-repository step (analysis, translated titles) and its day step
// (prose for 摘要, 影响评估, 总结), both added beside the rule-based text.
#pragma once

#include <string>
#include <vector>

#include "core/report_window.h"
#include "document/report.h"
#include "llm/llm_step.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest {

// REQUIRES: `day` holds only items inside `window` (compose/day_activity.h).
// `llm` null: the rule-based report. LLM failures are not errors: they leave
// rule-based sections, and report.llm says which.
// `unsynced`: compose/composer.h compose_report.
Report compose_day(const Activity& day, const ReportWindow& window, const std::vector<std::string>& watchlist,
                   Language language, Database& db, const LlmStep* llm, const std::vector<std::string>& unsynced = {});

}  // namespace infradigest
