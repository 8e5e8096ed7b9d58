// 总结's risk lines: bug reports grouped by the hardware they hit, symptoms
// named, breaking changes saying what they remove; each line links its items.
#include <gtest/gtest.h>

#include "composed_day_fixture.h"
#include "compose/composer.h"
#include "render/markdown_renderer.h"

namespace infradigest {
namespace {

using testing::at;
using testing::commit;
using testing::window;

const std::vector<std::string> kRisksWatch = {"flashinfer-ai/flashinfer", "Dao-AILab/flash-attention", "vllm-project/vllm"};

Issue issue(const std::string& repo, int number, const std::string& title) {
  Issue i;
  i.repo = repo;
  i.number = number;
  i.title = title;
  i.created_at = at("2026-02-26T07:33:35Z");
  return i;
}

const Statement* starting_with(const std::vector<Statement>& list, const std::string& prefix) {
  for (const auto& s : list)
    if (s.plain_text().starts_with(prefix)) return &s;
  return nullptr;
}

TEST(OutlookRisks, BugReportsAreGroupedByHardwareWithTheirSymptoms) {
  Activity day;
  day.issues.push_back(issue("flashinfer-ai/flashinfer", 2638, "[Bug] XQA crash on B200 when head_dim=256"));
  day.issues.push_back(issue("Dao-AILab/flash-attention", 2280, "[Cute][Test] test_flash_attn_kvcache hangs on B200"));
  day.issues.push_back(issue("vllm-project/vllm", 35100, "[Bug] KeyError when loading LoRA adapter"));
  Report r = compose_report(day, window(), kRisksWatch, Language::kZh);
  const Statement* blackwell = starting_with(r.outlook, "Blackwell 风险：");
  ASSERT_NE(blackwell, nullptr) << render_markdown(r);
  EXPECT_EQ(blackwell->cites, (std::vector<std::string>{"issue:flashinfer-ai/flashinfer#2638",
                                                         "issue:Dao-AILab/flash-attention#2280"}));
  EXPECT_NE(blackwell->plain_text().find("崩溃"), std::string::npos) << blackwell->plain_text();
  EXPECT_NE(blackwell->plain_text().find("挂起"), std::string::npos) << blackwell->plain_text();
  // A bug with no hardware keeps its own line, and no issue is listed twice.
  const Statement* other = starting_with(r.outlook, "新缺陷：");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->cites, std::vector<std::string>{"issue:vllm-project/vllm#35100"});
  int mentions = 0;
  for (const auto& s : r.outlook)
    for (const auto& id : s.cites) mentions += id == "issue:flashinfer-ai/flashinfer#2638" ? 1 : 0;
  EXPECT_EQ(mentions, 1);
}

TEST(OutlookRisks, PerformanceRegressionReportsAreRisksQuestionsAreNot) {
  Activity day;
  day.issues.push_back(issue("vllm-project/vllm", 35200, "[Performance] Qwen3 decode 20% slower on H100 since v0.16"));
  day.issues.push_back(issue("vllm-project/vllm", 35201, "[Usage] How do I avoid OOM on H100?"));
  Report r = compose_report(day, window(), kRisksWatch, Language::kEn);
  const Statement* hopper = starting_with(r.outlook, "Hopper risk: ");
  ASSERT_NE(hopper, nullptr) << render_markdown(r);
  EXPECT_EQ(hopper->cites, std::vector<std::string>{"issue:vllm-project/vllm#35200"});
  EXPECT_NE(hopper->plain_text().find("performance regression"), std::string::npos);
  for (const auto& s : r.outlook)
    for (const auto& id : s.cites) EXPECT_NE(id, "issue:vllm-project/vllm#35201") << s.plain_text();
}

TEST(OutlookRisks, BreakingChangesSayWhatTheyRemove) {
  Activity day;
  day.commits.push_back(commit("vllm-project/vllm", 'a', "[Misc] Remove deprecated --disable-log-requests flag (#35001)"));
  day.commits.push_back(commit("vllm-project/vllm", 'b', "Rename VLLM_ATTENTION_BACKEND to VLLM_ATTN_BACKEND (#35002)"));
  day.commits.push_back(commit("vllm-project/vllm", 'c', "Remove unused import in fused_moe (#35003)"));
  Report r = compose_report(day, window(), kRisksWatch, Language::kEn);
  const Statement* flag = starting_with(r.outlook, "Breaking change: removes flag --disable-log-requests: ");
  ASSERT_NE(flag, nullptr) << render_markdown(r);
  EXPECT_EQ(flag->cites, std::vector<std::string>{"commit:vllm-project/vllm@" + std::string(40, 'a')});
  EXPECT_NE(starting_with(r.outlook, "Breaking change: renames environment variable VLLM_ATTENTION_BACKEND: "), nullptr);
  for (const auto& s : r.outlook) EXPECT_EQ(s.plain_text().find("unused import"), std::string::npos) << s.plain_text();
  // Code spans keep the names verbatim in Markdown.
  EXPECT_NE(render_markdown(r).find("removes flag `--disable-log-requests`"), std::string::npos);
}

}  // namespace
}  // namespace infradigest
