#include "pipeline/day_composition.h"

#include "compose/composer.h"
#include "llm/report_writer.h"

namespace infradigest {

Report compose_day(const Activity& day, const ReportWindow& window, const std::vector<std::string>& watchlist,
                   Language language, Database& db, const LlmStep* llm, const std::vector<std::string>& unsynced) {
  Report report = compose_report(day, window, watchlist, language, unsynced);
  if (llm == nullptr) return report;
  LlmReportWriter writer(db, *llm, report, day);
  if (writer.has_activity()) {
    writer.write_repo_sections(report);
    writer.write_day_sections(report);
  }
  writer.finish(report);
  return report;
}

}  // namespace infradigest
