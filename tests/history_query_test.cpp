// End-to-end: `infradigest query` over a store holding several weeks
// (tests/history_fixture.h): each filter, FTS5 phrase/prefix, JSON, errors,
// the index following updates, and the migration of an existing store.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "history_fixture.h"
#include "store/database.h"

namespace infradigest {
namespace {

using nlohmann::json;
using testing::import_history;
using testing::run_infradigest;
using testing::TempDir;

// The ids a JSON query returns, in order.
std::vector<std::string> query_ids(const std::string& db, const std::string& args) {
  auto r = run_infradigest(db + " query --json --limit 100 " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> out;
  if (r.exit_code != 0) return out;
  const json parsed = json::parse(r.out);  // named: a temporary would die before the loop body
  for (const auto& item : parsed["items"]) out.push_back(item["id"]);
  return out;
}

std::string commit(const std::string& repo, const std::string& tag) {
  return "commit:" + repo + "@" + testing::fixture_sha(tag);
}

const std::string kVllm = "vllm-project/vllm", kSgl = "sgl-project/sglang";

TEST(HistoryQuery, Fts5IsCompiledIntoTheSystemSqlite) {
  TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  auto st = db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5')").value();
  ASSERT_TRUE(st.step().value());
  EXPECT_EQ(st.integer(0), 1);
  EXPECT_TRUE(db.exec("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'x'").ok());
}

TEST(HistoryQuery, ByRepositoryNewestFirst) {
  TempDir dir;
  const std::string db = import_history(dir);
  auto ids = query_ids(db, "--repo " + kSgl);
  const std::vector<std::string> want = {commit(kSgl, "b4"), commit(kSgl, "b3"), "pr:sgl-project/sglang#260",
                                         commit(kSgl, "b2"), "issue:sgl-project/sglang#250", commit(kSgl, "b1")};
  EXPECT_EQ(ids, want);
}

TEST(HistoryQuery, ByTagCaseInsensitiveAndEveryTagMustMatch) {
  TempDir dir;
  const std::string db = import_history(dir);
  EXPECT_EQ(query_ids(db, "--tag moe"),
            (std::vector<std::string>{commit(kVllm, "a4"), commit(kVllm, "a3"), commit(kVllm, "a1")}));
  EXPECT_EQ(query_ids(db, "--tag MoE --tag Blackwell"), (std::vector<std::string>{commit(kVllm, "a1")}));
}

TEST(HistoryQuery, ByKindAndType) {
  TempDir dir;
  const std::string db = import_history(dir);
  EXPECT_EQ(query_ids(db, "--kind revert"), (std::vector<std::string>{commit(kSgl, "b3")}));
  EXPECT_EQ(query_ids(db, "--kind bug"), (std::vector<std::string>{"issue:vllm-project/vllm#150"}));
  EXPECT_EQ(query_ids(db, "--type release"), (std::vector<std::string>{"release:NVIDIA/cutlass@v4.5.0"}));
  EXPECT_EQ(query_ids(db, "--type pr --type issue").size(), 3u);
  EXPECT_EQ(query_ids(db, "--kind fix --repo " + kSgl), (std::vector<std::string>{commit(kSgl, "b1")}));
}

TEST(HistoryQuery, FullTextWordsPrefixAndPhrase) {
  TempDir dir;
  const std::string db = import_history(dir);
  // A word in a commit body, not its title.
  EXPECT_EQ(query_ids(db, "--text metadata"), (std::vector<std::string>{commit(kSgl, "b4")}));
  // Prefix: "specul*" matches "speculative" in two titles.
  EXPECT_EQ(query_ids(db, "--text 'specul*'"),
            (std::vector<std::string>{commit(kVllm, "a5"), commit(kSgl, "b2")}));
  // Phrase: the words in this order only.
  EXPECT_EQ(query_ids(db, "--text '\"paged attention\"'"), (std::vector<std::string>{commit(kSgl, "b4")}));
  EXPECT_TRUE(query_ids(db, "--text '\"attention paged\"'").empty());
  // PR bodies, issue bodies and release notes are indexed too.
  EXPECT_EQ(query_ids(db, "--text 'transfer engine'"), (std::vector<std::string>{"pr:sgl-project/sglang#260"}));
  EXPECT_EQ(query_ids(db, "--text segmentation"), (std::vector<std::string>{"issue:vllm-project/vllm#150"}));
  EXPECT_EQ(query_ids(db, "--text improvements"), (std::vector<std::string>{"release:NVIDIA/cutlass@v4.5.0"}));
  // Combined with other filters.
  EXPECT_EQ(query_ids(db, "--text 'MLA OR MoE' --repo " + kSgl),
            (std::vector<std::string>{commit(kSgl, "b3"), commit(kSgl, "b1")}));
}

// FTS5 keeps a run of Chinese as one token ("的调优"), so Chinese words are
// matched as substrings; the bundled example has Chinese vllm titles.
TEST(HistoryQuery, ChineseWordsMatchInsideChineseText) {
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(db + " import " + testing::source_path("examples/2026-02-26")).exit_code, 0);
  const std::string tuned = "commit:vllm-project/vllm@a572baff5e5fde4aa3fb92961de04eb043dc5cf4";
  EXPECT_EQ(query_ids(db, "--text 调优"), (std::vector<std::string>{tuned}));
  EXPECT_EQ(query_ids(db, "--text '调优 H200'"), (std::vector<std::string>{tuned}));  // every word must occur
  EXPECT_TRUE(query_ids(db, "--text '调优 B200'").empty());
  EXPECT_EQ(query_ids(db, "--text 音频编码器"),
            (std::vector<std::string>{"commit:vllm-project/vllm@c8aca0c9e1b35ee4a1683a01467e638b23076a37"}));
  EXPECT_EQ(query_ids(db, "--text '50%调优'").size(), 0u);  // LIKE wildcards in the words are literal
}

TEST(HistoryQuery, DateRangeIsInclusiveLocalDays) {
  TempDir dir;
  const std::string db = import_history(dir);
  auto shanghai = query_ids(db, "--repo " + kVllm + " --type commit --since 2026-02-23 --until 2026-03-01 --timezone Asia/Shanghai");
  EXPECT_EQ(shanghai, (std::vector<std::string>{commit(kVllm, "a7"), commit(kVllm, "a4"), commit(kVllm, "a6"),
                                                commit(kVllm, "a3")}));
  auto utc = query_ids(db, "--repo " + kVllm + " --type commit --since 2026-02-23 --until 2026-03-01 --timezone UTC");
  EXPECT_EQ(utc, (std::vector<std::string>{commit(kVllm, "a5"), commit(kVllm, "a7"), commit(kVllm, "a4"),
                                           commit(kVllm, "a6")}));
  // A date-only item belongs to its date in any zone.
  EXPECT_EQ(query_ids(db, "--repo NVIDIA/cutlass --type commit --since 2026-02-25 --until 2026-02-25 --timezone Pacific/Kiritimati"),
            (std::vector<std::string>{commit("NVIDIA/cutlass", "c1")}));
}

TEST(HistoryQuery, JsonOutputAndLimit) {
  TempDir dir;
  const std::string db = import_history(dir);
  auto r = run_infradigest(db + " query --format json --limit 2 --tag MoE --timezone Asia/Shanghai");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["total"], 3);
  EXPECT_EQ(j["count"], 2);
  EXPECT_EQ(j["filters"]["tags"], json::array({"MoE"}));
  const json& first = j["items"][0];
  EXPECT_EQ(first["type"], "commit");
  EXPECT_EQ(first["id"], commit(kVllm, "a4"));
  EXPECT_EQ(first["repo"], kVllm);
  EXPECT_EQ(first["date"], "2026-02-25");
  EXPECT_EQ(first["time"], "2026-02-25T08:00:00Z");
  EXPECT_EQ(first["kind"], "feature");
  EXPECT_EQ(first["sha"], testing::fixture_sha("a4"));
  EXPECT_EQ(first["number"], 104);
  EXPECT_EQ(first["url"], "https://github.com/vllm-project/vllm/commit/" + testing::fixture_sha("a4"));
  EXPECT_TRUE(first["importance"].is_number());
  EXPECT_EQ(j["items"][1]["date"], "2026-02-23");  // a3: 2026-02-22T17:30Z in Shanghai
}

TEST(HistoryQuery, TableIsReadable) {
  TempDir dir;
  const std::string db = import_history(dir);
  auto r = run_infradigest(db + " query --type release --type issue --timezone Asia/Shanghai");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("DATE        TYPE     REPO"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2026-02-27  release  NVIDIA/cutlass      release          v4.5.0  v4.5.0 CUTLASS 4.5.0"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("#150    Segfault when loading DeepSeek-V3 on MI300X  [AMD, DeepSeek]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("3 of 3 matching items"), std::string::npos) << r.out;
  auto none = run_infradigest(db + " query --text nonexistentword");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "No stored item matches.\n");
}

TEST(HistoryQuery, BadFiltersAreUsageErrorsWithSuggestions) {
  TempDir dir;
  const std::string db = import_history(dir);
  struct Case {
    const char* args;
    const char* message;
  };
  for (const Case& c : {Case{"--tag Blackwel", "--tag: unknown tag 'Blackwel': did you mean 'Blackwell'?"},
                        Case{"--kind fixx", "--kind: unknown kind 'fixx': did you mean 'fix'?"},
                        Case{"--type comit", "--type: unknown type 'comit': did you mean 'commit'?"},
                        Case{"--repo vllm-project/vlm", "did you mean 'vllm-project/vllm'?"},
                        Case{"--repo vllm", "--repo: unknown repository 'vllm': did you mean 'vllm-project/vllm'?"},
                        Case{"--repo SGLANG", "did you mean 'sgl-project/sglang'?"},
                        Case{"--kind bugfix", "--kind: unknown kind 'bugfix': did you mean 'fix'?"},
                        Case{"--kind perfomance", "--kind: unknown kind 'perfomance': did you mean 'perf'?"},
                        Case{"--text '\"unclosed'", "bad --text query '\"unclosed': a '\"' is not closed."},
                        Case{"--text 'kernel AND'", "bad --text query 'kernel AND': it ends too early"},
                        Case{"--text 'a:b OR c'", "'a:' reads as a column filter"},
                        Case{"--since 2026-03-01 --until 2026-02-01", "is after --until"},
                        Case{"--since 2026-02-30", "--since"},
                        Case{"--limit 0", "--limit must be at least 1"},
                        Case{"--timezone Mars/Olympus", "unknown timezone 'Mars/Olympus'"}}) {
    auto r = run_infradigest(db + " query " + c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
    // The user wrote no SQL and sees none.
    for (const char* sql : {"SQL", "SELECT", "search_fts", "fts5"}) EXPECT_EQ(r.err.find(sql), std::string::npos) << r.err;
  }
}

TEST(HistoryQuery, IndexFollowsUpdatedItems) {
  TempDir dir;
  const std::string db = import_history(dir);
  // The same commit (same SHA) re-imported with a new message, and a new release note.
  testing::write_file(dir.file("update.jsonl"),
                      testing::fixture_commit(kSgl, "b4", "2026-02-27T01:00:00Z",
                                              "Refactor scheduler (#204)\\n\\nSplit the radix cache into shards.") +
                          R"({"type":"release","repo":"NVIDIA/cutlass","tag":"v4.5.0","name":"CUTLASS 4.5.0","published_at":"2026-02-27T09:00:00Z","body":"Hopper ping-pong fixes"})"
                          "\n");
  auto imported = run_infradigest(db + " import " + dir.file("update.jsonl"));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_TRUE(query_ids(db, "--text metadata").empty());
  EXPECT_EQ(query_ids(db, "--text radix"), (std::vector<std::string>{commit(kSgl, "b4")}));
  EXPECT_TRUE(query_ids(db, "--text improvements").empty());
  EXPECT_EQ(query_ids(db, "--text ping*"), (std::vector<std::string>{"release:NVIDIA/cutlass@v4.5.0"}));
}

// A store made before the index (schema version 4) gains it, filled with
// what the store already holds, the first time a newer binary opens it.
TEST(HistoryQuery, MigratesAndBackfillsAnExistingStore) {
  TempDir dir;
  const std::string db = import_history(dir);
  {
    auto old = Database::open(dir.file("history.db")).value();
    ASSERT_TRUE(old.exec(R"sql(
      DROP TRIGGER commits_search_insert; DROP TRIGGER commits_search_delete; DROP TRIGGER commits_search_update;
      DROP TRIGGER pull_requests_search_insert; DROP TRIGGER pull_requests_search_delete;
      DROP TRIGGER pull_requests_search_update; DROP TRIGGER issues_search_insert;
      DROP TRIGGER issues_search_delete; DROP TRIGGER issues_search_update; DROP TRIGGER releases_search_insert;
      DROP TRIGGER releases_search_delete; DROP TRIGGER releases_search_update;
      DROP TRIGGER commits_history_insert; DROP TRIGGER commits_history_update; DROP TRIGGER commits_history_delete;
      DROP TRIGGER commit_files_history_insert; DROP TRIGGER commit_files_history_update;
      DROP TRIGGER commit_files_history_delete; DROP TRIGGER pull_requests_history_insert;
      DROP TRIGGER pull_requests_history_update; DROP TRIGGER pull_requests_history_delete;
      DROP TRIGGER issues_history_insert; DROP TRIGGER issues_history_update; DROP TRIGGER issues_history_delete;
      DROP TRIGGER releases_history_insert; DROP TRIGGER releases_history_update;
      DROP TRIGGER releases_history_delete;
      DROP TABLE search_fts; PRAGMA user_version = 4;
      ALTER TABLE commit_files DROP COLUMN patch; ALTER TABLE commit_files DROP COLUMN patch_truncated;)sql")
                    .ok());
    // Tables and columns of later schema steps go too (step 9's patch columns
    // above): the store is as version 4 left it.
    const std::set<std::string> v4 = {"repositories", "commits", "commit_files", "pull_requests", "issues",
                                      "releases", "github_cursors", "http_etags", "sync_state", "llm_responses",
                                      "llm_runs", "deliveries"};
    auto tables = old.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").value();
    std::vector<std::string> later;
    ASSERT_TRUE(tables.for_each_row([&]() -> Status {
      if (!v4.count(tables.text_or_empty(0))) later.push_back(tables.text_or_empty(0));
      return {};
    }).ok());
    for (const auto& t : later) ASSERT_TRUE(old.exec("DROP TABLE " + t).ok()) << t;
    // And the columns later steps added (10: pull request links).
    ASSERT_TRUE(old.exec("DROP INDEX commits_by_pull; ALTER TABLE commits DROP COLUMN pr_link;"
                         " ALTER TABLE commits DROP COLUMN files_listed;")
                    .ok());
  }
  EXPECT_EQ(query_ids(db, "--text '\"paged attention\"'"), (std::vector<std::string>{commit(kSgl, "b4")}));
  EXPECT_EQ(query_ids(db, "--text 'transfer engine'"), (std::vector<std::string>{"pr:sgl-project/sglang#260"}));
  EXPECT_EQ(query_ids(db, "--text segmentation"), (std::vector<std::string>{"issue:vllm-project/vllm#150"}));
  EXPECT_EQ(query_ids(db, "--text improvements"), (std::vector<std::string>{"release:NVIDIA/cutlass@v4.5.0"}));
  auto reopened = Database::open(dir.file("history.db")).value();
  auto version = reopened.prepare("PRAGMA user_version").value();
  ASSERT_TRUE(version.step().value());
  EXPECT_GE(version.integer(0).value_or(0), 5);
}

}  // namespace
}  // namespace infradigest
