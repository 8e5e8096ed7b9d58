// Issue 16's classification cases: tags weigh their evidence (a path alone
// is weak for hardware and models; docs, CI and test changes bring no
// platform forward), number formats are tags of their own, the message is
// read before the title's verb decides, and retreats are flagged.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/classification.h"
#include "analysis/taxonomy.h"

namespace infradigest {
namespace classifier_evidence_test {
namespace {

using enum ChangeKind;

struct File {
  std::string path;
  int lines = 1;  // additions + deletions, split evenly
};

std::vector<FileChange> changed(const std::vector<File>& files) {
  std::vector<FileChange> out;
  for (const File& f : files)
    out.push_back(FileChange{f.path, "modified", f.lines - f.lines / 2, f.lines / 2, std::nullopt});
  return out;
}

bool tagged(const Classification& c, std::string_view name) {
  return std::any_of(c.tags.begin(), c.tags.end(), [&](const Tag& t) { return t.name == name; });
}

std::string why(const Classification& c) {
  std::string out = "kind=" + std::string(kind_name(c.kind)) + ", tags:";
  for (const Tag& t : c.tags) out += " [" + t.name + "]";
  for (const std::string& r : c.reasons) out += "\n  " + r;
  return out;
}

Classification of(std::string_view title, std::string_view body = {},
                  const std::vector<File>& files = {}) {
  return classify_text(title, body, changed(files));
}

TEST(ClassifierEvidence, PathHardwareAndModelTagsNeedMostOfTheChange) {
  // Touches kimi_linear.py, but the change is Qwen3-Next's GDN kernel.
  const auto qwen = of("[Qwen3-Next] Support gdn fused_rms_norm_gated (#19434)", "",
                       {{"python/sglang/srt/layers/attention/fla/fused_norm_gate.py", 120},
                        {"python/sglang/srt/layers/attention/fla/kda.py", 20},
                        {"python/sglang/srt/models/kimi_linear.py", 6}});
  EXPECT_TRUE(tagged(qwen, "Qwen")) << why(qwen);
  EXPECT_TRUE(tagged(qwen, "Linear attention (GDN/Mamba)")) << why(qwen);
  EXPECT_FALSE(tagged(qwen, "Kimi")) << why(qwen);

  // The same file as most of the change does make it Kimi work ...
  const auto kimi = of("Tidy the fused norm gate", "",
                       {{"python/sglang/srt/models/kimi_linear.py", 90},
                        {"python/sglang/srt/layers/attention/fla/fused_norm_gate.py", 10}});
  EXPECT_TRUE(tagged(kimi, "Kimi")) << why(kimi);
  // ... and so does a message that names it.
  const auto named = of("Tidy the fused norm gate", "Needed by Kimi Linear's decode path.",
                        {{"python/sglang/srt/layers/attention/fla/fused_norm_gate.py", 90},
                         {"python/sglang/srt/layers/attention/fla/kda.py", 50},
                         {"python/sglang/srt/models/kimi_linear.py", 10}});
  EXPECT_TRUE(tagged(named, "Kimi")) << why(named);

  // An sm100 example touched in passing is not Blackwell work.
  const auto passing = of("Fix the epilogue stride of the grouped GEMM", "",
                          {{"include/cutlass/gemm/kernel/gemm_grouped.hpp", 80},
                           {"examples/cute/tutorial/blackwell/05_mma_tma_epi_sm100.cu", 2}});
  EXPECT_FALSE(tagged(passing, "Blackwell")) << why(passing);

  // "[3/n] deepseek_v2.py Refactor" moves MLA code; one path says "cpu".
  const auto ds = of("[3/n] deepseek_v2.py Refactor: Migrate MLA forward method in deepseek_v2.py",
                     "",
                     {{"python/sglang/srt/models/deepseek_common/attention_forward_methods/"
                       "forward_mla.py", 300},
                      {"python/sglang/srt/models/deepseek_common/attention_forward_methods/"
                       "forward_mla_fused_rope_cpu.py", 40},
                      {"python/sglang/srt/models/deepseek_v2.py", 500}});
  EXPECT_EQ(ds.kind, kRefactor) << why(ds);
  EXPECT_TRUE(tagged(ds, "DeepSeek")) << why(ds);
  EXPECT_TRUE(tagged(ds, "MLA")) << why(ds);
  EXPECT_FALSE(tagged(ds, "CPU")) << why(ds);
}

// Any tag from paths alone needs most of the change, and tests, benchmarks
// and docs riding along are not what the change is about.
TEST(ClassifierEvidence, PathTagsComeFromTheChangesOwnCode) {
  // A helper in utils.py; the DeepSeek test and the prefill/gemm edits are in passing.
  const auto helper = of("feat: add is_sm12x_supported() helper for SM12x family detection", "",
                         {{"flashinfer/utils.py", 19},
                          {"flashinfer/prefill.py", 27},
                          {"flashinfer/gemm/gemm_base.py", 9},
                          {"tests/attention/test_fmha_v2_prefill_deepseek.py", 7}});
  EXPECT_FALSE(tagged(helper, "DeepSeek")) << why(helper);
  EXPECT_FALSE(tagged(helper, "GEMM")) << why(helper);
  EXPECT_FALSE(tagged(helper, "Attention")) << why(helper);
  EXPECT_TRUE(tagged(helper, "Blackwell (consumer)")) << why(helper);  // the title names SM12x

  // A folder that is most of the code still tags it, however large its tests.
  const auto moe = of("Tidy the routing kernel", "",
                      {{"flashinfer/fused_moe/core.py", 40}, {"tests/moe/test_routing.py", 200}});
  EXPECT_TRUE(tagged(moe, "MoE")) << why(moe);

  // A test-only change reads its tags from its tests.
  const auto test_only = of("Relax tolerance", "", {{"tests/moe/test_trtllm_gen_fused_moe.py", 4}});
  EXPECT_TRUE(tagged(test_only, "MoE")) << why(test_only);
}

// "test:", "[Testing]" or "add ... tests" yield when tests and benchmarks are
// under a quarter of the change; prose that is most of a change without a
// verb makes it docs.
TEST(ClassifierEvidence, TheFilesCheckTheTitlesTestAndDocsClaims) {
  const auto cache = of("[Cute][Testing] Add persistent compile cache for cutedsl AOT compilation", "",
                        {{"flash_attn/cute/cache_utils.py", 307}, {"tests/cute/test_mask_mod.py", 7}});
  EXPECT_EQ(cache.kind, kFeature) << why(cache);
  const auto fake = of("[Cute][Testing] Add fake tensor mode support for compile-only test passes", "",
                       {{"flash_attn/cute/interface.py", 193}, {"tests/cute/test_flash_attn.py", 158}});
  EXPECT_EQ(fake.kind, kTest) << why(fake);
  EXPECT_EQ(of("tests: add bias testing to nvfp4 moe", "", {{"tests/moe/test_moe.py", 89}}).kind, kTest);

  const auto notes = of("Update compute capability requirements", "",
                        {{"README.md", 21}, {"docs/source/quickstart.rst", 2}, {"src/cuda/tile/_stub.py", 2}});
  EXPECT_EQ(notes.kind, kDocs) << why(notes);
  // A verb still decides: "Fix" touching mostly a changelog is the fix it says.
  const auto fix = of("Fix dtype promotion of scalars", "",
                      {{"CHANGELOG.md", 30}, {"src/cuda/tile/_datatype.py", 4}});
  EXPECT_EQ(fix.kind, kFix) << why(fix);
}

TEST(ClassifierEvidence, DocsCiAndTestChangesBringNoHardwareOrModel) {
  const auto ci = of("CI: use 'sglang serve' in CI tests (#18597)", "",
                     {{"python/sglang/cli/utils.py", 10},
                      {"python/sglang/multimodal_gen/utils.py", 10},
                      {"python/sglang/test/test_utils.py", 10}});
  EXPECT_EQ(ci.kind, kCiBuild) << why(ci);
  EXPECT_FALSE(tagged(ci, "Diffusion")) << why(ci);

  const auto docs = of("[Doc] Fix link to Llama chat template", "",
                       {{"docs/serving/openai_compatible_server.md", 2}});
  EXPECT_EQ(docs.kind, kDocs) << why(docs);
  EXPECT_FALSE(tagged(docs, "Llama")) << why(docs);

  const auto test = of("[AMD] Add MiniMax-M2.5 nightly accuracy test", "",
                       {{"test/registered/amd/test_minimax_m25_eval_amd.py", 80}});
  EXPECT_EQ(test.kind, kTest) << why(test);
  EXPECT_FALSE(tagged(test, "AMD")) << why(test);
  EXPECT_FALSE(tagged(test, "MiniMax")) << why(test);

  // Housekeeping names no topic, however the title reads.
  const auto owners = of("Give knam codeowner override for Qwen3.5 (gdn) related directories", "",
                         {{"scripts/codeowner_overrides.json", 11}});
  EXPECT_EQ(owners.kind, kChore) << why(owners);
  EXPECT_TRUE(owners.tags.empty()) << why(owners);
}

TEST(ClassifierEvidence, NumberFormatsAreTagsApartFromQuantization) {
  for (const char* format : {"FP8", "FP4", "INT4", "INT8"}) {
    const auto& tags = taxonomy::tags();
    EXPECT_TRUE(std::any_of(tags.begin(), tags.end(),
                            [&](const taxonomy::TagEntry& t) { return t.label.name == format; }))
        << format;
  }
  const auto fp8 = of("fix: k_grouped_fp8_gemm_nt_contiguous crashes with n = 768 on H100 (#238)");
  EXPECT_TRUE(tagged(fp8, "FP8") && tagged(fp8, "GEMM") && tagged(fp8, "Hopper")) << why(fp8);
  EXPECT_FALSE(tagged(fp8, "Quantization")) << why(fp8);  // a data type, not a scheme

  const auto nvfp4 = of("Support NVFP4 KV cache decode on SM120 (#2520)");
  EXPECT_TRUE(tagged(nvfp4, "FP4") && tagged(nvfp4, "Quantization")) << why(nvfp4);
  EXPECT_FALSE(tagged(nvfp4, "FP8")) << why(nvfp4);

  const auto mx = of("feat: support mxfp4 & mxfp8 entrypoint for blackwell cutedsl dense gemm");
  EXPECT_TRUE(tagged(mx, "FP4") && tagged(mx, "FP8") && tagged(mx, "Quantization")) << why(mx);

  const auto w4a8 = of("fix: W4A8 autotune crash in cutlass_fused_moe profiler workspace");
  EXPECT_TRUE(tagged(w4a8, "INT4") && tagged(w4a8, "Quantization")) << why(w4a8);
  EXPECT_TRUE(tagged(of("Add an int8 SmoothQuant GEMM"), "INT8"));
  // The E8M0 scale type is neither FP8 nor FP4.
  EXPECT_FALSE(tagged(of("Add float8_e8m0fnu scale dtype"), "FP8"));
}

TEST(ClassifierEvidence, TheMessageIsReadBeforeTheTitleVerbDecides) {
  // The opening describes a bug: a fix, whatever the title's verb.
  EXPECT_EQ(of("Add tile parameter to SeqlenInfo creation (#2337)",
               "The bug triggers whenever ALL of these conditions are met:\n"
               "- SM90 GPU (H100, H200)\n- Variable-length sequences")
                .kind,
            kFix);
  // A bug story outranks the author's feat: type; PR templates are skipped.
  const auto story = of("feat: add a workspace option to the sampler",
                        "<!-- .github/pull_request_template.md -->\n## 📌 Description\n\n"
                        "Sampling crashes with an illegal memory access when probs hold NaN.");
  EXPECT_EQ(story.kind, kFix) << why(story);
  // So does an opening that says nothing changes in behaviour; a docs: type
  // (the author naming a side of the project) still stands.
  const auto nfc = of("feat: move the tile scheduler into its own module",
                      "No functional change; the scheduler is only moved.",
                      {{"src/scheduler.py", 120}, {"src/kernel.py", 80}});
  EXPECT_EQ(nfc.kind, kRefactor) << why(nfc);
  EXPECT_EQ(of("docs: explain the scheduler", "No functional change.").kind, kDocs);
  // A correctness fix without the word "fix".
  EXPECT_EQ(of("Add monkey-patch to prevent compiler write races").kind, kFix);
  EXPECT_EQ(of("添加 monkey‑patch 防止编译器写入竞争").kind, kFix);
  EXPECT_EQ(of("修复 Transformers 后端 3D rope 的 bug").kind, kFix);
  // Speed in the opening makes a "Use X" perf work.
  EXPECT_EQ(of("[Fwd,Sm100] Use NamedBarrier to signal softmax -> corr warps",
               "Instead of mbarrier. NamedBarrier has lower latency.")
                .kind,
            kPerf);
  // "fix:" touching only tests and benchmarks is a test change.
  EXPECT_EQ(of("fix: Fix memory bandwidth calculation in MLA benchmarks (#2479)", "",
               {{"benchmarks/bench_trtllm_gen_mla.py", 37}, {"benchmarks/routines/attention.py", 30}})
                .kind,
            kTest);
  // Steps of a series are features unless a verb says otherwise.
  EXPECT_EQ(of("[4/N] (Elastic EP) Back up Expert Weights in DRAM (#17374)").kind, kFeature);
  EXPECT_EQ(of("[3/n] deepseek_v2.py Refactor: Migrate MLA forward method").kind, kRefactor);
  // Siblings read alike.
  EXPECT_EQ(of("[Fwd,Sm100] Use TmemAllocator").kind, kRefactor);
  EXPECT_EQ(of("[Bwd,Sm100] Use TmemAllocator").kind, kRefactor);
  // Nothing to go on: "other", but the topic stays.
  const auto silent = of("[Fwd,Sm100] Gate mma with is_leader_cta", "",
                         {{"flash_attn/cute/flash_fwd_sm100.py", 6}});
  EXPECT_EQ(silent.kind, kChore) << why(silent);
  EXPECT_TRUE(tagged(silent, "Blackwell") && tagged(silent, "FlashAttention")) << why(silent);
}

TEST(ClassifierEvidence, NamesOfModelsAndDsls) {
  EXPECT_TRUE(tagged(of("DSv4 MTP kernel for the indexer"), "DeepSeek"));
  const auto lang = of("Lower tile loops", "", {{"python/experimental/cuda-lang/lowering.py", 40}});
  EXPECT_TRUE(tagged(lang, "JIT/DSL")) << why(lang);
  // "sglang/" is not a language folder.
  const auto sgl = of("Fix HiCacheNixl TypeError", "",
                      {{"python/sglang/srt/mem_cache/storage/backend_factory.py", 4}});
  EXPECT_FALSE(tagged(sgl, "JIT/DSL")) << why(sgl);
  // The matmuls inside an attention kernel are not GEMM work.
  const auto fa = of("[Fwd,Sm100] Tweak ptx for gemm", "",
                     {{"flash_attn/cute/blackwell_helpers.py", 320},
                      {"flash_attn/cute/flash_fwd_sm100.py", 74}});
  EXPECT_TRUE(tagged(fa, "FlashAttention")) << why(fa);
  EXPECT_FALSE(tagged(fa, "GEMM")) << why(fa);
}

TEST(ClassifierEvidence, RevertsAndRemovalsAreRetreats) {
  const auto revert = of("Revert \"[Model] Add GLM-OCR config\"", "",
                         {{"vllm/transformers_utils/configs/glm_ocr.py", 40}});
  EXPECT_EQ(revert.kind, kRevert);
  EXPECT_TRUE(revert.retreat);
  EXPECT_TRUE(tagged(revert, "GLM"));  // still about GLM, but not GLM moving forward
  const auto removal = of("Remove redundant dsl examples. (#3071)", "",
                          {{"examples/python/CuTeDSL/blackwell/mixed_input_gemm.py", 2674}});
  EXPECT_TRUE(removal.retreat) << why(removal);
  EXPECT_TRUE(of("移除序列并行时不必要的 `+rms_norm` 强制").retreat);
  EXPECT_FALSE(of("Add SM120 varlen attention support").retreat);
  // Removing an overhead or a wrong check moves the topic forward.
  const auto overhead = of("[AMD] remove redundancy H2D op in aiter attention backend");
  EXPECT_EQ(overhead.kind, kPerf) << why(overhead);
  EXPECT_FALSE(overhead.retreat) << why(overhead);
  const auto wrong_check = of("fix: remove the wrong head_dim assert in the MLA decode path");
  EXPECT_EQ(wrong_check.kind, kFix) << why(wrong_check);
  EXPECT_FALSE(wrong_check.retreat) << why(wrong_check);
}

TEST(ClassifierEvidence, FailureWordsMakeIssuesBugs) {
  Issue issue;
  issue.repo = "flashinfer-ai/flashinfer";
  issue.number = 2638;
  issue.title = "XQA 测试在 headdim=256 且 pagesize<64 时失败";
  const IssueClassification c = classify(issue);
  EXPECT_EQ(c.kind, IssueKind::kBug);
  EXPECT_TRUE(c.severe);
  issue.title = "服务运行一段时间后卡死";
  EXPECT_EQ(classify(issue).kind, IssueKind::kBug);
}

}  // namespace
}  // namespace classifier_evidence_test
}  // namespace infradigest
