// Building blocks for composer-level tests of 2026-02-26 (UTC): the window,
// timestamps, and a commit with a recognisable fake SHA ("aaaa…" for 'a').
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/report_window.h"
#include "core/timestamp.h"
#include "model/activity.h"

namespace infradigest::testing {

inline ReportWindow window() { return make_report_window(parse_date("2026-02-26").value(), "UTC").value(); }
inline Timestamp at(const char* text) { return parse_timestamp(text).value(); }
inline SysDays day(const char* text) { return parse_date(text).value(); }

// A commit of `repo` landed at noon, SHA = 40 × `sha`, one line changed per file.
inline Commit commit(const std::string& repo, char sha, const std::string& message,
                     std::vector<std::string> files = {}) {
  Commit c;
  c.repo = repo;
  c.sha = std::string(40, sha);
  c.committed_at = at("2026-02-26T12:00:00Z");
  c.message = message;
  for (auto& f : files) c.files.push_back(FileChange{std::move(f), std::nullopt, 1, 1, std::nullopt});
  return c;
}

}  // namespace infradigest::testing
