// `infradigest query`: stored history filtered by repository, tag, kind, item
// type, full text (FTS5) and local date range, newest first. Items are
// classified exactly as in the reports (compose/repo_sections.h), and placed
// in time as there: commits by landing time, PRs by merge (else creation),
// issues by creation, releases by publication. The classifications come from
// the history index (store/history_index.h, refreshed first by
// compose/history_index_refresh.h), so each filter is an index lookup and a
// query costs the items it matches, not the length of the history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "document/history.h"
#include "core/result.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest {


// Checks and canonicalizes the names in `query` ("moe" → "MoE"): an unknown
// repository, tag, kind or type is an error with a did-you-mean suggestion.
// `known_repos`: the repositories the store holds.
Result<HistoryQuery> resolve_history_query(HistoryQuery query, const std::vector<Repository>& known_repos);

// REQUIRES: `query` came from resolve_history_query. Errors: a malformed
// text query, database failures.
Result<HistoryResult> run_history_query(Database& db, const HistoryQuery& query);

// The SQL run_history_query runs to find the matches (item, at, repo, fact
// id), with its parameters in order: exposed so a test can check its plan.
struct HistorySql {
  std::string sql;
  std::vector<std::string> params;
};
HistorySql history_query_sql(const HistoryQuery& query);

// The words each filter accepts, for help and errors.
std::vector<std::string> history_kind_names();
std::vector<std::string> history_type_names();

}  // namespace infradigest
