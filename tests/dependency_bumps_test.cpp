// Detecting one watched project moving another's pin, from commit titles,
// messages and changed files (compose/dependency_bumps.h, watched_projects.h).
#include <gtest/gtest.h>

#include "compose/dependency_bumps.h"
#include "compose/watched_projects.h"

namespace infradigest {
namespace {

const std::vector<std::string> kBumpsWatch = {"deepseek-ai/DeepGEMM",     "deepseek-ai/FlashMLA",
                                         "NVIDIA/cutlass",           "flashinfer-ai/flashinfer",
                                         "Dao-AILab/flash-attention", "sgl-project/sglang",
                                         "vllm-project/vllm",        "NVIDIA/cutile-python"};
const std::string kBumpsRepo = "vllm-project/vllm";

std::vector<FileChange> files(std::initializer_list<const char*> names) {
  std::vector<FileChange> out;
  for (const char* n : names) out.push_back(FileChange{n, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  return out;
}

std::vector<PinBump> bumps(const std::string& title, const std::vector<FileChange>& changed = {},
                           const std::string& message = "", const std::string& repo = kBumpsRepo) {
  return detect_pin_bumps(title, title + (message.empty() ? "" : "\n\n" + message), changed, repo, WatchedProjects(kBumpsWatch));
}

TEST(ProjectMentions, PackageSpellingsNameTheirRepository) {
  auto m = WatchedProjects(kBumpsWatch).mentions("pin flashinfer-python==0.6.4, deep_gemm and nvidia-cutlass-dsl; flash-attn.");
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].repo, "flashinfer-ai/flashinfer");
  EXPECT_EQ(m[1].repo, "deepseek-ai/DeepGEMM");
  EXPECT_EQ(m[2].repo, "NVIDIA/cutlass");
  EXPECT_EQ(m[3].repo, "Dao-AILab/flash-attention");
}

TEST(ProjectMentions, ForksAndLongerWordsNameNothing) {
  EXPECT_TRUE(WatchedProjects(kBumpsWatch).mentions("Update vllm-flash-attn to the latest commit").empty());
  EXPECT_TRUE(WatchedProjects(kBumpsWatch).mentions("flashinfer_backend cutlassy").empty());
  // Only watched repositories count.
  EXPECT_TRUE(WatchedProjects({"NVIDIA/cutlass"}).mentions("bump flashinfer to 0.6.4").empty());
}

TEST(PinBumps, TitleWithVersion) {
  auto b = bumps("[Deps] Bump flashinfer to v0.6.4 (#35012)");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].upstream, "flashinfer-ai/flashinfer");
  EXPECT_EQ(b[0].version, "v0.6.4");

  b = bumps("update cutlass to v4.4.1");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].upstream, "NVIDIA/cutlass");
  EXPECT_EQ(b[0].version, "v4.4.1");

  b = bumps("[Build] Upgrade FlashInfer version to 0.6.4.post1 and nvidia-cutlass-dsl to 4.4.1", {}, "",
            "sgl-project/sglang");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].version, "0.6.4.post1");
  EXPECT_EQ(b[1].upstream, "NVIDIA/cutlass");
  EXPECT_EQ(b[1].version, "4.4.1");
}

TEST(PinBumps, TitleWithoutVersionNeedsADependencyFile) {
  auto b = bumps("upgrade deep_gemm", files({"cmake/external_projects/deepgemm.cmake"}));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].upstream, "deepseek-ai/DeepGEMM");
  EXPECT_FALSE(b[0].version);

  EXPECT_TRUE(bumps("upgrade deep_gemm", files({"vllm/model_executor/layers/fused_moe/deep_gemm_moe.py"})).empty());
  // The usual false friend: an update *of code that uses* the project.
  EXPECT_TRUE(bumps("[Attention] Update flashinfer attention backend for spec decode",
                    files({"vllm/v1/attention/backends/flashinfer.py"}))
                  .empty());
}

TEST(PinBumps, TheVerbMustGovernTheName) {
  auto b = bumps("FlashInfer version bump to 0.6.4");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].version, "0.6.4");
  b = bumps("[Build] Upgrade to the CUTLASS 4.4.1 release");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].version, "4.4.1");
  EXPECT_TRUE(bumps("[Test] Update tests for flashinfer 0.6.4 API changes").empty());
  EXPECT_TRUE(bumps("Update MLA docs; flashinfer 0.6.4 is required").empty());
}

TEST(PinBumps, VersionComesFromAMessageLineWhenTheTitleHasNone) {
  auto b = bumps("[Dependencies] Update kernel libraries", files({"requirements/cuda.txt"}),
                 "* bump flashinfer-python to 0.6.4\n* Signed-off-by: someone");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].upstream, "flashinfer-ai/flashinfer");
  EXPECT_EQ(b[0].version, "0.6.4");
}

TEST(PinBumps, ProseInTheMessageIsNotABump) {
  // The verb comes after the name: the message explains, it does not bump.
  EXPECT_TRUE(bumps("[Bugfix] Fix fp8 MoE on Hopper", {},
                    "This requires flashinfer 0.6.4 or newer, so I updated the version check.")
                  .empty());
}

TEST(PinBumps, OwnVersionBumpsAndRevertsAreNotCrossRepoSignals) {
  EXPECT_TRUE(bumps("Bump CUTLASS version to 4.4.0", files({"include/cutlass/version.h"}), "", "NVIDIA/cutlass").empty());
  EXPECT_TRUE(bumps("Revert \"Bump flashinfer to v0.6.4\" (#35100)", files({"requirements/cuda.txt"})).empty());
}

TEST(PinBumps, PrNumbersAndDatesAreNotVersions) {
  auto b = bumps("Bump flashinfer (#35012)", files({"docker/Dockerfile"}));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].version);
  b = bumps("Pin flashinfer nightly 2026-02-26", files({"setup.py"}));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].version);
}

TEST(PinBumps, DependencyFiles) {
  for (const char* f : {"requirements/cuda.txt", "requirements-rocm.txt", "pyproject.toml", "python/pyproject.toml",
                        "setup.py", "CMakeLists.txt", "cmake/external_projects/flashmla.cmake", "docker/Dockerfile.rocm",
                        "Dockerfile"})
    EXPECT_TRUE(is_dependency_file(f)) << f;
  for (const char* f : {"vllm/utils/flashinfer.py", "docs/requirements.md", "csrc/setup_utils.cpp"})
    EXPECT_FALSE(is_dependency_file(f)) << f;
}

TEST(PinBumps, NamesVersionMatchesWholeVersionTokens) {
  EXPECT_TRUE(names_version("v4.4.1 update", "4.4.1"));
  EXPECT_TRUE(names_version("Bump version to 0.6.4 (#2650)", "v0.6.4"));
  EXPECT_FALSE(names_version("v4.4.10 update", "4.4.1"));
  EXPECT_FALSE(names_version("Bump version to 0.6.4.post1", "0.6.4"));
  EXPECT_FALSE(names_version("Release notes for #441", "4.4.1"));
}

TEST(PinBumps, SameVersionIgnoresTheLeadingV) {
  EXPECT_TRUE(same_version("v0.6.4", "0.6.4"));
  EXPECT_TRUE(same_version("0.6.4", "V0.6.4"));
  EXPECT_FALSE(same_version("v0.6.4", "0.6.4.post1"));
  EXPECT_FALSE(same_version("", ""));
}

}  // namespace
}  // namespace infradigest
