// Classification of real titles (mostly from the 2026-02-26 reference report),
// false-positive guards, issues, reasons, and the matcher underneath.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "analysis/classification.h"
#include "analysis/classification_rules.h"
#include "analysis/keyword_matcher.h"
#include "analysis/title_parts.h"
#include "test_support.h"

namespace infradigest {
namespace {

using enum ChangeKind;

struct Case {
  std::string title;
  std::vector<std::string> files;
  std::optional<ChangeKind> kind;  // nullopt: the title gives no fair signal; only tags are checked
  std::vector<std::string> tags;   // must be present
  std::vector<std::string> absent = {};
};

std::vector<FileChange> to_files(const std::vector<std::string>& paths) {
  std::vector<FileChange> files;
  for (const std::string& p : paths) files.push_back(FileChange{p, "modified", 1, 1, std::nullopt});
  return files;
}

bool tag_from_rule_name(std::string_view name) {
  const auto& vocabulary = canonical_tags();
  return std::any_of(vocabulary.begin(), vocabulary.end(),
                     [&](const Tag& t) { return t.name == name; });
}

bool has_tag(const std::vector<Tag>& tags, std::string_view name) {
  return std::any_of(tags.begin(), tags.end(), [&](const Tag& t) { return t.name == name; });
}

std::string explain(const Classification& c) {
  std::string out = "kind=" + std::string(kind_name(c.kind)) + "\n";
  for (const std::string& r : c.reasons) out += "  " + r + "\n";
  return out;
}

void expect_case(const Case& k) {
  const Classification c = classify_text(k.title, "", to_files(k.files));
  SCOPED_TRACE(k.title + "\n" + explain(c));
  if (k.kind) {
    EXPECT_EQ(kind_name(c.kind), kind_name(*k.kind));
  }
  for (const std::string& t : k.tags) EXPECT_TRUE(has_tag(c.tags, t)) << "missing tag " << t;
  for (const std::string& t : k.absent) EXPECT_FALSE(has_tag(c.tags, t)) << "unexpected tag " << t;
}

// sgl-project/sglang commits listed verbatim in the reference report, with their files.
TEST(ClassifierReferenceReport, SglangCommits) {
  const std::vector<Case> cases = {
      {"[CI] Disable test_lora_update: Nutanix LoRA adapter removed from HuggingFace (#19527)",
       {"test/registered/lora/test_lora_update.py"},
       kCiBuild,
       {"LoRA"}},
      {"Fix nvfp4 weight update (#18085)",
       {"python/sglang/srt/layers/moe/moe_runner/flashinfer_trtllm.py",
        "python/sglang/srt/layers/quantization/modelopt_quant.py",
        "python/sglang/srt/layers/utils/common.py"},
       kFix,
       // Labelled MoE too; lost since a path alone needs half the change for
       // a technique tag (1 of these 3 files is MoE code): eval/README.md.
       {"Quantization", "Weight sync/RL"}},
      {"Fix nightly VLM accuracy: gemma3n TP fixes + removal, latency thresholds (#19401)",
       {"python/sglang/srt/models/gemma3n_causal.py", "python/sglang/srt/models/gemma3n_mm.py",
        "test/registered/eval/test_vlms_mmmu_eval.py"},
       kFix,
       {"Multimodal", "Gemma", "Parallelism"}},
      {"CI: use 'sglang serve' in CI tests (#18597)",
       {"python/sglang/cli/utils.py", "python/sglang/multimodal_gen/utils.py",
        "python/sglang/test/test_utils.py"},
       kCiBuild,
       {},
       {"Multimodal"}},
      {"[3/n] deepseek_v2.py Refactor: Migrate MLA forward method in deepseek_v2.py (#19122)",
       {"python/sglang/srt/models/deepseek_common/attention_backend_handler.py",
        "python/sglang/srt/models/deepseek_common/attention_forward_methods/forward_mla.py",
        "python/sglang/srt/models/deepseek_common/attention_forward_methods/forward_mla_fused_rope_rocm.py",
        "python/sglang/srt/models/deepseek_v2.py"},
       kRefactor,
       {"DeepSeek", "MLA"}},
      {"[AMD] Enable cudagraph for aiter nsa backend and add aiter impl for nsa pr… (#18526)",
       {"python/sglang/srt/layers/attention/nsa/triton_kernel.py",
        "python/sglang/srt/layers/attention/nsa_backend.py"},
       kFeature,
       {"AMD", "Sparse attention (NSA)", "CUDA graphs", "Attention"}},
      {"[HiCache] refactor page_first_direct io kernel (#18113)",
       {"sgl-kernel/csrc/kvcacheio/transfer.cu", "sgl-kernel/tests/test_kvcacheio.py"},
       kRefactor,
       {"KV offload"}},
      {"Fix BatchMLAPagedAttentionWrapper query/qo_inptr mismatch for EAGLE (#15601)",
       {"python/sglang/srt/layers/attention/trtllm_mla_backend.py"},
       kFix,
       {"MLA", "Attention", "Speculative decoding"}},
      {"Fix HiCacheNixl TypeError: mem_pool_host passed as file_path (#19517)",
       {"python/sglang/srt/mem_cache/storage/backend_factory.py"},
       kFix,
       {"KV offload"}},
      {"Remove gpt-oss hybrid swa gate for trtllm_mha (#19079)",
       {"python/sglang/srt/server_args.py"},
       kRefactor,
       {"GPT-OSS", "Attention"}},
      {"[AMD] Fix AMD CI test of TestToolChoiceLfm2Moe (#19113)",
       {".github/workflows/pr-test-amd-rocm720.yml", ".github/workflows/pr-test-amd.yml",
        "python/sglang/srt/layers/attention/aiter_backend.py",
        "python/sglang/srt/layers/attention/mamba/causal_conv1d.py",
        "scripts/ci/utils/slash_command_handler.py",
        "test/registered/lora/test_multi_lora_backend.py",
        "test/registered/openai_server/function_call/test_tool_choice.py", "test/run_suite.py"},
       kTest,
       {},
       // One LoRA file of eight does not make it a LoRA change; a test change
       // brings no hardware forward.
       {"LoRA", "AMD"}},
      {"Allow PR authors to use /rerun-failed-ci on their own PRs (#19496)",
       {"docs/developer_guide/contribution_guide.md", "scripts/ci/utils/slash_command_handler.py"},
       kCiBuild,
       {}},
      {"[diffusion] fix: MulAdd 4D path (shift indexing) (#18673)",
       {"python/sglang/jit_kernel/diffusion/triton/scale_shift.py"},
       kFix,
       {"Diffusion"}},
      {"[Diffusion] [NPU] [CI] fix CI performance (#19486)",
       {"python/sglang/multimodal_gen/runtime/platforms/npu.py",
        "python/sglang/multimodal_gen/test/server/ascend/perf_baselines_npu.json"},
       kCiBuild,
       {"Diffusion"},
       {"Multimodal", "Ascend NPU"}},  // CI brings no hardware forward
      {"[Qwen3-Next] Support gdn fused_rms_norm_gated (#19434)",
       {"python/sglang/srt/layers/attention/fla/fused_norm_gate.py",
        "python/sglang/srt/layers/attention/fla/kda.py", "python/sglang/srt/models/kimi_linear.py",
        "python/sglang/srt/models/qwen3_next.py"},
       kFeature,
       {"Qwen", "Linear attention (GDN/Mamba)"}},
      {"[diffusion] fix: Support default response_format=url in /v1/images/generations to avoid 400 errors "
       "when response_format is omitted (#19360)",
       {"docs/diffusion/api/openai_api.md",
        "python/sglang/multimodal_gen/runtime/entrypoints/openai/image_api.py"},
       kFix,
       {"Diffusion"}},
      {"[PD-Disagg][Fix] Remove 'test_external_dp_routing' from Rust Router constructor parameters. (#19492)",
       {"sgl-model-gateway/bindings/python/src/sglang_router/router.py"},
       kFix,
       {"PD disaggregation"}},
      {"[AMD] [MiniMax-M2.5 Day 0] Add MiniMax-M2.5 nightly accuracy test (#19443)",
       {".github/workflows/nightly-test-amd-rocm720.yml", ".github/workflows/nightly-test-amd.yml",
        "docs/basic_usage/minimax_m2.md",
        "docs/supported_models/text_generation/generative_models.md",
        "test/registered/amd/accuracy/mi30x/test_minimax_m25_eval_amd.py",
        "test/registered/amd/accuracy/mi35x/test_minimax_m25_eval_mi35x.py"},
       kTest,
       {},
       {"AMD", "MiniMax"}},  // an accuracy test is not model or hardware support
      {"[AMD] remove redundancy H2D op in aiter attention backend (#19416)",
       {"python/sglang/srt/layers/attention/aiter_backend.py"},
       kPerf,
       {"AMD", "Attention"}},
      {"[cache] add conservative estimation (#19482)",
       {"python/sglang/srt/managers/schedule_policy.py"},
       kFeature,
       {}},
      {"[AMD] Use `tilelang` as default NSA attention backend dispatch on AMD Instinct (#18319)",
       {"python/sglang/srt/layers/attention/nsa_backend.py", "python/sglang/srt/server_args.py"},
       kRefactor,
       {"AMD", "Sparse attention (NSA)", "JIT/DSL"}},
      {"[AMD] Merge Dockerfiles for ROCm (#19203)",
       {".github/workflows/pr-test-amd-rocm720.yml", ".github/workflows/release-docker-amd.yml",
        "docker/rocm.Dockerfile", "docker/rocm720.Dockerfile",
        "scripts/ci/amd/amd_ci_start_container.sh"},
       kCiBuild,
       {},
       {"AMD"}},
      {" [4/N] (Elastic EP) Back up Expert Weights in DRAM (#17374)",
       {"docs/advanced_features/server_arguments.md", "python/sglang/srt/elastic_ep/elastic_ep.py",
        "python/sglang/srt/elastic_ep/expert_backup_client.py",
        "python/sglang/srt/elastic_ep/expert_backup_manager.py",
        "python/sglang/srt/managers/scheduler.py", "test/manual/ep/test_mooncake_expert_backup.py"},
       std::nullopt,
       {"EP", "MoE"}},
      {"[NPU]kimi k2 thinking bugfix (#19387)",
       {"python/sglang/srt/layers/moe/fused_moe_triton/layer.py",
        "python/sglang/srt/layers/quantization/compressed_tensors/schemes/compressed_tensors_wNa16_moe.py"},
       kFix,
       {"Ascend NPU", "Kimi", "MoE", "Quantization"}},
      {"Add torch.compile support for qwen3-next on CPU (#12444)",
       {"python/sglang/srt/layers/attention/hybrid_linear_attn_backend.py",
        "python/sglang/srt/layers/attention/intel_amx_backend.py",
        "python/sglang/srt/mem_cache/memory_pool.py",
        "python/sglang/srt/model_executor/cpu_graph_runner.py",
        "sgl-kernel/csrc/cpu/torch_extension_cpu.cpp"},
       kFeature,
       {"torch.compile", "Qwen", "CPU"}},
      {"llama4 npu adapt (#17123)",
       {"python/sglang/srt/models/llama4.py", "python/sglang/srt/server_args.py",
        "test/registered/ascend/llm_models/test_ascend_llama4_scount_17b_16e.py"},
       kFeature,
       {"Llama", "Ascend NPU"}},
      {"[vlm][internVL] Support processor and embedding inputs for InternVL (#19127)",
       {"python/sglang/srt/models/internvl.py",
        "python/sglang/srt/multimodal/processors/internvl.py"},
       kFeature,
       {"Multimodal", "InternVL"}},
      {"[diffusion] model: Fix a performance bug in the Wan model about usp (#19340)",
       {"python/sglang/multimodal_gen/runtime/layers/usp.py",
        "python/sglang/multimodal_gen/runtime/models/dits/wanvideo.py"},
       kFix,
       {"Diffusion", "Wan", "Parallelism"}},
      {"[Perf] Eliminate the slice op for Flashinfer `trtllm_fp4_block_scale_moe` (#15731)",
       {"python/sglang/srt/layers/quantization/mxfp4.py"},
       kPerf,
       {"MoE", "Quantization"}},
      {"fix qwen3_vl visual module loading (#19333)",
       {"python/sglang/srt/models/qwen3_vl.py"},
       kFix,
       {"Qwen", "Multimodal"}},
      {"[Diffusion] Add SGL-D diffusion efficient kernel skills (#19473)",
       {".claude/skills/diffusion/use-efficient-diffusion-kernels.md"},
       kDocs,
       {"Diffusion"}},
      {"Fix missing StandardCombineInput import in BF16 flashinfer_trtllm MoE (#19400)",
       {"python/sglang/srt/layers/moe/moe_runner/flashinfer_trtllm.py"},
       kFix,
       {"MoE"}},
  };
  for (const Case& k : cases) expect_case(k);
}

// Dao-AILab/flash-attention, flashinfer-ai/flashinfer and NVIDIA/cutlass commits
// of the reference report, by their real English titles.
TEST(ClassifierReferenceReport, KernelLibraryCommits) {
  const std::vector<Case> cases = {
      {"fix mask mod bugs (#2276)",
       {"flash_attn/cute/block_sparse_utils.py", "flash_attn/cute/mask.py",
        "tests/cute/test_mask_mod.py"},
       kFix,
       {"Attention", "FlashAttention"}},
      {"[Fwd,Sm100] Fix tScS partitioning for score_mod",
       {"flash_attn/cute/flash_fwd_sm100.py"},
       kFix,
       {"Blackwell", "Attention"}},
      {"[Fwd,Sm100] Use pipeline abstraction for s0_s1_sequence",
       {"flash_attn/cute/flash_fwd_sm100.py"},
       kRefactor,
       {"Blackwell"}},
      {"[Fwd,Sm100] Set split_P_arrive as a tunable parameter",
       {"flash_attn/cute/blackwell_helpers.py", "flash_attn/cute/flash_fwd_sm100.py"},
       kPerf,
       {"Blackwell"}},
      {"[Fwd,Sm100] Use TmemAllocator",
       {"flash_attn/cute/flash_fwd_sm100.py"},
       kRefactor,
       {"Blackwell"}},
      {"[Fwd,Sm100] Use pipeline abstraction for mbar_P_full_2",
       {"flash_attn/cute/flash_fwd_sm100.py", "flash_attn/cute/pipeline.py"},
       kRefactor,
       {"Blackwell"}},
      {"[Fwd,Sm100] Use pipeline abstraction for O_full",
       {"flash_attn/cute/flash_fwd_sm100.py"},
       kRefactor,
       {"Blackwell"},
       {"Hopper"}},
      {"[cute] Add return_lse (#2271)",
       {"flash_attn/cute/interface.py"},
       kFeature,
       {"FlashAttention"}},
      {"fix: trtllm_mxint4_block_scale_moe unit test to index output list (#2627)",
       {"tests/moe/test_trtllm_gen_fused_moe.py"},
       kTest,  // every file is a test: the change fixes a test, not the library
       {"MoE", "Quantization", "INT4"}},
      {"support qk_nope_head_dim for 192 check for GLM-5 (#2607)",
       {"flashinfer/mla.py", "tests/attention/test_trtllm_gen_mla.py"},
       kFeature,
       {"MLA", "GLM"}},
      {"Perf: Optimize GDN decode pretranspose kernel for all batch sizes (#2588)",
       {"flashinfer/gdn_decode.py"},
       kPerf,
       {"Linear attention (GDN/Mamba)"}},
      {"fix: duplicate username bug in codeowners_analyzer.py (#2637)",
       {"scripts/codeowner_analyzer.py"},
       kFix,
       {}},
      {"v4.4.1 update (#3079)",
       {"CHANGELOG.md", "README.md", "examples/python/CuTeDSL/hopper/cta_norm.py",
        "include/cutlass/gemm/collective/sm90_mma_array_tma_gmma_ss_warpspecialized_fp8_blockwise_scaling.hpp"},
       kRelease,
       {},
       {"Communication"}},  // "collective" mainloops are not communication
      {"Fix register index bug in mma.sync.aligned.m16n8k16 (#2740)",
       {"include/cutlass/arch/mma_sm90.h"},
       kFix,
       {"GEMM", "Hopper"}},
      {"fix typo (#3012)",
       {"examples/cute/tutorial/blackwell/04_mma_tma_2sm_sm100.cu",
        "examples/cute/tutorial/blackwell/05_mma_tma_epi_sm100.cu"},
       kFix,
       {"Blackwell"}},
      {"Fix debug typo in sgemm_2.cu and sgemm_sm70.cu (#2678)",
       {"examples/cute/tutorial/sgemm_2.cu", "examples/cute/tutorial/sgemm_sm70.cu"},
       kFix,
       {"GEMM"}},
      {"Fix error in Blackwell document of referring to Mxf4 format as NVF4 (#2977)",
       {"media/docs/cpp/blackwell_functionality.md"},
       kDocs,
       {"Quantization", "FP4"},
       {"Blackwell"}},  // docs bring no hardware forward
      {"Fix example in CuTe tutorials (#2752)",
       {"media/docs/cpp/cute/02_layout_algebra.md"},
       kDocs,
       {}},
      {"fix typo in documentation (#2671)",
       {"tools/util/include/cutlass/util/host_tensor_planar_complex.h"},
       kDocs,
       {}},
      {"Fix typo in cute.nvgpu.warpgroup.mma doc (#2548)",
       {"python/CuTeDSL/cutlass/cute/nvgpu/warpgroup/mma.py"},
       kDocs,
       {}},
      {"Remove redundant dsl example. (#3074)",
       {"examples/python/CuTeDSL/blackwell/mla.py"},
       kRefactor,
       {"MLA", "Blackwell", "JIT/DSL"}},
  };
  for (const Case& k : cases) expect_case(k);
}

// vllm-project/vllm commits: the reference report describes them in Chinese, so
// these titles are English renderings of its descriptions, with its file paths.
TEST(ClassifierReferenceReport, VllmCommits) {
  const std::vector<Case> cases = {
      {"[ROCm] Fix aiter rope functionalization",
       {"vllm/compilation/passes/utility/fix_functionalization.py"},
       kFix,
       {"AMD", "torch.compile"}},
      {"[ROCm] Enable encoder and encoder-decoder on ROCm and AITER unified backends",
       {"docs/design/attention_backends.md",
        "vllm/v1/attention/backends/rocm_aiter_unified_attn.py",
        "vllm/v1/attention/backends/rocm_attn.py"},
       kFeature,
       {"AMD", "Attention"}},
      {"[Feature] Native weight syncing API: IPC",
       {"examples/offline_inference/new_weight_syncing/rlhf_ipc.py",
        "vllm/distributed/weight_transfer/ipc_engine.py",
        "tests/distributed/test_weight_transfer.py"},
       kFeature,
       {"Weight sync/RL", "Communication"}},
      {"[Bugfix] Fix batch invariance for GPT-OSS",
       {"vllm/model_executor/models/gpt_oss.py"},
       kFix,
       {"GPT-OSS"}},
      {"Only enable DP padding when cudagraph is actually used",
       {"vllm/v1/cudagraph_dispatcher.py"},
       std::nullopt,
       {"Parallelism", "CUDA graphs"}},
      {"[Misc] Add monkey-patch to prevent compiler write races",
       {"vllm/compilation/compiler_interface.py"},
       kFix,  // "[Misc]" files it under miscellany; the race says what it is
       {"torch.compile"}},
      {"[Bugfix] Fix pytree slice node caching",
       {"vllm/compilation/caching.py"},
       kFix,
       {"torch.compile"}},
      {"[Model Runner V2] Add kernel warmup", {"vllm/v1/worker/gpu/warmup.py"}, kFeature, {}},
      {"Support Parakeet as audio encoder for Nemotron-Nano-VL",
       {"vllm/model_executor/models/nano_nemotron_vl.py", "vllm/model_executor/models/parakeet.py",
        "vllm/transformers_utils/configs/parakeet.py"},
       kFeature,
       {"Parakeet", "Nemotron", "Multimodal"}},
      {"[Doc] Fix link to Llama chat template",
       {"docs/serving/openai_compatible_server.md"},
       kDocs,
       {},
       {"Llama"}},  // a docs link fix is not Llama model support
      {"Add @BoyuanFeng to CODEOWNERS", {".github/CODEOWNERS"}, kChore, {}},
      {"[Bugfix] Fix DCP + FA3 crash when num_splits is missing",
       {"vllm/v1/attention/backends/flash_attn.py"},
       kFix,
       {"FlashAttention", "Parallelism", "Attention"}},
      {"Revert \"[Model] Add GLM-OCR config\"",
       {"vllm/transformers_utils/configs/glm_ocr.py"},
       kRevert,
       {"GLM"}},
      {"[Kernel] Add FlashInfer + cuDNN backends for Qwen3 VL ViT attention",
       {"vllm/model_executor/layers/attention/mm_encoder_attention.py"},
       kFeature,
       {"Qwen", "Multimodal", "Attention"}},
      {"[Perf] Add tuned MoE configs for Qwen3MoE on H200",
       {"vllm/model_executor/layers/fused_moe/configs/E=128,N=96,device_name=NVIDIA_H200.json"},
       kPerf,
       {"MoE", "Qwen", "Hopper"}},
      {"Use sum instead of avg in async TP reduce-scatter",
       {"vllm/compilation/passes/fusion/collective_fusion.py"},
       std::nullopt,
       {"Parallelism", "Communication", "torch.compile"}},
  };
  for (const Case& k : cases) expect_case(k);
}

// Titles from the shared 2026-02/03 commit data that exercise precedence.
TEST(ClassifierPrecedence, RealTitlesFromSharedData) {
  const std::vector<Case> cases = {
      {"Revert \"fix(jit): GEMM kernels produce NaN under concurrency\" (#2737)",
       {"flashinfer/jit/gemm/core.py"},
       kRevert,
       {"GEMM"}},
      {"[Scheduler] Revert SingleTileScheduler to get block_idx",
       {"flash_attn/cute/tile_scheduler.py"},
       kRevert,
       {}},
      {"chore/feat: Add do_finalize to trtllm-gen fp8/f16 MoE APIs (#2548)",
       {"flashinfer/fused_moe/core.py"},
       kFeature,
       {"MoE", "FP8"},
       {"Quantization"}},  // an FP8 data type, not a quantization scheme
      {"chore: Update CODEOWNERS (#2286)", {".github/CODEOWNERS"}, kChore, {}},
      {"[Perf][Feature] Add SM103-specific schedulers for NVFP4 CUTLASS kernels (#2303)",
       {"csrc/fp4_gemm_cutlass_sm103.cu"},
       kPerf,
       {"Blackwell", "Quantization", "GEMM"}},
      {"Bump CUTLASS version to 4.4.0", {"include/cutlass/version.h"}, kRelease, {}},
      {"bump version to 0.6.4 (#2565)", {"CHANGELOG.md", "version.txt"}, kRelease, {}},
      {"Bump to 4.4.1 to avoid segfault (#2291)", {"flash_attn/cute/pyproject.toml"}, kDeps, {}},
      {"[Dep] Update quack dependency to 0.2.10", {"flash_attn/cute/pyproject.toml"}, kDeps, {}},
      {"Update Docker CI tags to 20260209-a2d3b39 (#2528)", {"ci/docker-tags.yml"}, kCiBuild, {}},
      {"Add sm90 guard to fence ptx (#2439)",
       {"csrc/nv_internal/tensorrt_llm/kernels/communicationKernels/moeAlltoAllKernels.cu"},
       kFix,
       {"Hopper", "Communication", "MoE"}},
      {"tests: bmm_fp8 for SM110 (#2538)",
       {"flashinfer/gemm/gemm_base.py", "tests/gemm/test_bmm_fp8.py"},
       kTest,
       {"GEMM", "FP8"},
       {"Blackwell (consumer)", "Quantization"}},
      {"Skip trtllm_alltoall tests on Thor (#2448)",
       {"tests/comm/test_trtllm_alltoall.py"},
       kTest,
       {"Communication"},
       {"Blackwell (consumer)"}},
      {"fix: allow fmha_v2_prefill_deepseek on SM121 (DGX Spark) (#2559)",
       {"flashinfer/prefill.py", "tests/attention/test_fmha_v2_prefill_deepseek.py"},
       kFix,
       {"Blackwell (consumer)", "DeepSeek", "Attention"}},
      {"SM120 forward pass (Blackwell GeForce / DGX Spark) (#2329)",
       {"flash_attn/cute/flash_fwd.py", "flash_attn/cute/flash_fwd_sm120.py"},
       std::nullopt,
       {"Blackwell (consumer)"},
       {"Blackwell"}},
      {"Support NVFP4 KV cache decode on SM120 (#2520)",
       {"csrc/xqa/mha.cu", "csrc/xqa/defines.h"},
       kFeature,
       {"Blackwell (consumer)", "KV cache", "Quantization", "XQA"}},
      {"Added missing padding (#2726)", {"flashinfer/fp4_quantization.py"}, kFix, {"Quantization"}},
      {"Fix Hopper tests (#2242)",
       {"flash_attn/cute/interface.py", "tests/cute/test_flash_attn.py"},
       kTest,
       {},
       {"Hopper"}},
      {"fix compute_block_sparsity usage in benchmark_mask_mod (#2221)",
       {"tests/cute/benchmark_mask_mod.py"},
       kTest,
       {}},
      {"Add FA4 publishing strategy (#2282)",
       {".github/workflows/README.md", ".github/workflows/publish-fa4.yml", "README.md"},
       kCiBuild,
       {"FlashAttention"}},
      {"[CI] Drop Pytorch 2.5, add Pytorch 2.10, add CUDA 13",
       {".github/workflows/_build.yml"},
       kCiBuild,
       {}},
      {"Fix changelog typo", {"CHANGELOG.md"}, kDocs, {}},
  };
  for (const Case& k : cases) expect_case(k);
}

TEST(ClassifierPrecedence, DocsTypoIsDocsEvenWithoutFiles) {
  EXPECT_EQ(classify_text("Fix typo in docs", "", {}).kind, kDocs);
  EXPECT_EQ(classify_text("fix: typo in docs", "", {}).kind, kFix);  // the explicit prefix wins
}

TEST(ClassifierPrecedence, NothingToGoOnIsChoreWithAReason) {
  const Classification c = classify_text("mma_scaled", "", {});
  EXPECT_EQ(c.kind, kChore);
  ASSERT_FALSE(c.reasons.empty());
  EXPECT_EQ(c.reasons.front(), "kind=chore: no kind rule fired (tags kept)");
}

TEST(ClassifierPrecedence, NewSourceFileBreaksSilenceAsFeature) {
  std::vector<FileChange> files = to_files({"src/cuda/tile/_ir/ops.py"});
  EXPECT_EQ(classify_text("mma_scaled", "", files).kind, kChore);
  files.front().status = "added";
  EXPECT_EQ(classify_text("mma_scaled", "", files).kind, kFeature);
}

TEST(ClassifierFalsePositives, TokenBoundariesGuardShortNames) {
  const std::vector<Case> cases = {
      {"Improve command line parsing", {}, std::nullopt, {}, {"AMD"}},
      // Packaging brings no hardware forward, and "amd64" is not AMD.
      {"Publish amd64 and arm64 wheels", {}, kCiBuild, {}, {"AMD", "CPU"}},
      {"Refactor relationship graph for shipping", {}, std::nullopt, {}, {"AMD"}},
      {"Add HIP kernels for paged attention", {}, kFeature, {"AMD", "Attention"}},
      {"Update author list and thorough docs", {}, std::nullopt, {}, {"Blackwell (consumer)"}},
      {"Use cp.async.bulk for loads", {}, std::nullopt, {}, {"Parallelism"}},
      {"Tune H200 configs", {}, std::nullopt, {"Hopper"}},
      {"Support H20", {}, std::nullopt, {"Hopper"}},
      {"Enable GB200 NVL72", {}, std::nullopt, {"Blackwell"}},
      {"Build sm_90a cubins", {}, std::nullopt, {"Hopper"}, {"Blackwell"}},
      {"[Fwd,Sm100] Clean up",
       {"flash_attn/cute/flash_fwd_sm100.py"},
       kRefactor,
       {"Blackwell"},
       {"Hopper"}},
      {"Smoke test for the Nano model", {}, std::nullopt, {}, {"MoE"}},
      {"Rebuild the Docker image", {}, kCiBuild, {}, {"Multimodal", "Diffusion"}},
      {"Edit the dataloader", {}, std::nullopt, {}, {"Diffusion"}},
      {"Fix MoEs with FusedMoE", {}, kFix, {"MoE"}},
      {"Wire up DeepEP low-latency mode", {}, std::nullopt, {"EP"}},
      {"Rework cutlass collective mainloop",
       {"include/cutlass/gemm/collective/sm90_mma.hpp"},
       std::nullopt,
       {"Hopper"},
       {"Communication"}},
  };
  for (const Case& k : cases) expect_case(k);
}

// A quarter means a quarter: 2 of 9 files (22%) is not enough, however many
// lines they carry. (Integer division used to round the bar down, so 1 of 7
// files tagged a refactor touching one sm100 file as Blackwell; measured on
// eval/labels.jsonl.) Those files must also carry half the changed lines.
TEST(ClassifierFalsePositives, PathTagsNeedAQuarterOfTheFiles) {
  std::vector<std::string> paths = {"a/lora/x.py"};
  for (int i = 0; i < 7; ++i) paths.push_back("core/f" + std::to_string(i) + ".py");
  // The LoRA files carry 100 lines each, the others 2.
  auto files = [&] {
    std::vector<FileChange> out = to_files(paths);
    for (FileChange& f : out)
      if (f.filename.find("lora") != std::string::npos) f.additions = 99;
    return out;
  };
  EXPECT_FALSE(has_tag(classify_text("Tidy", "", files()).tags, "LoRA"));  // 1 of 8
  paths.back() = "b/lora/y.py";
  EXPECT_TRUE(has_tag(classify_text("Tidy", "", files()).tags, "LoRA"));  // 2 of 8
  EXPECT_FALSE(has_tag(classify_text("Tidy", "", to_files(paths)).tags, "LoRA"))  // 2 of 8, 4 of 16 lines
      << "a quarter of the files with a quarter of the lines is not the change's topic";
  paths.push_back("core/f7.py");
  EXPECT_FALSE(has_tag(classify_text("Tidy", "", files()).tags, "LoRA"));  // 2 of 9
}

TEST(ClassifierFalsePositives, BuildRecipesAndFileNamesAreNotTechniques) {
  // flashinfer/jit/ holds how every kernel is built; CUTLASS names say how a kernel loads.
  Classification c = classify_text("perf: add fp4 GEMM tile configs and streamK scheduler for SM120",
                                   "", to_files({"flashinfer/jit/gemm/core.py",
                                                 "include/flashinfer/gemm/cutlass_gemm_configs.h"}));
  EXPECT_FALSE(has_tag(c.tags, "JIT/DSL")) << explain(c);
  EXPECT_TRUE(has_tag(classify_text("fix(jit): missing GDC flags", "", {}).tags, "JIT/DSL"));
  c = classify_text("Implement cutlass_fused_moe mxfp8", "",
                    to_files({"moe_gemm/launchers/moe_gemm_tma_ws_launcher.inl",
                              "moe_gemm/moe_gemm_template_dispatch_tma_ws.h"}));
  EXPECT_FALSE(has_tag(c.tags, "TMA")) << explain(c);
  EXPECT_TRUE(has_tag(classify_text("Racecheck cp.async.bulk false positive", "", {}).tags, "TMA"));
  // Linear attention lives under attention/ but is not softmax attention.
  c = classify_text("[Qwen3-Next] Support gdn fused_rms_norm_gated", "",
                    to_files({"python/sglang/srt/layers/attention/fla/fused_norm_gate.py",
                              "python/sglang/srt/layers/attention/fla/kda.py"}));
  EXPECT_FALSE(has_tag(c.tags, "Attention")) << explain(c);
  EXPECT_TRUE(has_tag(c.tags, "Linear attention (GDN/Mamba)")) << explain(c);
}

TEST(ClassifierTags, ImpliedTagsAreCanonicalAndExplained) {
  for (const rules::ImpliedTag& imply : rules::implied_tags()) {
    EXPECT_TRUE(tag_from_rule_name(imply.tag)) << imply.tag;
    EXPECT_TRUE(tag_from_rule_name(imply.implies)) << imply.implies;
  }
  const Classification c = classify_text("[FA3] Mark current main version as v3.0.0 stable", "",
                                         to_files({"hopper/__init__.py"}));
  EXPECT_TRUE(has_tag(c.tags, "FlashAttention")) << explain(c);
  EXPECT_TRUE(has_tag(c.tags, "Attention")) << explain(c);
  EXPECT_NE(std::find(c.reasons.begin(), c.reasons.end(),
                      "tag Attention: implied by FlashAttention"),
            c.reasons.end())
      << explain(c);
  EXPECT_TRUE(has_tag(classify_text("Wire up DeepEP low-latency mode", "", {}).tags, "MoE"));
}

TEST(ClassifierTags, SortedUniqueAndCanonical) {
  const Classification c = classify_text("[AMD] ROCm: fix aiter MI300 fp8 MoE on gfx942 (#1)", "",
                                         to_files({"python/sglang/srt/layers/moe/rocm_moe.py"}));
  EXPECT_TRUE(std::is_sorted(c.tags.begin(), c.tags.end()));
  EXPECT_EQ(std::adjacent_find(c.tags.begin(), c.tags.end()), c.tags.end());
  const auto& vocabulary = canonical_tags();
  for (const Tag& t : c.tags) {
    EXPECT_NE(std::find(vocabulary.begin(), vocabulary.end(), t), vocabulary.end()) << t.name;
  }
  EXPECT_EQ(
      std::count_if(c.tags.begin(), c.tags.end(), [](const Tag& t) { return t.name == "AMD"; }), 1);
}

TEST(ClassifierTags, EveryRuleNamesACanonicalTagOfItsFacet) {
  std::set<std::pair<TagFacet, std::string>> canonical;
  for (const Tag& t : canonical_tags()) canonical.insert({t.facet, t.name});
  std::set<std::pair<TagFacet, std::string>> used;
  for (const rules::TagRule& rule : rules::tag_rules()) {
    const std::pair<TagFacet, std::string> key{rule.facet, std::string(rule.tag)};
    EXPECT_TRUE(canonical.count(key)) << rule.tag;
    used.insert(key);
  }
  EXPECT_EQ(used, canonical);  // and no canonical tag lacks a rule
}

TEST(ClassifierReasons, NameTheRuleAndTheEvidence) {
  const Classification c = classify_text("perf: avoid hang in flash_fwd_sm100 with paged KV", "",
                                         to_files({"python/sglang/multimodal_gen/runtime/a.py"}));
  ASSERT_FALSE(c.reasons.empty());
  EXPECT_EQ(c.reasons.front(), "kind=perf: prefix \"perf:\"");
  auto has = [&](std::string_view r) {
    return std::find(c.reasons.begin(), c.reasons.end(), r) != c.reasons.end();
  };
  EXPECT_TRUE(has("tag Blackwell: keyword \"sm100\" in title")) << explain(c);
  EXPECT_TRUE(
      has("tag Diffusion: path \"multimodal_gen\" in python/sglang/multimodal_gen/runtime/a.py"))
      << explain(c);
  EXPECT_TRUE(has("(outranked) kind=fix: keyword \"hang\" in title")) << explain(c);
}

TEST(ClassifierReasons, MergeCommitsAreReadByTheirPullRequestTitle) {
  Commit commit;
  commit.repo = "NVIDIA/cutlass";
  commit.message =
      "Merge pull request #3022 from tridao/nvvm_fmin\n\n[Cute-DSL] Add cute.arch.fmin by calling nvvm";
  const Classification c = classify(commit);
  EXPECT_EQ(c.kind, kFeature) << explain(c);
  EXPECT_TRUE(has_tag(c.tags, "JIT/DSL"));
  EXPECT_EQ(c.reasons.front(), "title: taken from the merge commit body");
}

TEST(ClassifierPrecedence, SilentTitlesReadTheMessage) {
  // A paragraph or list item of the body may explain a title that says nothing.
  Classification c = classify_text(
      "[CuTe] Include broadcast dims in backward compile cache keys",
      "CuTe's mark_layout_dynamic() keeps stride=0 as a static constraint.\n\n"
      "Fix: include get_broadcast_dims() in compile_key_pre",
      {});
  EXPECT_EQ(c.kind, kFix) << explain(c);
  EXPECT_EQ(classify_text("Bf16 routed moe", "## Description\n\nAdd `trtllm_bf16_routed_moe` api", {})
                .kind,
            kFeature);
  // ... but not a wrapped line in the middle of a sentence, nor over a title verb.
  EXPECT_EQ(classify_text("gdn bf16 tolerance", "Keeps the kernel unchanged; only the\n"
                                                "implementation of the reference moves.",
                          {})
                .kind,
            kChore);
  EXPECT_EQ(classify_text("Refactor X", "Moves code.\n\nFix: y", {}).kind, kRefactor);
  // The message's opening, though, outranks the title's verb.
  EXPECT_EQ(classify_text("Refactor X", "Fix: y", {}).kind, kFix);
}

TEST(ClassifierPrecedence, UndoIsARevertAndAFenceIsAFix) {
  EXPECT_EQ(classify_text("fix: Undo fix to AutoTuner find_nearest_profile", "", {}).kind, kRevert);
  EXPECT_EQ(classify_text("[Bwd,Sm100] Add fence_view_async_shared before LSE release", "", {}).kind,
            kFix);
  EXPECT_EQ(classify_text("Create temp dir if not exist", "", {}).kind, kFix);
  EXPECT_EQ(classify_text("[Fwd,Sm100] Pass cta_layout_vmnk to pipelines", "", {}).kind, kRefactor);
}

TEST(ClassifierPrecedence, TunedKernelConfigsArePerf) {
  const Classification c = classify_text(
      "Add Qwen3MoE configs for H200", "",
      to_files({"vllm/model_executor/layers/fused_moe/configs/E=128,N=96,device_name=NVIDIA_H200.json"}));
  EXPECT_EQ(c.kind, kPerf) << explain(c);
  EXPECT_EQ(classify_text("为 H200 GPU 添加 Qwen3MoE 的调优 MoE 配置", "", {}).kind, kPerf);
}

TEST(ClassifierChinese, HyphensMissingAndHandle) {
  // Typeset titles use U+2011 NON-BREAKING HYPHEN: "pre‑commit", "GPT‑OSS".
  EXPECT_EQ(classify_text("修复 `gpu_worker.py` 的 pre\u2011commit 检查错误", "", {}).kind, kChore);
  EXPECT_TRUE(has_tag(classify_text("修复 GPT\u2011OSS 模型的 batch 不变性问题", "", {}).tags, "GPT-OSS"));
  EXPECT_EQ(classify_text("为 `RMSNormGated` 添加缺失的 `activation` 属性", "", {}).kind, kFix);
  EXPECT_EQ(classify_text("处理 Kimi 模型在推理结束时出现工具调用的情况", "", {}).kind, kFix);
  EXPECT_TRUE(has_tag(classify_text("移除序列并行时不必要的 `+rms_norm` 强制", "", {}).tags,
                      "Parallelism"));
}

TEST(ClassifierBreaking, SignalsAndNonSignals) {
  EXPECT_TRUE(classify_text("feat!: drop the v0 engine", "", {}).breaking);
  EXPECT_TRUE(classify_text("BREAKING: new config layout", "", {}).breaking);
  EXPECT_TRUE(classify_text("refactor: config", "BREAKING CHANGE: `--foo` is gone", {}).breaking);
  EXPECT_TRUE(classify_text("Remove deprecated --enable-foo flag", "", {}).breaking);
  EXPECT_TRUE(classify_text("Rename VLLM_USE_X env var to VLLM_X", "", {}).breaking);
  EXPECT_TRUE(classify_text("Drop support for Python 3.9", "", {}).breaking);
  EXPECT_TRUE(classify_text(
                  "[PD-Disagg][Fix] Remove 'test_external_dp_routing' from Rust Router constructor "
                  "parameters. (#19492)",
                  "", {})
                  .breaking);
  EXPECT_FALSE(classify_text("Remove redundant dsl examples. (#3071)", "", {}).breaking);
  EXPECT_FALSE(
      classify_text("Refactor binary_op functions to remove unused result parameter", "", {})
          .breaking);
  EXPECT_FALSE(
      classify_text("[CI] Disable test_lora_update: Nutanix LoRA adapter removed from HuggingFace",
                    "", {})
          .breaking);
  EXPECT_FALSE(classify_text("Fix X", "This PR has no breaking change.", {}).breaking);
}

TEST(ClassifierPullRequests, LabelsOnlyBreakSilence) {
  PullRequest pr;
  pr.repo = "vllm-project/vllm";
  pr.title = "Faster decode path";
  pr.labels = {"rocm", "documentation"};
  Classification c = classify(pr);
  EXPECT_EQ(c.kind, kPerf) << explain(
      c);  // the title's "Faster" beats a bot's "documentation" label
  EXPECT_TRUE(has_tag(c.tags, "AMD"));
  pr.title = "Qwen3 decode path";
  pr.labels = {"bug"};
  EXPECT_EQ(classify(pr).kind, kFix);
}

IssueClassification issue(const std::string& title, std::vector<std::string> labels = {}) {
  Issue i;
  i.repo = "sgl-project/sglang";
  i.title = title;
  i.labels = std::move(labels);
  return classify(i);
}

TEST(ClassifierIssues, ReferenceReportIssues) {
  auto c = issue(
      "[Bug] [Diffusion] FLUX.2-klein-9B image editing produces corrupted output with multi-GPU "
      "(`--num-gpus 8`)");
  EXPECT_EQ(c.kind, IssueKind::kBug);
  EXPECT_TRUE(c.severe);
  EXPECT_TRUE(has_tag(c.tags, "Diffusion"));
  EXPECT_TRUE(has_tag(c.tags, "FLUX"));

  c = issue("[Feature] Sglang FA4 Refactor");
  EXPECT_EQ(c.kind, IssueKind::kFeatureRequest);
  EXPECT_FALSE(c.severe);
  EXPECT_TRUE(has_tag(c.tags, "FlashAttention"));

  c = issue("[Feature] ModelOpt to CompressedTensors bridge");
  EXPECT_EQ(c.kind, IssueKind::kFeatureRequest);
  EXPECT_TRUE(has_tag(c.tags, "Quantization"));

  c = issue("[Question] Offload or Release?");
  EXPECT_EQ(c.kind, IssueKind::kQuestion);
  EXPECT_FALSE(c.severe);

  c = issue("[Question] Still have 5GB can not offload in SGLang diffusion");
  EXPECT_EQ(c.kind, IssueKind::kQuestion);
  EXPECT_FALSE(c.severe);
  EXPECT_TRUE(has_tag(c.tags, "Diffusion"));

  c = issue(
      "[Bug] KeyError: 'model.language_model.layers.8.mlp.down_proj.weight' on finetuned qwen2-vl-7b");
  EXPECT_EQ(c.kind, IssueKind::kBug);
  EXPECT_FALSE(c.severe);
  EXPECT_TRUE(has_tag(c.tags, "Qwen"));
  EXPECT_TRUE(has_tag(c.tags, "Multimodal"));

  c = issue(
      "[Feature] Helix (TP + CP) Parallelism: A2A Communication + Decoupled Attention/FFN Parallelism");
  EXPECT_EQ(c.kind, IssueKind::kFeatureRequest);
  EXPECT_TRUE(has_tag(c.tags, "Parallelism"));
  EXPECT_TRUE(has_tag(c.tags, "Communication"));

  c = issue("[Bug] ValueError: input_ids should be a list of lists for batch processing.");
  EXPECT_EQ(c.kind, IssueKind::kBug);
  EXPECT_FALSE(c.severe);
}

// Issues the reference report describes only in Chinese; English renderings.
TEST(ClassifierIssues, ParaphrasedReferenceIssues) {
  auto c = issue("[Cute][Test] Unit test `test_flash_attn_kvcache` hangs on B200");
  EXPECT_EQ(c.kind, IssueKind::kBug);
  EXPECT_TRUE(c.severe);
  EXPECT_TRUE(has_tag(c.tags, "Blackwell"));
  EXPECT_TRUE(has_tag(c.tags, "KV cache"));

  c = issue("XQA test fails with head_dim=256 and page_size<64 on SM120");
  EXPECT_EQ(c.kind, IssueKind::kBug);
  EXPECT_TRUE(c.severe);
  EXPECT_TRUE(has_tag(c.tags, "XQA"));
  EXPECT_TRUE(has_tag(c.tags, "Blackwell (consumer)"));

  c = issue(
      "How to store 2D tiles from accumulator registers to global memory using TMA on SM90A?");
  EXPECT_EQ(c.kind, IssueKind::kQuestion);
  EXPECT_TRUE(has_tag(c.tags, "TMA"));
  EXPECT_TRUE(has_tag(c.tags, "Hopper"));
}

TEST(ClassifierIssues, LabelsAndQuietTitles) {
  EXPECT_EQ(issue("Qwen3 output looks odd", {"bug"}).kind, IssueKind::kBug);
  EXPECT_EQ(issue("Roadmap Q2").kind, IssueKind::kFeatureRequest);
  EXPECT_EQ(issue("Weekly sync notes").kind, IssueKind::kOther);
  EXPECT_TRUE(issue("Illegal memory access in MLA decode").severe);
  EXPECT_TRUE(issue("NaN logits with FP8 KV cache").severe);
}

TEST(ClassifierNames, KindsAreAllListedOnceWithDistinctNames) {
  const auto& kinds = all_change_kinds();
  EXPECT_EQ(kinds.size(), 11u);
  std::set<std::string_view> names;
  for (ChangeKind k : kinds) names.insert(kind_name(k));
  EXPECT_EQ(names.size(), kinds.size());
  EXPECT_EQ(kind_name(kCiBuild), "ci/build");
  EXPECT_EQ(facet_name(TagFacet::kModel), "model");
  EXPECT_EQ(issue_kind_name(IssueKind::kFeatureRequest), "feature request");
}

// The whole shared data set, when present (a fresh clone does not have it).
TEST(ClassifierSharedData, EveryCommitGetsAKindWithReasons) {
  const std::filesystem::path data = testing::source_path("../shared/data/commits-2026-02-01_2026-03-15.jsonl");
  std::ifstream in(data);
  if (!in) {
    GTEST_SKIP() << "no shared data at " << data;
  }
  std::map<ChangeKind, int> kinds;
  int total = 0;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    Commit commit;
    commit.repo = j.at("repo").get<std::string>();
    commit.message = j.at("message").get<std::string>();
    for (const auto& f : j.at("files")) {
      FileChange file;
      file.filename = f.at("filename").get<std::string>();
      if (f.contains("status") && f["status"].is_string())
        file.status = f["status"].get<std::string>();
      commit.files.push_back(file);
    }
    const Classification c = classify(commit);
    EXPECT_FALSE(c.reasons.empty()) << commit.title();
    ++kinds[c.kind];
    ++total;
  }
  ASSERT_GT(total, 0);
  // Guard against a rule change that silently drops most commits into "chore".
  EXPECT_LT(kinds[kChore] * 5, total);
}

// --- the matcher and title anatomy underneath -------------------------------

TEST(ClassifierKeywordMatcher, TokenBoundaries) {
  EXPECT_TRUE(is_token_boundary("flash_fwd_sm100", 10));  // "_|sm100"
  EXPECT_TRUE(is_token_boundary("qwen3", 4));             // letter | digit
  EXPECT_TRUE(is_token_boundary("FusedMoE", 5));          // camelCase
  EXPECT_TRUE(is_token_boundary("BatchMLAPaged", 8));     // acronym | Word
  EXPECT_FALSE(is_token_boundary("command", 4));
  EXPECT_FALSE(is_token_boundary("AMDGPU", 3));  // inside an acronym run
}

TEST(ClassifierKeywordMatcher, Syntax) {
  const KeywordSet gpt_oss("gpt-oss");
  for (const char* text : {"GPT-OSS", "gpt_oss", "gptoss", "GPTOSS 120b", "GPT\u2011OSS", "GPT\u2010OSS"})
    EXPECT_TRUE(gpt_oss.find(text)) << text;
  const KeywordSet version("v#.#");
  ASSERT_TRUE(version.find("v4.4.1 update"));
  EXPECT_EQ(version.find("v4.4.1 update")->end, 4u);
  EXPECT_FALSE(version.find("v4 update"));
  EXPECT_TRUE(KeywordSet("*gemm").find("routergemm"));
  EXPECT_FALSE(KeywordSet("gemm").find("routergemm"));
  EXPECT_TRUE(KeywordSet("quant*").find("quantization"));
  EXPECT_FALSE(KeywordSet("quant").find("quantization"));
  EXPECT_TRUE(KeywordSet(".md").find("docs/README.md"));
  EXPECT_TRUE(KeywordSet("h20").find("H20 and"));
  EXPECT_FALSE(KeywordSet("h20").find("H200"));
  EXPECT_TRUE(KeywordSet("mla").find("BatchMLAPagedAttentionWrapper"));
  EXPECT_FALSE(KeywordSet("amd").find("command"));
  EXPECT_TRUE(KeywordSet("chore(deps)").matches_whole("chore(deps)"));
  EXPECT_FALSE(KeywordSet("chore").matches_whole("chore(deps)"));
}

TEST(ClassifierTitleParts, BracketsPrefixAndLead) {
  const std::string title = "[AMD] [Fwd,Sm100] (Elastic EP) fix(jit)!: Add thing";
  const TitleParts p = parse_title(title);
  std::vector<std::string> entries;
  for (const auto& e : p.bracket_entries) entries.emplace_back(e.text);
  EXPECT_EQ(entries, (std::vector<std::string>{"AMD", "Fwd", "Sm100"}));
  EXPECT_EQ(p.prefix_types, (std::vector<std::string>{"fix(jit)", "fix", "fix!"}));
  EXPECT_EQ(title.substr(p.lead), "Add thing");

  const TitleParts chore_feat = parse_title("chore/feat: Add x");
  EXPECT_EQ(chore_feat.prefix_types, (std::vector<std::string>{"chore/feat", "chore", "feat"}));

  EXPECT_TRUE(parse_title("Fix nightly VLM accuracy: gemma3n TP fixes").prefix_types.empty());
  EXPECT_TRUE(parse_title("see https://x.y/z").prefix_types.empty());
  const std::string merged = "[NPU]kimi k2 thinking bugfix";
  EXPECT_EQ(merged.substr(parse_title(merged).lead), "kimi k2 thinking bugfix");
}

}  // namespace
}  // namespace infradigest
