// `infradigest query`: stored history filtered by repository, tag, kind, item
// type, full text (FTS5) and local date range, newest first. Items are
// classified exactly as in the reports (compose/repo_sections.h), and placed
// in time as there: commits by landing time, PRs by merge (else creation),
// issues by creation, releases by publication.
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

// The words each filter accepts, for help and errors.
std::vector<std::string> history_kind_names();
std::vector<std::string> history_type_names();

}  // namespace infradigest
