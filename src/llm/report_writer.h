// The LLM writer: lets a model write the report's prose, and keeps only what
// it can prove.
//
// Map: one request per active repository (chunked when it has many items),
// run `concurrency` at a time, for a short analysis and, in a Chinese
// report, Chinese renderings of English commit/PR titles. Reduce: one
// request over the verified analyses and the day's key facts, for 摘要,
// 影响评估 and 总结. Every sentence passes the verifier (verifier.h); a
// section whose answers keep failing keeps its rule-based text, and
// report.llm says which. Verified answers are cached in the store.
#pragma once

#include "compose/report.h"
#include "llm/llm_step.h"
#include "llm/response_cache.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest {

// REQUIRES: `report` was composed (compose_report) from `day`. Never fails:
// errors become rule-based sections and log lines. Prints the run's usage
// to step.log, stores it in `db` (llm_runs), and returns it.
LlmRunRecord write_with_llm(Report& report, const Activity& day, Database& db, const LlmStep& step);

}  // namespace infradigest
