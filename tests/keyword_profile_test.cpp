// KeywordSet::find with a TextProfile (analysis/keyword_matcher.h) must give
// exactly the hit of the plain scan: the profile only lets spellings that
// cannot occur be passed over. Checked for every word list of the built-in
// rule tables against the titles, messages, paths and labels of the bundled
// example day, and on hand-made texts where a wrong fold or pair would show.
#include <gtest/gtest.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/classification_rules.h"
#include "analysis/keyword_matcher.h"
#include "snapshot/snapshot_reader.h"
#include "test_support.h"

namespace infradigest {
namespace {

// Every word list (words, also, except) of every built-in rule table.
std::vector<std::string_view> all_rule_word_lists() {
  std::vector<std::string_view> out;
  auto add = [&](const rules::Pattern& p) {
    for (std::string_view words : {p.words, p.also, p.except})
      if (!words.empty()) out.push_back(words);
  };
  for (const auto& r : rules::kind_rules()) add(r.when);
  for (const auto& r : rules::tag_rules()) add(r.when);
  for (const auto& r : rules::issue_kind_rules()) add(r.when);
  for (auto table : {rules::breaking_rules(), rules::severe_rules(), rules::support_rules(),
                     rules::support_subject_rules(), rules::new_api_rules(), rules::retreat_rules()})
    for (const auto& r : table) add(r.when);
  return out;
}

// The texts the rules read on the example day.
std::vector<std::string> example_texts() {
  auto day = read_snapshot(testing::source_path("examples/2026-02-26"));
  EXPECT_TRUE(day) << (day ? "" : day.error().message);
  std::vector<std::string> out;
  if (!day) return out;
  for (const Commit& c : day->commits) {
    out.push_back(c.message);
    out.push_back(c.title());
    for (const FileChange& f : c.files) out.push_back(f.filename);
  }
  for (const PullRequest& p : day->pull_requests) {
    out.push_back(p.title);
    if (p.body) out.push_back(*p.body);
    for (const std::string& label : p.labels) out.push_back(label);
  }
  for (const Issue& i : day->issues) out.push_back(i.title);
  return out;
}

// Every hit of the plain scan, in order (each search from one past the
// previous hit's start, as the rules walk them), compared with the profiled one.
void expect_profiled_hits_match(const KeywordSet& set, std::string_view words, std::string_view text) {
  const TextProfile profile(text);
  std::size_t from = 0;
  while (true) {
    const std::optional<KeywordHit> plain = set.find(text, from);
    const std::optional<KeywordHit> profiled = set.find(text, profile, from);
    ASSERT_EQ(plain.has_value(), profiled.has_value())
        << "\"" << words << "\" in \"" << text << "\" from " << from;
    if (!plain) return;
    ASSERT_EQ(plain->begin, profiled->begin) << "\"" << words << "\" in \"" << text << "\"";
    ASSERT_EQ(plain->end, profiled->end) << "\"" << words << "\" in \"" << text << "\"";
    from = plain->begin + 1;
  }
}

TEST(KeywordProfile, AgreesWithThePlainScanOnEveryRuleAndTheExampleDay) {
  const std::vector<std::string> texts = example_texts();
  ASSERT_GT(texts.size(), 300u);
  std::size_t hits = 0;
  for (std::string_view words : all_rule_word_lists()) {
    const KeywordSet set(words);
    for (const std::string& text : texts) {
      expect_profiled_hits_match(set, words, text);
      if (::testing::Test::HasFatalFailure()) return;
      if (set.find(text)) ++hits;
    }
  }
  EXPECT_GT(hits, 1000u);  // the comparison covered texts that do match, not only misses
}

TEST(KeywordProfile, ASetRuledOutOfSeveralTextsTogetherOccursInNoneOfThem) {
  auto day = read_snapshot(testing::source_path("examples/2026-02-26"));
  ASSERT_TRUE(day) << day.error().message;
  std::size_t ruled_out = 0, passed = 0;
  for (std::string_view words : all_rule_word_lists()) {
    const KeywordSet set(words);
    for (const Commit& c : day->commits) {
      std::vector<TextProfile> profiles;
      for (const FileChange& f : c.files) profiles.emplace_back(f.filename);
      if (set.may_occur_in(TextProfile::of_all(profiles))) {
        ++passed;
        continue;
      }
      ++ruled_out;
      for (const FileChange& f : c.files) EXPECT_FALSE(set.find(f.filename)) << words << " in " << f.filename;
    }
  }
  EXPECT_GT(ruled_out, 1000u);
  EXPECT_GT(passed, 100u);
}

TEST(KeywordProfile, AgreesOnCaseSeparatorsDigitsAndOpenEnds) {
  const std::vector<std::string_view> sets = {"gpt-oss",    "v#.#",     "*gemm|matmul*", "mla|flash-mla",
                                              ".md|docs/",  "h20|h100", "amd|rocm*",     "[#/#]|part-#",
                                              "-x",         "#",        "chore(deps)",   "注意力|专家并行",
                                              "a|b|c|d|e|f"};
  const std::vector<std::string_view> texts = {"GPT-OSS",
                                               "gpt_oss 120b",
                                               "GPT\u2011OSS",
                                               "gptoss",
                                               "v4.4.1 update",
                                               "routergemm and MatMulKernel",
                                               "BatchMLAPagedAttentionWrapper",
                                               "docs/README.md",
                                               "H20 and H100",
                                               "command",
                                               "ROCm/HIP",
                                               "[4/N] part 2",
                                               "x-x",
                                               "0",
                                               "chore(deps): bump",
                                               "修复注意力内核",
                                               "",
                                               "e",
                                               "FLASH_MLA"};
  for (std::string_view words : sets) {
    const KeywordSet set(words);
    for (std::string_view text : texts) expect_profiled_hits_match(set, words, text);
  }
}

TEST(KeywordProfile, RulesOutSpellingsWhoseCharactersOrPairsAreMissing) {
  const KeywordSet moe("moe|fused-moe");
  const std::string_view path = "vllm/model_executor/layers/linear.py";  // "mo" but no "oe"
  EXPECT_FALSE(moe.find(path, TextProfile(path)));
  const std::string_view upper = "vllm/FusedMoE/layer.py";
  ASSERT_TRUE(moe.find(upper, TextProfile(upper)));
  EXPECT_EQ(moe.find(upper, TextProfile(upper))->begin, 5u);  // "Fused" + "MoE": the longer spelling
  // A default profile is of no text in particular: it rules nothing out.
  EXPECT_TRUE(moe.find(upper, TextProfile()));
}

}  // namespace
}  // namespace infradigest
