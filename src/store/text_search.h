// Full-text search over stored history: the FTS5 index of schema step 5
// (docs/schema.md) answers which items mention a text; callers load and
// filter the items themselves (ActivityStore::load).
#pragma once

#include <set>
#include <string>
#include <utility>

#include "core/result.h"
#include "store/database.h"

namespace infradigest {

// The items whose indexed text matches, by identity within their repository.
struct TextMatches {
  std::set<std::pair<std::string, std::string>> commits;  // (repo, Commit::key())
  std::set<std::pair<std::string, int>> pull_requests;    // (repo, number)
  std::set<std::pair<std::string, int>> issues;           // (repo, number)
  std::set<std::pair<std::string, std::string>> releases;  // (repo, tag)
  std::size_t size() const { return commits.size() + pull_requests.size() + issues.size() + releases.size(); }
};

// Runs an FTS5 query: words (all must occur), "a phrase", prefix*, OR, NOT,
// NEAR(...), case- and accent-insensitive. A malformed query is an error that
// quotes it and says how to write one. Plain words with Chinese (CJK) in them
// are matched as substrings instead (all must occur): FTS5 does not split
// Chinese into words.
Result<TextMatches> search_text(Database& db, const std::string& fts_query);

// The same check alone, so a caller can tell a malformed query (the user's
// to fix) from a database failure before searching.
Status check_text_query(Database& db, const std::string& fts_query);

}  // namespace infradigest
