// Exactly once: across consecutive daily runs every commit that reaches the
// default branch appears in one daily report — late pushes and old committer
// dates included (docs/sync.md). Days are simulated: commits are pushed to
// the fake GitHub between "runs" (sync the day + mark it reported).
#include <gtest/gtest.h>

#include <map>

#include "sync_fixture.h"

namespace infradigest {
namespace {

using testing::FakeGithub;
using testing::FakeRepo;
using testing::SyncFixture;

using testing::kRepo;

// What `run` does on the morning after `day`.
void daily_run(SyncFixture& f, const std::string& day, const std::string& now) {
  auto report = f.sync_day(kRepo, day, now);
  ASSERT_TRUE(report.incomplete().empty());
  f.mark_reported(day);
}

TEST(SyncExactlyOnce, LateAndOldDatedCommitsLandInTheNextReportNeverTwiceNeverLost) {
  SyncFixture f;
  f.commit("o/r", "history", "2026-02-20T10:00:00Z");
  const std::string a = f.commit("o/r", "A", "2026-02-24T10:00:00Z");
  const std::string b = f.commit("o/r", "B", "2026-02-24T20:00:00Z");
  const std::string early = f.commit("o/r", "after midnight, before the run", "2026-02-25T02:00:00Z");
  daily_run(f, "2026-02-24", "2026-02-25T08:00:00Z");

  // Pushed after the 24th was reported: dated the 24th (late push), the 25th,
  // and the 19th (a rebase or a mirror keeps old committer dates).
  const std::string late = f.commit("o/r", "C late push", "2026-02-24T23:00:00Z");
  const std::string d = f.commit("o/r", "D", "2026-02-25T09:00:00Z");
  const std::string old = f.commit("o/r", "E mirrored", "2026-02-19T09:00:00Z");
  daily_run(f, "2026-02-25", "2026-02-26T08:00:00Z");

  const std::string g = f.commit("o/r", "F", "2026-02-26T01:00:00Z");
  daily_run(f, "2026-02-26", "2026-02-27T08:00:00Z");

  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-24"), (std::set<std::string>{a, b}));
  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-25"), (std::set<std::string>{early, late, d, old}));
  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-26"), (std::set<std::string>{g}));
  EXPECT_EQ(f.github.count("/compare/"), 1u);  // only for "E mirrored", dated before the first sync
  // Every stored commit of the walk is in exactly one of these reports.
  std::map<std::string, int> seen;
  for (const char* day : {"2026-02-19", "2026-02-20", "2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27"})
    for (const auto& sha : f.reported_commits(kRepo, day)) ++seen[sha];
  for (const auto& sha : {a, b, early, late, d, old, g}) EXPECT_EQ(seen[sha], 1) << sha;
  // The late ones keep their committer date; only where they land changed.
  for (const auto& c : f.stored().commits)
    if (c.sha == old) {
      EXPECT_EQ(c.committed_at.to_string(), "2026-02-19T09:00:00Z");
      EXPECT_EQ(c.landed_at->to_string(), "2026-02-25T00:00:00Z");
    }
}

TEST(SyncExactlyOnce, ReRunningAReportedDayKeepsItsReportAndMovesNewLateCommitsOn) {
  SyncFixture f;
  f.commit("o/r", "history", "2026-02-20T10:00:00Z");
  const std::string a = f.commit("o/r", "A", "2026-02-24T10:00:00Z");
  daily_run(f, "2026-02-24", "2026-02-25T08:00:00Z");
  const std::string late = f.commit("o/r", "late", "2026-02-24T12:00:00Z");
  daily_run(f, "2026-02-24", "2026-02-25T20:00:00Z");  // the same day again, later
  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-24"), (std::set<std::string>{a}));
  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-25"), (std::set<std::string>{late}));
}

TEST(SyncExactlyOnce, ABackfillOfADayBeforeTheFirstSyncUsesCommitterDates) {
  SyncFixture f;
  const std::string old = f.commit("o/r", "Feb 20 work", "2026-02-20T10:00:00Z");
  f.commit("o/r", "Feb 22 work", "2026-02-22T10:00:00Z");
  const std::string a = f.commit("o/r", "A", "2026-02-24T10:00:00Z");
  daily_run(f, "2026-02-24", "2026-02-25T08:00:00Z");
  EXPECT_TRUE(f.reported_commits(kRepo, "2026-02-20").empty());  // before the first sync: never walked
  auto backfill = f.sync_day(kRepo, "2026-02-20", "2026-02-25T09:00:00Z");
  ASSERT_TRUE(backfill.incomplete().empty());
  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-20"), (std::set<std::string>{old}));
  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-24"), (std::set<std::string>{a}));
  // The walk's head did not move: no commit of the next day is invented.
  EXPECT_TRUE(f.reported_commits(kRepo, "2026-02-25").empty());
}

TEST(SyncExactlyOnce, MergedSideBranchesAreFollowedThroughParentsBeyondTheListing) {
  SyncFixture f;
  f.github.max_per_page = 2;
  for (int day = 20; day <= 22; ++day) f.commit("o/r", "history", "2026-02-" + std::to_string(day) + "T10:00:00Z");
  const std::string base = f.commit("o/r", "base", "2026-02-24T10:00:00Z");
  daily_run(f, "2026-02-24", "2026-02-25T08:00:00Z");
  // A side branch forked from `base` with commits dated before the merge,
  // merged with a merge commit. The listing (by date) shows them after older
  // history — [m x][base h][h h][s2 s1] — on a page the walk never reads: it
  // stops listing at the first page without a new commit and fetches the
  // parents it still misses directly.
  const std::string s1 = FakeGithub::sha_of("s1"), s2 = FakeGithub::sha_of("s2");
  const std::string x = FakeGithub::sha_of("x"), m = FakeGithub::sha_of("m");
  f.github.edit("o/r", [&](FakeRepo& r) {
    auto older = r.commits;  // [base, ...] newest first
    r.commits = {FakeGithub::commit(m, {x, s2}, "Merge branch 'feature'", "2026-02-25T12:00:00Z"),
                 FakeGithub::commit(x, {base}, "X on main", "2026-02-25T11:00:00Z")};
    for (auto& c : older) r.commits.push_back(c);
    r.commits.push_back(FakeGithub::commit(s2, {s1}, "feature 2", "2026-02-24T12:00:00Z"));
    r.commits.push_back(FakeGithub::commit(s1, {base}, "feature 1", "2026-02-24T11:00:00Z"));
  });
  daily_run(f, "2026-02-25", "2026-02-26T08:00:00Z");
  EXPECT_EQ(f.reported_commits(kRepo, "2026-02-25"), (std::set<std::string>{m, x, s1, s2}));
  EXPECT_EQ(f.github.count("/repos/o/r/commits") - f.github.count("/repos/o/r/commits/"), 3u);  // 2 walks, 1 + 2 pages
  EXPECT_EQ(f.github.count("/compare/"), 0u);  // nothing older than the horizon was met
}

TEST(SyncExactlyOnce, FirstSeenIsRecordedOnceAndSurvivesLaterRuns) {
  SyncFixture f;
  f.commit("o/r", "A", "2026-02-24T10:00:00Z");
  daily_run(f, "2026-02-24", "2026-02-25T08:00:00Z");
  daily_run(f, "2026-02-25", "2026-02-26T08:00:00Z");
  auto st = f.db->prepare("SELECT first_seen_at FROM commits");
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(*st->step());
  EXPECT_EQ(st->text(0), "2026-02-25T08:00:00Z");
}

}  // namespace
}  // namespace infradigest
