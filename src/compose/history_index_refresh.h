// Keeps the history index (store/history_index.h) consistent with the
// classifier in use: the items the store queued (new or changed since, or
// every item after the classifier or the configured taxonomy changed) are
// classified exactly as `query` has always shown them and written to it.
// Run after each import and sync, and before every query (which then finds
// nothing to do, unless the store was written by an older binary).
#pragma once

#include <string>

#include "core/result.h"
#include "store/database.h"

namespace infradigest {

// What the stored classifications depend on besides the items: this
// program's version and composer revision, the index's own revision and the
// installed taxonomy extension. A change re-classifies every item.
std::string history_classifier_version();

// Classifies the queued items, in one transaction. Cost: the queued items.
// Returns how many were classified (or dropped because they are gone).
Result<int> refresh_history_index(Database& db);

}  // namespace infradigest
