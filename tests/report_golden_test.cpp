// Pins the 2026-02-26 report (Markdown zh/en and JSON) built from the bundled
// snapshot. To accept an intended change: INFRADIGEST_UPDATE_GOLDEN=1 ctest,
// then review the diff of tests/golden/ like any other code change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "compose/composer.h"
#include "core/sha256.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::run_infradigest;

class ReportGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    auto r = run_infradigest("--db " + dir_->file("s.db") + " import " +
                             testing::source_path("examples/2026-02-26"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string report(const std::string& options) {
    auto r = run_infradigest("--db " + dir_->file("s.db") + " --now 2026-02-27T08:00:00Z report --date 2026-02-26 " +
                             options);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  static void expect_golden(const std::string& name, const std::string& actual) {
    const std::string path = testing::source_path("tests/golden/" + name);
    if (std::getenv("INFRADIGEST_UPDATE_GOLDEN")) testing::write_file(path, actual);
    EXPECT_EQ(actual, testing::read_file(path)) << "golden " << name << " differs; see the header of this file";
  }

  static testing::TempDir* dir_;
};
testing::TempDir* ReportGolden::dir_ = nullptr;

TEST_F(ReportGolden, ChineseMarkdown) { expect_golden("2026-02-26.zh.md", report("")); }
TEST_F(ReportGolden, EnglishMarkdown) { expect_golden("2026-02-26.en.md", report("--lang en")); }
TEST_F(ReportGolden, Json) { expect_golden("2026-02-26.json", report("--format json")); }

TEST_F(ReportGolden, JsonCitesOnlyItemsItContainsAndLinksEveryItem) {
  auto j = nlohmann::json::parse(report("--format json"));
  EXPECT_EQ(j["date"], "2026-02-26");
  EXPECT_EQ(j["window"]["start"], "2026-02-26T00:00:00+00:00");
  EXPECT_EQ(j["window"]["end"], "2026-02-27T00:00:00+00:00");
  std::set<std::string> ids;
  int commits = 0, unlinked = 0;
  for (const auto& repo : j["repos"]) {
    for (const auto& c : repo["commits"]) {
      ids.insert(c["id"].get<std::string>());
      ++commits;
      if (c["url"].is_null()) ++unlinked;
      if (!c["sha"].is_null()) {
        EXPECT_EQ(c["sha"].get<std::string>().size(), 40u);
      }
    }
    for (const auto& i : repo["issues"]) ids.insert(i["id"].get<std::string>());
    for (const auto& r : repo["releases"]) ids.insert(r["id"].get<std::string>());
  }
  EXPECT_EQ(commits, 82);
  EXPECT_EQ(unlinked, 6) << "only the six flash-attention commits the reference names without SHA or PR";
  auto check = [&](const nlohmann::json& statements) {
    for (const auto& s : statements)
      for (const auto& id : s["cites"]) EXPECT_TRUE(ids.count(id.get<std::string>())) << id;
  };
  check(j["summary"]);
  check(j["outlook"]);
  for (const auto& t : j["impact"]) check(t["statements"]);
  for (const auto& f : j["figures"]) check(nlohmann::json::array({f["change"]}));
  for (const auto& u : j["dependency_updates"]) {
    EXPECT_TRUE(ids.count(u["id"].get<std::string>())) << u;
    if (!u["release"].is_null()) {
      EXPECT_TRUE(ids.count(u["release"].get<std::string>())) << u;
    }
    for (const auto& id : u["picks_up"]) EXPECT_TRUE(ids.count(id.get<std::string>())) << u;
  }
}

TEST_F(ReportGolden, MarkdownHasTheReferenceShape) {
  std::string md = report("");
  size_t summary = md.find("\n## 摘要\n"), impact = md.find("\n## 影响评估\n"),
         details = md.find("\n## 具体内容分析\n"), conclusion = md.find("\n## 总结\n");
  ASSERT_NE(summary, std::string::npos);
  EXPECT_LT(summary, impact);
  EXPECT_LT(impact, details);
  EXPECT_LT(details, conclusion);
  size_t last = details;
  for (const char* repo : {"deepseek-ai/DeepGEMM", "deepseek-ai/FlashMLA", "NVIDIA/cutlass", "flashinfer-ai/flashinfer",
                           "Dao-AILab/flash-attention", "sgl-project/sglang", "vllm-project/vllm",
                           "NVIDIA/cutile-python"}) {
    size_t at = md.find(std::string("\n### ") + repo + "\n");
    ASSERT_NE(at, std::string::npos) << repo;
    EXPECT_GT(at, last) << repo << " out of watchlist order";
    last = at;
  }
  EXPECT_NE(md.find("### deepseek-ai/DeepGEMM\n昨日无更新。"), std::string::npos);
}

// Stored day reports are composed again only when the composer's revision
// moves (compose/composer.h kComposerRevision). A change to the golden report
// that does not move it would leave stale stored reports in every user's
// store: tests/golden/composer-revision records the revision and the goldens'
// SHA-256, and INFRADIGEST_UPDATE_GOLDEN refuses to record a new hash under an
// old revision.
TEST(ReportGoldenRevision, ChangingTheGoldenReportMovesTheComposerRevision) {
  std::string goldens;
  for (const char* name : {"2026-02-26.zh.md", "2026-02-26.en.md", "2026-02-26.json"})
    goldens += testing::read_file(testing::source_path(std::string("tests/golden/") + name));
  const std::string now = std::to_string(kComposerRevision) + " " + sha256_hex(goldens) + "\n";
  const std::string path = testing::source_path("tests/golden/composer-revision");
  const std::string recorded = std::filesystem::exists(path) ? testing::read_file(path) : "";
  const bool same_revision = recorded.starts_with(std::to_string(kComposerRevision) + " ");
  if (recorded != now && same_revision)
    FAIL() << "the golden report changed: bump kComposerRevision in src/compose/composer.h, then "
              "INFRADIGEST_UPDATE_GOLDEN=1 to record it";
  if (std::getenv("INFRADIGEST_UPDATE_GOLDEN")) testing::write_file(path, now);
  EXPECT_EQ(testing::read_file(path), now) << "run with INFRADIGEST_UPDATE_GOLDEN=1 after bumping kComposerRevision";
}

}  // namespace
}  // namespace infradigest
