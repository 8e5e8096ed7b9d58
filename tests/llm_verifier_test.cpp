// The verifier's rules, one by one, on a small day: what a sentence may say
// depends on the facts it cites.
#include <gtest/gtest.h>

#include "llm/answer_schema.h"
#include "llm/facts.h"
#include "llm/text_scan.h"
#include "llm/verifier.h"
#include "llm_fixture.h"

namespace infradigest {
namespace {

class LlmVerifier : public ::testing::Test {
 protected:

  std::string key(const std::string& title_start) const {
    for (const auto& f : facts_.all())
      if (f.title.starts_with(title_start) || f.data.value("tag", "") == title_start ||
          f.data.value("title", "").starts_with(title_start))
        return f.key;
    ADD_FAILURE() << "no fact " << title_start;
    return "";
  }
  std::string counts() const { return facts_.repo_counts("acme/engine")->key; }

  // The reasons, joined; "" when the sentence passes.
  std::string check(const std::string& text, std::vector<std::string> cites, Language lang = Language::kZh) {
    scope_.language = lang;
    std::string out;
    for (const auto& r : verify_sentence(LlmSentence{normalize_llm_text(text), std::move(cites)}, scope_)) out += r + "; ";
    return out;
  }

  testing::FactsOfDay sample_{testing::sample_day_jsonl()};
  const FactTable& facts_ = sample_.facts;
  VerifyScope& scope_ = sample_.scope;
};

TEST_F(LlmVerifier, FactsHaveStableIdsInReportOrder) {
  EXPECT_EQ(facts_.day().key, "F1");
  EXPECT_EQ(facts_.all()[1].kind, FactKind::kRepo);
  EXPECT_EQ(facts_.all()[2].kind, FactKind::kRelease);
  EXPECT_EQ(facts_.find(key("Fix crash"))->report_id, "commit:acme/engine@" + testing::kFixCommitSha);
  EXPECT_EQ(facts_.find(key("Fix crash"))->ref_label, "1a2b3c4");
  EXPECT_EQ(facts_.find(key("Fix crash"))->data["message"], "The kernel read past the end of the block table.");
}

TEST_F(LlmVerifier, GroundedSentencePasses) {
  EXPECT_EQ(check("acme/engine 修复了 Hopper 上 paged attention 的崩溃（#101），改动 `engine/attention/paged.py`。",
                  {key("Fix crash")}),
            "");
  EXPECT_EQ(check("acme/engine 今日有 3 个提交、1 个新 issue 和 1 个发布。", {counts()}), "");
  EXPECT_EQ(check("acme/engine 发布了 v1.2.0。", {key("v1.2.0")}), "");
  EXPECT_EQ(check("提交 1a2b3c4 修复了崩溃。", {key("Fix crash")}), "");
  EXPECT_EQ(check("**重点**：FP8 GEMM kernel 已支持 Blackwell。", {key("Add FP8")}), "") << "emphasis is dropped";
}

TEST_F(LlmVerifier, CitesMustBeGivenFacts) {
  EXPECT_NE(check("修复了崩溃。", {}).find("cites no fact"), std::string::npos);
  EXPECT_NE(check("修复了崩溃。", {"F99"}).find("cites F99, which is not a fact given here"), std::string::npos);
  scope_.allowed = {counts()};
  EXPECT_NE(check("修复了崩溃。", {key("Fix crash")}).find("not a fact given here"), std::string::npos);
}

TEST_F(LlmVerifier, EverythingCheckableMustBeInTheCitedFacts) {
  const std::string fix = key("Fix crash");
  EXPECT_NE(check("提交 9f8e7d6 修复了崩溃。", {fix}).find("names SHA 9f8e7d6"), std::string::npos);
  EXPECT_NE(check("提交 2b3c4d5 修复了崩溃。", {fix}).find("names SHA 2b3c4d5"), std::string::npos)
      << "a real SHA, but of a fact the sentence does not cite";
  EXPECT_NE(check("该修复来自 #102。", {fix}).find("names #102"), std::string::npos);
  EXPECT_NE(check("该修复随 v1.3 发布。", {fix}).find("names version v1.3"), std::string::npos);
  EXPECT_NE(check("详情见 https://github.com/acme/engine/pull/101 。", {fix}).find("links to"), std::string::npos)
      << "only the facts' own URLs may appear";
  EXPECT_EQ(check("详情见 https://github.com/acme/engine/commit/" + testing::kFixCommitSha + " 。", {fix}), "");
  EXPECT_NE(check("改动位于 engine/attention/flash.py。", {fix}).find("names engine/attention/flash.py"), std::string::npos);
  EXPECT_NE(check("吞吐提升 35%。", {fix}).find("states the number 35"), std::string::npos);
  EXPECT_NE(check("共修复五个问题。", {fix}).find("states the number 5"), std::string::npos)
      << "Chinese numerals count: " << check("共修复五个问题。", {fix});
  EXPECT_EQ(check("该提交共删减 3 行。", {fix}), "") << "the fact says deletions: 3";
  EXPECT_NE(check("感谢 @octocat 的修复。", {fix}).find("mentions @octocat"), std::string::npos);
  EXPECT_NE(check("修改了 `block_table_size`。", {fix}).find("quotes `block_table_size`"), std::string::npos);
  EXPECT_NE(check("该 kernel 在 SM100 上运行。", {fix}).find("states the number 100"), std::string::npos);
  EXPECT_EQ(check("该修复于 2026-02-26 合入。", {fix}), "") << "the report date is always allowed";
}

TEST_F(LlmVerifier, NoMarkupJsonOrMassMentions) {
  const std::string fix = key("Fix crash");
  EXPECT_NE(check("修复了崩溃 ```cpp int x;``` 。", {fix}).find("code fence"), std::string::npos);
  EXPECT_NE(check("{\"text\": \"修复了崩溃。\"}", {fix}).find("raw JSON"), std::string::npos);
  EXPECT_NE(check("修复了[崩溃](https://evil.example.com)。", {fix}).find("Markdown link"), std::string::npos);
  EXPECT_NE(check("修复了崩溃 <b>重要</b>。", {fix}).find("HTML"), std::string::npos);
  for (const char* mention : {"@all", "@here", "@channel", "<!channel>", "<at user_id=\"all\">所有人</at>", "@所有人"})
    EXPECT_NE(check(std::string("请 ") + mention + " 关注崩溃修复。", {fix}).find("mentions everyone"), std::string::npos)
        << mention;
  EXPECT_NE(check("修复了崩溃（见 F4）。", {fix}).find("fact ids"), std::string::npos);
}

TEST_F(LlmVerifier, OneFinishedSentenceInTheReportLanguage) {
  const std::string fix = key("Fix crash");
  EXPECT_NE(check("修复了崩溃", {fix}).find("does not end like a finished sentence"), std::string::npos);
  EXPECT_NE(check("修复了崩溃。还改了文档。", {fix}).find("more than one sentence"), std::string::npos);
  EXPECT_NE(check("Fixed the crash in paged attention.", {fix}).find("is not in Chinese"), std::string::npos);
  EXPECT_EQ(check("Fixed the crash in paged attention on Hopper.", {fix}, Language::kEn), "");
  EXPECT_NE(check("修复了 paged attention 的崩溃。", {fix}, Language::kEn).find("is not in English"), std::string::npos);
  EXPECT_NE(check("Fixed a crash. Docs were updated too.", {fix}, Language::kEn).find("more than one sentence"),
            std::string::npos);
  EXPECT_NE(check(std::string(400, 'a') + "修复。", {fix}).find("too long"), std::string::npos);
  EXPECT_NE(check("修复了\n崩溃。", {fix}).find("line break"), std::string::npos);
}

TEST_F(LlmVerifier, TitlesAreGroundedInTheirOwnFact) {
  const Fact& fix = *facts_.find(key("Fix crash"));
  EXPECT_TRUE(verify_title({fix.key, "修复 Hopper 上 paged attention 的崩溃"}, fix, scope_).empty());
  EXPECT_FALSE(verify_title({fix.key, "修复 Hopper 上 paged attention 的崩溃（#999）"}, fix, scope_).empty());
  EXPECT_FALSE(verify_title({fix.key, "Fix crash in paged attention on Hopper"}, fix, scope_).empty());
  EXPECT_FALSE(verify_title({fix.key, "修复 Blackwell 上的崩溃 @all"}, fix, scope_).empty());
}

TEST(LlmTextScan, FindsWhatMustBeGrounded) {
  ScannedText t = scan_text("v4.4.1 修复 flash_attn/cute/mask.py 与 #2638（edf2f82）, 10,000 行, Qwen3.5, 见 https://x.io/a.");
  EXPECT_EQ(t.versions, std::vector<std::string>{"v4.4.1"});
  EXPECT_EQ(t.paths, std::vector<std::string>{"flash_attn/cute/mask.py"});
  EXPECT_EQ(t.refs, std::vector<std::string>{"2638"});
  EXPECT_EQ(t.shas, std::vector<std::string>{"edf2f82"});
  EXPECT_EQ(t.urls, std::vector<std::string>{"https://x.io/a"});
  EXPECT_EQ(t.numbers, (std::vector<std::string>{"4.4.1", "10000", "3.5"}));
  EXPECT_EQ(scan_text("两个提交和十二项修复，一个 issue").numbers, (std::vector<std::string>{"2", "12"}));
  EXPECT_TRUE(scan_text("未闭合的 `code").unbalanced_backtick);
}

TEST(LlmAnswerSchema, ParsesAndValidatesAnswers) {
  auto schema = repo_answer_schema({"F1", "F2"}, {"F2"});
  auto ok = parse_repo_answer(R"({"analysis":[{"text":"a。","cites":["F1"]}],"titles":[{"id":"F2","title":"标题"}]})", schema);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->titles[0].title, "标题");
  auto fenced = parse_repo_answer("```json\n{\"analysis\":[],\"titles\":[]}\n```", schema);
  EXPECT_TRUE(fenced.ok()) << "one fence around the whole answer is dropped";
  EXPECT_TRUE(parse_repo_answer("<think>\nF1 matters.\n</think>\n{\"analysis\":[],\"titles\":[]}", schema).ok());
  EXPECT_EQ(parse_repo_answer("", schema).error().message, "the answer is empty");
  EXPECT_EQ(parse_repo_answer("Sure! {\"analysis\":[]}", schema).error().message, "the answer is not valid JSON");
  EXPECT_EQ(parse_repo_answer(R"({"analysis":[{"text":"a。","cites":["F9"]}],"titles":[]})", schema).error().message,
            "analysis[0].cites[0]: \"F9\" is not one of the allowed values");
  EXPECT_EQ(parse_repo_answer(R"({"analysis":[],"titles":[],"extra":1})", schema).error().message,
            "the answer has an unexpected \"extra\"");
  EXPECT_EQ(parse_repo_answer(R"({"titles":[]})", schema).error().message, "the answer lacks \"analysis\"");
  EXPECT_EQ(schema["additionalProperties"], false);
  EXPECT_EQ(day_answer_schema({"F1"})["required"], (nlohmann::json{"impact", "outlook", "summary"}));
}

}  // namespace
}  // namespace infradigest
