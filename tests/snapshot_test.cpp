#include <gtest/gtest.h>

#include <sstream>

#include "snapshot/snapshot_reader.h"
#include "snapshot/snapshot_writer.h"
#include "test_support.h"

namespace infradigest {
namespace {

const char* kGood =
    R"({"type":"meta","format_version":1})"
    "\n"
    R"({"type":"commit","repo":"NVIDIA/cutlass","sha":"edf2f82c0025b98b48977cb83db746769721b4ee","committed_at":"2026-02-26","message":"Fix register index bug","files":[{"filename":"include/cute/arch/mma_sm80.hpp","status":"modified","additions":3,"deletions":1}]})"
    "\n\n"
    R"({"type":"issue","repo":"flashinfer-ai/flashinfer","number":2638,"title":"XQA fails","created_at":"2026-02-26T07:33:35Z"})"
    "\n";

TEST(Snapshot, ParsesEveryTypeAndKeepsAbsentFieldsAbsent) {
  auto a = parse_snapshot(kGood, "good.jsonl");
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_EQ(a->commits.size(), 1u);
  EXPECT_FALSE(a->commits[0].author.has_value());
  EXPECT_TRUE(a->commits[0].committed_at.date_only());
  EXPECT_EQ(a->commits[0].files[0].additions, 3);
  ASSERT_EQ(a->issues.size(), 1u);
  EXPECT_FALSE(a->issues[0].created_at.date_only());
}

TEST(Snapshot, WriteThenParseIsLossless) {
  auto a = parse_snapshot(kGood, "good.jsonl").value();
  std::ostringstream first;
  write_snapshot(a, first);
  auto again = parse_snapshot(first.str(), "export").value();
  EXPECT_EQ(again, a);
  std::ostringstream second;
  write_snapshot(again, second);
  EXPECT_EQ(first.str(), second.str());
}

struct BadCase {
  const char* line;
  const char* expected;  // substring of the error
};

TEST(Snapshot, BadLinesNameFileLineAndWhat) {
  const BadCase cases[] = {
      {R"({"type":"commit","repo":"a/b","committed_at":"2026-02-26","message":"x")", "bad.jsonl:2:"},
      {R"({"type":"commit","repo":"a/b","sha":"ABC","committed_at":"2026-02-26","message":"x"})", "40-character"},
      {R"({"type":"commit","repo":"a/b","committed_at":"2026-02-26","mesage":"x"})", "'message'"},
      {R"({"type":"commit","repo":"a/b","committed_at":"2026-02-26","message":"x","autor":"y"})", "unknown field 'autor'"},
      {R"({"type":"issue","repo":"a/b","number":-3,"title":"t","created_at":"2026-02-26"})", "'number'"},
      {R"({"type":"issue","repo":"a/b","number":3,"title":"t","created_at":"26/02/2026"})", "created_at"},
      {R"({"type":"tweet","repo":"a/b"})", "unknown type 'tweet'"},
      {R"({"type":"release","repo":"not a repo","tag":"v1","published_at":"2026-02-26"})", "owner/name"},
      {R"([1,2,3])", "JSON object"},
  };
  for (const auto& c : cases) {
    std::string text = std::string(R"({"type":"repository","full_name":"a/b"})") + "\n" + c.line + "\n";
    auto r = parse_snapshot(text, "bad.jsonl");
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_NE(r.error().message.find("bad.jsonl:2:"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find(c.expected), std::string::npos) << r.error().message;
  }
}

TEST(Snapshot, InvalidJsonReportsTheColumn) {
  auto r = parse_snapshot("{\"type\":\"repository\",\"full_name\":\"a/b\",}\n", "x.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("x.jsonl:1:", 0), 0u) << r.error().message;
  EXPECT_NE(r.error().message.find("invalid JSON"), std::string::npos);
}

TEST(Snapshot, ConflictingDuplicateIsAnError) {
  std::string text =
      R"({"type":"issue","repo":"a/b","number":3,"title":"one","created_at":"2026-02-26"})"
      "\n"
      R"({"type":"issue","repo":"a/b","number":3,"title":"two","created_at":"2026-02-26"})"
      "\n";
  auto r = parse_snapshot(text, "d.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("issue:a/b#3"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("d.jsonl:1"), std::string::npos) << r.error().message;
  // The error starts at the line that repeats it (found by fuzzing: it had no place at all).
  EXPECT_TRUE(r.error().message.starts_with("d.jsonl:2:1: ")) << r.error().message;
}

TEST(Snapshot, ANumberTooLargeForADoubleIsAnErrorWithItsPlace) {
  // Found by fuzzing: nlohmann throws out_of_range, not parse_error, for it.
  auto r = parse_snapshot(R"({"type":"issue","repo":"a/b","number":2e781,"title":"t","created_at":"2026-02-26"})", "n.jsonl");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.starts_with("n.jsonl:1:1: invalid JSON: number overflow")) << r.error().message;
}

TEST(Snapshot, BundledExampleParses) {
  auto a = read_snapshot(testing::source_path("examples/2026-02-26"));
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->repositories.size(), 8u);
  EXPECT_GT(a->commits.size(), 70u);
}

}  // namespace
}  // namespace infradigest
