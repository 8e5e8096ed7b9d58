// The LLM writer: lets a model write the report's prose, and keeps only what
// it can prove.
//
// Map (write_repo_sections): one request per active repository (chunked when
// it has many items), run `concurrency` at a time, for a short analysis and,
// in a Chinese report, Chinese renderings of English commit/PR titles.
// Reduce (write_day_sections): one request over the verified analyses and the
// day's key facts, for 摘要, 影响评估 and 总结. Every sentence passes the
// verifier (verifier.h); a section whose answers keep failing keeps its
// rule-based text, and report.llm says which. The model's sentences are added
// beside the rule-based text (LlmNote), never in its place. Verified answers
// are cached in the store. The order of the steps belongs to the caller
// (pipeline/day_composition.h).
#pragma once

#include <memory>
#include <vector>

#include "document/report.h"
#include "llm/llm_step.h"
#include "llm/response_cache.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest {

class LlmReportWriter {
 public:
  // REQUIRES: `report` was composed from `day`; `db` and `step` outlive the writer.
  LlmReportWriter(Database& db, const LlmStep& step, const Report& report, const Activity& day);
  ~LlmReportWriter();
  LlmReportWriter(const LlmReportWriter&) = delete;
  LlmReportWriter& operator=(const LlmReportWriter&) = delete;

  // False when the day has nothing to write about: no request is worth sending.
  bool has_activity() const;
  // Writes RepoSection::analysis and verified translated titles.
  void write_repo_sections(Report& report);
  // Verified sentences for 摘要, 影响评估 and 总结, kept for finish().
  void write_day_sections(const Report& report);
  // Sets report.llm, prints the run's usage to step.log, stores it in `db`
  // (llm_runs), and returns it. Never fails: errors became rule-based
  // sections and log lines.
  LlmRunRecord finish(Report& report);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace infradigest
