#include <gtest/gtest.h>

#include "snapshot/snapshot_reader.h"
#include "store/activity_store.h"
#include "store/migrations.h"
#include "test_support.h"

namespace infradigest {
namespace {

Activity sample() {
  return parse_snapshot(
             R"jsonl({"type":"repository","full_name":"NVIDIA/cutlass","default_branch":"main"}
{"type":"commit","repo":"NVIDIA/cutlass","sha":"edf2f82c0025b98b48977cb83db746769721b4ee","committed_at":"2026-02-26T08:24:18Z","message":"Fix register index bug (#2740)","pr":2740,"files":[{"filename":"a.hpp","additions":1,"deletions":1},{"filename":"b.hpp"}]}
{"type":"commit","repo":"Dao-AILab/flash-attention","committed_at":"2026-02-26","message":"[Fwd,Sm100] Use TmemAllocator","author":"Tri Dao"}
{"type":"pull_request","repo":"NVIDIA/cutlass","number":3079,"title":"v4.4.1 update"}
{"type":"issue","repo":"NVIDIA/cutlass","number":3076,"title":"TMA store docs","created_at":"2026-02-26"}
{"type":"release","repo":"NVIDIA/cutlass","tag":"v4.4.1","published_at":"2026-02-26","prerelease":false}
)jsonl",
             "sample")
      .value();
}

TEST(ActivityStore, SaveThenLoadReturnsTheSameActivity) {
  testing::TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  ActivityStore store(db);
  auto stats = store.save(sample()).value();
  EXPECT_EQ(stats.added, 6);
  auto loaded = store.load().value();
  Activity expected = sample();
  EXPECT_EQ(loaded.commits.size(), 2u);
  EXPECT_EQ(loaded.releases, expected.releases);
  EXPECT_EQ(loaded.issues, expected.issues);
  EXPECT_EQ(loaded.pull_requests, expected.pull_requests);
  for (const auto& c : expected.commits)
    EXPECT_NE(std::find(loaded.commits.begin(), loaded.commits.end(), c), loaded.commits.end());
}

TEST(ActivityStore, ImportingTwiceChangesNothing) {
  testing::TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  ActivityStore store(db);
  ASSERT_TRUE(store.save(sample()).ok());
  auto second = store.save(sample()).value();
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(second.unchanged, 6);
  EXPECT_EQ(store.load().value().commits.size(), 2u);
}

TEST(ActivityStore, ChangedItemIsUpdatedInPlace) {
  testing::TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  ActivityStore store(db);
  ASSERT_TRUE(store.save(sample()).ok());
  Activity changed = sample();
  changed.commits[0].files.pop_back();
  changed.commits[0].author = "someone";
  auto stats = store.save(changed).value();
  EXPECT_EQ(stats.updated, 1);
  auto loaded = store.load().value();
  auto it = std::find(loaded.commits.begin(), loaded.commits.end(), changed.commits[0]);
  EXPECT_NE(it, loaded.commits.end());
}

TEST(ActivityStore, QueryBoundsSelectByTimeText) {
  testing::TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  ActivityStore store(db);
  ASSERT_TRUE(store.save(sample()).ok());
  auto none = store.load({"2026-02-27", "2026-03-01"}).value();
  EXPECT_TRUE(none.commits.empty());
  EXPECT_EQ(none.pull_requests.size(), 1u);  // timeless PRs are always loaded for lookups
  auto day = store.load({"2026-02-26", "2026-02-27"}).value();
  EXPECT_EQ(day.commits.size(), 2u);
}

TEST(ActivityStore, SchemaIsVersionedAndNewerDatabasesAreRefused) {
  testing::TempDir dir;
  {
    auto db = Database::open(dir.file("s.db")).value();
    ASSERT_TRUE(db.exec("PRAGMA user_version = 999").ok());
  }
  auto reopened = Database::open(dir.file("s.db"));
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.error().message.find("newer"), std::string::npos);
  EXPECT_GE(current_schema_version(), 1);
}

}  // namespace
}  // namespace infradigest
