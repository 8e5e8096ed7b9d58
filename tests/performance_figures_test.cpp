// Benchmark figures quoted verbatim from commit messages and PR bodies
// (compose/performance_figures.h): real shapes from kernel-library commits,
// and the numbers that are not figures.
#include <gtest/gtest.h>

#include "compose/performance_figures.h"

namespace infradigest {
namespace {

std::vector<std::string> quotes(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& q : find_performance_figures(text)) out.push_back(q.quote);
  return out;
}

TEST(PerformanceFigures, SpeedupSentencesAreQuotedVerbatim) {
  auto q = find_performance_figures(
      "Add a CuTe DSL GDN decode kernel.\n\nThe new kernel yields 2.78x throughput compared to SGLang's Triton\n"
      "kernel at batch 64. Tests pass.");
  ASSERT_EQ(q.size(), 1u);
  // Wrapped lines are joined with one space; the sentence is otherwise the source's.
  EXPECT_EQ(q[0].quote, "The new kernel yields 2.78x throughput compared to SGLang's Triton kernel at batch 64.");
  EXPECT_EQ(q[0].kind, FigureKind::kSpeedup);
}

TEST(PerformanceFigures, LabelledAveragesAndUnicodeTimes) {
  EXPECT_EQ(quotes("FlashInfer vs Triton (Pretranspose) - Average speedup: 1.35x"),
            std::vector<std::string>{"FlashInfer vs Triton (Pretranspose) - Average speedup: 1.35x"});
  EXPECT_EQ(quotes("- Decode is 1.3× faster on B200"), std::vector<std::string>{"Decode is 1.3× faster on B200"});
}

TEST(PerformanceFigures, PercentagesNeedAPerformanceWord) {
  EXPECT_EQ(quotes("E2E throughput improves by 12% on DeepSeek-V3."),
            std::vector<std::string>{"E2E throughput improves by 12% on DeepSeek-V3."});
  EXPECT_TRUE(quotes("This is 90% done. Tests run with 100% pass rate.").empty());
  EXPECT_TRUE(quotes("E       Mismatched elements: 490 / 163840 (0.3%)").empty());
  EXPECT_TRUE(quotes("tests/gemm/test_mm_fp4.py ........ [ 19%]").empty());
}

TEST(PerformanceFigures, ThroughputAndLatency) {
  EXPECT_EQ(quotes("Output throughput: 12,345 tok/s with CUDA graphs"),
            std::vector<std::string>{"Output throughput: 12,345 tok/s with CUDA graphs"});
  auto q = find_performance_figures("For these configs, the latency of mm_fp4 kernel reduced from 0.124ms to\n0.069ms on RTX PRO 6000.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, FigureKind::kLatency);
  EXPECT_EQ(q[0].quote, "For these configs, the latency of mm_fp4 kernel reduced from 0.124ms to 0.069ms on RTX PRO 6000.");
  // A duration with no word about speed is not a benchmark figure.
  EXPECT_TRUE(quotes("Sleep 100 ms between retries.").empty());
}

TEST(PerformanceFigures, HardwareCountsShapesVersionsAndIdsAreNotFigures) {
  EXPECT_TRUE(quotes("Hardware: 8x NVIDIA RTX PRO 6000 Blackwell (SM120, 96GB)").empty());
  EXPECT_TRUE(quotes("Benchmarked throughput on 2xH100 and 8x H200 GPUs.").empty());
  EXPECT_TRUE(quotes("Add tile options (128×128×256 and 256×128×128) for faster GEMM").empty());
  EXPECT_TRUE(quotes("Bump flashinfer to 0.6.4 for faster decode (#2627), released 2026-02-26").empty());
  EXPECT_TRUE(quotes("call philox_randint4x once per 4 elements for speed").empty());
  EXPECT_TRUE(quotes("with 16 pipeline stages and 4x stage unroll trades off peak throughput").empty());
}

TEST(PerformanceFigures, TablesLogsAndCodeBlocksAreSkipped) {
  EXPECT_TRUE(quotes("|  batch | FI(us) | TR(us) | speedup |\n|      1 |   3.74 |   5.06 |   1.35x |").empty());
  EXPECT_TRUE(quotes("[PERF] flashinfer :: median time 0.050 ms; achieved tflops 6.752 TFLOPs/sec").empty());
  EXPECT_TRUE(quotes("```\nspeedup: 2.0x\n```").empty());
}

TEST(PerformanceFigures, LongSentencesAreClippedAroundTheFigure) {
  std::string before(30, 'a'), after(30, 'b');
  std::string text;
  for (int k = 0; k < 5; ++k) text += before + " ";
  text += "gives a 1.8x speedup";
  for (int k = 0; k < 5; ++k) text += " " + after;
  auto q = find_performance_figures(text);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].clipped_before);
  EXPECT_TRUE(q[0].clipped_after);
  EXPECT_NE(q[0].quote.find("gives a 1.8x speedup"), std::string::npos);
  EXPECT_NE(text.find(q[0].quote), std::string::npos) << "a quote is a substring of its source";
  EXPECT_LT(q[0].quote.size(), text.size());
}

TEST(PerformanceFigures, AbbreviationsDoNotEndTheSentence) {
  EXPECT_EQ(quotes("SM103 shows a higher speedup ratio than B200 (6× vs. 4×) in our runs. Done."),
            std::vector<std::string>{"SM103 shows a higher speedup ratio than B200 (6× vs. 4×) in our runs."});
}

TEST(PerformanceFigures, StrengthOrdersKinds) {
  EXPECT_GT(figure_strength(FigureKind::kSpeedup), figure_strength(FigureKind::kPercent));
  EXPECT_GT(figure_strength(FigureKind::kThroughput), figure_strength(FigureKind::kLatency));
}

}  // namespace
}  // namespace infradigest
