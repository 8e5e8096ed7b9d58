// The reduce half of the LLM writer: one request over the day's key facts
// and the verified per-repo notes, for 摘要, 影响评估 and 总结.
#pragma once

#include <vector>

#include "document/report.h"
#include "llm/prompts.h"
#include "llm/response_cache.h"
#include "llm/writer_context.h"

namespace infradigest {

// Fills note.summary, note.impact and note.outlook with the verified
// sentences — beside the report's rule-based sections, which stay as they are
// — when the answer passes verification; otherwise adds the three sections to
// note.fallbacks. Counts sections in `run`.
void write_day_sections(const Report& report, WriterContext& ctx, const std::vector<RepoNote>& notes, LlmNote& note,
                        LlmRunRecord& run);

}  // namespace infradigest
