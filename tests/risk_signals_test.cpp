// What risk lines name: the flag, env var or platform a change removes, and the
// symptom a bug report describes (compose/risk_signals.h).
#include <gtest/gtest.h>

#include "analysis/classification.h"
#include "analysis/risk_signals.h"

namespace infradigest {
namespace {

TEST(BreakingChange, FlagsEnvVarsAndSupport) {
  auto c = detect_breaking_change("[Misc] Remove deprecated --disable-log-requests flag (#35001)");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->action, BreakingAction::kRemoved);
  EXPECT_EQ(c->subject, BreakingSubject::kFlag);
  EXPECT_EQ(c->name, "--disable-log-requests");

  c = detect_breaking_change("[Core] Rename VLLM_ATTENTION_BACKEND to VLLM_ATTN_BACKEND");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->action, BreakingAction::kRenamed);
  EXPECT_EQ(c->subject, BreakingSubject::kEnvVar);
  EXPECT_EQ(c->name, "VLLM_ATTENTION_BACKEND");

  c = detect_breaking_change("chore(build): drop support for CUDA 11.8 and Python 3.9");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->subject, BreakingSubject::kSupport);
  EXPECT_EQ(c->name, "CUDA 11.8");

  c = detect_breaking_change("Deprecate SGLANG_ENABLE_TORCH_COMPILE");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->action, BreakingAction::kDeprecated);
}

TEST(BreakingChange, OrdinaryRemovalsNameNothing) {
  EXPECT_FALSE(detect_breaking_change("Remove unused import in fused_moe"));
  EXPECT_FALSE(detect_breaking_change("Removed redundant DSL examples"));
  EXPECT_FALSE(detect_breaking_change("[Bugfix] Fix --max-model-len check"));  // the verb must lead
  EXPECT_FALSE(detect_breaking_change("Remove TODO in MLA_BACKEND docs"));     // a constant, not an env var
}

// The classifier's `breaking` flag (JSON, importance) agrees for env vars.
TEST(BreakingChange, TheClassifierFlagsEnvironmentVariablesByPrefix) {
  EXPECT_TRUE(classify_text("[Core] Rename VLLM_ATTENTION_BACKEND to VLLM_ATTN_BACKEND", "", {}).breaking);
  EXPECT_TRUE(classify_text("Remove SGLANG_ENABLE_JIT_DEEPGEMM", "", {}).breaking);
  EXPECT_FALSE(classify_text("Rename vllm/attention docs page", "", {}).breaking);
  EXPECT_FALSE(classify_text("Fix VLLM_ATTENTION_BACKEND parsing", "", {}).breaking);
}

TEST(Symptoms, NamedInBugTitles) {
  EXPECT_EQ(detect_symptom("[Bug] Segfault on B200 with FP8 KV cache"), RiskSymptom::kCrash);
  EXPECT_EQ(detect_symptom("XQA illegal memory access when head_dim=256"), RiskSymptom::kCrash);
  EXPECT_EQ(detect_symptom("[Cute][Test] test_flash_attn_kvcache hangs on B200"), RiskSymptom::kHang);
  EXPECT_EQ(detect_symptom("NaN outputs with DeepSeek-V3 on MI300X"), RiskSymptom::kNumerics);
  EXPECT_EQ(detect_symptom("GSM8K accuracy drop after #35000"), RiskSymptom::kAccuracy);
  EXPECT_EQ(detect_symptom("[Performance] Qwen3 decode 20% slower since v0.16"), RiskSymptom::kPerfRegression);
}

TEST(Symptoms, LookalikesAreNotSymptoms) {
  EXPECT_FALSE(detect_symptom("Support Nemotron-Nano-VL audio"));  // "nan" inside a word
  EXPECT_FALSE(detect_symptom("Change the default scheduler"));     // "hang" inside a word
  EXPECT_FALSE(detect_symptom("[Feature] Add MXFP4 MoE for GPT-OSS"));
}

}  // namespace
}  // namespace infradigest
