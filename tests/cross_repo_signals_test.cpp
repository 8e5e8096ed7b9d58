// 影响评估 · 跨仓库信号 and the JSON/Markdown it feeds: a downstream pin bump
// cites both sides, adoption of a same-day release and its fixes is named
// only when the data shows it, shared tags name their items.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "composed_day_fixture.h"
#include "compose/composer.h"
#include "compose/cross_repo_signals.h"
#include "render/json_renderer.h"
#include "render/markdown_renderer.h"

namespace infradigest {
namespace {

using testing::at;
using testing::commit;
using testing::window;

const std::vector<std::string> kSignalsWatch = {"NVIDIA/cutlass", "flashinfer-ai/flashinfer", "sgl-project/sglang",
                                         "vllm-project/vllm"};

Release release(const std::string& repo, const std::string& tag, std::optional<std::string> notes = std::nullopt) {
  Release r;
  r.repo = repo;
  r.tag = tag;
  r.published_at = at("2026-02-26T03:00:00Z");
  r.body = std::move(notes);
  return r;
}

std::vector<Statement> cross_repo(const Report& r) {
  for (const auto& t : r.impact)
    if (t.key == "cross_repo") return t.statements;
  return {};
}

const Statement* mentioning(const std::vector<Statement>& list, const std::string& text) {
  for (const auto& s : list)
    if (s.plain_text().find(text) != std::string::npos) return &s;
  return nullptr;
}

// The result points into `list`, which must outlive it: no temporaries.
const Statement* mentioning(std::vector<Statement>&& list, const std::string& text) = delete;

const std::string kBump = "commit:vllm-project/vllm@" + std::string(40, 'b');
const std::string kRelease = "release:flashinfer-ai/flashinfer@v0.6.4";

TEST(CrossRepoSignals, DownstreamBumpCitesTheBumpAndTheSameDayRelease) {
  Activity day;
  day.commits.push_back(commit("vllm-project/vllm", 'b', "[Deps] Bump flashinfer to v0.6.4 (#35012)",
                               {"requirements/cuda.txt", "docker/Dockerfile"}));
  day.releases.push_back(release("flashinfer-ai/flashinfer", "v0.6.4"));
  for (Language lang : {Language::kZh, Language::kEn}) {
    Report r = compose_report(day, window(), kSignalsWatch, lang);
    ASSERT_EQ(r.dependency_updates.size(), 1u);
    EXPECT_EQ(r.dependency_updates[0].upstream, "flashinfer-ai/flashinfer");
    EXPECT_EQ(r.dependency_updates[0].version, "v0.6.4");
    EXPECT_EQ(r.dependency_updates[0].release_id, kRelease);
    const auto signals = cross_repo(r);
    const Statement* s = mentioning(signals, "flashinfer-ai/flashinfer");
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s->cites, (std::vector<std::string>{kBump, kRelease})) << s->plain_text();
    EXPECT_NE(s->plain_text().find("v0.6.4"), std::string::npos);
  }
  Report zh = compose_report(day, window(), kSignalsWatch, Language::kZh);
  EXPECT_NE(render_markdown(zh).find("**依赖联动**：vllm-project/vllm 将 flashinfer-ai/flashinfer 更新至 `v0.6.4`"),
            std::string::npos)
      << render_markdown(zh);
}

TEST(CrossRepoSignals, ABumpWithoutTheReleaseClaimsNoAdoption) {
  Activity day;
  day.commits.push_back(commit("sgl-project/sglang", 'c', "Upgrade nvidia-cutlass-dsl to 4.4.1", {"python/pyproject.toml"}));
  day.releases.push_back(release("flashinfer-ai/flashinfer", "v0.6.4"));  // another project's release
  Report r = compose_report(day, window(), kSignalsWatch, Language::kEn);
  ASSERT_EQ(r.dependency_updates.size(), 1u);
  EXPECT_EQ(r.dependency_updates[0].upstream, "NVIDIA/cutlass");
  EXPECT_FALSE(r.dependency_updates[0].release_id);
  const auto signals = cross_repo(r);
    const Statement* s = mentioning(signals, "moves NVIDIA/cutlass to");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->cites.size(), 1u);
  EXPECT_EQ(s->plain_text().find("adopted"), std::string::npos) << s->plain_text();
}

TEST(CrossRepoSignals, ABumpWithoutAVersionSaysSoInBothLanguages) {
  Activity day;
  day.commits.push_back(commit("vllm-project/vllm", 'd', "[Build] Upgrade DeepGEMM", {"cmake/external_projects/deepgemm.cmake"}));
  const std::vector<std::string> watch = {"deepseek-ai/DeepGEMM", "vllm-project/vllm"};
  Report zh = compose_report(day, window(), watch, Language::kZh);
  ASSERT_EQ(zh.dependency_updates.size(), 1u);
  EXPECT_FALSE(zh.dependency_updates[0].version);
  const auto zh_signals = cross_repo(zh);
  EXPECT_NE(mentioning(zh_signals, "vllm-project/vllm 更新了 deepseek-ai/DeepGEMM 依赖（[Build] Upgrade DeepGEMM）"), nullptr);
  Report en = compose_report(day, window(), watch, Language::kEn);
  const auto en_signals = cross_repo(en);
  EXPECT_NE(mentioning(en_signals, "vllm-project/vllm updates its deepseek-ai/DeepGEMM pin ([Build] Upgrade DeepGEMM)"),
            nullptr);
}

TEST(CrossRepoSignals, TheUpstreamVersionCommitStandsInForAMissingRelease) {
  Activity day;
  day.commits.push_back(commit("NVIDIA/cutlass", 'e', "v4.4.1 update (#3079)", {"include/cutlass/version.h"}));
  day.commits.push_back(commit("vllm-project/vllm", 'b', "[Build] update cutlass to v4.4.1", {"CMakeLists.txt"}));
  Report r = compose_report(day, window(), kSignalsWatch, Language::kEn);
  ASSERT_EQ(r.dependency_updates.size(), 1u);
  const std::string version_commit = "commit:NVIDIA/cutlass@" + std::string(40, 'e');
  EXPECT_EQ(r.dependency_updates[0].release_id, version_commit);
  const auto signals = cross_repo(r);
  const Statement* s = mentioning(signals, "adopted downstream");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->cites, (std::vector<std::string>{kBump, version_commit}));
}

TEST(CrossRepoSignals, FixesArePickedUpOnlyWhenTheDataLinksThem) {
  Activity day;
  // Upstream: a fix (#2627) that the release notes list, and one (#2630) they do not.
  day.commits.push_back(commit("flashinfer-ai/flashinfer", 'f', "fix: XQA crash on SM120 with page_size<64 (#2627)"));
  day.commits.push_back(commit("flashinfer-ai/flashinfer", 'g', "fix: typo in GDN docstring handling (#2630)"));
  day.releases.push_back(release("flashinfer-ai/flashinfer", "v0.6.4", "## What's Changed\n* fix: XQA crash (#2627)"));
  day.commits.push_back(commit("vllm-project/vllm", 'b', "Bump flashinfer to 0.6.4", {"requirements/cuda.txt"}));
  Report r = compose_report(day, window(), kSignalsWatch, Language::kEn);
  ASSERT_EQ(r.dependency_updates.size(), 1u);
  const std::string fix = "commit:flashinfer-ai/flashinfer@" + std::string(40, 'f');
  EXPECT_EQ(r.dependency_updates[0].picked_up_ids, std::vector<std::string>{fix});
  const auto signals = cross_repo(r);
    const Statement* s = mentioning(signals, "brings in upstream");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->cites, (std::vector<std::string>{kBump, kRelease, fix}));

  // Named by its repo-qualified PR number in the downstream message, without a release.
  Activity day2;
  day2.commits.push_back(commit("flashinfer-ai/flashinfer", 'f', "fix: XQA crash on SM120 (#2627)"));
  day2.commits.push_back(commit("vllm-project/vllm", 'b',
                                "Bump flashinfer to 0.6.4rc1\n\nPicks up flashinfer-ai/flashinfer#2627 for SM120.",
                                {"requirements/cuda.txt"}));
  Report r2 = compose_report(day2, window(), kSignalsWatch, Language::kEn);
  ASSERT_EQ(r2.dependency_updates.size(), 1u);
  EXPECT_EQ(r2.dependency_updates[0].picked_up_ids, std::vector<std::string>{fix});
  EXPECT_FALSE(r2.dependency_updates[0].release_id);
}

TEST(CrossRepoSignals, SharedTagsNameALinkedItemPerRepo) {
  Activity day;
  day.commits.push_back(commit("sgl-project/sglang", 'a', "[AMD] Enable cudagraph for aiter backend (#1)"));
  day.commits.push_back(commit("vllm-project/vllm", 'b', "[ROCm] Fix aiter rope on MI300 (#2)"));
  Report r = compose_report(day, window(), kSignalsWatch, Language::kEn);
  // In the report, 摘要 has linked these items already, so the signal names
  // them as text (still citing them); composed alone it links them.
  const std::vector<Statement> in_report = cross_repo(r);
  const Statement* named = mentioning(in_report, "AMD (hardware) moved in 2 repositories");
  ASSERT_NE(named, nullptr);
  EXPECT_NE(named->plain_text().find("Enable cudagraph for aiter backend"), std::string::npos) << named->plain_text();
  EXPECT_EQ(named->cites.size(), 2u);
  const std::vector<Statement> signals = compose_cross_repo_signals(r);
  const Statement* s = mentioning(signals, "AMD (hardware) moved in 2 repositories");
  ASSERT_NE(s, nullptr);
  int links = 0;
  for (const auto& span : s->spans) links += span.url.empty() ? 0 : 1;
  EXPECT_EQ(links, 2) << s->plain_text();
  EXPECT_EQ(s->cites.size(), 2u);
}

// 影响评估 stays about 15 lines: with little room left, fewer signals are
// named and the rest fold into the "more tags" line — never none named.
TEST(CrossRepoSignals, NameFewerSignalsWhenImpactHasLittleRoom) {
  Activity day;
  day.commits.push_back(commit("sgl-project/sglang", 'a', "[AMD] Enable cudagraph for aiter backend (#1)"));
  day.commits.push_back(commit("vllm-project/vllm", 'b', "[ROCm] Fix aiter rope on MI300 (#2)"));
  day.commits.push_back(commit("sgl-project/sglang", 'c', "[Qwen3] Fix Qwen3 MoE loading on Blackwell (#3)"));
  day.commits.push_back(commit("vllm-project/vllm", 'd', "[Qwen3] Qwen3 MoE support for Blackwell (#4)"));
  Report r = compose_report(day, window(), kSignalsWatch, Language::kEn);
  const auto all = compose_cross_repo_signals(r);
  ASSERT_GE(all.size(), 3u);
  LinkLedger ledger_two, ledger_none;
  const auto two = compose_cross_repo_signals(r, ledger_two, /*max_lines=*/2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].plain_text(), all[0].plain_text());
  EXPECT_NE(two[1].plain_text().find("more tags moved in several repositories"), std::string::npos) << two[1].plain_text();
  EXPECT_EQ(compose_cross_repo_signals(r, ledger_none, /*max_lines=*/0).size(), 2u);  // one named, the rest counted
}

// A docs fix that mentions Blackwell does not make Blackwell "move" in that repo.
TEST(CrossRepoSignals, DocsTestsAndCiDoNotMakeATagMove) {
  Activity day;
  day.commits.push_back(commit("NVIDIA/cutlass", 'a', "Corrected Mxf4 format references in Blackwell documentation",
                               {"media/docs/blackwell.md"}));
  day.commits.push_back(commit("vllm-project/vllm", 'b', "[CI] Add a Blackwell B200 test job", {".buildkite/test.yaml"}));
  day.commits.push_back(commit("sgl-project/sglang", 'c', "[Blackwell] Add FP8 MoE kernel for SM100 (#3)",
                               {"sgl-kernel/csrc/moe/fp8_sm100.cu"}));
  Report r = compose_report(day, window(), kSignalsWatch, Language::kEn);
  const std::vector<Statement> one_repo = cross_repo(r);
  EXPECT_EQ(mentioning(one_repo, "Blackwell (hardware) moved"), nullptr) << render_markdown(r);
  day.commits.push_back(commit("flashinfer-ai/flashinfer", 'd', "perf: faster Blackwell decode kernel (#4)",
                               {"csrc/decode_sm100.cu"}));
  r = compose_report(day, window(), kSignalsWatch, Language::kEn);
  const std::vector<Statement> signals = cross_repo(r);
  const Statement* s = mentioning(signals, "Blackwell (hardware) moved in 2 repositories");
  ASSERT_NE(s, nullptr) << render_markdown(r);
  EXPECT_EQ(s->cites.size(), 2u);
}

TEST(CrossRepoSignals, JsonListsDependencyUpdatesAndFigures) {
  Activity day;
  day.commits.push_back(commit("vllm-project/vllm", 'b', "[Deps] Bump flashinfer to v0.6.4", {"requirements/cuda.txt"}));
  day.releases.push_back(release("flashinfer-ai/flashinfer", "v0.6.4"));
  auto j = nlohmann::json::parse(render_json(compose_report(day, window(), kSignalsWatch, Language::kZh)));
  ASSERT_EQ(j["dependency_updates"].size(), 1u);
  EXPECT_EQ(j["dependency_updates"][0]["repo"], "vllm-project/vllm");
  EXPECT_EQ(j["dependency_updates"][0]["id"], kBump);
  EXPECT_EQ(j["dependency_updates"][0]["upstream"], "flashinfer-ai/flashinfer");
  EXPECT_EQ(j["dependency_updates"][0]["version"], "v0.6.4");
  EXPECT_EQ(j["dependency_updates"][0]["release"], kRelease);
  EXPECT_TRUE(j["figures"].is_array());
}

}  // namespace
}  // namespace infradigest
