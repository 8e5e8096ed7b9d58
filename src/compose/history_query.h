// `infradigest query`: stored history filtered by repository, tag, kind, item
// type, full text (FTS5) and local date range, newest first. Items are
// classified exactly as in the reports (compose/repo_sections.h), and placed
// in time as there: commits by landing time, PRs by merge (else creation),
// issues by creation, releases by publication.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/classification.h"
#include "core/result.h"
#include "model/activity.h"
#include "store/database.h"

namespace infradigest {

struct HistoryQuery {
  std::vector<std::string> repos;   // "owner/name"; an item matches any (empty: all)
  std::vector<std::string> tags;    // canonical tag names; an item must carry every one
  std::vector<std::string> kinds;   // change kinds ("fix"), issue kinds ("bug"), "release"; any
  std::vector<std::string> types;   // "commit" | "pr" | "issue" | "release"; any (empty: all)
  std::optional<std::string> text;  // an FTS5 query over titles, messages, bodies, notes
  std::optional<SysDays> since;     // first local day, inclusive
  std::optional<SysDays> until;     // last local day, inclusive
  std::string timezone = "UTC";
  int limit = 50;
};

struct HistoryHit {
  std::string type;  // "commit" | "pr" | "issue" | "release"
  std::string id;    // fact id (model/activity.h)
  std::string repo;
  std::string title;
  std::string url;
  Timestamp time;
  SysDays day{};     // `time` as a local date in the query's timezone
  std::string kind;  // kind_name, issue kind ("feature_request"), or "release"
  std::vector<Tag> tags;
  std::optional<std::string> sha;
  std::optional<int> number;  // PR or issue number; a commit's PR
  std::optional<std::string> release_tag;
  double importance = 0;  // commits and PRs: compose/importance.h
};

struct HistoryResult {
  std::vector<HistoryHit> hits;  // newest first, at most `limit`
  int total = 0;                 // matches before the limit
};

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
