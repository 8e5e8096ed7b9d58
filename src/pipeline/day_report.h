// The day report: the product of the pipeline. Composed once (rules, then any
// LLM prose), stored per day and language with what produced it, and read
// back by every output — `report`, `run`, the archive, the web archive, the
// feed and chat — so they all say the same thing about a day. A stored
// report is composed again only when its inputs changed (items landed in its
// window or changed), the composer is newer, a different producer is asked
// for (rules vs LLM), or the caller says so (`report --recompose`).
#pragma once

#include <string>
#include <vector>

#include "document/report.h"
#include "llm/llm_step.h"
#include "store/database.h"
#include "store/day_report_store.h"

namespace infradigest {

// Which stored report a caller accepts.
enum class StoredProducer {
  kAsAsked,  // made the way `llm` asks: by the LLM writer when given, else by rules
  kAny,      // any, when its inputs are current (the site never calls the LLM)
};

enum class Recompose { kWhenStale, kAlways };

struct DayReportRequest {
  SysDays date{};
  std::string timezone = "UTC";
  Language language = Language::kZh;
  std::vector<std::string> repos;  // the watchlist, in report order
  // The LLM writer's step (cli/llm_setup.h) for a day that is composed; null: rules only.
  const LlmStep* llm = nullptr;
  StoredProducer accept = StoredProducer::kAsAsked;
  Recompose recompose = Recompose::kWhenStale;
  SysSeconds now{};  // stamps composed_at
};

struct DayReport {
  Report report;
  DayReportMeta meta;
  bool recomposed = false;  // composed by this call (else read from the store)
};

// Errors: an unknown timezone, database failures.
// Which repositories the day misses comes from the store (SyncStore::gaps,
// the single source of truth): the report names them and is stored as
// incomplete; a complete stored report is then kept as it is, even when
// the caller asks to recompose.
Result<DayReport> day_report(Database& db, const DayReportRequest& request);

// The watched repositories whose sync does not cover `window` (SyncStore::gaps).
Result<std::vector<std::string>> day_unsynced_repos(Database& db, const std::vector<std::string>& repos,
                                                    const ReportWindow& window);

// The request of an output that never calls an LLM (site, weekly reports,
// publish): whatever current report of `date` is stored, else one composed by rules.
DayReportRequest stored_report_request(SysDays date, const std::string& timezone, Language language,
                                       const std::vector<std::string>& repos, SysSeconds now);

// The version of the composer stored with each report: the program version
// and compose/'s revision.
std::string rules_version();

}  // namespace infradigest
