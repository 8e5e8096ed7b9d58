// The sync of repositories against the fake GitHub: what is stored, how
// pages are walked, what a second run costs, and what happens when pages
// are bad, repositories are gone or the rate limit bites.
#include <gtest/gtest.h>

#include <algorithm>

#include "sync_fixture.h"

namespace infradigest {
namespace {

using testing::FakeFault;
using testing::FakeGithub;
using testing::FakeRepo;
using testing::SyncFixture;

using testing::kRepo;

// o/r: two commits before 2026-02-26, three on it, one the day after; PRs,
// issues (one of them a PR) and releases around the day.
void seed(SyncFixture& f) {
  f.commit("o/r", "Old one", "2026-02-24T10:00:00Z");
  f.commit("o/r", "Old two", "2026-02-25T23:59:59Z");
  f.commit("o/r", "Fix MLA (#11)", "2026-02-26T00:00:00Z", 3);
  f.commit("o/r", "Add FP8 GEMM (#12)", "2026-02-26T12:00:00Z");
  f.commit("o/r", "Docs (#13)", "2026-02-26T23:00:00Z");
  f.commit("o/r", "Next day (#14)", "2026-02-27T01:00:00Z");
  f.github.edit("o/r", [](FakeRepo& r) {
    r.pulls = {FakeGithub::pull(11, "Fix MLA", "2026-02-26T00:00:00Z", "2026-02-26T00:00:00Z"),
               FakeGithub::pull(12, "Add FP8 GEMM", "2026-02-26T12:00:00Z", "2026-02-26T12:00:00Z"),
               FakeGithub::pull(15, "Rejected", std::nullopt, "2026-02-26T13:00:00Z"),
               FakeGithub::pull(9, "Merged before", "2026-02-25T10:00:00Z", "2026-02-25T10:00:00Z")};
    r.issues = {FakeGithub::issue(20, "Crash on H20", "2026-02-26T05:00:00Z"),
                FakeGithub::issue(12, "Add FP8 GEMM", "2026-02-26T11:00:00Z", true),
                FakeGithub::issue(3, "Old", "2026-02-20T05:00:00Z")};
    r.releases = {FakeGithub::release("v1.1.0", "2026-02-26T15:00:00Z"), FakeGithub::release("v1.0.0", "2026-02-01T15:00:00Z")};
  });
}

std::vector<std::string> titles(const Activity& a) {
  std::vector<std::string> out;
  for (const auto& c : a.commits) out.push_back(c.title());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SyncRepo, FirstSyncStoresTheWindowsCommitsWithFilesMergedPrsIssuesAndReleases) {
  SyncFixture f;
  seed(f);
  auto report = f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z");
  ASSERT_TRUE(report.incomplete().empty()) << report.repos[0].error->message;
  auto a = f.stored();
  EXPECT_EQ(titles(a), (std::vector<std::string>{"Add FP8 GEMM (#12)", "Docs (#13)", "Fix MLA (#11)", "Next day (#14)"}));
  auto fix = std::find_if(a.commits.begin(), a.commits.end(), [](const Commit& c) { return c.pr_number == 11; });
  ASSERT_EQ(fix->files.size(), 3u);
  EXPECT_EQ(fix->files[0].additions, 3);
  ASSERT_EQ(a.pull_requests.size(), 2u);  // merged in the window only
  EXPECT_EQ(a.pull_requests[0].number, 11);
  ASSERT_EQ(a.issues.size(), 1u);  // not the PR, not the old one
  EXPECT_EQ(a.issues[0].number, 20);
  ASSERT_EQ(a.releases.size(), 1u);
  EXPECT_EQ(a.releases[0].tag, "v1.1.0");
  EXPECT_EQ(a.repositories.at(0).default_branch, "main");
  // 5 list requests (repository, commits, pulls, issues, releases) + 1 detail per new commit.
  EXPECT_EQ(f.github.request_count(), 5u + 4u);
  EXPECT_EQ(report.items.commits.added, 4);
}

TEST(SyncRepo, AnUnchangedSecondRunIsAll304AndFetchesNoCommitTwice) {
  SyncFixture f;
  seed(f);
  f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z");
  const size_t details = f.github.commit_details();
  const size_t before = f.github.request_count();
  auto again = f.sync_day(kRepo, "2026-02-26", "2026-02-27T09:00:00Z");
  EXPECT_EQ(f.github.request_count() - before, 5u);
  EXPECT_EQ(f.github.not_modified(), 5u);
  EXPECT_EQ(f.github.commit_details(), details);
  EXPECT_EQ(again.api.not_modified, 5);
  EXPECT_EQ(again.items.added(), 0);
  EXPECT_EQ(again.items.updated(), 0);
}

TEST(SyncRepo, MultiPageListsAreWalkedByFollowingLinkNext) {
  SyncFixture f;
  f.github.max_per_page = 2;
  for (int i = 0; i < 7; ++i) f.commit("o/r", "Change " + std::to_string(i), "2026-02-26T0" + std::to_string(i) + ":00:00Z");
  f.github.edit("o/r", [](FakeRepo& r) {
    for (int i = 0; i < 5; ++i) {
      r.issues.push_back(FakeGithub::issue(100 + i, "Issue", "2026-02-26T1" + std::to_string(i) + ":00:00Z"));
      r.pulls.push_back(FakeGithub::pull(200 + i, "PR", "2026-02-26T1" + std::to_string(i) + ":00:00Z",
                                         "2026-02-26T1" + std::to_string(i) + ":00:00Z"));
    }
  });
  auto report = f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z");
  ASSERT_TRUE(report.incomplete().empty());
  auto a = f.stored();
  EXPECT_EQ(a.commits.size(), 7u);
  EXPECT_EQ(a.issues.size(), 5u);
  EXPECT_EQ(a.pull_requests.size(), 5u);
  size_t issue_pages = 0;
  for (const auto& r : f.github.requests())
    if (r.path == "/repos/o/r/issues") {
      ++issue_pages;
      if (issue_pages > 1) {
        EXPECT_EQ(r.params.find("page")->second, std::to_string(issue_pages));
      }
    }
  EXPECT_EQ(issue_pages, 3u);
}

TEST(SyncRepo, ACommitWithMoreThan300FilesGetsEveryFilePage) {
  SyncFixture f;
  const std::string sha = f.commit("o/r", "Huge refactor", "2026-02-26T10:00:00Z", 650);
  ASSERT_TRUE(f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z").incomplete().empty());
  auto a = f.stored();
  ASSERT_EQ(a.commits.size(), 1u);
  EXPECT_EQ(a.commits[0].files.size(), 650u);
  EXPECT_EQ(a.commits[0].files[649].filename, "src/file649.cc");
  EXPECT_EQ(f.github.count("/commits/" + sha), 3u);  // 300 + 300 + 50
}

TEST(SyncRepo, PullRequestsInTheIssuesListAreNotStoredAsIssues) {
  SyncFixture f;
  f.github.edit("o/r", [](FakeRepo& r) {
    r.issues = {FakeGithub::issue(1, "PR one", "2026-02-26T01:00:00Z", true),
                FakeGithub::issue(2, "Real issue", "2026-02-26T02:00:00Z"),
                FakeGithub::issue(3, "PR two", "2026-02-26T03:00:00Z", true)};
  });
  f.commit("o/r", "init", "2026-02-20T00:00:00Z");
  f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z");
  auto a = f.stored();
  ASSERT_EQ(a.issues.size(), 1u);
  EXPECT_EQ(a.issues[0].number, 2);
}

TEST(SyncRepo, ARepositoryThat404sDoesNotStopTheOthers) {
  SyncFixture f;
  f.commit("o/ok", "Works", "2026-02-26T10:00:00Z");
  f.github.edit("o/gone", [](FakeRepo& r) { r.status = 404; });
  auto report = f.sync_day({"o/gone", "o/ok"}, "2026-02-26", "2026-02-27T08:00:00Z");
  EXPECT_EQ(report.incomplete(), std::vector<std::string>{"o/gone"});
  ASSERT_TRUE(report.repos[0].error);
  EXPECT_NE(report.repos[0].error->message.find("o/gone: 404"), std::string::npos) << report.repos[0].error->message;
  EXPECT_EQ(f.stored().commits.size(), 1u);
  EXPECT_EQ(f.github.count("/repos/o/gone"), 5u);  // one answer each, no retries
}

TEST(SyncRepo, ATruncatedOrHtmlPageStoresNothingOfItsListUntilARetryWorks) {
  SyncFixture f;
  f.github.max_per_page = 2;
  for (int i = 0; i < 3; ++i) f.commit("o/r", "C" + std::to_string(i), "2026-02-26T1" + std::to_string(i) + ":00:00Z");
  f.github.edit("o/r", [](FakeRepo& r) {
    for (int i = 0; i < 4; ++i) r.issues.push_back(FakeGithub::issue(i + 1, "I", "2026-02-26T0" + std::to_string(i) + ":00:00Z"));
  });
  FakeFault truncated;
  truncated.truncate = true;
  f.github.fail("/repos/o/r/issues", truncated, 2, 2);  // page 2: cut in half, twice
  FakeFault html;
  html.status = 200;
  html.body = "<!DOCTYPE html><html><body>Unicorn! Try again</body></html>";
  f.github.fail("/repos/o/r/issues", html, 2, 2);  // then an HTML page, twice: 4 bad answers in a row
  auto report = f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z");
  ASSERT_EQ(report.incomplete(), kRepo);
  EXPECT_NE(report.repos[0].error->message.find("not JSON"), std::string::npos) << report.repos[0].error->message;
  EXPECT_NE(report.repos[0].error->message.find("o/r issues: "), std::string::npos) << report.repos[0].error->message;
  EXPECT_EQ(report.repos[0].failed_lists, std::vector<SyncList>{SyncList::kIssues});
  auto partial = f.stored();
  EXPECT_EQ(partial.commits.size(), 3u);  // the other lists were read completely
  EXPECT_TRUE(partial.issues.empty());
  // The store knows the day misses o/r's issues, and only those.
  SyncStore store(*f.db);
  auto gaps = store.gaps(kRepo, testing::at("2026-02-26T00:00:00Z"), testing::at("2026-02-27T00:00:00Z"));
  ASSERT_TRUE(gaps.ok());
  ASSERT_EQ(gaps->size(), 1u);
  EXPECT_EQ((*gaps)[0].lists, std::vector<SyncList>{SyncList::kIssues});
  // The next run finds the server healthy and stores everything.
  auto again = f.sync_day(kRepo, "2026-02-26", "2026-02-27T09:00:00Z");
  ASSERT_TRUE(again.incomplete().empty());
  EXPECT_EQ(f.stored().commits.size(), 3u);
  EXPECT_EQ(f.stored().issues.size(), 4u);
  EXPECT_TRUE(store.gaps(kRepo, testing::at("2026-02-26T00:00:00Z"), testing::at("2026-02-27T00:00:00Z"))->empty());
}

TEST(SyncRepo, ServerErrorsAndSecondaryLimitsAreRiddenOut) {
  SyncFixture f;
  f.commit("o/r", "One", "2026-02-26T10:00:00Z");
  f.github.fail("/repos/o/r/commits", FakeFault{502, "<html>Bad Gateway</html>", {}, {}, false}, 2);
  f.github.fail("/repos/o/r/pulls", FakeFault{403, R"({"message":"You have exceeded a secondary rate limit."})",
                                               {{"Retry-After", "30"}}, {}, false});
  auto report = f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z");
  ASSERT_TRUE(report.incomplete().empty()) << report.repos[0].error->message;
  EXPECT_EQ(f.stored().commits.size(), 1u);
  EXPECT_GE(f.clock.slept(), std::chrono::seconds(30));
  EXPECT_EQ(report.api.retries, 3);
}

TEST(SyncRepo, ARateLimitBeyondMaxWaitStopsAndAResumeCompletesTheRest) {
  SyncFixture f;
  f.concurrency = 1;  // one repository at a time: "b" is reached after the stop
  f.commit("o/a", "A1", "2026-02-26T10:00:00Z");
  f.commit("o/b", "B1", "2026-02-26T10:00:00Z");
  const long long reset = std::chrono::duration_cast<std::chrono::seconds>(
                              (f.clock.now() + std::chrono::hours(2)).time_since_epoch()).count();
  f.github.fail("/repos/o/a/releases", FakeFault{403, R"({"message":"API rate limit exceeded"})",
                                                  {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", std::to_string(reset)}},
                                                  {}, false});
  auto stopped = f.sync_day({"o/a", "o/b"}, "2026-02-26", "2026-02-27T08:00:00Z");
  ASSERT_TRUE(stopped.stopped);
  EXPECT_NE(stopped.stopped->message.find("resume"), std::string::npos);
  EXPECT_TRUE(f.stored().commits.empty());  // o/a unfinished, o/b never started
  const size_t sent = f.github.request_count();
  auto resumed = f.sync_day({"o/a", "o/b"}, "2026-02-26", "2026-02-27T08:00:00Z");
  EXPECT_FALSE(resumed.stopped);
  EXPECT_TRUE(resumed.incomplete().empty());
  EXPECT_EQ(f.stored().commits.size(), 2u);
  EXPECT_GT(f.github.request_count(), sent);
}

TEST(SyncRepo, ACommitPushedMidWalkShiftsPagesWithoutDuplicatesOrGaps) {
  SyncFixture f;
  f.github.max_per_page = 3;
  f.commit("o/r", "base", "2026-02-25T10:00:00Z");
  f.sync_day(kRepo, "2026-02-25", "2026-02-26T08:00:00Z");  // the cursor sits on "base"
  std::set<std::string> first_walk;
  for (int i = 0; i < 7; ++i) first_walk.insert(f.commit("o/r", "C" + std::to_string(i), "2026-02-26T0" + std::to_string(i) + ":00:00Z"));
  bool pushed = false;
  std::string late;
  f.github.on_before_page([&](const std::string& path, int page) {
    if (path == "/repos/o/r/commits" && page == 2 && !pushed) {
      pushed = true;  // two pushes between page 1 and page 2: page 2 starts with two commits already seen
      f.commit("o/r", "Pushed mid-walk 1", "2026-02-26T09:00:00Z");
      late = f.commit("o/r", "Pushed mid-walk 2", "2026-02-26T09:30:00Z");
    }
  });
  auto report = f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z");
  f.github.on_before_page(nullptr);  // before reading what the hook wrote
  ASSERT_TRUE(report.incomplete().empty());
  EXPECT_TRUE(pushed);
  EXPECT_EQ(report.items.commits.added, 7);  // the walk started at the old head: exactly its 7
  auto next = f.sync_day(kRepo, "2026-02-26", "2026-02-27T09:00:00Z");
  EXPECT_EQ(next.items.commits.added, 2);  // the next walk takes the two pushed mid-walk
  EXPECT_EQ(f.stored().commits.size(), 10u);
}

TEST(SyncRepo, APullRequestUpdatedMidWalkIsCaughtUpNotLost) {
  SyncFixture f;
  f.github.max_per_page = 2;
  f.commit("o/r", "init", "2026-02-20T00:00:00Z");
  f.github.edit("o/r", [](FakeRepo& r) {
    for (int i = 1; i <= 5; ++i)
      r.pulls.push_back(FakeGithub::pull(i, "PR " + std::to_string(i), "2026-02-26T0" + std::to_string(i) + ":00:00Z",
                                         "2026-02-26T0" + std::to_string(i) + ":00:00Z"));
  });
  // Sorted by update: [5 4][3 2][1]. After page 1, PR 2 is edited: it jumps to
  // the top and PR 3 slides onto page 1, so page 2 reads [4 3]... and PR 2
  // would be missed without the catch-up.
  bool moved = false;
  f.github.on_before_page([&](const std::string& path, int page) {
    if (path == "/repos/o/r/pulls" && page == 2 && !moved) {
      moved = true;
      f.github.edit("o/r", [](FakeRepo& r) {
        for (auto& p : r.pulls)
          if (p["number"] == 2) {
            p["title"] = "PR 2 (retitled)";
            p["updated_at"] = "2026-02-26T09:00:00Z";
          }
      });
    }
  });
  ASSERT_TRUE(f.sync_day(kRepo, "2026-02-26", "2026-02-27T08:00:00Z").incomplete().empty());
  auto a = f.stored();
  ASSERT_EQ(a.pull_requests.size(), 5u);
  auto two = std::find_if(a.pull_requests.begin(), a.pull_requests.end(), [](const PullRequest& p) { return p.number == 2; });
  EXPECT_EQ(two->title, "PR 2 (retitled)");
}

}  // namespace
}  // namespace infradigest
