// `infradigest sync` and `infradigest run`, the real binary against the fake
// GitHub (GITHUB_API_URL=http://127.0.0.1:PORT): the daily job end to end,
// secrets, the rate-limit exit, and kill -9 in the middle of a sync.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "fake_github.h"
#include "fake_github_dataset.h"
#include "store/database.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::FakeFault;
using testing::FakeGithub;
using testing::run_infradigest;
using testing::TempDir;
using namespace std::chrono_literals;

const std::string kDay = "2026-02-26";
const std::string kNow = "2026-02-27T08:00:00Z";
const std::string kSentinel = "ghp_SENTINEL_9f8e7d6c5b4a";

std::string repos_csv() {
  std::string out;
  for (const auto& r : testing::realistic_repo_names()) out += (out.empty() ? "" : ",") + r;
  return out;
}

// The environment of a run against `github`, with every file under `dir`.
std::string env_for(const FakeGithub& github, const TempDir& dir, const std::string& token = kSentinel) {
  return "XDG_CONFIG_HOME=" + dir.file("config") + " GITHUB_API_URL=" + github.url() + " GITHUB_TOKEN=" + token +
         " INFRADIGEST_REPOS=" + repos_csv() + " INFRADIGEST_ARCHIVE_DIR=" + dir.file("reports") +
         " INFRADIGEST_GITHUB_MAX_WAIT=60";
}

std::string db_arg(const TempDir& dir, const std::string& name = "store.db") { return "--db " + dir.file(name) + " "; }

// Everything a run leaves in `dir` (the store and its WAL, reports), as one text.
std::string all_files(const TempDir& dir) {
  std::string out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path()))
    if (e.is_regular_file()) out += testing::read_file(e.path().string());
  return out;
}

// Rows that define what a sync stored beyond the activity itself.
std::string sync_state(const std::string& db_path) {
  auto db = Database::open(db_path);
  EXPECT_TRUE(db.ok());
  std::string out;
  for (const char* sql : {"SELECT r.full_name || ' ' || branch || ' ' || head_sha || ' ' || horizon FROM github_cursors g "
                          "JOIN repositories r ON r.id = g.repo_id ORDER BY 1",
                          "SELECT item_key || ' ' || first_seen_at || ' ' || COALESCE(landed_at, '-') FROM commits ORDER BY 1",
                          // Keys hold the server's URL, whose port differs between the two fakes.
                          "SELECT substr(cache_key, instr(cache_key, '/repos/')) || ' ' || etag FROM http_etags ORDER BY 1"}) {
    auto st = db->prepare(sql);
    EXPECT_TRUE(st.ok());
    EXPECT_TRUE(st->for_each_row([&]() -> Status {
      out += st->text_or_empty(0) + "\n";
      return {};
    }));
  }
  return out;
}

TEST(SyncCli, RunWritesTheDaysReportAndARepeatIsAll304AndTheSame) {
  FakeGithub github;
  testing::add_realistic_day(github, kDay, "2026-02-25", 5, 0.5);
  github.start();
  TempDir dir;
  auto first = run_infradigest(db_arg(dir) + "--now " + kNow + " run", env_for(github, dir));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("synced 8 repositories"), std::string::npos) << first.err;
  const std::string report = testing::read_file(dir.file("reports/" + kDay + ".md"));
  EXPECT_NE(report.find("vllm-project/vllm"), std::string::npos);
  EXPECT_NE(report.find("Improve vllm-project/vllm path 11"), std::string::npos) << report;
  EXPECT_EQ(report.find("同步失败"), std::string::npos);

  const size_t details = github.commit_details();
  auto second = run_infradigest(db_arg(dir) + "--now 2026-02-27T09:00:00Z run", env_for(github, dir));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("41 requests (40 not modified, 0 retried)"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("new: 0 commits"), std::string::npos) << second.err;
  EXPECT_EQ(github.commit_details(), details);
  EXPECT_EQ(testing::read_file(dir.file("reports/" + kDay + ".md")), report);
}

TEST(SyncCli, TheTokenNeverReachesLogsErrorsTheStoreOrReports) {
  FakeGithub github;
  testing::add_realistic_day(github, kDay, "2026-02-25", 3, 0.3);
  // A misbehaving proxy that echoes credentials into its error page.
  github.fail("/repos/NVIDIA/cutile-python", FakeFault{401, R"({"message":"Bad credentials Bearer )" + kSentinel + R"("})",
                                                        {}, {}, false}, 100);
  github.start();
  TempDir dir;
  auto r = run_infradigest(db_arg(dir) + "--now " + kNow + " run --verbose --allow-incomplete", env_for(github, dir));
  EXPECT_EQ(r.exit_code, 1) << r.err;  // one repository failed; the report is still written, as asked
  EXPECT_NE(r.err.find("GET " + github.url() + "/repos/vllm-project/vllm -> 200"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("cutile-python"), std::string::npos);
  EXPECT_EQ(r.err.find(kSentinel), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find(kSentinel), std::string::npos);
  const std::string files = all_files(dir);
  EXPECT_EQ(files.find(kSentinel), std::string::npos);
  const std::string report = testing::read_file(dir.file("reports/" + kDay + ".md"));
  EXPECT_NE(report.find("NVIDIA/cutile-python"), std::string::npos);
  EXPECT_NE(report.find("同步失败"), std::string::npos) << report.substr(0, 800);
  // It was used, though: every request carried it.
  for (const auto& req : github.requests()) EXPECT_EQ(req.header("Authorization"), "Bearer " + kSentinel);
}

TEST(SyncCli, ARateLimitLongerThanMaxWaitExits4WithoutAReportAndTheNextRunResumes) {
  FakeGithub github;
  testing::add_realistic_day(github, kDay, "2026-02-25", 3, 0.3);
  const auto reset = std::chrono::duration_cast<std::chrono::seconds>(
                         (std::chrono::system_clock::now() + 3h).time_since_epoch()).count();
  github.fail("/repos/sgl-project/sglang/pulls",
              FakeFault{403, R"({"message":"API rate limit exceeded"})",
                        {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", std::to_string(reset)}}, {}, false});
  github.start();
  TempDir dir;
  auto stopped = run_infradigest(db_arg(dir) + "--now " + kNow + " run", env_for(github, dir));
  EXPECT_EQ(stopped.exit_code, 4) << stopped.err;
  EXPECT_NE(stopped.err.find("resume"), std::string::npos) << stopped.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("reports/" + kDay + ".md")));
  auto resumed = run_infradigest(db_arg(dir) + "--now " + kNow + " run", env_for(github, dir));
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_TRUE(std::filesystem::exists(dir.file("reports/" + kDay + ".md")));
}

TEST(SyncCli, KillDashNineMidSyncThenARerunStoresWhatAnUninterruptedSyncStores) {
  const std::string sync = "--now " + kNow + " sync --date " + kDay;
  // The reference: one uninterrupted sync.
  TempDir ref_dir;
  {
    FakeGithub github;
    testing::add_realistic_day(github, kDay, "2026-02-25", 5, 0.5);
    github.start();
    auto r = run_infradigest(db_arg(ref_dir) + sync, env_for(github, ref_dir));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // The same, killed after a third of its requests, then run again. Request
  // 26 and later wait at the fake's gate, so the kill lands mid-sync however
  // slow or loaded the machine is; the deadline only stops a sync that never
  // gets there from hanging the test.
  TempDir dir;
  FakeGithub github;
  testing::add_realistic_day(github, kDay, "2026-02-25", 5, 0.5);
  github.hold_after(25);
  github.start();
  const pid_t pid = testing::start_infradigest(db_arg(dir) + sync, env_for(github, dir), dir.file("killed.log"),
                                               dir.file("home"));
  int status = 0;
  bool ended = false;
  const auto deadline = std::chrono::steady_clock::now() + 120s;
  while (github.request_count() <= 25 && std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      ended = true;
      break;
    }
    std::this_thread::sleep_for(1ms);
  }
  if (!ended) {
    kill(pid, SIGKILL);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
  }
  ASSERT_FALSE(ended) << "the sync ended before it could be killed:\n" << testing::read_file(dir.file("killed.log"));
  ASSERT_GT(github.request_count(), 25u) << "the sync did not get a third of the way within 120 s";
  EXPECT_TRUE(WIFSIGNALED(status));
  github.release_held();
  auto rerun = run_infradigest(db_arg(dir) + sync, env_for(github, dir));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;

  auto exported = run_infradigest(db_arg(dir) + "export", "XDG_CONFIG_HOME=" + dir.file("config"));
  auto reference = run_infradigest(db_arg(ref_dir) + "export", "XDG_CONFIG_HOME=" + ref_dir.file("config"));
  ASSERT_EQ(exported.exit_code, 0);
  EXPECT_GT(reference.out.size(), 1000u);
  EXPECT_EQ(exported.out, reference.out);
  EXPECT_EQ(sync_state(dir.file("store.db")), sync_state(ref_dir.file("store.db")));
}

// Two small repositories with, per day, one commit and one merged PR (shown
// as PR items: their merge commits are not on the branch).
const std::string kRepoA = "o/a", kRepoB = "o/b";

std::string small_env(const FakeGithub& github, const TempDir& dir) {
  return "XDG_CONFIG_HOME=" + dir.file("config") + " GITHUB_API_URL=" + github.url() + " GITHUB_TOKEN=" + kSentinel +
         " INFRADIGEST_REPOS=" + kRepoA + "," + kRepoB + " INFRADIGEST_ARCHIVE_DIR=" + dir.file("reports") +
         " INFRADIGEST_GITHUB_MAX_WAIT=60";
}

void small_day(FakeGithub& github, const std::string& day) {
  for (const auto& repo : {kRepoA, kRepoB}) {
    std::string parent;
    github.edit(repo, [&](testing::FakeRepo& r) {
      if (!r.commits.empty()) parent = r.commits.front()["sha"];
    });
    const std::string title = "Commit-" + day + "-" + repo;
    github.push(repo, FakeGithub::commit(FakeGithub::sha_of(title), parent.empty() ? std::vector<std::string>{}
                                                                                    : std::vector{parent},
                                         title, day + "T10:00:00Z"));
    const int number = 100 + std::stoi(day.substr(8, 2)) * 2 + (repo == kRepoA ? 0 : 1);
    github.edit(repo, [&](testing::FakeRepo& r) {
      r.pulls.push_back(FakeGithub::pull(number, "PR-" + day + "-" + repo, day + "T11:00:00Z", day + "T11:00:00Z"));
    });
  }
}

// How many archived day reports (README.md aside) mention `text`, and which.
std::vector<std::string> reports_mentioning(const TempDir& dir, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir.file("reports"))) {
    const std::string name = e.path().filename().string();
    if (name == "README.md") continue;
    if (testing::read_file(e.path().string()).find(text) != std::string::npos) out.push_back(name.substr(0, 10));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SyncCli, ADayWithAFailedListIsNotPublishedAndTheNextRunCatchesUpInOrderExactlyOnce) {
  FakeGithub github;
  small_day(github, "2026-02-25");
  small_day(github, "2026-02-26");
  github.start();
  TempDir dir;
  auto first = run_infradigest(db_arg(dir) + "--now 2026-02-26T08:00:00Z run", small_env(github, dir));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // The 27th's run: o/b's pull request list answers an HTML 503 page on every try.
  github.fail("/repos/o/b/pulls", FakeFault{503, "<!DOCTYPE html><html><body>503 Service Unavailable</body></html>",
                                            {}, {}, false}, 4);
  auto failed = run_infradigest(db_arg(dir) + "--now " + kNow + " run", small_env(github, dir));
  EXPECT_EQ(failed.exit_code, 1) << failed.err;
  EXPECT_NE(failed.err.find("o/b pull requests: GET"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("503"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("2026-02-26 is not published: not synced: o/b (pull requests)"), std::string::npos)
      << failed.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("reports/2026-02-26.md")));
  EXPECT_EQ(testing::read_file(dir.file("reports/README.md")).find("[2026-02-26]"), std::string::npos);
  // The next morning: the 26th, then the 27th, each item once, on its day.
  small_day(github, "2026-02-27");
  auto next = run_infradigest(db_arg(dir) + "--now 2026-02-28T08:00:00Z run", small_env(github, dir));
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.err.find("catching up 2 days: 2026-02-26 to 2026-02-27"), std::string::npos) << next.err;
  for (const std::string day : {"2026-02-25", "2026-02-26", "2026-02-27"})
    for (const auto& repo : {kRepoA, kRepoB})
      for (const std::string kind : {"Commit-", "PR-"})
        EXPECT_EQ(reports_mentioning(dir, kind + day + "-" + repo), std::vector<std::string>{day}) << kind << day << repo;
  EXPECT_EQ(testing::read_file(dir.file("reports/2026-02-26.md")).find("未同步"), std::string::npos);
}

TEST(SyncCli, AllowIncompleteNamesTheMissingRepositoryAndNeverReplacesACompleteReport) {
  FakeGithub github;
  small_day(github, "2026-02-25");
  small_day(github, "2026-02-26");
  github.start();
  TempDir dir;
  // o/b is gone for this run (404, not retried): published anyway, as asked.
  github.fail("/repos/o/b", FakeFault{404, R"({"message":"Not Found"})", {}, {}, false}, 5);
  auto allowed = run_infradigest(db_arg(dir) + "--now " + kNow + " run --allow-incomplete", small_env(github, dir));
  EXPECT_EQ(allowed.exit_code, 1) << allowed.err;
  const std::string partial = testing::read_file(dir.file("reports/2026-02-26.md"));
  EXPECT_NE(partial.find("> 注意：以下仓库本次同步失败，其内容可能不完整：o/b"), std::string::npos) << partial;
  EXPECT_NE(partial.find("未同步"), std::string::npos) << partial;
  EXPECT_EQ(partial.find("均无更新"), std::string::npos) << partial;
  EXPECT_NE(partial.find("Commit-2026-02-26-o/a"), std::string::npos);

  // A complete report of the 26th, written with another store; then this
  // store's incomplete report of the day must not replace it.
  TempDir other;
  auto complete = run_infradigest(db_arg(other) + "--now " + kNow + " run", small_env(github, other));
  ASSERT_EQ(complete.exit_code, 0) << complete.err;
  const std::string whole = testing::read_file(other.file("reports/2026-02-26.md"));
  EXPECT_NE(whole.find("Commit-2026-02-26-o/b"), std::string::npos);
  std::filesystem::copy_file(other.file("reports/2026-02-26.md"), dir.file("reports/2026-02-26.md"),
                             std::filesystem::copy_options::overwrite_existing);
  TempDir third;  // a store that synced before (so not "lost") but never reported the 26th
  std::filesystem::create_directories(third.file("reports"));
  std::filesystem::copy_file(dir.file("reports/2026-02-26.md"), third.file("reports/2026-02-26.md"));
  // Synced on the 26th's morning: its lists do not cover the 26th yet.
  auto synced = run_infradigest(db_arg(third) + "--now 2026-02-26T08:00:00Z sync --date 2026-02-25",
                                small_env(github, third));
  ASSERT_EQ(synced.exit_code, 0) << synced.err;
  github.fail("/repos/o/b", FakeFault{404, R"({"message":"Not Found"})", {}, {}, false}, 5);
  auto kept = run_infradigest(db_arg(third) + "--now " + kNow + " run --allow-incomplete", small_env(github, third));
  EXPECT_EQ(kept.exit_code, 1) << kept.err;
  EXPECT_NE(kept.err.find("kept"), std::string::npos) << kept.err;
  EXPECT_EQ(testing::read_file(third.file("reports/2026-02-26.md")), whole);
}

TEST(SyncCli, RunRefusesALostStoreNextToAReportedArchiveUnlessToldToRebuild) {
  FakeGithub github;
  small_day(github, "2026-02-26");
  github.start();
  TempDir dir;
  auto first = run_infradigest(db_arg(dir) + "--now " + kNow + " run", small_env(github, dir));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string report = testing::read_file(dir.file("reports/2026-02-26.md"));
  // The store is lost (an evicted CI cache): a new one next to the same archive.
  small_day(github, "2026-02-27");
  const size_t sent = github.request_count();
  auto refused = run_infradigest(db_arg(dir, "new.db") + "--now 2026-02-28T08:00:00Z run", small_env(github, dir));
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("the store has never synced"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("1 reported days (newest 2026-02-26)"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--rebuild-from-archive"), std::string::npos) << refused.err;
  EXPECT_EQ(github.request_count(), sent) << "nothing is synced";
  EXPECT_FALSE(std::filesystem::exists(dir.file("reports/2026-02-27.md")));
  // Told to: the archive's days count as reported; the next day is written, the old one untouched.
  auto rebuilt = run_infradigest(db_arg(dir, "new.db") + "--now 2026-02-28T08:00:00Z run --rebuild-from-archive",
                                 small_env(github, dir));
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_EQ(testing::read_file(dir.file("reports/2026-02-26.md")), report);
  EXPECT_NE(testing::read_file(dir.file("reports/2026-02-27.md")).find("Commit-2026-02-27-o/a"), std::string::npos);
  // A first run ever (no archive) needs no flag.
  TempDir fresh;
  auto first_ever = run_infradigest(db_arg(fresh) + "--now 2026-02-28T08:00:00Z run", small_env(github, fresh));
  EXPECT_EQ(first_ever.exit_code, 0) << first_ever.err;
}

TEST(SyncCli, WindowOptionsAreCheckedBeforeAnythingIsSent) {
  FakeGithub github;
  github.start();
  TempDir dir;
  for (const char* args : {"sync --since 2026-02-26T00:00:00Z", "sync --date 2026-02-26 --since 2026-02-26T00:00:00Z",
                           "sync --since 2026-02-27T00:00:00Z --until 2026-02-26T00:00:00Z", "sync --date 2026-02-30"}) {
    auto r = run_infradigest(db_arg(dir) + args, env_for(github, dir));
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.err;
  }
  auto bad_url = run_infradigest(db_arg(dir) + "sync", "GITHUB_API_URL=https://u:secret@x.example XDG_CONFIG_HOME=" + dir.file("c"));
  EXPECT_EQ(bad_url.exit_code, 2);
  EXPECT_EQ(bad_url.err.find("secret"), std::string::npos) << bad_url.err;
  EXPECT_EQ(github.request_count(), 0u);
}

}  // namespace
}  // namespace infradigest
