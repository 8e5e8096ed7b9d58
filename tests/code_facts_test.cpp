// The code-fact rules (analysis/code_facts.h) on small hand-picked patch
// excerpts — most from the real commits of ../shared/data/, one per rule —
// and, when that data is present, the backing rule over every fact of its
// 377 commits, checked here independently of the analyzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/classifier_evaluation.h"
#include "analysis/code_facts.h"
#include "analysis/patch_hunks.h"
#include "test_support.h"

namespace infradigest {
namespace code_facts_test {

Commit commit_with(std::vector<std::pair<std::string, std::string>> patches, const std::string& status = "modified") {
  Commit c;
  c.repo = "owner/name";
  c.sha = std::string(40, 'c');
  c.message = "change";
  for (auto& [file, patch] : patches) {
    FileChange f{file, status, 1, 1, std::nullopt};
    f.patch = patch;
    c.files.push_back(std::move(f));
  }
  return c;
}

std::vector<CodeFact> facts_of(const std::string& file, const std::string& patch) {
  return find_code_facts(commit_with({{file, patch}}));
}

const CodeFact* find(const std::vector<CodeFact>& facts, CodeFactKind kind, const std::string& name) {
  for (const auto& f : facts)
    if (f.kind == kind && f.name == name) return &f;
  return nullptr;
}

// flashinfer a337e42, the whole patch: the reference report's model line.
const char* kA337e42 = R"(@@ -818,7 +818,7 @@ class MxInt4BlockScaleMoe(Moe):
                 routing_method_type=routing_method_type,
                 tune_max_num_tokens=TUNE_MAX_NUM_TOKENS,
             )
-        return output.to(torch.float)
+        return output[0].to(torch.float)
 
     def compute_reference(self, args):
         return run_moe_reference_mxint4(args)
)";

TEST(PatchHunks, SplitsHunksWithHeaderAndSides) {
  auto hunks = parse_patch(kA337e42);
  ASSERT_EQ(hunks.size(), 1u);
  EXPECT_EQ(hunks[0].header, "class MxInt4BlockScaleMoe(Moe):");
  auto old_side = side_lines(hunks[0], Side::kOld);
  auto new_side = side_lines(hunks[0], Side::kNew);
  ASSERT_EQ(old_side.size(), new_side.size());
  EXPECT_EQ(old_side[3].text, "        return output.to(torch.float)");
  EXPECT_EQ(new_side[3].text, "        return output[0].to(torch.float)");
}

TEST(CodeFacts, OneLineReturnEditGivesBeforeAndAfter) {
  auto facts = facts_of("tests/moe/test_trtllm_gen_fused_moe.py", kA337e42);
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].kind, CodeFactKind::kReturnChanged);
  EXPECT_EQ(facts[0].scope, "MxInt4BlockScaleMoe");
  EXPECT_EQ(facts[0].before, "return output.to(torch.float)");
  EXPECT_EQ(facts[0].after, "return output[0].to(torch.float)");
  EXPECT_EQ(facts[0].rule, "stmt.return");
}

TEST(CodeFacts, ConditionEditNamesItsFunction) {
  // flashinfer ad94692, flashinfer/mla.py.
  auto facts = facts_of("flashinfer/mla.py", R"(@@ -83,8 +83,10 @@ def _check_trtllm_gen_mla_shape(
     elif kv_cache.ndim != 4:
         raise ValueError(f"Expected kv_cache.ndim == 3 or 4, got {kv_cache.ndim}")
 
-    if qk_nope_head_dim != 128:
-        raise ValueError(f"Expected qk_nope_head_dim == 128, got {qk_nope_head_dim}")
+    if not (qk_nope_head_dim == 128 or qk_nope_head_dim == 192):
+        raise ValueError(
+            f"Expected qk_nope_head_dim == 128 or 192, got {qk_nope_head_dim}"
+        )
     if kv_lora_rank != 512:
)");
  auto* f = find(facts, CodeFactKind::kConditionChanged, "_check_trtllm_gen_mla_shape");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->before, "if qk_nope_head_dim != 128:");
  EXPECT_EQ(f->after, "if not (qk_nope_head_dim == 128 or qk_nope_head_dim == 192):");
}

// One rule's case: a patch per file, the facts it must give (with their
// before/after/scope when the case says) and the ones it must not.
struct ExpectedFact {
  CodeFactKind kind;
  std::string name;
  std::optional<std::string> before = std::nullopt;
  std::optional<std::string> after = std::nullopt;
  std::optional<std::string> scope = std::nullopt;
};
struct RuleCase {
  const char* rule;
  std::vector<std::pair<std::string, std::string>> patches;  // file, patch
  std::vector<ExpectedFact> found;
  std::vector<ExpectedFact> not_found;
};

const RuleCase kRuleCases[] = {
    {"python functions added, removed, a moved one ignored; classes",
     {{"pkg/api.py", R"(@@ -1,9 +1,9 @@
-def old_helper(x):
-    return x
+def new_entry(q, k, v):
+    return q
 def moved(a):
-    pass
+    return a
-class Planner:
+class BatchPlanner:
)"}},
     {{CodeFactKind::kFunctionAdded, "new_entry"}, {CodeFactKind::kFunctionRemoved, "old_helper"},
      {CodeFactKind::kClassAdded, "BatchPlanner"}, {CodeFactKind::kClassRemoved, "Planner"}},
     {{CodeFactKind::kFunctionAdded, "moved"}}},  // a context line
    {"a rename needs the same parameters",
     {{"pkg/api.py", R"(@@ -1,3 +1,3 @@
-def get_workspace(device, size):
+def get_workspace_buffer(device, size):
     return None
)"}},
     {{CodeFactKind::kFunctionRenamed, "get_workspace_buffer", "get_workspace", "get_workspace_buffer"}},
     {{CodeFactKind::kFunctionAdded, "get_workspace_buffer"}, {CodeFactKind::kFunctionRemoved, "get_workspace"}}},
    // Shaped like flashinfer ad94692's tests/attention/test_trtllm_gen_mla.py.
    {"signature parameters and defaults across lines",
     {{"flash_attn/cute/interface.py", R"(@@ -219,9 +219,10 @@ import torch
 def flash_attn_func(
     q: torch.Tensor,
     k: torch.Tensor,
-    softmax_scale: float = 1.0,
-    window_size: int = -1,
+    softmax_scale: float = 0.5,
+    return_lse: bool = False,
+    num_splits: int = 1,
 ):
     pass
)"}},
     {{CodeFactKind::kParameterAdded, "return_lse", std::nullopt, std::nullopt, "flash_attn_func"},
      {CodeFactKind::kParameterAdded, "num_splits"},
      {CodeFactKind::kParameterRemoved, "window_size"},
      {CodeFactKind::kDefaultChanged, "softmax_scale", "1.0", "0.5"}},
     {}},
    // flash-attention 59635947 (#2271) flash_attn/cute/interface.py: the def is in the hunk
    // header; the second hunk is the body's call, whose arguments are no parameters.
    {"parameters where the hunk starts inside the signature",
     {{"flash_attn/cute/interface.py",
       "@@ -1446,6 +1457,7 @@ def flash_attn_func(\n     mask_block_cnt: Optional[torch.Tensor] = None,\n"
       "     mask_block_idx: Optional[torch.Tensor] = None,\n     block_size: Optional[Tuple[int, int]] = None,\n"
       "+    return_lse: bool = False,\n ):\n     return FlashAttnFunc.apply(\n         q,\n"
       "@@ -1465,6 +1477,7 @@ def flash_attn_func(\n         mask_block_cnt,\n         mask_block_idx,\n"
       "         block_size,\n+        return_lse,\n     )\n \n"},
      {"pkg/ops.py",
       "@@ -10,4 +10,4 @@ def gemm(\n     a: torch.Tensor,\n-    out_dtype: str = \"bf16\",\n-    legacy: bool = True,\n"
       "+    out_dtype: str = \"fp16\",\n ) -> torch.Tensor:\n"}},
     {{CodeFactKind::kParameterAdded, "return_lse", std::nullopt, "return_lse: bool = False", "flash_attn_func"},
      {CodeFactKind::kDefaultChanged, "out_dtype", "\"bf16\"", "\"fp16\"", "gemm"},
      {CodeFactKind::kParameterRemoved, "legacy", "legacy: bool = True", std::nullopt, "gemm"}},
     {{CodeFactKind::kParameterAdded, "out_dtype"}, {CodeFactKind::kParameterRemoved, "out_dtype"}}},
    {"a call's arguments in the body under a def header are no parameters",
     {{"flash_attn/cute/interface.py",
       "@@ -1465,6 +1477,7 @@ def flash_attn_func(\n         mask_block_cnt,\n         mask_block_idx,\n"
       "         block_size,\n+        return_lse,\n     )\n \n"}},
     {},
     {{CodeFactKind::kParameterAdded, "return_lse"}}},
    // flash-attention 99d0148 benchmarks/bench_sm90.py, and the two-line form.
    {"argparse flags on one line and on the next",
     {{"benchmarks/bench_sm90.py", R"(@@ -10,6 +10,10 @@ def main():
-    parser.add_argument("--rep", type=int, default=10)
+    parser.add_argument("--rep", type=int, default=30,
+                        help="repetitions")
+    parser.add_argument("--causal-only", action="store_true")
+    parser.add_argument(
+        "--hdim", type=int, nargs="+", default=[64, 96, 128],
+    )
-    parser.add_argument("--old-flag", action="store_true")
)"}},
     {{CodeFactKind::kCliFlagAdded, "--causal-only"}, {CodeFactKind::kCliFlagAdded, "--hdim"},
      {CodeFactKind::kCliFlagRemoved, "--old-flag"}, {CodeFactKind::kDefaultChanged, "--rep", "10", "30"}},
     {}},
    // flash-attention 10bbfd0 and 3f94643.
    {"environment variables read",
     {{"flash_attn/utils.py", R"(@@ -1,4 +1,4 @@
+    arch_override = os.environ.get("FLASH_ATTENTION_ARCH", None)
-USE_TRITON_ROCM = os.getenv("FLASH_ATTENTION_TRITON_AMD_ENABLE", "FALSE") == "TRUE"
+    if envs.VLLM_USE_DEEP_GEMM:
     x = 1
)"}},
     {{CodeFactKind::kEnvVarAdded, "FLASH_ATTENTION_ARCH"}, {CodeFactKind::kEnvVarAdded, "VLLM_USE_DEEP_GEMM"},
      {CodeFactKind::kEnvVarRemoved, "FLASH_ATTENTION_TRITON_AMD_ENABLE"}},
     {}},
    {"module constants and dataclass field defaults",
     {{"pkg/config.py", R"(@@ -1,8 +1,8 @@
-MAX_BATCH = 128
+MAX_BATCH = 256
 
 @dataclass
 class ServerArgs:
-    page_size: int = 16
+    page_size: int = 64
     attention_backend: Optional[str] = None
)"}},
     {{CodeFactKind::kConstantChanged, "MAX_BATCH", "128", "256"},
      {CodeFactKind::kDefaultChanged, "page_size", std::nullopt, "64", "ServerArgs"}},
     {}},
    {"CUDA kernels on their line or the next, comments ignored",
     {{"include/flashinfer/sampling.cuh", R"(@@ -10,6 +10,14 @@ namespace sampling {
-__global__ void SamplingFromProbKernel(DType* probs, IdType* output, uint32_t d,
+__global__ void SamplingFromProbKernel(DType* probs, IdType* output, bool* valid, uint32_t d,
+template <uint32_t BLOCK_THREADS>
+__global__ __launch_bounds__(BLOCK_THREADS) void RadixTopKKernel(float* x) {
+__global__ void
+ChainSpeculativeSamplingKernel(float* p) {
+// __global__ void NotAKernel(int x)
-__global__ void OldKernel(int x) {
)"}},
     {{CodeFactKind::kKernelAdded, "RadixTopKKernel"}, {CodeFactKind::kKernelAdded, "ChainSpeculativeSamplingKernel"},
      {CodeFactKind::kKernelRemoved, "OldKernel"}},
     {{CodeFactKind::kKernelAdded, "SamplingFromProbKernel"},  // on both sides
      {CodeFactKind::kKernelAdded, "NotAKernel"}}},
    {"C++ functions, ops and constexpr values; macro calls and calls are not functions",
     {{"csrc/tinygemm2.cu", R"(@@ -1,8 +1,10 @@
+void tinygemm2_op(TensorView a, TensorView b) {
+TVM_FFI_DLL_EXPORT_TYPED_FUNC(tinygemm2_op, flashinfer::tinygemm2::tinygemm2_op);
+  m.def("gemm_fp8(Tensor a, Tensor b) -> Tensor");
-  m.def("old_op", &old_op);
-  static constexpr uint32_t SchedulerPipelineStageCount = 3;
+  static constexpr uint32_t SchedulerPipelineStageCount = 4;
+  CHECK_INPUT(a);
+  return run(a, b);
)"}},
     {{CodeFactKind::kFunctionAdded, "tinygemm2_op"}, {CodeFactKind::kOpAdded, "tinygemm2_op"},
      {CodeFactKind::kOpAdded, "gemm_fp8"}, {CodeFactKind::kOpRemoved, "old_op"},
      {CodeFactKind::kConstantChanged, "SchedulerPipelineStageCount", "3", "4"}},
     {{CodeFactKind::kFunctionAdded, "CHECK_INPUT"}, {CodeFactKind::kFunctionAdded, "run"}}},
    // cutlass 3bb6e28 python/CuTeDSL/requirements.txt; flashinfer e3aa638 docker/Dockerfile.cu131.
    {"dependency pins in every build file",
     {{"python/CuTeDSL/requirements.txt", "@@ -1,2 +1,2 @@\n-nvidia-cutlass-dsl==4.4.0\n+nvidia-cutlass-dsl==4.4.1\n+einops\n"},
      {"pyproject.toml", "@@ -5,3 +5,3 @@ dependencies = [\n-    \"torch>=2.4\",\n+    \"torch>=2.6\",\n"},
      {"CMakeLists.txt",
       "@@ -1,5 +1,5 @@\n-find_package(CUDAToolkit 12.4 REQUIRED)\n+find_package(CUDAToolkit 12.8 REQUIRED)\n"
       " FetchContent_Declare(cutlass\n   GIT_REPOSITORY https://github.com/NVIDIA/cutlass\n-  GIT_TAG v4.3.0\n+  GIT_TAG v4.4.1\n"},
      {"docker/Dockerfile.cu131",
       "@@ -1,2 +1,2 @@\n-FROM nvidia/cuda:13.0.0-cudnn-devel-ubuntu24.04\n+FROM nvidia/cuda:13.1.1-cudnn-devel-ubuntu24.04\n"}},
     {{CodeFactKind::kDependencyChanged, "nvidia-cutlass-dsl", "==4.4.0", "==4.4.1"},
      {CodeFactKind::kDependencyAdded, "einops"},
      {CodeFactKind::kDependencyChanged, "torch"},
      {CodeFactKind::kDependencyChanged, "CUDAToolkit", std::nullopt, "12.8"},
      {CodeFactKind::kDependencyChanged, "cutlass", std::nullopt, "v4.4.1"},
      {CodeFactKind::kDependencyChanged, "nvidia/cuda", std::nullopt, "13.1.1-cudnn-devel-ubuntu24.04"}},
     {}},
    {"CUDA architectures added and removed",
     {{"setup.py", "@@ -1,3 +1,3 @@\n-    cc_flag += [\"-gencode\", \"arch=compute_90a,code=sm_90a\"]\n"
                   "+    cc_flag += [\"-gencode\", \"arch=compute_100a,code=sm_100a\"]\n"},
      {"scripts/build.sh", "@@ -1,2 +1,2 @@\n-export TORCH_CUDA_ARCH_LIST=\"9.0a 10.0a\"\n+export TORCH_CUDA_ARCH_LIST=\"9.0a 10.0a 12.0a\"\n"},
      {"CMakeLists.txt", "@@ -1,2 +1,2 @@\n-set(CMAKE_CUDA_ARCHITECTURES 90a)\n+set(CMAKE_CUDA_ARCHITECTURES 90a 100a)\n"}},
     {{CodeFactKind::kArchAdded, "sm_100a"}, {CodeFactKind::kArchRemoved, "sm_90a"},
      {CodeFactKind::kArchAdded, "12.0a"}, {CodeFactKind::kArchAdded, "100a"}},
     {{CodeFactKind::kArchAdded, "9.0a"}}},
    // flashinfer 635505f .github/workflows/release.yml: '12.9' is a CUDA version compared, not an arch.
    {"a CUDA version compared is no architecture",
     {{".github/workflows/release.yml",
       "@@ -1 +1 @@\n+          FLASHINFER_CUDA_ARCH_LIST: ${{ matrix.cuda < '12.9' && '9.0a 10.0a 12.0a' }}\n"}},
     {{CodeFactKind::kArchAdded, "12.0a"}},
     {{CodeFactKind::kArchAdded, "12.9"}}},
};

TEST(CodeFacts, EachRuleOnItsCase) {
  for (const auto& c : kRuleCases) {
    SCOPED_TRACE(c.rule);
    const auto facts = find_code_facts(commit_with(c.patches));
    for (const auto& want : c.found) {
      const CodeFact* f = find(facts, want.kind, want.name);
      ASSERT_NE(f, nullptr) << code_fact_kind_name(want.kind) << " " << want.name;
      if (want.before) {
        EXPECT_EQ(f->before, want.before) << want.name;
      }
      if (want.after) {
        EXPECT_EQ(f->after, want.after) << want.name;
      }
      if (want.scope) {
        EXPECT_EQ(f->scope, *want.scope) << want.name;
      }
    }
    for (const auto& unwanted : c.not_found)
      EXPECT_EQ(find(facts, unwanted.kind, unwanted.name), nullptr)
          << code_fact_kind_name(unwanted.kind) << " " << unwanted.name;
  }
}

TEST(CodeFacts, NewTestFunctionsAreCountedAndFilesListed) {
  auto c = commit_with({{"tests/test_mla.py", "@@ -0,0 +1,6 @@\n+def test_decode():\n+    pass\n+def test_prefill():\n"
                                              "+    pass\n+def helper():\n+    pass\n"}},
                       "added");
  auto facts = find_code_facts(c);
  auto* tests = find(facts, CodeFactKind::kTestsAdded, "2");
  ASSERT_NE(tests, nullptr);
  EXPECT_NE(find(facts, CodeFactKind::kFileAdded, "tests/test_mla.py"), nullptr);
  EXPECT_NE(find(facts, CodeFactKind::kFunctionAdded, "helper"), nullptr);
}

TEST(CodeFacts, MissingPatchesGiveNoCodeFactsAndFactsComeMostRelevantFirst) {
  Commit none = commit_with({{"a.py", ""}});
  none.files[0].patch.reset();
  EXPECT_TRUE(find_code_facts(none).empty());

  auto facts = facts_of("pkg/cli.py", "@@ -1,2 +1,2 @@\n+def _private_helper():\n-    parser.add_argument(\"--fast\")\n");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].kind, CodeFactKind::kCliFlagRemoved);
  EXPECT_EQ(facts[1].kind, CodeFactKind::kFunctionAdded);
}

TEST(CodeFacts, KindNamesRoundTrip) {
  for (auto name : {"function_added", "default_changed", "arch_removed", "return_changed", "tests_added"}) {
    auto kind = code_fact_kind_from_name(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_EQ(code_fact_kind_name(*kind), name);
  }
  EXPECT_FALSE(code_fact_kind_from_name("nonsense").has_value());
}

// The backing rule of code_facts.h, read straight from the raw patch text.
bool on_raw_lines(const std::string& patch, char sign, const std::string& text) {
  size_t pos = 0;
  while (pos < patch.size()) {
    size_t end = patch.find('\n', pos);
    if (end == std::string::npos) end = patch.size();
    if (pos < end && patch[pos] == sign &&
        std::string_view(patch).substr(pos + 1, end - pos - 1).find(text) != std::string_view::npos)
      return true;
    pos = end + 1;
  }
  return false;
}

std::string backing_problem(const Commit& c, const CodeFact& f) {
  const FileChange* file = nullptr;
  for (const auto& x : c.files)
    if (x.filename == f.file) file = &x;
  if (!file) return "names a file the commit does not change";
  if (f.kind == CodeFactKind::kFileAdded) return file->status == "added" ? "" : "file not added";
  if (f.kind == CodeFactKind::kFileRemoved) return file->status == "removed" ? "" : "file not removed";
  if (!file->patch) return "no patch";
  const std::string& p = *file->patch;
  switch (code_fact_shape(f.kind)) {
    case FactShape::kAdded:
      if (!on_raw_lines(p, '+', f.name)) return "name not on an added line";
      if (f.after && !on_raw_lines(p, '+', *f.after)) return "after not on an added line";
      return "";
    case FactShape::kRemoved:
      if (!on_raw_lines(p, '-', f.name)) return "name not on a removed line";
      if (f.before && !on_raw_lines(p, '-', *f.before)) return "before not on a removed line";
      return "";
    case FactShape::kChanged:
      if (!f.before || !on_raw_lines(p, '-', *f.before)) return "before not on a removed line";
      if (!f.after || !on_raw_lines(p, '+', *f.after)) return "after not on an added line";
      return "";
    case FactShape::kCount:
      return on_raw_lines(p, '+', "def test") ? "" : "no test function added";
    case FactShape::kFileStatus:
      return "";
  }
  return "unknown shape";
}

TEST(CodeFacts, EveryFactOnTheSharedCommitsIsBackedByItsPatch) {
  const std::filesystem::path data = testing::source_path("../shared/data/commits-2026-02-01_2026-03-15.jsonl");
  if (!std::filesystem::exists(data)) GTEST_SKIP() << "no shared data at " << data;
  auto commits = read_commit_lines(data.string());
  ASSERT_TRUE(commits.ok()) << commits.error().message;
  ASSERT_EQ(commits->size(), 377u);
  size_t total = 0;
  for (const auto& c : *commits)
    for (const auto& f : find_code_facts(c)) {
      ++total;
      auto problem = backing_problem(c, f);
      EXPECT_EQ(problem, "") << c.repo << "@" << c.sha->substr(0, 12) << " " << code_fact_kind_name(f.kind) << " "
                             << f.name << " (" << f.file << ") [" << f.rule << "]";
    }
  EXPECT_GT(total, 1000u);  // the rules do find facts on real patches
}

}  // namespace code_facts_test
}  // namespace infradigest
