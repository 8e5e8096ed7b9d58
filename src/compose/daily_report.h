// The daily report pipeline in one call: load the day from the store, keep
// the watched repos' items in the window, compose, and — when an LLM step is
// given — let the LLM rewrite the prose it can prove (llm/report_writer.h).
// Shared by `report`, `run` and every publisher, so they all say the same
// thing about a day.
#pragma once

#include <string>
#include <vector>

#include "compose/report.h"
#include "llm/llm_step.h"
#include "store/database.h"

namespace infradigest {

struct DailyReportRequest {
  SysDays date{};
  std::string timezone = "UTC";
  Language language = Language::kZh;
  std::vector<std::string> repos;  // the watchlist, in report order
  // The LLM writer's step (cli/llm_setup.h); null: the rule-based report only.
  const LlmStep* llm = nullptr;
};

// Errors: unknown timezone (message names it), database failures. LLM
// failures are not errors: they leave rule-based sections (report.llm says which).
Result<Report> build_daily_report(Database& db, const DailyReportRequest& request);

}  // namespace infradigest
