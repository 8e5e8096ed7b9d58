// The stored day reports (table day_reports, docs/schema.md): one document
// per report day and language — the report as composed (rules, then any LLM
// prose), which every output renders — with what produced it. The store keeps
// the document as opaque text; pipeline/ writes and reads it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/timestamp.h"
#include "store/database.h"

namespace infradigest {

// Everything about a stored report but the document itself.
struct DayReportMeta {
  SysDays date{};
  std::string language;          // "zh" | "en"
  std::string timezone;          // the IANA zone of its window
  std::string inputs;            // fingerprint of what it was composed from
  std::string rules_version;     // the composer that wrote it
  std::string producer;          // "rules" | "llm"
  bool complete = true;          // every watched repository was synced through the window's end
  std::optional<SysSeconds> synced_at;  // latest sync of its repositories then; absent: imported data
  SysSeconds composed_at{};      // when this revision was composed (kept when composed again unchanged)
  int revision = 0;              // 1 when first stored, +1 whenever the document changed
  std::string digest;            // counts per repository and tag (JSON), for charts and indexes
};

struct StoredDayReport {
  DayReportMeta meta;
  std::string document;  // the report's JSON (docs/report-json.md)
};

class DayReportStore {
 public:
  explicit DayReportStore(Database& db) : db_(db) {}

  Result<std::optional<StoredDayReport>> find(SysDays date, std::string_view language);

  // Inserts or replaces the row of (date, language) in one transaction. The
  // revision and composed_at move on only when the document changed; returns
  // the revision.
  Result<int> save(const StoredDayReport& report);

  // Every stored day in `language` (no documents), newest first.
  Result<std::vector<DayReportMeta>> list(std::string_view language);

 private:
  Database& db_;
};

}  // namespace infradigest
