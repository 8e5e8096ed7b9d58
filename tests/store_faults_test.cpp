// The store under faults: a COMMIT that fails is rolled back (the connection
// is not left inside a transaction), and a full disk (SQLite max_page_count)
// fails an import cleanly, all or nothing, with a store that works afterwards.
#include <gtest/gtest.h>

#include "snapshot/snapshot_reader.h"
#include "store/activity_store.h"
#include "store/database.h"
#include "test_support.h"

namespace infradigest {
namespace store_faults {

using testing::contains;

long long count_rows(Database& db, const std::string& table) {
  auto q = db.prepare("SELECT count(*) FROM " + table).value();
  EXPECT_TRUE(q.step().value());
  return q.integer(0).value_or(-1);
}

TEST(StoreFaults, AFailedCommitIsRolledBack) {
  testing::TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  // A deferred foreign key is checked at COMMIT: the COMMIT fails and SQLite
  // leaves the transaction open.
  ASSERT_TRUE(db.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                      "CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);"));
  {
    auto tx = Transaction::begin(db);
    ASSERT_TRUE(tx.ok()) << tx.error().message;
    ASSERT_TRUE(db.exec("INSERT INTO child VALUES (42)"));
    auto committed = tx->commit();
    ASSERT_FALSE(committed.ok());
    EXPECT_TRUE(contains(committed.error().message, "FOREIGN KEY")) << committed.error().message;
  }
  // The guard rolled it back: the row is gone and a new transaction can start.
  EXPECT_EQ(count_rows(db, "child"), 0);
  auto next = Transaction::begin(db);
  ASSERT_TRUE(next.ok()) << next.error().message;
  ASSERT_TRUE(db.exec("INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1)"));
  EXPECT_TRUE(next->commit().ok());
  EXPECT_EQ(count_rows(db, "child"), 1);
}

TEST(StoreFaults, AFullDiskFailsTheImportAllOrNothingAndTheStoreStillWorks) {
  testing::TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  auto activity = read_snapshot(testing::source_path("examples/2026-02-26"));
  ASSERT_TRUE(activity.ok()) << activity.error().message;
  // The disk is "full" a few pages past what the empty store uses.
  auto pages = db.prepare("PRAGMA page_count").value();
  ASSERT_TRUE(pages.step().value());
  const long long used = pages.integer(0).value();
  ASSERT_TRUE(db.exec("PRAGMA max_page_count = " + std::to_string(used + 4)));
  ActivityStore store(db);
  auto full = store.save(*activity);
  ASSERT_FALSE(full.ok()) << "the example day needs more than 4 pages";
  EXPECT_TRUE(contains(full.error().message, "full")) << full.error().message;
  EXPECT_EQ(count_rows(db, "commits"), 0) << "nothing half-imported";
  // Space again: the same import succeeds on the same connection.
  ASSERT_TRUE(db.exec("PRAGMA max_page_count = 1073741823"));
  auto saved = store.save(*activity);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_GT(count_rows(db, "commits"), 10);
}

}  // namespace store_faults
}  // namespace infradigest
