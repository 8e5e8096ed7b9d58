// THE taxonomy table. Technical terms stay in English in both languages (the
// report's convention: "Blackwell", "MoE", "FlashAttention" are what readers
// search for), so most tags carry the same zh and en label; kinds, facets and
// components are plain words and are translated.
#include "analysis/taxonomy.h"

#include <algorithm>

namespace infradigest::taxonomy {

namespace {

using enum ChangeKind;
constexpr TagFacet kHardware = TagFacet::kHardware;
constexpr TagFacet kTechnique = TagFacet::kTechnique;
constexpr TagFacet kModel = TagFacet::kModel;

// clang-format off
constexpr KindEntry kKinds[] = {
    {kFeature, {"feature", "新功能", "Features"}},
    {kPerf, {"perf", "性能优化", "Performance"}},
    {kFix, {"fix", "问题修复", "Fixes"}},
    {kRevert, {"revert", "回滚", "Reverts"}},
    {kRelease, {"release", "版本发布", "Release"}},
    {kDeps, {"deps", "依赖更新", "Dependencies"}},
    {kRefactor, {"refactor", "重构", "Refactoring"}},
    {kTest, {"test", "测试", "Tests"}},
    {kCiBuild, {"ci/build", "CI/构建", "CI/build"}},
    {kDocs, {"docs", "文档", "Documentation"}},
    {kChore, {"chore", "其他", "Other"}},
};

constexpr FacetEntry kFacets[] = {
    {kHardware, {"hardware", "硬件", "hardware"}},
    {kTechnique, {"technique", "技术", "technique"}},
    {kModel, {"model", "模型", "model"}},
};

constexpr TagEntry kTags[] = {
    {kHardware, {"Hopper", "Hopper", "Hopper"}},
    {kHardware, {"Blackwell", "Blackwell", "Blackwell"}},
    {kHardware, {"Blackwell (consumer)", "Blackwell (consumer)", "Blackwell (consumer)"}},
    {kHardware, {"Ampere", "Ampere", "Ampere"}},
    {kHardware, {"AMD", "AMD", "AMD"}},
    {kHardware, {"Ascend NPU", "Ascend NPU", "Ascend NPU"}},
    {kHardware, {"Intel XPU", "Intel XPU", "Intel XPU"}},
    {kHardware, {"CPU", "CPU", "CPU"}},
    {kHardware, {"MUSA", "MUSA", "MUSA"}},
    {kTechnique, {"Attention", "Attention", "Attention"}},
    {kTechnique, {"FlashAttention", "FlashAttention", "FlashAttention"}},
    {kTechnique, {"MLA", "MLA", "MLA"}},
    {kTechnique, {"Sparse attention (NSA)", "Sparse attention (NSA)", "Sparse attention (NSA)"}},
    {kTechnique, {"XQA", "XQA", "XQA"}},
    {kTechnique, {"KV cache", "KV cache", "KV cache"}},
    {kTechnique, {"GEMM", "GEMM", "GEMM"}},
    {kTechnique, {"MoE", "MoE", "MoE"}},
    {kTechnique, {"EP", "EP", "EP"}},
    {kTechnique, {"Linear attention (GDN/Mamba)", "Linear attention (GDN/Mamba)", "Linear attention (GDN/Mamba)"}},
    {kTechnique, {"Quantization", "Quantization", "Quantization"}},
    // Number formats, kept apart from the quantization technique: kernel
    // engineers track FP8 and FP4 work by format (FP4 covers NVFP4 and MXFP4).
    {kTechnique, {"FP8", "FP8", "FP8"}},
    {kTechnique, {"FP4", "FP4", "FP4"}},
    {kTechnique, {"INT4", "INT4", "INT4"}},
    {kTechnique, {"INT8", "INT8", "INT8"}},
    {kTechnique, {"Speculative decoding", "Speculative decoding", "Speculative decoding"}},
    {kTechnique, {"Sampling", "Sampling", "Sampling"}},
    {kTechnique, {"Communication", "Communication", "Communication"}},
    {kTechnique, {"Parallelism", "Parallelism", "Parallelism"}},
    {kTechnique, {"torch.compile", "torch.compile", "torch.compile"}},
    {kTechnique, {"CUDA graphs", "CUDA graphs", "CUDA graphs"}},
    {kTechnique, {"JIT/DSL", "JIT/DSL", "JIT/DSL"}},
    {kTechnique, {"LoRA", "LoRA", "LoRA"}},
    {kTechnique, {"PD disaggregation", "PD disaggregation", "PD disaggregation"}},
    {kTechnique, {"KV offload", "KV offload", "KV offload"}},
    {kTechnique, {"Diffusion", "Diffusion", "Diffusion"}},
    {kTechnique, {"Multimodal", "Multimodal", "Multimodal"}},
    {kTechnique, {"TMA", "TMA", "TMA"}},
    {kTechnique, {"Weight sync/RL", "Weight sync/RL", "Weight sync/RL"}},
    {kModel, {"DeepSeek", "DeepSeek", "DeepSeek"}},
    {kModel, {"Qwen", "Qwen", "Qwen"}},
    {kModel, {"GLM", "GLM", "GLM"}},
    {kModel, {"Kimi", "Kimi", "Kimi"}},
    {kModel, {"Llama", "Llama", "Llama"}},
    {kModel, {"Gemma", "Gemma", "Gemma"}},
    {kModel, {"GPT-OSS", "GPT-OSS", "GPT-OSS"}},
    {kModel, {"MiniMax", "MiniMax", "MiniMax"}},
    {kModel, {"Mistral", "Mistral", "Mistral"}},
    {kModel, {"Nemotron", "Nemotron", "Nemotron"}},
    {kModel, {"Parakeet", "Parakeet", "Parakeet"}},
    {kModel, {"FLUX", "FLUX", "FLUX"}},
    {kModel, {"Wan", "Wan", "Wan"}},
    {kModel, {"InternVL", "InternVL", "InternVL"}},
};

// Precedence order (see components()).
constexpr Labelled kComponents[] = {
    {"tuned configs", "调优配置", "tuned configs"},
    {"docs", "文档", "docs"},
    {"tests", "测试", "tests"},
    {"benchmarks", "基准测试", "benchmarks"},
    {"ci/build", "CI/构建", "CI/build"},
    {"examples", "示例", "examples"},
    {"kernels", "内核", "kernels"},
    {"models", "模型实现", "model code"},
};

// Globs: '*' within a path segment, '**' across segments; a pattern without
// '/' matches the file name in any folder (path_glob.h).
constexpr ComponentRule kComponentRules[] = {
    // "E=128,N=96,device_name=NVIDIA_H200.json": measured tile choices, not code.
    {"tuned configs", "**/configs/*.json|**/tuned_configs/**|**/tuning_configs/**", ""},
    {"docs", "docs/**|doc/**|*.md|*.rst|*.ipynb|*.pdf|mkdocs*", "doc|docs|documentation|readme*|tutorial*|typo|typos|文档|教程|注释"},
    {"tests", "test/**|tests/**|**/test/**|**/tests/**|test_*.py|*_test.py|*_test.cc|*_test.cpp|*_test.cu|conftest.py", "test|tests|unit-test*|单元测试|测试"},
    {"benchmarks", "benchmarks/**|benchmark/**|**/benchmarks/**|bench_*", "benchmark|benchmarks|基准"},
    {"ci/build", ".github/**|.buildkite/**|.gitlab-ci*|docker/**|Dockerfile*|*.Dockerfile|*.dockerfile|CMakeLists.txt|*.cmake|cmake/**|setup.py|pyproject.toml|scripts/ci/**|.pre-commit-config.yaml|CODEOWNERS", "ci|dockerfile*|docker|cmake|wheel|wheels"},
    {"examples", "examples/**|**/examples/**", "example|examples|sample|samples|示例"},
    // Kernel sources, and the folders of the watched projects that hold kernels.
    {"kernels", "*.cu|*.cuh|*.ptx|csrc/**|**/csrc/**|**/kernels/**|**/kernel/**|sgl-kernel/**|**/jit_kernel/**|*_kernel.py|*_kernels.py|triton_kernel*.py|include/cutlass/**|include/cute/**|flash_attn/cute/**|hopper/**|flashinfer/**|deep_gemm/**|flash_mla/**|**/layers/attention/**|**/attention/backends/**|**/fused_moe/**",
     "kernel|kernels|mma|mma-sync|wgmma|umma|tcgen05|ptx|sass|tensor-core*|内核|算子"},
    {"models", "**/models/**", ""},
};
// clang-format on

}  // namespace

std::span<const KindEntry> kinds() { return kKinds; }
std::span<const FacetEntry> facets() { return kFacets; }
std::span<const TagEntry> tags() { return kTags; }
std::span<const Labelled> components() { return kComponents; }
std::span<const ComponentRule> component_rules() { return kComponentRules; }

bool is_peripheral_component(std::string_view component) {
  return component == "tuned configs" || component == "docs" || component == "tests" ||
         component == "benchmarks" || component == "ci/build" || component == "examples";
}

const Labelled& kind_entry(ChangeKind kind) {
  for (const KindEntry& k : kKinds)
    if (k.kind == kind) return k.label;
  return kKinds[std::size(kKinds) - 1].label;  // unreachable: every kind has a row
}

const Labelled& facet_entry(TagFacet facet) {
  for (const FacetEntry& f : kFacets)
    if (f.facet == facet) return f.label;
  return kFacets[1].label;  // unreachable: every facet has a row
}

std::optional<TagFacet> parse_facet(std::string_view name) {
  for (const FacetEntry& f : kFacets)
    if (f.label.name == name) return f.facet;
  return std::nullopt;
}

}  // namespace infradigest::taxonomy
