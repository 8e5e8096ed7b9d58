// Claims need evidence: what a sentence says about effects, severity, scope,
// defaults and kinds must be backed by the facts it cites
// (llm/claim_terms.h); a rendered title claims nothing its source does not.
#include <gtest/gtest.h>

#include "fake_llm_server.h"
#include "llm/answer_schema.h"
#include "llm/claim_terms.h"
#include "llm/facts.h"
#include "llm/text_scan.h"
#include "llm/verifier.h"
#include "llm_fixture.h"

namespace infradigest {
namespace {

class LlmClaims : public ::testing::Test {
 protected:
  const Fact& fact(const std::string& title_start) const {
    for (const auto& f : facts_.all())
      if (f.data.value("title", "").starts_with(title_start)) return f;
    ADD_FAILURE() << "no fact " << title_start;
    return facts_.day();
  }
  std::string check(const std::string& text, const std::string& cited, Language lang = Language::kZh) {
    scope_.language = lang;
    std::string out;
    for (const auto& r : verify_sentence(LlmSentence{normalize_llm_text(text), {fact(cited).key}}, scope_)) out += r + "; ";
    return out;
  }
  std::string title(const std::string& rendering, const std::string& cited) {
    scope_.language = Language::kZh;
    std::string out;
    for (const auto& r : verify_title(LlmTitle{fact(cited).key, rendering}, fact(cited), scope_)) out += r + "; ";
    return out;
  }
  testing::FactsOfDay sample_{testing::sample_day_jsonl(
      R"JSON({"type":"commit","repo":"acme/engine","sha":"4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e","committed_at":"2026-02-26T14:00:00Z","message":"[Perf] Speed up decode on Hopper by fusing the norm\n\nThroughput improves on long prompts.","files":[{"filename":"engine/decode.cu","additions":30,"deletions":9}]}
{"type":"commit","repo":"acme/engine","sha":"5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f","committed_at":"2026-02-26T15:00:00Z","message":"Fixed debug print statements in sgemm examples","files":[{"filename":"examples/sgemm.cu","additions":2,"deletions":2}]}
)JSON")};
  const FactTable& facts_ = sample_.facts;
  VerifyScope& scope_ = sample_.scope;
};

TEST_F(LlmClaims, EveryLieOfThePlausibleLiarIsRejectedInBothLanguages) {
  for (const char* cited : {"Fix crash", "Add FP8", "Update docs", "Fixed debug print"}) {
    for (const auto& lie : testing::liar_sentences(true)) EXPECT_NE(check(lie, cited), "") << lie << " citing " << cited;
    for (const auto& lie : testing::liar_sentences(false))
      EXPECT_NE(check(lie, cited, Language::kEn), "") << lie << " citing " << cited;
  }
}

TEST_F(LlmClaims, QuotingTheSourceVerbatimIsNoClaim) {
  // The title says "Fix"; quoting it is fine, but the sentence's own words are checked.
  EXPECT_EQ(check("acme/engine 的改动包括「fix crash in paged attention on hopper」。", "Fix crash"), "");
  EXPECT_NE(check("「update docs for the v1.2.0 release」带来显著的性能提升。", "Update docs"), "");
}

TEST_F(LlmClaims, ReasonsNameTheTermAndTheClaim) {
  const std::string why = check("该改动显著提升了所有 GPU 上的解码吞吐。", "Fix crash");
  EXPECT_NE(why.find("says \"显著\" (a judgement of magnitude)"), std::string::npos) << why;
  EXPECT_NE(why.find("says \"所有\""), std::string::npos) << why;
  EXPECT_NE(why.find("says \"吞吐\" (a performance effect)"), std::string::npos) << why;
  EXPECT_NE(check("这是今天最重要的更新。", "Fix crash").find("is never allowed"), std::string::npos);
}

TEST_F(LlmClaims, ClaimsTheCitedFactsMakeArePassed) {
  EXPECT_EQ(check("acme/engine 修复了 Hopper 上 paged attention 的崩溃。", "Fix crash"), "");
  EXPECT_EQ(check("acme/engine 通过融合 norm 提升了 Hopper 上的解码吞吐。", "[Perf] Speed up"), "") << "a perf item";
  EXPECT_EQ(check("acme/engine 新增了面向 Blackwell 的 FP8 GEMM kernel。", "Add FP8"), "");
  EXPECT_EQ(check("acme/engine fixes a crash in paged attention on Hopper.", "Fix crash", Language::kEn), "");
  EXPECT_EQ(check("The decode path on Hopper is faster after fusing the norm.", "[Perf] Speed up", Language::kEn), "");
}

TEST_F(LlmClaims, AVerbOfKindMustMatchTheCitedChange) {
  EXPECT_NE(check("acme/engine 修复了文档。", "Update docs"), "") << "a docs update is no fix";
  EXPECT_NE(check("acme/engine 优化了 FP8 GEMM。", "Add FP8"), "") << "a new kernel is no optimization";
  EXPECT_NE(check("acme/engine 回滚了崩溃修复。", "Fix crash"), "");
  EXPECT_EQ(check("acme/engine 的文档已更新。", "Update docs"), "");
}

TEST_F(LlmClaims, SeverityNeedsASevereIssueOrTheWord) {
  // "[Bug] Segfault when loading a model" is severe (a segfault) and names a crash.
  const Fact& issue = [&]() -> const Fact& {
    for (const auto& f : facts_.all())
      if (f.kind == FactKind::kIssue) return f;
    return facts_.day();
  }();
  ASSERT_TRUE(issue.severe);
  scope_.language = Language::kZh;
  EXPECT_TRUE(verify_sentence(LlmSentence{"acme/engine 新报告了一个严重缺陷：加载模型时段错误崩溃。", {issue.key}}, scope_).empty());
  EXPECT_NE(check("这是一个严重的崩溃修复。", "Update docs"), "");
}

TEST_F(LlmClaims, TitlesKeepTheSourcesMeaningIdentifiersAndNumbers) {
  EXPECT_EQ(title("修复 sgemm 示例中的调试打印语句", "Fixed debug print"), "");
  EXPECT_NE(title("修复严重的内存泄漏问题", "Fixed debug print"), "") << "the rendering invents a claim";
  EXPECT_NE(title("修复严重的内存泄漏问题", "Fixed debug print").find("严重"), std::string::npos);
  EXPECT_NE(title("更新文档", "Update docs").find("drops the version v1.2.0"), std::string::npos)
      << title("更新文档", "Update docs");
  EXPECT_EQ(title("为 v1.2.0 更新文档", "Update docs"), "");
  EXPECT_NE(title("显著加速 Hopper 上的解码，融合 norm", "[Perf] Speed up"), "") << "magnitude the title lacks";
  EXPECT_EQ(title("通过融合 norm 加速 Hopper 上的解码", "[Perf] Speed up"), "");
}

TEST(ClaimTerms, AsciiTermsMatchWholeWordsAndStarredPrefixes) {
  EXPECT_TRUE(contains_term("fixes a leak", "fix*"));
  EXPECT_FALSE(contains_term("prefix cache", "fix*")) << "a word prefix, not a substring";
  EXPECT_TRUE(contains_term("nan in output", "nan"));
  EXPECT_FALSE(contains_term("nanobind update", "nan"));
  EXPECT_TRUE(contains_term("显著提升", "显著"));
  EXPECT_TRUE(contains_term("tok/s doubled", "tok/s"));
}

TEST(ClaimTerms, ThePromptListsTheCheckedClaims) {
  const std::string zh = claim_rules_for_prompt(true);
  EXPECT_NE(zh.find("a performance effect"), std::string::npos);
  EXPECT_NE(zh.find("预计"), std::string::npos);
  EXPECT_NE(claim_rules_for_prompt(false).find("Never write opinions"), std::string::npos);
}

}  // namespace
}  // namespace infradigest
