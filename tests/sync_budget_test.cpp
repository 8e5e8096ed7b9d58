// The request budget: the client never gets more answers that count against
// the rate limit than allowed (304s are free), a sync that does not fit reads
// the least recently synced repositories first and stops before the ones it
// cannot afford, and the next sync continues there — every item once. The
// CLI: `run --budget N` (or a small rate limit left) exits 4 naming how many
// repositories remain and when the limit resets, publishes nothing partial,
// and the runs after it finish the day exactly as one unbudgeted run would.
#include <gtest/gtest.h>

#include <filesystem>

#include "fake_github_dataset.h"
#include "sync_fixture.h"
#include "sync/request_budget.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::FakeGithub;
using testing::FakeRepo;
using testing::SyncFixture;
using testing::TempDir;
using testing::at;

const std::vector<std::string> kBudgetRepos = {"o/a", "o/b", "o/c"};

// Per repository: two commits and a merged PR on 2026-02-26, one issue.
void seed_budget_repos(SyncFixture& f) {
  for (const auto& repo : kBudgetRepos) {
    f.commit(repo, "Older " + repo, "2026-02-20T10:00:00Z");
    f.commit(repo, "Fix " + repo + " (#1)", "2026-02-26T10:00:00Z");
    f.commit(repo, "Add " + repo + " (#2)", "2026-02-26T11:00:00Z");
    f.github.edit(repo, [&](FakeRepo& r) {
      r.pulls = {FakeGithub::pull(2, "Add " + repo, "2026-02-26T11:00:00Z", "2026-02-26T11:00:00Z")};
      r.issues = {FakeGithub::issue(5, "Crash in " + repo, "2026-02-26T12:00:00Z")};
    });
  }
}

SyncReport sync_with_budget(SyncFixture& f, long long budget, const std::string& now) {
  GithubClient client(*f.http, f.clock, f.client_options());
  SyncStore store(*f.db);
  SyncRequest request{kBudgetRepos, at("2026-02-26T00:00:00Z"), at("2026-02-27T00:00:00Z"), at(now), 1};
  request.budget = budget;
  auto report = sync_repositories(store, client, request);
  EXPECT_TRUE(report.ok()) << report.error().message;
  return std::move(*report);
}

TEST(SyncBudget, TheClientStopsAtTheBudgetAndA304CostsNothing) {
  FakeGithub api;
  api.edit("o/a", [](FakeRepo&) {});
  api.edit("o/b", [](FakeRepo&) {});
  api.edit("o/c", [](FakeRepo&) {});
  api.start();
  testing::FakeClock clock;
  auto http = make_http_client();
  GithubClientOptions options;
  options.api_url = api.url();
  GithubClient client(*http, clock, options);
  auto first = client.get("/repos/o/a");
  ASSERT_TRUE(first.ok());
  client.limit_requests(1);
  auto again = client.get("/repos/o/a", first->etag);  // a 304: free
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->not_modified);
  ASSERT_TRUE(client.get("/repos/o/b").ok());
  auto over = client.get("/repos/o/c");
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.error().message.find("request budget is spent"), std::string::npos) << over.error().message;
  EXPECT_TRUE(client.stopped());
  EXPECT_TRUE(client.budget_spent());
  EXPECT_EQ(api.count("/repos/o/c"), 0u);
  EXPECT_EQ(client.stats().charged, 2);
}

TEST(SyncBudget, RateLimitIsReadFromTheRateLimitEndpointWithoutCharge) {
  FakeGithub api;
  api.rate_remaining = 1234;
  api.start();
  testing::FakeClock clock;
  auto http = make_http_client();
  GithubClientOptions options;
  options.api_url = api.url();
  GithubClient client(*http, clock, options);
  auto limit = client.rate_limit();
  ASSERT_TRUE(limit.ok()) << limit.error().message;
  EXPECT_EQ(limit->remaining, 1234);
  EXPECT_EQ(limit->limit, 5000);
  EXPECT_EQ(limit->reset, WallTime{std::chrono::seconds(api.rate_reset.load())});
  EXPECT_EQ(client.stats().charged, 0);
  EXPECT_EQ(api.rate_remaining.load(), 1234);
}

TEST(SyncBudget, ATooSmallBudgetStopsAndTheNextSyncsContinueWhereItStoppedEveryItemOnce) {
  SyncFixture f;
  seed_budget_repos(f);
  // A first sync of a repository is expected to cost 5 first pages plus
  // kFirstSyncCommitsPerDay commits a day: 19 for this window at 08:00. A
  // budget of 25 affords one repository per sync.
  auto first = sync_with_budget(f, 25, "2026-02-27T08:00:00Z");
  EXPECT_TRUE(first.budget_spent);
  ASSERT_TRUE(first.stopped.has_value());
  EXPECT_NE(first.stopped->message.find("request budget is spent"), std::string::npos);
  EXPECT_EQ(first.remaining(), (std::vector<std::string>{"o/b", "o/c"}));
  EXPECT_EQ(first.estimated, 3 * 19);
  EXPECT_LE(first.api.charged, 25);

  auto second = sync_with_budget(f, 25, "2026-02-27T09:00:00Z");
  EXPECT_EQ(second.remaining(), (std::vector<std::string>{"o/c"}));
  EXPECT_FALSE(second.repos[0].started);  // o/a was read by the first sync: it waits, and leaves no gap
  EXPECT_FALSE(second.repos[0].error.has_value());

  auto third = sync_with_budget(f, 25, "2026-02-27T10:00:00Z");
  EXPECT_FALSE(third.stopped.has_value());
  EXPECT_FALSE(third.budget_spent);
  EXPECT_TRUE(third.remaining().empty());
  EXPECT_TRUE(third.incomplete().empty());

  SyncStore store(*f.db);
  auto gaps = store.gaps(kBudgetRepos, at("2026-02-26T00:00:00Z"), at("2026-02-27T00:00:00Z"));
  ASSERT_TRUE(gaps.ok());
  EXPECT_TRUE(gaps->empty());
  // Every commit of the day fetched and reported once, every PR and issue stored once.
  EXPECT_EQ(f.github.commit_details(), 6u);
  EXPECT_EQ(f.reported_commits(kBudgetRepos, "2026-02-26").size(), 6u);
  auto stored = f.stored();
  EXPECT_EQ(stored.commits.size(), 6u);
  EXPECT_EQ(stored.pull_requests.size(), 3u);
  EXPECT_EQ(stored.issues.size(), 3u);
}

TEST(SyncBudget, TheOrderIsNeverReadFirstThenTheLeastRecentlyReadThenTheWatchlist) {
  std::vector<RepoRequestPlan> plans(4);
  plans[0].last_read = at("2026-02-27T08:00:00Z");
  plans[1].last_read = at("2026-02-26T08:00:00Z");
  plans[3].last_read = at("2026-02-26T08:00:00Z");
  EXPECT_EQ(budget_order(plans), (std::vector<size_t>{2, 1, 3, 0}));
}

// --- the CLI ------------------------------------------------------------

const std::string kBudgetDay = "2026-02-26";
const std::string kBudgetNow = "2026-02-27T08:00:00Z";

std::string budget_env(const FakeGithub& github, const TempDir& dir) {
  std::string repos;
  for (const auto& r : testing::realistic_repo_names()) repos += (repos.empty() ? "" : ",") + r;
  return "XDG_CONFIG_HOME=" + dir.file("config") + " GITHUB_API_URL=" + github.url() +
         " GITHUB_TOKEN=ghp_budget_token INFRADIGEST_REPOS=" + repos + " INFRADIGEST_ARCHIVE_DIR=" + dir.file("reports") +
         " INFRADIGEST_GITHUB_MAX_WAIT=60 INFRADIGEST_GITHUB_CONCURRENCY=1";  // one at a time: which fit is exact
}

TEST(SyncBudget, RunWithATooSmallBudgetExits4UnpublishedAndTheNextRunsFinishTheDayAsOneRunWould) {
  TempDir ref_dir;
  std::string reference;
  {
    FakeGithub github;
    testing::add_realistic_day(github, kBudgetDay, "2026-02-25", 3, 0.3);
    github.start();
    auto r = testing::run_infradigest("--db " + ref_dir.file("s.db") + " --now " + kBudgetNow + " run",
                                      budget_env(github, ref_dir));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    reference = testing::read_file(ref_dir.file("reports/" + kBudgetDay + ".md"));
  }
  FakeGithub github;
  testing::add_realistic_day(github, kBudgetDay, "2026-02-25", 3, 0.3);
  github.start();
  TempDir dir;
  const std::string run = "--db " + dir.file("s.db") + " --now " + kBudgetNow + " run --budget 40";
  auto first = testing::run_infradigest(run, budget_env(github, dir));
  EXPECT_EQ(first.exit_code, 4) << first.err;
  EXPECT_NE(first.err.find("more than the budget of 40"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("the request budget of 40 is spent: 4 of 8 repositories remain to be synced"),
            std::string::npos) << first.err;
  EXPECT_NE(first.err.find("rate limit resets at 2030-03-17T17:46:40Z"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("no report written for " + kBudgetDay), std::string::npos) << first.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("reports/" + kBudgetDay + ".md")));

  int runs = 1;
  testing::CommandResult last = first;
  while (last.exit_code == 4 && runs < 8) {
    last = testing::run_infradigest(run, budget_env(github, dir));
    ++runs;
    if (last.exit_code == 4) {
      EXPECT_FALSE(std::filesystem::exists(dir.file("reports/" + kBudgetDay + ".md")));
    }
  }
  ASSERT_EQ(last.exit_code, 0) << last.err;
  // 19 expected per repository, 6 to 12 spent each: four in the first run,
  // three in the second, the last one (and the rest, now 304s) in the third.
  EXPECT_EQ(runs, 3);
  EXPECT_EQ(testing::read_file(dir.file("reports/" + kBudgetDay + ".md")), reference);
}

TEST(SyncBudget, TheRateLimitLeftIsTheBudgetWhenItResetsLaterThanMaxWait) {
  FakeGithub github;
  testing::add_realistic_day(github, kBudgetDay, "2026-02-25", 3, 0.3);
  github.rate_remaining = 30;
  github.start();
  TempDir dir;
  auto r = testing::run_infradigest("--db " + dir.file("s.db") + " --now " + kBudgetNow + " sync --date " + kBudgetDay,
                                    budget_env(github, dir));
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("the request budget of 30 is spent: 6 of 8 repositories remain"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace infradigest
