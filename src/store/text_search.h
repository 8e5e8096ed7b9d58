// Full-text search over stored history: the FTS5 index of schema step 5
// (docs/schema.md) answers which items mention a text; callers load and
// filter the items themselves (compose/history_query.cpp).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace infradigest {

// The items whose indexed text matches an FTS5 query — words (all must
// occur), "a phrase", prefix*, OR, NOT, NEAR(...), case- and accent-insensitive
// — as a SELECT of one column `item` (ids as store/history_index.h; the FTS
// rowids themselves) to embed in a larger query. Its parameters are bare '?',
// appended to `params` in order. Plain words with Chinese (CJK) in them are
// matched as substrings instead (all must occur), which reads every item's
// text: FTS5 does not split Chinese into words.
std::string text_match_items_sql(const std::string& fts_query, std::vector<std::string>& params);

// Checks an FTS5 query: a malformed one is an error that quotes it and says
// how to write one. Callers check before running text_match_items_sql, so a
// malformed query (the user's to fix) is told apart from a database failure.
Status check_text_query(Database& db, const std::string& fts_query);

}  // namespace infradigest
