// Path globs of component rules and [[taxonomy.path_rule]].
#include <gtest/gtest.h>

#include "analysis/path_glob.h"
#include "analysis/taxonomy.h"

namespace infradigest {
namespace {

bool matches(const char* glob, const char* path) {
  auto g = PathGlob::parse(glob);
  EXPECT_TRUE(g.ok()) << glob;
  return g.ok() && g->matches(path);
}

TEST(PathGlob, StarStaysInAFolderDoubleStarCrossesFolders) {
  EXPECT_TRUE(matches("csrc/*.cu", "csrc/gemm.cu"));
  EXPECT_FALSE(matches("csrc/*.cu", "csrc/sub/gemm.cu"));
  EXPECT_TRUE(matches("csrc/**", "csrc/sub/gemm.cu"));
  EXPECT_TRUE(matches("**/configs/*.json", "vllm/model_executor/layers/fused_moe/configs/E=128,N=96.json"));
  EXPECT_TRUE(matches("**/configs/*.json", "configs/a.json"));  // "**/" may match no folder
  EXPECT_FALSE(matches("**/configs/*.json", "configs/sub/a.json"));
  EXPECT_TRUE(matches("test_?.py", "tests/test_a.py"));
  EXPECT_FALSE(matches("test_?.py", "tests/test_ab.py"));
}

TEST(PathGlob, ShorthandsForFileNamesAndFolders) {
  EXPECT_TRUE(matches("*.cuh", "include/cute/arch/mma_sm90.cuh"));  // no '/': any folder
  EXPECT_TRUE(matches("mamba_utils.py", "vllm/v1/worker/mamba_utils.py"));
  EXPECT_TRUE(matches("vllm/v1/worker/gpu/", "vllm/v1/worker/gpu/warmup.py"));  // folder prefix
  EXPECT_FALSE(matches("vllm/v1/worker/gpu/", "vllm/v1/worker/gpu_worker.py"));
  EXPECT_FALSE(matches("Docs/**", "docs/a.md"));  // case-sensitive, like git
}

TEST(PathGlob, RejectsPatternsThatCanNeverMatchARepositoryPath) {
  for (const char* bad : {"", "/csrc/**", "..", "../x", "a/../b", "csrc\\a.cu"}) {
    auto g = PathGlob::parse(bad);
    EXPECT_FALSE(g.ok()) << bad;
  }
  EXPECT_NE(PathGlob::parse("/csrc/**").error().message.find("relative to the repository root"), std::string::npos);
}

TEST(PathGlob, EveryBuiltInComponentGlobParses) {
  for (const taxonomy::ComponentRule& rule : taxonomy::component_rules()) {
    for (std::string_view rest = rule.paths; !rest.empty();) {
      const std::size_t bar = rest.find('|');
      EXPECT_TRUE(PathGlob::parse(rest.substr(0, bar)).ok()) << rest.substr(0, bar);
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
    }
  }
}

}  // namespace
}  // namespace infradigest
