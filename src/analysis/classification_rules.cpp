// The rule table. To change how something is classified, change a row here;
// classifier.cpp holds no vocabulary of its own. Word syntax: keyword_matcher.h.
#include "analysis/classification_rules.h"

namespace infradigest::rules {

namespace {

using enum ChangeKind;
using enum IssueKind;
using namespace precedence;

constexpr TagFacet kHardware = TagFacet::kHardware;
constexpr TagFacet kTechnique = TagFacet::kTechnique;
constexpr TagFacet kModel = TagFacet::kModel;

// Pattern builders, so each row reads as "where: words".
constexpr Pattern prefix(std::string_view words) {
  return {kTitle, Anchor::kPrefix, words, {}, {}};
}
constexpr Pattern bracket(std::string_view words) {
  return {kTitle, Anchor::kBracket, words, {}, {}};
}
constexpr Pattern lead(std::string_view words, std::string_view also = {}) {
  return {kTitle, Anchor::kLead, words, also, {}};
}
constexpr Pattern title(std::string_view words, std::string_view also = {},
                        std::string_view except = {}) {
  return {kTitle, Anchor::kAnywhere, words, also, except};
}
constexpr Pattern body(std::string_view words) { return {kBody, Anchor::kAnywhere, words, {}, {}}; }
constexpr Pattern label(std::string_view words) {
  return {kLabel, Anchor::kAnywhere, words, {}, {}};
}
constexpr Pattern every_path(std::string_view words) {
  return {kPath, Anchor::kEveryPath, words, {}, {}};
}
constexpr Pattern body_line(std::string_view words) {
  return {kBody, Anchor::kBodyLine, words, {}, {}};
}
constexpr Pattern summary(std::string_view words, std::string_view except = {}) {
  return {kBody, Anchor::kSummary, words, {}, except};
}
constexpr Pattern new_file(std::string_view words) {
  return {kAddedPath, Anchor::kAnywhere, words, {}, {}};
}
// Tag signals: the same words in the title, the labels and the changed paths.
constexpr Pattern text_or_path(std::string_view words, std::string_view except = {}) {
  return {kTitle | kLabel | kPath, Anchor::kAnywhere, words, {}, except};
}
constexpr Pattern text(std::string_view words, std::string_view except = {}) {
  return {kTitle | kLabel, Anchor::kAnywhere, words, {}, except};
}
constexpr Pattern path(std::string_view words) { return {kPath, Anchor::kAnywhere, words, {}, {}}; }

// The tables keep one row per line, however long.
// clang-format off

// ---------------------------------------------------------------------------
// Change kinds. Row order matters only between rows of equal precedence that
// hit the same place: "chore(deps):" is deps and "chore/feat:" is feature
// because those rows come before the chore row.
constexpr KindRule kKindRules[] = {
    // A revert undoes whatever it reverts, so nothing outranks it.
    {kReverts, kRevert, lead("revert|reverts|reverted|reverting")},
    {kReverts, kRevert, prefix("revert")},
    {kReverts, kRevert, bracket("revert")},
    {kReverts, kRevert, body("this-reverts-commit")},
    {kReverts, kRevert, lead("undo|undoes|undid|undoing")},  // "fix: Undo fix to X"

    // The author said so: conventional-commit prefixes.
    {kExplicitSide, kDeps, prefix("deps|dep|chore(deps)|build(deps)|fix(deps)|ci(deps)|chore(deps-dev)")},
    {kExplicitSide, kRelease, prefix("release|chore(release)")},
    {kExplicit, kFix, prefix("fix|fixes|fixed|bugfix|bug-fix|hotfix|bug")},
    {kExplicit, kPerf, prefix("perf|performance|optimize|optimization|opt")},
    {kExplicit, kFeature, prefix("feat|feature|features|new")},
    {kExplicitSide, kDocs, prefix("docs|doc|documentation")},
    {kExplicit, kRefactor, prefix("refactor|refactoring|cleanup|clean-up")},
    {kExplicitSide, kTest, prefix("test|tests|testing|bench|benchmark|benchmarks|unittest")},
    {kExplicitSide, kCiBuild, prefix("ci|build|docker|cmake|packaging|workflow|workflows")},
    {kExplicit, kChore, prefix("chore|style|lint|format")},
    // ... and bracket tags. [AMD], [Model], [Kernel] name an area, not a kind.
    {kExplicit, kFix, bracket("bugfix|bug-fix|fix|fixes|bug|hotfix")},
    {kExplicit, kPerf, bracket("perf|performance|optimization|optimize|speedup")},
    {kExplicit, kFeature, bracket("feature|feat|new-model|new-feature")},
    {kExplicitSide, kDocs, bracket("doc|docs|documentation")},
    {kExplicit, kRefactor, bracket("refactor|cleanup|clean-up|code-quality")},
    {kExplicitSide, kTest, bracket("test|tests|testing|bench|benchmark|benchmarks|unit-test*")},
    {kExplicitSide, kCiBuild, bracket("ci|build|ci-build|docker|cmake|ci-infra")},
    {kExplicitSide, kDeps, bracket("dep|deps|dependency|dependencies")},
    {kExplicitSide, kRelease, bracket("release")},
    {kExplicit, kChore, bracket("chore")},
    // "[Misc]", "misc:" file a change under miscellany: a hint, not a kind.
    {kLabelled, kChore, prefix("misc")},
    {kLabelled, kChore, bracket("misc|minor")},
    {kExplicit, kRefactor, bracket("nfc|nfci|no-functional-change")},

    // Version bumps: above the paths, because they touch build files by nature.
    // A release outranks a dependency bump: "Bump CUTLASS version" touching only version.h.
    {kReleases, kRelease, lead("v#.#", "release|update|tag|bump")},
    {kReleases, kRelease, lead("release|cut-release", "v#|#.#")},
    {kReleases, kRelease, lead("bump-version|update-version|set-version|version-bump|bump-the-version")},
    {kReleases, kRelease, lead("mark|tag", "v#.#")},
    {kReleases, kRelease, every_path("version.txt|version.h|version.hpp|version.py")},
    {kDependencies, kDeps, lead("bump|bumps|bumped|upgrade*|downgrade*|pin|pins|pinned|pinning|unpin")},
    {kDependencies, kDeps, lead("update|updates|updated", "to-v#|to-#.#")},
    {kDependencies, kDeps, title("dependency|dependencies|deps|requirements.txt|lockfile|uv.lock")},
    {kDependencies, kDeps, every_path("requirements*|uv.lock|poetry.lock|package-lock.json|constraints.txt")},

    // Every changed file in one bucket: harder evidence than a free-form verb
    // (a "Fix" that only touches docs is a docs change).
    {kOnlyPeripheralPaths, kChore, every_path("codeowners|codeowner-overrides.json|authorized-codeowner*|authors|.mailmap|license*")},
    // Tuned kernel configurations: "E=128,N=96,device_name=NVIDIA_H200.json".
    {kOnlyPaths, kPerf, {kPath, Anchor::kEveryPath, "fused-moe/configs/|fused-moe-triton/configs/|moe/configs/|tuned-configs/|tuning-configs/", ".json", {}}},
    // CI machinery before tests: .github/workflows/pr-test.yml is CI.
    {kOnlyPeripheralPaths, kCiBuild, every_path(".github/|.gitlab-ci*|.buildkite/|.circleci/|ci/|docker/|dockerfile*|.dockerfile|.dockerignore|.pre-commit-config.yaml|jenkinsfile|codecov*|.readthedocs*")},
    {kOnlyPeripheralPaths, kDocs, every_path("docs/|doc/|.md|.rst|.ipynb|readme*|changelog*|.pdf|mkdocs*")},
    {kOnlyPeripheralPaths, kTest, every_path("test/|tests/|testing/|test-*|*-test.py|*-test.cc|*-test.cpp|*-test.cu|conftest.py|pytest.ini|benchmarks/|benchmark/|bench-*")},
    // Build files: a version or dependency bump touches them by nature, so
    // these yield to the release and dependency rows above.
    {kOnlyPaths, kCiBuild, every_path(".github/|.gitlab-ci*|.buildkite/|.circleci/|ci/|docker/|dockerfile*|.dockerfile|.dockerignore|cmakelists.txt|.cmake|cmake/|setup.py|setup.cfg|pyproject.toml|makefile|.pre-commit-config.yaml|.gitignore|.gitattributes|.gitmodules|.clang-format|.clang-tidy|.sh|manifest.in|jenkinsfile|codecov*|.readthedocs*")},

    // The title is about documentation: "Fix typo in docs" is docs, not fix.
    {kTopic, kDocs, title("doc|docs|documentation|document|documents|documented|documenting|readme*|docstring*|tutorial*|changelog*|release-notes")},

    // Two words together mean more than either alone.
    {kPhrase, kPerf, title("eliminate*|remove|removes|removed|avoid*|skip|skips|reduce*|drop|cache|caches|caching|fuse|fuses|overlap*",
                           "op|ops|h2d|d2h|copy|copies|memcpy|sync|syncs|synchroniz*|overhead|launch|launches|allocation|allocations|host-to-device|device-to-host|round-trip*")},
    {kPhrase, kPerf, title("improve*|boost*|increase*|better|higher",
                           "perf|performance|throughput|latency|speed|bandwidth|occupancy|utilization|kernel-selection|heuristic*")},
    {kPhrase, kPerf, title("tuned", "config|configs|configurations")},
    {kPhrase, kFix, title("guard|guards|guarded")},
    {kPhrase, kFix, title("missing")},  // "Add missing padding" repairs an omission
    {kPhrase, kFix, title("if-not-exist|if-not-exists|if-it-does-not-exist|if-missing|when-missing")},
    // Adding a fence or barrier orders memory accesses: a race fix.
    {kPhrase, kFix, lead("add|adds|added|insert|inserts|inserted", "fence*|memory-barrier*")},
    {kPhrase, kTest, lead("add|adds|added|fix|fixes|skip|skips|disable|disables|enable|enables|re-enable|unskip|xfail|update|improve|parametrize|relax|loosen",
                          "test|tests|testing|unit-test*|test-case*|pytest*|e2e|tolerance|tolerances")},
    {kPhrase, kTest, title("pytest*|unit-test|unit-tests|flaky|test-suite*|xdist")},
    {kPhrase, kCiBuild, title("ci|github-action*|workflow|workflows|dockerfile*|docker|pre-merge|pypi|publish*|wheel|wheels|cmake|build-system|nightly-build*|ci-infra|ccache|sccache")},
    {kPhrase, kChore, title("codeowner*|co-owner*|code-owner*|code-authors|mailmap|pre-commit|precommit|lint|linting|linter|mypy|ruff|clang-format|yapf|isort|gitignore|license-header*|license-check")},

    // Verbs. The earliest one in the title wins: "Add X to fix Y" is a feature.
    // A title naming the failure is a fix whatever its verb: "Add monkey-patch
    // to prevent compiler write race" repairs a race.
    {kPhrase, kFix, title("bug|bugs|crash*|segfault*|hang|hangs|hanging|deadlock*|race|races|race-condition*|overflow*|underflow*|regression|oom|nan|illegal-memory*|illegal-address|mismatch*|wrong|incorrect*|broken|misalign*")},
    {kVerb, kFix, title("fix|fixes|fixed|fixing|bugfix*|bug-fix*|hotfix*|workaround*")},
    {kVerb, kFix, lead("correct|corrects|corrected|resolve*|handle|handles|prevent*|ensure*|restore*|repair*|patch|patches|fallback|fall-back|avoid*|guard")},
    {kVerb, kPerf, title("optimi*|speed-up*|speedup*|faster|accelerat*|perf|performance|throughput|tune|tunes|tuned|tuning|tunable|tweak*|fuse|fuses|fusing|fusion|overlap*|latency|vectoriz*|efficient|efficiency")},
    {kVerb, kFeature, lead("let|lets|add|adds|added|adding|support|supports|supported|supporting|enable|enables|enabled|enabling|implement*|introduc*|allow*|new|expose*|integrat*|extend*|enhanc*|improv*|initial|feat|feature|provide*|create|creates|init")},
    {kVerb, kFeature, title("support-for|new-model|day-0|day0|adapt|adapts|adaptation")},
    {kVerb, kRefactor, title("refactor*|clean-up|cleanup|cleanups|simplif*|restructur*|reorganiz*|rename*|dedup*|de-dup*|consolidat*|unify|unifies|decoupl*|modulariz*|abstraction|instead-of")},
    {kVerb, kRefactor, lead("don't-need|do-not-need|no-need|no-longer-need*")},
    {kVerb, kRefactor, lead("pass|passes|put|puts|have|has")},  // "Pass X to Y", "Have X be Y": plumbing
    {kPhrase, kRefactor, lead("update|updates|updated", "api|apis")},  // "Update api to cute.arch.X"
    {kVerb, kRefactor, lead("move|moves|moved|migrat*|port|ports|ported|replace*|extract*|split|splits|use|uses|using|switch|switches|remove|removes|removed|delete*|drop|drops|deprecat*|convert*|reuse*|inline|shorten*|rewrite*|rework*|factor-out|change|changes|changed")},

    // Chinese titles (reports and mirrors paraphrase titles in Chinese). CJK
    // text has no spaces, so these match anywhere; the earliest still wins.
    {kReverts, kRevert, title("回滚|撤销|还原")},
    {kTopic, kDocs, title("文档|教程|注释|拼写")},
    {kPhrase, kFix, title("缺失|缺少|遗漏")},  // "missing"
    {kPhrase, kPerf, title("调优|调好", "配置")},  // "tuned configs"
    {kPhrase, kFix, title("崩溃|竞争|竞态|死锁|越界|溢出|泄漏|错误|卡死|挂起")},  // the failure named
    {kVerb, kFix, title("修复|修正|纠正|防止|避免|处理")},
    {kVerb, kPerf, title("优化|加速|调优|提速|提升性能|提升吞吐|降低延迟|预热")},
    {kVerb, kFeature, title("支持|新增|添加|引入|实现|启用|增加|集成|补全")},
    {kVerb, kRefactor, title("重构|移除|删除|清理|简化|迁移|替换|改为|重命名|抽象|设为")},

    // PR labels: bots add many of them from the paths, so they only break silence.
    {kLabelled, kFix, label("bug|bugfix|fix")},
    {kLabelled, kPerf, label("performance|perf")},
    {kLabelled, kFeature, label("feature|enhancement|new-model|new-feature")},
    {kLabelled, kDocs, label("documentation|docs")},
    {kLabelled, kCiBuild, label("ci|build")},
    {kLabelled, kDeps, label("dependencies")},
    {kLabelled, kRefactor, label("refactor|cleanup")},
    {kLabelled, kTest, label("tests|testing")},
    {kLabelled, kRelease, label("release")},

    {kBugStory, kFix, summary("bug|bugs|crash|crashes|crashed|crashing|segfault*|illegal-memory*|wrong-result*|wrong-output*|incorrect-result*|incorrect-output*|root-cause|miscompil*")},
    // The message's opening describes a bug or a wrong result: that outranks
    // the title's verb ("Add tile parameter to X" whose message begins "The
    // bug triggers whenever ..."), though not an author's explicit type.
    {kSummary, kFix, summary("bug|bugs|crash|crashes|crashed|crashing|segfault*|hang|hangs|hanging|deadlock*|race-condition*|data-race*|incorrect|incorrectly|wrong|regression|regressions|illegal-memory*|overflow|overflows|underflow|underflows|fix|fixes|nan|nans|corrupt*|miscompil*|错误|崩溃|修复")},
    // ... or talks about speed ("NamedBarrier has lower latency").
    {kSummary, kPerf, summary("faster|speed-up*|speedup*|lower-latency|latency|throughput|overhead", "high-performance")},
    // ... or says nothing changes in behaviour: that outranks the author's
    // "feat:" as a bug story does, the message being the more specific claim.
    {kBugStory, kRefactor, summary("no-functional-change*|no-behavior-change*|no-behaviour-change*|nfc|pure-refactor*|behavior-is-unchanged|behaviour-is-unchanged|no-change-in-behavior")},
    // "[4/N] (Elastic EP) Back up ...": one step of a feature series, when no verb says otherwise.
    {kSeries, kFeature, title("[#/#]|[#/n]|(#/#)|(#/n)|part-#")},

    // The title said nothing, but the message does: "Fix: include ...", "* Add X api".
    {kBodyLine, kFix, body_line("fix|fixes|fixed|fixing|bugfix|bug-fix|hotfix|resolve|resolves|resolved")},
    {kBodyLine, kPerf, body_line("speed-up|speeds-up|speedup|faster|optimize|optimizes|optimized|optimise|optimises|optimised|accelerate|accelerates")},
    {kBodyLine, kFeature, body_line("add|adds|added|adding|support|supports|implement|implements|implemented|introduce|introduces|introduced|enable|enables")},

    // Nothing said anything, but new source files arrived.
    {kNewFile, kFeature, new_file(".py|.cu|.cuh|.cpp|.cc|.c|.h|.hpp|.jinja|.rs|.go")},
    // Last resort before "chore": the opening talks about bandwidth.
    {kSummaryHint, kPerf, summary("bandwidth|performance|perf")},
};

// ---------------------------------------------------------------------------
// Tags.
constexpr TagRule kTagRules[] = {
    // Hardware.
    {kHardware, "Hopper", text_or_path("hopper|sm-90|sm9x|h100|h200|h20|h800|gh200|wgmma|gmma")},
    {kHardware, "Blackwell", text_or_path("blackwell|sm-100|sm-103|sm10x|b200|b300|gb200|gb300|tcgen05|umma|tmem|cta-group",
                                          "blackwell-geforce|blackwell-consumer|blackwell-rtx")},
    {kHardware, "Blackwell (consumer)", text_or_path("sm-120|sm-121|sm12x|sm-110|sm11x|rtx-50*|rtx-pro*|geforce|dgx-spark|spark|thor|gb10|blackwell-consumer")},
    {kHardware, "Ampere", text_or_path("ampere|sm-80|sm-86|sm-87|sm8x|a100|a800|a10|a10g|a6000")},
    {kHardware, "AMD", text_or_path("amd|rocm*|hip|hipify*|hipblas*|aiter|mi2#|mi3#|gfx9*|gfx1#|instinct|radeon|rccl|composable-kernel|ck-tile",
                                    "amd64")},
    {kHardware, "Ascend NPU", text_or_path("npu|npus|ascend|cann|torch-npu|910b|910c")},
    {kHardware, "Intel XPU", text_or_path("xpu|xpus|gaudi*|hpu|habana|ipex|intel-gpu|intel-arc")},
    {kHardware, "CPU", text("amx|intel-amx|aarch64|arm64|x86|x86-64|avx512*|avx2|on-cpu|for-cpu|cpu-backend|cpu-kernel*")},
    {kHardware, "CPU", path("cpu|amx")},
    {kHardware, "CPU", label("cpu")},
    {kHardware, "MUSA", text_or_path("musa|mthreads|mtgpu|moore-threads")},

    // Kernels and techniques.
    // Linear attention lives under attention/ folders but is not softmax attention.
    {kTechnique, "Attention", text_or_path("attention|attn|fmha*|mha|mqa|gqa|paged-attention|sliding-window|swa|score-mod|mask-mod|flex-attention|flashattention|flash-attention*|flash-attn*|注意力",
                                           "linear-attention|linear-attn*|hybrid-linear*|lightning-attention|attention/fla|attention/mamba")},
    {kTechnique, "FlashAttention", text_or_path("flashattention|flash-attention*|flash-attn*|fa2|fa3|fa4|flash-fwd*|flash-bwd*")},
    {kTechnique, "MLA", text_or_path("mla|mlas|flashmla|flash-mla|latent-attention|multi-head-latent*")},
    {kTechnique, "Sparse attention (NSA)", text_or_path("nsa|dsa|sparse-attention|sparse-attn|sparse-mla|native-sparse*")},
    {kTechnique, "XQA", text_or_path("xqa*")},
    {kTechnique, "KV cache", text_or_path("kv-cache*|kvcache*|paged-kv*|kv-pool|kv-layout|page-size|pagesize|mem-cache|memory-pool|radix-cache|radix-tree|prefix-cach*|kv-block*|block-table*")},
    {kTechnique, "GEMM", text_or_path("*gemm|*gemms|matmul*|batchmatmul|bmm|mm-fp8|mm-fp4|mmfp4|mm-mxfp8|mm-bf16|mma-sync|cublas*")},
    {kTechnique, "MoE", text_or_path("moe|moes|fused-moe|mixture-of-experts|expert|experts|router-gemm*|routergemm*")},
    {kTechnique, "EP", text_or_path("ep|deepep|deep-ep|elastic-ep|expert-parallel*|eplb|wide-ep|moe-all-to-all*|moe-a2a*|专家并行")},
    {kTechnique, "Linear attention (GDN/Mamba)", text_or_path("gdn|gated-delta*|delta-rule|mamba*|ssm|ssu|selective-state*|kda|linear-attention|linear-attn|lightning-attention|causal-conv1d|kimi-linear|hybrid-linear*|fla/|rwkv")},
    // The technique: quantizing, scales, block-scaled and weight-only formats.
    // A plain FP8 or FP4 data type is a number format (below), not quantization.
    {kTechnique, "Quantization", text_or_path("quant*|nvfp4|mxfp4|mxfp8|mxfp6|mxf4|mxf8|mxint4|mxint8|w4a8|w4a16|w8a8|w8a16|wna16|w4afp8|awq|gptq|e8m0*|block-scale*|blockscale*|blockwise|block-wise|mma-scaled|scaled-mma|scaled-mm|scale-factor*|modelopt|compressed-tensors*|smoothquant|bitsandbytes|nf4")},
    // Number formats. FP4 covers NVFP4 and MXFP4; the E8M0 scale type is neither.
    {kTechnique, "FP8", text_or_path("fp8|fp8e4m3|fp8e5m2|mxfp8|nvfp8|mxf8|e4m3*|e5m2*|float8*|w4afp8|w8a8-fp8", "float8-e8m0*")},
    {kTechnique, "FP4", text_or_path("fp4|nvfp4|mxfp4|mxf4|nvf4|e2m1*|float4*|w4a4|fp4-quant*")},
    {kTechnique, "INT4", text_or_path("int4|mxint4|uint4|w4a8|w4a16|w4afp8|awq|gptq")},
    {kTechnique, "INT8", text_or_path("int8|mxint8|w8a8-int8|smoothquant|i8mm")},
    {kTechnique, "Speculative decoding", text_or_path("speculative*|spec-decod*|spec-dec|specdec|eagle*|mtp|draft-model*|drafter|nextn|medusa|lookahead-decod*")},
    {kTechnique, "Sampling", text_or_path("sampling|sampler*|top-k|top-p|topk|topp|min-p|rejection-sampl*|logits-processor*")},
    {kTechnique, "Communication", text_or_path("nccl|rccl|all-reduce*|allreduce*|all-gather*|allgather*|reduce-scatter*|all-to-all|alltoall*|a2a|nvshmem*|mnnvl|nvlink|multimem|communication*|comm|collective-fusion|collectives|custom-ar|deepep|p2p|ipc|symm-mem|symmetric-memory")},
    {kTechnique, "Parallelism", text_or_path("tp|dp|pp|tp-size|dp-size|parallelism|tensor-parallel*|data-parallel*|pipeline-parallel*|context-parallel*|sequence-parallel*|usp|ulysses|ring-attention|dcp|pcp|helix|dp-attention|multi-gpu|multi-node|序列并行|张量并行|数据并行|流水线并行|上下文并行")},
    {kTechnique, "torch.compile", text_or_path("torch-compile|inductor|dynamo|torchdynamo|piecewise|compilation/|compile-pass*|fx-graph|fx-tracing|aot-autograd|functionaliz*")},
    {kTechnique, "CUDA graphs", text_or_path("cuda-graph*|cudagraph*|graph-capture|piecewise-cuda-graph*")},
    // In paths only DSL sources count: a jit/ or aot.py file is how a library builds any kernel.
    // Compiling without a GPU ("fake tensors", "compile-only") is DSL machinery too.
    {kTechnique, "JIT/DSL", text("cute-dsl*|cutedsl*|dsl|dsls|tvm-ffi*|jit|jit-cache|aot|tilelang|tile-lang|helion|cutile*|cuda-tile*|nvrtc|nvvm|mlir|cute-arch|cute-math|fake-tensor*|compile-only|compile-cache*|compilation-cache*|cpu-only-compil*|tileiras|tile-ir|bytecode|cuda-lang*|triton-lang")},
    // A DSL's own folder: python/CuTeDSL, cuda/tile, experimental/cuda-lang, tilelang.
    {kTechnique, "JIT/DSL", path("cute-dsl*|cutedsl*|tvm-ffi*|tilelang|tile-lang|helion|cutile*|cuda-tile*|cuda/tile|cuda-lang*|triton-lang|dsl/")},
    {kTechnique, "LoRA", text_or_path("lora|loras|qlora|multi-lora")},
    {kTechnique, "PD disaggregation", text_or_path("pd|pd-disagg*|disagg*|disaggregat*|epd|pd-separation|prefill-decode-disagg*")},
    {kTechnique, "KV offload", text_or_path("hicache*|hi-cache|mooncake*|nixl*|lmcache*|kv-offload*|kv-cache-offload*|offload-kv*|kvcacheio|hf3fs|3fs|kv-connector*|mem-cache/storage")},
    {kTechnique, "Diffusion", text_or_path("diffusion|dit|dits|multimodal-gen|image-gen*|video-gen*|text-to-image|text-to-video|image-to-video|image-edit*|images/generations|sgl-d|flux*|wan|wan2*|wanvideo|hunyuan-video|stable-diffusion|sdxl|sd3|vae|denois*")},
    {kTechnique, "Multimodal", text("multimodal|multi-modal*|vlm|vlms|vl|vision|vit|omni|audio|speech|asr|video|mm-encoder*|visual|mllm|ocr|whisper",
                                    "multimodal-gen*")},
    {kTechnique, "Multimodal", path("multimodal/|multimodal.py|vlm|vl|vision|vit|audio|omni|mm-encoder*|visual|whisper|ocr")},
    // Not from paths: CUTLASS-style file names ("sm90_gemm_tma_warpspecialized") name how a kernel loads.
    {kTechnique, "TMA", text("tma|cp-async-bulk*")},
    {kTechnique, "Weight sync/RL", text_or_path("rl|rlhf|weight-sync*|weights-sync*|weight-transfer*|weights-transfer*|update-weight*|weight-update*|weights-update*|verl|slime|rollout*")},

    // Models.
    {kModel, "DeepSeek", text_or_path("deepseek*|deep-seek*|dsr#|ds-r#|dsv#*|ds-v#*")},
    {kModel, "Qwen", text_or_path("qwen*")},
    {kModel, "GLM", text_or_path("glm*|chatglm*")},
    {kModel, "Kimi", text_or_path("kimi*|moonshot*")},
    {kModel, "Llama", text_or_path("llama*")},
    {kModel, "Gemma", text_or_path("gemma*")},
    {kModel, "GPT-OSS", text_or_path("gpt-oss*")},
    {kModel, "MiniMax", text_or_path("minimax*")},
    {kModel, "Mistral", text_or_path("mistral*|mixtral*|devstral*|magistral*|pixtral*")},
    {kModel, "Nemotron", text_or_path("nemotron*")},
    {kModel, "Parakeet", text_or_path("parakeet*")},
    {kModel, "FLUX", text_or_path("flux*")},
    {kModel, "Wan", text_or_path("wan|wan2*|wanvideo|wan-video")},
    {kModel, "InternVL", text_or_path("internvl*|intern-vl*")},
};

// ---------------------------------------------------------------------------
// Breaking changes: something users rely on goes away or changes its name.
constexpr FlagRule kBreakingRules[] = {
    {title("breaking|breaking-change*|backward-incompatible|bc-breaking|api-break*")},
    {prefix("*!")},  // "feat!:"
    {body("breaking-change:")},
    {title("drop-support*|dropped-support|no-longer-support*|end-of-support")},
    // Leading verb only: "Refactor X to remove an unused parameter" breaks nothing.
    {lead("remove*|rename*|drop|drops|dropped|dropping|delete*|deprecat*",
           "flag|flags|option|options|env|env-var*|environment-variable*|argument*|arg|args|kwarg*|api|apis|parameter*|param|params|cli|config-key*|deprecated|pytorch-#|torch-#|python-#|cuda-#")},
    // An environment variable by its project prefix: "Rename VLLM_ATTENTION_BACKEND".
    {lead("remove*|rename*|drop|drops|dropped|dropping|delete*|deprecat*", "vllm_*|sglang_*|sgl_*|flashinfer_*")},
};

// ---------------------------------------------------------------------------
// New support: a feature that brings a platform or a model to the project.
// The verb must meet a hardware/model tag or one of the subject words, so
// "Support fp8 output" is a feature but not new support (classifier.cpp).
constexpr FlagRule kSupportRules[] = {
    {title("support|supports|supported|supporting|enable|enables|enabled|adapt|adapts|adapted|adaptation|day-0|day0|支持|启用|适配")},
};
constexpr FlagRule kSupportSubjectRules[] = {
    {title("model|models|模型|hardware|硬件|gpu|gpus|platform|platforms|平台")},
};

// A new user-facing API: what callers build on.
constexpr FlagRule kNewApiRules[] = {
    {lead("add|adds|added|introduce|introduces|introduced|expose|exposes|exposed|new", "api|apis")},
    {title("引入|新增|添加|暴露", "api|apis|接口")},
    // A feature that changes only a package's public entry file adds to what
    // callers can pass or get back (flash-attention's "add return_lse").
    {every_path("/interface.py|/api.py")},
};

// ---------------------------------------------------------------------------
// Issues.
constexpr IssueKindRule kIssueKindRules[] = {
    {kExplicit, kBug, bracket("bug|bugs|bug-report|bugfix|regression|crash")},
    {kExplicit, kFeatureRequest, bracket("feature|feature-request|feat|rfc|proposal|enhancement|new-model|model-request|roadmap")},
    {kExplicit, kQuestion, bracket("question|usage|help|how-to|discussion")},
    {kExplicit, kOther, bracket("doc|docs|documentation|installation|misc|tracking|tracker|ci|performance")},
    {kExplicit, kBug, prefix("bug|bugs")},
    {kExplicit, kFeatureRequest, prefix("feature|feat|rfc|feature-request")},
    {kExplicit, kQuestion, prefix("question|usage")},
    // Issue labels come from the templates the reporter picked.
    {kExplicit - 5, kBug, label("bug|crash|regression")},
    {kExplicit - 5, kFeatureRequest, label("feature|feature-request|enhancement|rfc|new-model")},
    {kExplicit - 5, kQuestion, label("question|usage")},
    {kPhrase, kQuestion, lead("how|why|what|whether|is-there|is-it|are-there|does|do-you|can-i|can-we|could-you|any-plan*|is-this|where")},
    {kVerb, kBug, title("失败|崩溃|报错|错误|挂起|卡住|卡死|死锁|段错误|精度下降|不正确|乱码|内存泄漏")},
    {kVerb, kBug, title("bug|bugs|*error|errors|*exception|fail*|crash*|hang|hangs|hanging|hung|stuck|segfault*|sigsegv|deadlock*|nan|nans|corrupt*|garbage|gibberish|illegal-memory*|illegal-address|regression*|wrong|incorrect*|broken|not-work*|does-not-work|doesn't-work|unable|oom|out-of-memory|assert*|traceback|mismatch*|core-dump*|memory-leak|leak|leaks|slower|degrad*")},
    {kVerb - 5, kFeatureRequest, title("support|supports|support-for|feature|rfc|request|proposal|roadmap|add|adding|enable|implement*|integrat*|please|would-be-nice|would-like|plan|plans|refactor*|bridge")},
    {kVerb - 10, kQuestion, title("?|question|how|why")},
};

// Severe: the report's risk section leads with these.
constexpr FlagRule kSevereRules[] = {
    {title("crash*|segfault*|seg-fault|sigsegv|sigabrt|core-dump*|hang|hangs|hanging|hung|stuck|freez*|deadlock*|nan|nans|corrupt*|garbage|gibberish|illegal-memory*|illegal-address|illegal-instruction|regression*|wrong-result*|wrong-output*|wrong-answer*|incorrect-result*|incorrect-output*|incorrect-answer*|accuracy-drop*|accuracy-degrad*|fail|fails|failed|failing|failure|failures|oom|out-of-memory|cuda-error|memory-leak|data-race|race-condition|precision-loss")},
    {label("crash|regression|high-priority|critical|p0")},
    {title("失败|崩溃|挂起|卡住|卡死|死锁|段错误|精度下降|乱码|内存泄漏")},
};

// ---------------------------------------------------------------------------
// Retreats: a change that takes something away. Reverts are retreats by kind.
constexpr FlagRule kRetreatRules[] = {
    {lead("remove|removes|removed|removing|delete|deletes|deleted|deleting|drop|drops|dropped|dropping|deprecate|deprecates|deprecated|disable|disables|disabled|rip-out|rips-out")},
    {title("移除|删除|弃用|禁用|下线")},
};

// ---------------------------------------------------------------------------
// Wording fixes: a change that says it fixes a typo, and whose changed lines
// are mostly prose or comments, is docs whatever its verb or "fix:" type
// ("fix typo" in a tutorial's comment); a typo in code stays a fix.
constexpr FlagRule kWordingRules[] = {
    {title("typo|typos|misspell*|mis-spell*|spelling|wording|grammar|grammatical")},
    {title("拼写|错别字|笔误|措辞")},
};

// ---------------------------------------------------------------------------
constexpr ImpliedTag kSuppressedTags[] = {
    {"GEMM", "FlashAttention"},  // the two matmuls inside an attention kernel
};

constexpr ImpliedTag kImpliedTags[] = {
    {"FlashAttention", "Attention"},
    {"MLA", "Attention"},
    {"Sparse attention (NSA)", "Attention"},
    {"XQA", "Attention"},
    {"EP", "MoE"},
};

// clang-format on

}  // namespace

std::span<const KindRule> kind_rules() { return kKindRules; }
std::span<const TagRule> tag_rules() { return kTagRules; }
std::span<const FlagRule> breaking_rules() { return kBreakingRules; }
std::span<const IssueKindRule> issue_kind_rules() { return kIssueKindRules; }
std::span<const FlagRule> severe_rules() { return kSevereRules; }
std::span<const FlagRule> support_rules() { return kSupportRules; }
std::span<const FlagRule> support_subject_rules() { return kSupportSubjectRules; }
std::span<const FlagRule> new_api_rules() { return kNewApiRules; }
std::span<const ImpliedTag> implied_tags() { return kImpliedTags; }
std::span<const ImpliedTag> suppressed_tags() { return kSuppressedTags; }
std::span<const FlagRule> retreat_rules() { return kRetreatRules; }
std::span<const FlagRule> wording_rules() { return kWordingRules; }

}  // namespace infradigest::rules
