// End-to-end tests of `infradigest explain SHA` on the bundled 2026-02-26 example.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "analysis/classification.h"
#include "snapshot/snapshot_reader.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::run_infradigest;
using testing::TempDir;

constexpr const char* kRocmFix = "e3691988d0bf7c915d544d9204b53506815464ca";  // vllm

// A store holding the bundled example.
class ExplainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = run_infradigest(db_ + " import " + testing::source_path("examples/2026-02-26"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir dir_;
  std::string db_ = "--db " + dir_.file("store.db");
};

TEST_F(ExplainTest, PrintsTitleKindTagsAndEveryReason) {
  auto r = run_infradigest(db_ + " explain e3691988");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(std::string("vllm-project/vllm@") + kRocmFix + "\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(std::string("https://github.com/vllm-project/vllm/commit/") + kRocmFix),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("title: 修复 ROCm 上 aiter rope 的 functionalization\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("kind: fix\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tags: AMD (hardware), torch.compile (technique)\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("breaking: no\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("reasons:\n  kind=fix: keyword \"修复\" in title\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  tag AMD: keyword \"ROCm\" in title\n"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(ExplainTest, JsonCarriesTheClassifiersOwnReasons) {
  // Full SHA, upper case: the same commit.
  std::string upper = kRocmFix;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto r = run_infradigest(db_ + " explain " + upper + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("repo"), "vllm-project/vllm");
  EXPECT_EQ(j.at("sha"), kRocmFix);
  EXPECT_EQ(j.at("kind"), "fix");
  EXPECT_EQ(j.at("breaking"), false);
  ASSERT_EQ(j.at("tags").size(), 2u);
  EXPECT_EQ(j.at("tags")[0], (nlohmann::json{{"name", "AMD"}, {"facet", "hardware"}}));

  // Exactly what the classifier says for the snapshot's commit.
  auto example = read_snapshot(testing::source_path("examples/2026-02-26"));
  ASSERT_TRUE(example) << example.error().message;
  const Commit* commit = nullptr;
  for (const Commit& c : example->commits) {
    if (c.sha == kRocmFix) commit = &c;
  }
  ASSERT_NE(commit, nullptr);
  EXPECT_EQ(j.at("reasons").get<std::vector<std::string>>(), classify(*commit).reasons);
}

TEST_F(ExplainTest, PathEvidenceIsNamed) {
  // sglang 36dc973c "[HiCache] refactor page_first_direct io kernel (#18113)"
  auto r = run_infradigest(db_ + " explain 36dc973c");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("kind: refactor\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("KV offload (technique)"), std::string::npos) << r.out;
  // The change's test file (its other file) gives no path tags.
  EXPECT_NE(r.out.find("  tag KV cache: path \"kvcache\" in sgl-kernel/csrc/kvcacheio/transfer.cu\n"),
            std::string::npos)
      << r.out;
}

TEST(Explain, AmbiguousPrefixListsTheCandidates) {
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  testing::write_file(
      dir.file("two.jsonl"),
      R"({"type":"commit","repo":"a/b","sha":"abcdef1000000000000000000000000000000000","committed_at":"2026-02-26","message":"Fix one"})"
      "\n"
      R"({"type":"commit","repo":"c/d","sha":"abcdef1200000000000000000000000000000000","committed_at":"2026-02-26","message":"Add two"})"
      "\n");
  ASSERT_EQ(run_infradigest(db + " import " + dir.file("two.jsonl")).exit_code, 0);

  auto r = run_infradigest(db + " explain abcdef1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("SHA prefix abcdef1 is ambiguous"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a/b@abcdef100000  Fix one"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("c/d@abcdef120000  Add two"), std::string::npos) << r.err;

  auto one = run_infradigest(db + " explain abcdef12");  // one more digit decides
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.out.find("kind: feature\n"), std::string::npos) << one.out;
}

TEST(Explain, UnknownOrMalformedShas) {
  TempDir dir;
  const std::string db = "--db " + dir.file("s.db");
  auto missing = run_infradigest(db + " explain 0123456789");
  EXPECT_EQ(missing.exit_code, 3);  // the input names nothing stored; 1 is for I/O and database failures
  EXPECT_NE(missing.err.find("commit 0123456789 not found"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("no stored commit has a SHA starting with 0123456789"),
            std::string::npos)
      << missing.err;
  for (const char* bad : {"abc123", "xyz12345", "0123456789012345678901234567890123456789ab"}) {
    auto r = run_infradigest(db + " explain " + bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("use 7 to 40 hex digits"), std::string::npos) << r.err;
  }
  EXPECT_EQ(run_infradigest(db + " explain").exit_code, 2);  // SHA required
  EXPECT_EQ(run_infradigest(db + " explain e3691988 --format yaml").exit_code, 2);
}

}  // namespace
}  // namespace infradigest
