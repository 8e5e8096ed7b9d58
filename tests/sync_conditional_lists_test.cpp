// Conditional requests for every list, every day: the repository, the
// branch, pulls, issues and releases send the ETag of their first page, a
// 304 skips the list's walk and still counts as a complete read of it
// (SyncStore::gaps), and a list that changed is read again.
#include <gtest/gtest.h>

#include <algorithm>

#include "sync_fixture.h"

namespace infradigest {
namespace {

using testing::FakeGithub;
using testing::FakeRepo;
using testing::SyncFixture;

using testing::at;
using testing::kRepo;

// o/r with activity on 2026-02-26 only; with two items per page, every list
// has more than one page, so a walk that is not skipped shows in the requests.
void seed_conditional_repo(SyncFixture& f) {
  f.github.max_per_page = 2;
  f.commit("o/r", "Old one", "2026-02-24T10:00:00Z");
  f.commit("o/r", "Fix MLA (#11)", "2026-02-26T01:00:00Z");
  f.commit("o/r", "Add FP8 GEMM (#12)", "2026-02-26T12:00:00Z");
  f.github.edit("o/r", [](FakeRepo& r) {
    r.pulls = {FakeGithub::pull(11, "Fix MLA", "2026-02-26T01:00:00Z", "2026-02-26T01:00:00Z"),
               FakeGithub::pull(12, "Add FP8 GEMM", "2026-02-26T12:00:00Z", "2026-02-26T12:00:00Z"),
               FakeGithub::pull(9, "Merged before", "2026-02-25T10:00:00Z", "2026-02-25T10:00:00Z")};
    r.issues = {FakeGithub::issue(20, "Crash on H20", "2026-02-26T05:00:00Z"),
                FakeGithub::issue(21, "Hang on B200", "2026-02-26T06:00:00Z"),
                FakeGithub::issue(3, "Old", "2026-02-20T05:00:00Z")};
    r.releases = {FakeGithub::release("v1.1.0", "2026-02-26T15:00:00Z"),
                  FakeGithub::release("v1.0.1", "2026-02-26T16:00:00Z"),
                  FakeGithub::release("v1.0.0", "2026-02-01T15:00:00Z")};
  });
}

size_t requests_to(const SyncFixture& f, const std::string& path, size_t from) {
  const auto all = f.github.requests();
  size_t n = 0;
  for (size_t i = from; i < all.size(); ++i) n += all[i].path == path ? 1 : 0;
  return n;
}

TEST(SyncConditionalLists, TheNextDayWithNothingNewIsFive304sAndNoPage) {
  SyncFixture f;
  seed_conditional_repo(f);
  ASSERT_TRUE(f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z").incomplete().empty());
  const size_t before = f.github.request_count();
  const size_t not_modified = f.github.not_modified();

  auto next = f.sync_day(kRepo, "2026-02-27", "2026-02-28T08:00:00Z");
  ASSERT_TRUE(next.incomplete().empty());
  // The repository, the branch and the three lists: one conditional request each, all 304.
  EXPECT_EQ(f.github.request_count() - before, 5u);
  EXPECT_EQ(f.github.not_modified() - not_modified, 5u);
  EXPECT_EQ(next.api.not_modified, 5);
  const auto all = f.github.requests();
  for (size_t i = before; i < all.size(); ++i) EXPECT_EQ(all[i].params.count("page"), 0u) << all[i].path;
  // A 304 is a complete read: the new day has no gap.
  SyncStore store(*f.db);
  auto gaps = store.gaps(kRepo, at("2026-02-27T00:00:00Z"), at("2026-02-28T00:00:00Z"));
  ASSERT_TRUE(gaps.ok());
  EXPECT_TRUE(gaps->empty());
}

TEST(SyncConditionalLists, AListThatChangedIsReadAgainAndTheOthersAre304) {
  SyncFixture f;
  seed_conditional_repo(f);
  ASSERT_TRUE(f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z").incomplete().empty());
  f.github.edit("o/r", [](FakeRepo& r) {
    r.issues.insert(r.issues.begin(), FakeGithub::issue(30, "OOM with FP8 KV cache", "2026-02-27T09:00:00Z"));
  });
  const size_t before = f.github.request_count();
  const size_t not_modified = f.github.not_modified();

  auto next = f.sync_day(kRepo, "2026-02-27", "2026-02-28T08:00:00Z");
  ASSERT_TRUE(next.incomplete().empty());
  EXPECT_EQ(next.items.issues.added, 1);
  EXPECT_EQ(f.github.not_modified() - not_modified, 4u);  // repository, branch, pulls, releases
  EXPECT_GE(requests_to(f, "/repos/o/r/issues", before), 1u);
  EXPECT_EQ(requests_to(f, "/repos/o/r/pulls", before), 1u);
  EXPECT_EQ(requests_to(f, "/repos/o/r/releases", before), 1u);
  auto stored = f.stored();
  EXPECT_TRUE(std::any_of(stored.issues.begin(), stored.issues.end(), [](const Issue& i) { return i.number == 30; }));
}

// The ETag proves "unchanged since the last read", which covered the list from
// its first window on: a day before that window is walked without it.
TEST(SyncConditionalLists, ABackfillBeforeTheFirstWindowWalksTheListsUnconditionally) {
  SyncFixture f;
  seed_conditional_repo(f);
  f.github.edit("o/r", [](FakeRepo& r) {
    r.issues.push_back(FakeGithub::issue(2, "Older crash", "2026-02-24T05:00:00Z"));
    r.releases.push_back(FakeGithub::release("v0.9.0", "2026-02-24T15:00:00Z"));
  });
  ASSERT_TRUE(f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z").incomplete().empty());
  const size_t before = f.github.request_count();

  auto backfill = f.sync_day(kRepo, "2026-02-24", "2026-02-27T09:00:00Z");
  ASSERT_TRUE(backfill.incomplete().empty());
  // The lists' first pages go without If-None-Match (the repository and the
  // branch's head still send theirs; so does the pull list's catch-up re-read
  // of its first page, sent with the ETag this very walk got).
  const auto all = f.github.requests();
  bool first_pulls = true;
  for (size_t i = before; i < all.size(); ++i) {
    const auto& r = all[i];
    const bool conditional = !r.header("If-None-Match").empty();
    if (r.path == "/repos/o/r/issues" || r.path == "/repos/o/r/releases") {
      EXPECT_FALSE(conditional) << r.path;
    } else if (r.path == "/repos/o/r/pulls" && r.params.count("page") == 0 && first_pulls) {
      EXPECT_FALSE(conditional) << r.path;
      first_pulls = false;
    }
  }
  auto stored = f.stored();
  EXPECT_TRUE(std::any_of(stored.issues.begin(), stored.issues.end(), [](const Issue& i) { return i.number == 2; }));
  EXPECT_TRUE(std::any_of(stored.releases.begin(), stored.releases.end(),
                          [](const Release& r) { return r.tag == "v0.9.0"; }));
}

// A list whose last read failed still has the ETag of the read before: a 304
// then proves nothing changed since that read, and the day is complete.
TEST(SyncConditionalLists, A304AfterAFailedReadCompletesTheDay) {
  SyncFixture f;
  seed_conditional_repo(f);
  ASSERT_TRUE(f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z").incomplete().empty());
  f.github.fail("/releases", testing::FakeFault{404, R"({"message":"Not Found"})", {}, {}, false, false});
  auto failed = f.sync_day(kRepo, "2026-02-27", "2026-02-28T08:00:00Z");
  ASSERT_EQ(failed.incomplete().size(), 1u);
  SyncStore store(*f.db);
  auto gaps = store.gaps(kRepo, at("2026-02-27T00:00:00Z"), at("2026-02-28T00:00:00Z"));
  ASSERT_TRUE(gaps.ok());
  ASSERT_EQ(gaps->size(), 1u);

  const size_t not_modified = f.github.not_modified();
  ASSERT_TRUE(f.sync_day(kRepo, "2026-02-27", "2026-02-28T09:00:00Z").incomplete().empty());
  EXPECT_EQ(f.github.not_modified() - not_modified, 5u);
  gaps = store.gaps(kRepo, at("2026-02-27T00:00:00Z"), at("2026-02-28T00:00:00Z"));
  ASSERT_TRUE(gaps.ok());
  EXPECT_TRUE(gaps->empty());
}

}  // namespace
}  // namespace infradigest
