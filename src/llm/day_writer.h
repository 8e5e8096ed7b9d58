// The reduce half of the LLM writer: one request over the day's key facts
// and the verified per-repo notes, for 摘要, 影响评估 and 总结.
#pragma once

#include <vector>

#include "document/report.h"
#include "llm/prompts.h"
#include "llm/response_cache.h"
#include "llm/writer_context.h"

namespace infradigest {

// Replaces report.summary (after its rule-based counts line), report.impact
// and report.outlook when the answer passes verification; otherwise adds
// "summary", "impact", "outlook" to note.fallbacks. `pins`, the rule-based
// pin-update lines (from report.dependency_updates, which the model never
// sees), stay in the cross-repo theme. Counts sections in `run`.
void write_day_sections(Report& report, WriterContext& ctx, const std::vector<RepoNote>& notes,
                        const std::vector<Statement>& pins, LlmNote& note, LlmRunRecord& run);

}  // namespace infradigest
