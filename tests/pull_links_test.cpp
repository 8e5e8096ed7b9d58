// One change, one item: pull requests tied to the commits they landed —
// merge commits, squashes, rebases — in the store, the day's items, the JSON
// and Markdown, `explain`, and the sync (model/pull_links.h, compose/changes.h).
#include <gtest/gtest.h>

#include <map>

#include "compose/changes.h"
#include "github/github_json.h"
#include "model/pull_links.h"
#include "pipeline/day_report.h"
#include "snapshot/snapshot_reader.h"
#include "store/activity_store.h"
#include "sync_fixture.h"
#include "test_support.h"

namespace infradigest::testing {
namespace pull_links_test {

const std::string kCutlass = "NVIDIA/cutlass";
const std::string kBranchSha = "4c7e2d19b5a8f3e6c0d1a2b3c4d5e6f708192a3b";
const std::string kMergeSha = "9e1f0c3b7a6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

std::string cutlass_fixture() { return source_path("tests/data/linking/cutlass-2026-03-24.jsonl"); }

std::string sha(char c) { return std::string(40, c); }

CommitNode node(char c, std::vector<char> parents, const std::string& title = "work") {
  CommitNode n{sha(c), {}, title};
  for (char p : parents) n.parents.push_back(sha(p));
  return n;
}

// A store with a snapshot imported, and the day reports read from it.
class LinkedStore {
 public:
  explicit LinkedStore(const std::string& snapshot_text) {
    auto opened = Database::open(dir.file("store.db"));
    EXPECT_TRUE(opened.ok());
    db.emplace(std::move(*opened));
    import(snapshot_text);
  }
  ImportStats import(const std::string& snapshot_text) {
    auto activity = parse_snapshot(snapshot_text, "fixture.jsonl");
    EXPECT_TRUE(activity.ok()) << activity.error().message;
    auto stats = ActivityStore(*db).save(*activity);
    EXPECT_TRUE(stats.ok()) << stats.error().message;
    return *stats;
  }
  Report day(const std::string& date, const std::vector<std::string>& repos) {
    DayReportRequest request;
    request.date = *parse_date(date);
    request.language = Language::kEn;
    request.repos = repos;
    auto r = day_report(*db, request);
    EXPECT_TRUE(r.ok());
    return r->report;
  }
  Commit commit(const std::string& full_sha) {
    auto found = ActivityStore(*db).commits_by_sha_prefix(full_sha);
    EXPECT_EQ(found->size(), 1u);
    return found->front();
  }
  TempDir dir;
  std::optional<Database> db;
};

std::vector<ReportItem> items_of(const Report& r) {
  std::vector<ReportItem> out;
  for (const auto& s : r.repos) out.insert(out.end(), s.items.begin(), s.items.end());
  return out;
}

std::string line(const std::string& json_text) { return json_text + "\n"; }

// --- the linker ----------------------------------------------------------

TEST(PullLinks, AMergeCommitLinksWhatItBroughtInAndNotTheMainline) {
  // o ← x ← y (main);  o ← b1 ← bm (a branch that merged x in);  m = merge(y, bm).
  const std::vector<CommitNode> graph = {node('o', {}), node('x', {'o'}), node('y', {'x'}), node('1', {'o'}),
                                         node('2', {'1', 'x'}, "Merge branch 'main' into fix"),
                                         node('m', {'y', '2'}, "Merge pull request #7 from a/fix")};
  auto links = find_pull_links(graph, {MergedPull{7, sha('m')}});
  EXPECT_EQ(links.at(sha('m')).how, PullLink::kMergeCommit);
  EXPECT_EQ(links.at(sha('1')).how, PullLink::kMergedBranch);
  EXPECT_EQ(links.at(sha('2')).pr, 7);
  EXPECT_EQ(links.count(sha('x')), 0u);
  EXPECT_EQ(links.count(sha('y')), 0u);
  EXPECT_EQ(links.count(sha('o')), 0u);
}

TEST(PullLinks, AMergeTitleLinksWhenThePullRequestIsNotKnown) {
  const std::vector<CommitNode> graph = {node('o', {}), node('1', {'o'}, "Fix it (#5)"),
                                         node('m', {'o', '1'}, "Merge pull request #7 from a/fix")};
  auto links = find_pull_links(graph, {});
  EXPECT_EQ(links.at(sha('m')).how, PullLink::kMergeTitle);
  EXPECT_EQ(links.at(sha('m')).pr, 7);
  // "(#5)" is a stronger sign than being brought in by a merge title.
  EXPECT_EQ(links.at(sha('1')).how, PullLink::kTitle);
  EXPECT_EQ(links.at(sha('1')).pr, 5);
  // With PR 7 known, its merge commit's link wins over the branch commit's title.
  links = find_pull_links(graph, {MergedPull{7, sha('m')}});
  EXPECT_EQ(links.at(sha('1')).how, PullLink::kMergedBranch);
  EXPECT_EQ(links.at(sha('1')).pr, 7);
}

TEST(PullLinks, OnlyFreshCommitsAreLookedAt) {
  const std::vector<CommitNode> graph = {node('o', {}), node('1', {'o'}, "Old (#3)"), node('2', {'1'}, "New (#4)")};
  const std::set<std::string> fresh = {sha('2')};
  auto links = find_pull_links(graph, {}, &fresh);
  EXPECT_EQ(links.size(), 1u);
  EXPECT_EQ(links.at(sha('2')).pr, 4);
}

TEST(PullLinks, LinkNamesRoundTripAndAMergeTitleNeedsItsShape) {
  for (PullLink l : {PullLink::kMergeCommit, PullLink::kMergedBranch, PullLink::kPullCommits, PullLink::kTitle,
                     PullLink::kMergeTitle, PullLink::kMergeTitleBranch, PullLink::kGiven})
    EXPECT_EQ(pull_link_from_name(pull_link_name(l)), l);
  EXPECT_EQ(pr_number_from_merge_title("Merge pull request #3126 from keithzzzzz/main"), 3126);
  EXPECT_EQ(pr_number_from_merge_title("Merge branch 'main' into fix"), std::nullopt);
  EXPECT_EQ(pr_number_from_merge_title("Revert \"Merge pull request #3 from a/b\""), std::nullopt);
}

// --- the cutlass day: one change, one item ---------------------------------

TEST(PullLinks, TheCutlassMergeOf3126IsOneItemListingBothCommits) {
  LinkedStore store(read_file(cutlass_fixture()));
  EXPECT_EQ(store.commit(kBranchSha).pr_link, PullLink::kMergedBranch);
  EXPECT_EQ(store.commit(kBranchSha).pr_number, 3126);
  EXPECT_EQ(store.commit(kMergeSha).pr_link, PullLink::kMergeCommit);

  const Report report = store.day("2026-03-24", {kCutlass});
  EXPECT_EQ(report.total_items, 1);
  const auto items = items_of(report);
  ASSERT_EQ(items.size(), 1u);
  const ReportItem& item = items[0];
  EXPECT_EQ(item.title, "[CLI] Fix tutorial issues");
  EXPECT_EQ(item.pr, 3126);
  EXPECT_EQ(item.url, "https://github.com/NVIDIA/cutlass/pull/3126");
  EXPECT_EQ(item.sha, kMergeSha);
  EXPECT_EQ(item.shas, (std::vector<std::string>{kMergeSha, kBranchSha}));
  EXPECT_EQ(item.author, "keithzzzzz");
  // The merge commit's own (empty) diff is not counted again; the branch's is.
  EXPECT_EQ(item.files, 2);
  EXPECT_EQ(item.additions, 20);
  EXPECT_EQ(item.deletions, 11);
}

TEST(PullLinks, TheCutlassDayRendersOneItemWithItsShasInMarkdownAndJson) {
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(db + " import " + cutlass_fixture()).exit_code, 0);
  const std::string repos = "INFRADIGEST_REPOS=NVIDIA/cutlass";
  auto md = run_infradigest(db + " report --date 2026-03-24 --lang en", repos);
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_TRUE(contains(md.out, "commits: `9e1f0c3` `4c7e2d1`")) << md.out;
  EXPECT_FALSE(contains(md.out, "Merge pull request")) << md.out;
  auto json = run_infradigest(db + " report --date 2026-03-24 --lang en --format json", repos);
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto doc = nlohmann::json::parse(json.out);
  const auto& commits = doc["repos"][0]["commits"];
  ASSERT_EQ(commits.size(), 1u);
  EXPECT_EQ(commits[0]["sha"], kMergeSha);
  EXPECT_EQ(commits[0]["shas"], (nlohmann::json{kMergeSha, kBranchSha}));
}

TEST(PullLinks, ExplainNamesThePullRequestAndHowTheLinkWasFound) {
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(db + " import " + cutlass_fixture()).exit_code, 0);
  auto text = run_infradigest(db + " explain 4c7e2d1");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(contains(text.out, "pull request: #3126 https://github.com/NVIDIA/cutlass/pull/3126")) << text.out;
  EXPECT_TRUE(contains(text.out, "linked by: merged_branch")) << text.out;
  auto json = run_infradigest(db + " explain 9e1f0c3 --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["pull_request"]["number"], 3126);
  EXPECT_EQ(j["pull_request"]["link"], "merge_commit");
}

TEST(PullLinks, ImportingAgainChangesNothingAndExportKeepsTheLinks) {
  LinkedStore store(read_file(cutlass_fixture()));
  const ImportStats again = store.import(read_file(cutlass_fixture()));
  EXPECT_EQ(again.added + again.updated, 0);
  EXPECT_EQ(store.commit(kBranchSha).pr_link, PullLink::kMergedBranch);
}

// --- squash, across midnight, PR-only, empty files ------------------------

TEST(PullLinks, ASquashMergeIsItsOneCommitLinkedByMergeCommitSha) {
  LinkedStore store(
      line(R"({"type":"commit","repo":"o/r","sha":")" + sha('5') +
           R"(","parents":[],"committed_at":"2026-03-24T10:00:00Z","message":"Speed up the GEMM","files":[{"filename":"a.cu","additions":5,"deletions":1}]})") +
      line(R"({"type":"pull_request","repo":"o/r","number":12,"title":"Speed up the GEMM","state":"merged","merged_at":"2026-03-24T10:00:00Z","merge_commit_sha":")" +
           sha('5') + R"("})"));
  EXPECT_EQ(store.commit(sha('5')).pr_link, PullLink::kMergeCommit);
  const auto items = items_of(store.day("2026-03-24", {"o/r"}));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].pr, 12);
  EXPECT_EQ(items[0].shas, (std::vector<std::string>{sha('5')}));
}

TEST(PullLinks, APullRequestLandingAcrossMidnightIsOneItemOnTheDayItsLastCommitLanded) {
  // Rebased commits pushed at 23:59:50 and 00:00:10: both belong to PR 40.
  LinkedStore store(
      line(R"({"type":"commit","repo":"o/r","sha":")" + sha('1') +
           R"(","parents":[],"committed_at":"2026-03-23T23:59:50Z","message":"Part one","files":[],"pr":40,"pr_link":"pull_commits"})") +
      line(R"({"type":"commit","repo":"o/r","sha":")" + sha('2') + R"(","parents":[")" + sha('1') +
           R"("],"committed_at":"2026-03-24T00:00:10Z","message":"Part two","files":[]})") +
      line(R"({"type":"pull_request","repo":"o/r","number":40,"title":"Two parts","state":"merged","merged_at":"2026-03-24T00:00:10Z","merge_commit_sha":")" +
           sha('2') + R"("})"));
  EXPECT_TRUE(items_of(store.day("2026-03-23", {"o/r"})).empty());
  const auto items = items_of(store.day("2026-03-24", {"o/r"}));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].title, "Two parts");
  EXPECT_EQ(items[0].shas, (std::vector<std::string>{sha('2'), sha('1')}));
  // Listed empty file lists: a change of nothing, not an unknown one.
  EXPECT_EQ(items[0].additions, 0);
  EXPECT_EQ(items[0].deletions, 0);
}

TEST(PullLinks, APullRequestMergedOffTheDefaultBranchStaysAnItemOfItsOwn) {
  LinkedStore store(
      line(R"({"type":"commit","repo":"o/r","sha":")" + sha('c') +
           R"(","parents":[],"committed_at":"2026-03-24T09:00:00Z","message":"Unrelated fix","files":[]})") +
      line(R"({"type":"pull_request","repo":"o/r","number":50,"title":"Backport to release/1.2","state":"merged","merged_at":"2026-03-24T11:00:00Z","merge_commit_sha":")" +
           sha('d') + R"("})"));
  const auto items = items_of(store.day("2026-03-24", {"o/r"}));
  ASSERT_EQ(items.size(), 2u);
  int pr_only = 0;
  for (const auto& i : items) {
    if (i.id == "pr:o/r#50") {
      ++pr_only;
      EXPECT_TRUE(i.shas.empty());
    } else {
      EXPECT_EQ(i.additions, 0);  // "files": [] is +0/−0
      EXPECT_EQ(i.files, 0);
    }
  }
  EXPECT_EQ(pr_only, 1);
}

TEST(PullLinks, LabelsMayBePlainNamesOrObjects) {
  auto p = pull_request_from_json(
      "o/r", nlohmann::json::parse(R"({"number":1,"title":"t","labels":["bug",{"name":"performance"},""]})"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->labels, (std::vector<std::string>{"bug", "performance"}));
  auto snap = parse_snapshot(
      line(R"({"type":"pull_request","repo":"o/r","number":1,"title":"t","labels":["bug",{"name":"performance"}]})"),
      "s.jsonl");
  ASSERT_TRUE(snap.ok()) << snap.error().message;
  EXPECT_EQ(snap->pull_requests[0].labels, (std::vector<std::string>{"bug", "performance"}));
}

TEST(PullLinks, AnEmptyFileListFromGithubIsListedNotUnknown) {
  auto c = commit_from_json("o/r", FakeGithub::commit(sha('e'), {}, "Empty", "2026-03-24T01:00:00Z", 0));
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->files_listed);
  EXPECT_TRUE(c->files.empty());
}

// --- the sync: merge commit, squash and rebase from a fake GitHub ----------

TEST(PullLinks, SyncedMergeSquashAndRebaseMergesAreOneItemEachAndEveryCommitOnce) {
  SyncFixture f;
  const std::string base = f.commit("o/r", "Base", "2026-03-23T08:00:00Z");
  // PR 21, squashed: GitHub titles the commit "... (#21)".
  const std::string squash = f.commit("o/r", "Tune the FP8 kernel (#21)", "2026-03-24T01:00:00Z");
  // PR 22, rebased: its two commits written again onto the branch, new SHAs.
  const std::string r1 = f.commit("o/r", "Add the MoE router", "2026-03-24T02:00:00Z");
  const std::string r2 = f.commit("o/r", "Test the MoE router", "2026-03-24T02:00:00Z");
  // PR 23, merged with a merge commit: a branch commit off `base`, and the merge.
  const std::string b1 = FakeGithub::sha_of("branch-1");
  const std::string m = FakeGithub::sha_of("merge-23");
  f.github.edit("o/r", [&](FakeRepo& r) {
    r.commits.insert(r.commits.begin(), FakeGithub::commit(b1, {base}, "Fix the tutorial", "2026-03-24T03:00:00Z"));
    r.commits.insert(r.commits.begin(), FakeGithub::commit(m, {r2, b1}, "Merge pull request #23 from k/main\n\nFix the tutorial",
                                                           "2026-03-24T04:00:00Z", 0));
    auto pull = [](int n, const std::string& title, const std::string& merged, const std::string& merge_sha) {
      json p = FakeGithub::pull(n, title, merged, merged);
      p["merge_commit_sha"] = merge_sha;
      return p;
    };
    r.pulls = {pull(21, "Tune the FP8 kernel", "2026-03-24T01:00:00Z", squash),
               pull(22, "MoE router", "2026-03-24T02:00:00Z", r2),
               pull(23, "Fix the tutorial", "2026-03-24T04:00:00Z", m)};
    r.pull_commits[22] = {FakeGithub::commit(FakeGithub::sha_of("orig-1"), {}, "Add the MoE router", "2026-03-20T00:00:00Z"),
                          FakeGithub::commit(FakeGithub::sha_of("orig-2"), {}, "Test the MoE router", "2026-03-21T00:00:00Z")};
  });
  f.sync_day(kRepo, "2026-03-24", "2026-03-25T01:00:00Z");
  // Only the rebase needed its commit list: the squash names its PR, the merge has two parents.
  EXPECT_EQ(f.github.count("/pulls/22/commits"), 1u);
  EXPECT_EQ(f.github.count("/pulls/21/commits") + f.github.count("/pulls/23/commits"), 0u);

  DayReportRequest request;
  request.date = *parse_date("2026-03-24");
  request.language = Language::kEn;
  request.repos = kRepo;
  auto day = day_report(*f.db, request);
  ASSERT_TRUE(day.ok());
  std::map<int, std::vector<std::string>> by_pr;
  std::map<std::string, int> seen;
  for (const auto& i : items_of(day->report)) {
    if (i.pr) by_pr[*i.pr] = i.shas;
    for (const auto& s : i.shas) ++seen[s];
  }
  EXPECT_EQ(by_pr[21], (std::vector<std::string>{squash}));
  EXPECT_EQ(by_pr[22], (std::vector<std::string>{r2, r1}));
  EXPECT_EQ(by_pr[23], (std::vector<std::string>{m, b1}));
  EXPECT_EQ(day->report.total_items, 3);
  for (const auto& s : {squash, r1, r2, b1, m}) EXPECT_EQ(seen[s], 1) << s;
  EXPECT_EQ(seen.count(base), 0u);  // the day before: never walked
}

}  // namespace pull_links_test
}  // namespace infradigest::testing
