// The history index behind `query` (schema step 11, docs/schema.md "History
// index"): each stored item as a hit — classified, placed in time, tagged — so
// that every filter of `query` is an index lookup instead of classifying the
// whole history. The store only keeps the rows and the queue of items whose
// inputs changed (filled by triggers); classifying them is the composer's
// (compose/history_index_refresh.h), as the store cannot see the classifier.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace infradigest {

// An item's id here and in search_fts: its row id * 4 + its table.
enum class ItemTable { kCommit = 0, kPullRequest = 1, kIssue = 2, kRelease = 3 };
inline long long item_id(long long row_id, ItemTable table) { return row_id * 4 + static_cast<long long>(table); }
inline ItemTable item_table(long long item) { return static_cast<ItemTable>(item % 4); }
inline long long item_row_id(long long item) { return item / 4; }

struct HistoryIndexRow {
  long long item = 0;
  std::string repo;
  std::string type;  // "commit" | "pr" | "issue" | "release"
  std::string kind;
  std::string at;    // canonical time text (Timestamp::to_string) the item is placed at
  std::string fact_id, title, url;
  std::optional<std::string> sha;
  std::optional<int> number;  // PR or issue number; a commit's PR
  std::optional<std::string> release_tag;
  double importance = 0;
  std::vector<std::string> tags;  // tag names, in the classification's order
};

class HistoryIndex {
 public:
  explicit HistoryIndex(Database& db) : db_(db) {}

  // The classifier version that wrote the rows ("" before the first refresh).
  Result<std::string> classifier_version();
  // Records `version` and queues every stored item to be classified again.
  Status reclassify_all(const std::string& version);
  // Whether any item waits to be classified (cheap: one index probe).
  Result<bool> has_pending();
  // Every queued item, in id order.
  Result<std::vector<long long>> pending();
  // Writes (replacing) the row of `row.item` and its tags, and unqueues it.
  Status put(const HistoryIndexRow& row);
  // Drops the row of an item that is gone or is not shown (a PR without any
  // time), and unqueues it.
  Status remove(long long item);

  // One row by item id (for the hits a query returns).
  Result<std::optional<HistoryIndexRow>> row(long long item);

 private:
  Database& db_;
  std::optional<SqlStatement> put_, put_tag_, drop_, drop_tags_, unqueue_, row_;
};

}  // namespace infradigest
