// GitHub JSON → model: absent stays absent, text is sanitized, PRs are told
// apart from issues, drafts from releases.
#include <gtest/gtest.h>

#include "fake_github.h"
#include "github/api_url.h"
#include "github/github_json.h"
#include "github/text_sanitizer.h"

namespace infradigest {
namespace {

using testing::FakeGithub;
using nlohmann::json;

TEST(GithubJson, CommitDetailBecomesACommitWithFilesAndPrNumber) {
  const std::string sha = FakeGithub::sha_of("c1"), parent = FakeGithub::sha_of("c0");
  json j = FakeGithub::commit(sha, {parent}, "[Perf] Faster MLA decode (#2740)\n\nLong body", "2026-02-26T07:33:35Z", 2);
  auto c = commit_from_json("o/r", j);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->sha, sha);
  EXPECT_EQ(c->parents, std::vector<std::string>{parent});
  EXPECT_EQ(c->author, "alice");
  EXPECT_EQ(c->committer, "web-flow");
  EXPECT_EQ(c->committed_at.to_string(), "2026-02-26T07:33:35Z");
  EXPECT_EQ(c->pr_number, 2740);
  ASSERT_EQ(c->files.size(), 2u);
  EXPECT_EQ(c->files[0].additions, 3);
  EXPECT_FALSE(c->landed_at.has_value());
}

TEST(GithubJson, UnlinkedAuthorFallsBackToTheGitNameAndMissingCountsStayAbsent) {
  json j = FakeGithub::commit(FakeGithub::sha_of("x"), {}, "msg", "2026-02-26T00:00:00Z", 0);
  j["author"] = nullptr;
  j["files"] = json::array({{{"filename", "a.bin"}}});
  auto c = commit_from_json("o/r", j);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->author, "alice");  // commit.author.name
  EXPECT_FALSE(c->files[0].additions.has_value());
  EXPECT_FALSE(c->files[0].status.has_value());
}

TEST(GithubJson, MalformedCommitIsAnErrorNamingTheField) {
  json j = FakeGithub::commit(FakeGithub::sha_of("y"), {}, "msg", "2026-02-26T00:00:00Z");
  j["commit"]["committer"].erase("date");
  auto c = commit_from_json("o/r", j);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("commit.committer.date"), std::string::npos) << c.error().message;
  EXPECT_FALSE(commit_from_json("o/r", json{{"sha", "short"}}).ok());
}

TEST(GithubJson, ControlCharactersAndBidiOverridesAreStripped) {
  json j = FakeGithub::commit(FakeGithub::sha_of("z"), {}, "Fix \x1b[31mred\x1b[0m\r\nbody \xe2\x80\xae evil\xc2\x85", "2026-02-26T00:00:00Z");
  auto c = commit_from_json("o/r", j);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->message, "Fix [31mred[0m\nbody  evil");
  EXPECT_EQ(sanitize_api_line("a\tb\nc"), "a b c");
}

TEST(GithubJson, MergedPullRequestAndClosedUnmerged) {
  auto merged = pull_request_from_json("o/r", FakeGithub::pull(7, "Add FP8", "2026-02-26T03:00:00Z", "2026-02-26T04:00:00Z"));
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->state, "merged");
  EXPECT_EQ(merged->merged_at->to_string(), "2026-02-26T03:00:00Z");
  EXPECT_EQ(merged->labels, std::vector<std::string>{"performance"});
  EXPECT_TRUE(is_full_sha(*merged->merge_commit_sha));
  auto closed = pull_request_from_json("o/r", FakeGithub::pull(8, "Nope", std::nullopt, "2026-02-26T04:00:00Z"));
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->state, "closed");
  EXPECT_FALSE(closed->merged_at.has_value());
}

TEST(GithubJson, IssuesListEntriesThatArePullRequestsAreRecognised) {
  EXPECT_TRUE(is_pull_request(FakeGithub::issue(5, "a PR", "2026-02-26T00:00:00Z", true)));
  EXPECT_FALSE(is_pull_request(FakeGithub::issue(6, "an issue", "2026-02-26T00:00:00Z")));
  auto i = issue_from_json("o/r", FakeGithub::issue(6, "Crash on H20", "2026-02-26T05:00:00Z"));
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->author, "carol");
  EXPECT_EQ(i->labels, std::vector<std::string>{"bug"});
}

TEST(GithubJson, ReleasesSkipDraftsAndKeepThePrereleaseFlag) {
  json r = FakeGithub::release("v0.9.0rc1", "2026-02-26T10:00:00Z", true);
  ASSERT_TRUE(is_published_release(r));
  auto rel = release_from_json("o/r", r);
  ASSERT_TRUE(rel.ok());
  EXPECT_EQ(rel->prerelease, true);
  EXPECT_EQ(rel->name, "Release v0.9.0rc1");
  r["draft"] = true;
  r["published_at"] = nullptr;
  EXPECT_FALSE(is_published_release(r));
}

TEST(GithubJson, LongBodiesAreCutAtACharacterBoundary) {
  json p = FakeGithub::pull(9, "t", "2026-02-26T03:00:00Z", "2026-02-26T03:00:00Z");
  std::string body;
  for (int i = 0; i < 1500; ++i) body += "中";  // 3 bytes each
  p["body"] = body;
  auto pr = pull_request_from_json("o/r", p);
  ASSERT_TRUE(pr.ok());
  EXPECT_LE(pr->body->size(), kBodyExcerptBytes + 3);
  EXPECT_TRUE(pr->body->ends_with("中…"));
}

TEST(GithubJson, ApiUrlIsNormalizedAndCredentialsAreRefusedWithoutEchoingThem) {
  EXPECT_EQ(*normalize_api_url("https://ghe.example.com/api/v3/"), "https://ghe.example.com/api/v3");
  auto bad = normalize_api_url("https://user:s3cret@ghe.example.com");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.find("s3cret"), std::string::npos);
  EXPECT_FALSE(normalize_api_url("ftp://x").ok());
  EXPECT_EQ(percent_encode("release/v1.0"), "release%2Fv1.0");
  EXPECT_EQ(url_origin("HTTPS://API.github.com/repos?x"), "https://api.github.com");
}

}  // namespace
}  // namespace infradigest
