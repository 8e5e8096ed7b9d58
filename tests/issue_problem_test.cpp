// 问题描述 (analysis/issue_problem.h) on bug-report bodies shaped like the
// real ones: sglang's bug template (the FLUX.2-klein multi-GPU report,
// sgl-project/sglang#19449), vLLM's collect_env template, and the
// flashinfer#2638 description the bundled example holds. The example texts
// follow the templates' structure; what each part must be is copied text.
#include <gtest/gtest.h>

#include <string>

#include "analysis/issue_problem.h"
#include "compose/composer.h"
#include "composed_day_fixture.h"
#include "core/utf8_text.h"
#include "render/json_renderer.h"
#include "render/markdown_renderer.h"
#include "render/report_json_reader.h"

namespace infradigest {
namespace issue_problem_test {

const char* const kSglangTemplateBody = R"(### Checklist

- [x] 1. I have searched related issues but cannot get the expected help.
- [x] 2. The bug has not been fixed in the latest version.

### Describe the bug

Image editing with FLUX.2-klein-9B gives corrupted (grey noise) output when run on 8 GPUs. With 1 GPU the output is correct.

### Reproduction

```bash
sglang generate --model-path black-forest-labs/FLUX.2-klein-9B \
    --num-gpus 8 --prompt "Add a hat"
```

### Environment

```
Python: 3.12.3
CUDA available: True
GPU 0,1,2,3,4,5,6,7: NVIDIA H100 80GB HBM3
NVCC: Cuda compilation tools, release 12.8
PyTorch: 2.9.1+cu128
sglang: 0.5.9
flashinfer_python: 0.6.4
transformers: 4.57.1
triton: 3.5.1
```
)";

TEST(IssueProblem, SglangTemplateGivesSymptomEnvironmentAndRepro) {
  auto p = describe_problem(kSglangTemplateBody);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->symptom, "Image editing with FLUX.2-klein-9B gives corrupted (grey noise) output when run on 8 GPUs.");
  EXPECT_EQ(p->environment, (std::vector<std::string>{"H100", "PyTorch: 2.9.1+cu128", "sglang: 0.5.9",
                                                      "flashinfer_python: 0.6.4", "transformers: 4.57.1"}));
  EXPECT_EQ(p->repro, "sglang generate --model-path black-forest-labs/FLUX.2-klein-9B --num-gpus 8 --prompt \"Add a hat\"");
}

const char* const kVllmTemplateBody = R"(### Your current environment

<details>
<summary>The output of <code>python collect_env.py</code></summary>

```text
PyTorch version: 2.9.0+cu128
CUDA runtime version: 12.8.93
GPU models and configuration: GPU 0: NVIDIA B200
vLLM Version: 0.11.1
```

</details>

### 🐛 Describe the bug

<!-- Please describe the bug. Paste the command:
python repro.py -->
Serving DeepSeek-V3 with `--enable-expert-parallel` hangs after the first request. It works without the flag.

```bash
$ HF_TOKEN=hf_abcdefghijkl1234 vllm serve deepseek-ai/DeepSeek-V3 --enable-expert-parallel --api-key abc12345
```

### Before submitting a new issue...

- [x] Make sure you already searched for relevant issues, and asked the chatbot living at the bottom right corner of the [documentation page](https://docs.vllm.ai/en/latest/), which can answer lots of frequently asked questions.
)";

TEST(IssueProblem, VllmTemplateSkipsEnvironmentBoilerplateCommentsAndSecrets) {
  auto p = describe_problem(kVllmTemplateBody);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->symptom, "Serving DeepSeek-V3 with `--enable-expert-parallel` hangs after the first request.");
  EXPECT_EQ(p->environment, (std::vector<std::string>{"B200", "PyTorch version: 2.9.0+cu128",
                                                      "CUDA runtime version: 12.8.93", "vLLM Version: 0.11.1"}));
  EXPECT_EQ(p->repro, "HF_TOKEN=*** vllm serve deepseek-ai/DeepSeek-V3 --enable-expert-parallel --api-key ***");
}

TEST(IssueProblem, FlashinferExampleDescriptionNamesItsArchitecture) {
  // examples/2026-02-26/flashinfer-ai__flashinfer.jsonl, issue #2638.
  auto p = describe_problem("在 SM120 架构上，当 head_dim=256 且 page_size<64 时 XQA 测试失败（问题正文被截断）");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->symptom, "在 SM120 架构上，当 head_dim=256 且 page_size<64 时 XQA 测试失败（问题正文被截断）");
  EXPECT_EQ(p->environment, std::vector<std::string>{"SM120"});
  EXPECT_FALSE(p->repro);
}

TEST(IssueProblem, TemplateAloneGivesNothing) {
  EXPECT_FALSE(describe_problem("### Checklist\n\n- [ ] 1. I have searched related issues.\n<!-- What happened?\n"
                                "Run python x.py on H100 -->\n### Describe the bug\n\n"
                                "A clear and concise description of what the bug is.\n"));
  EXPECT_FALSE(describe_problem(""));
}

struct ProblemPartCase {
  const char* what;
  const char* body;
  std::optional<std::string> symptom;
  std::vector<std::string> environment;
  std::optional<std::string> repro;
};

TEST(IssueProblem, EachRuleOnItsOwn) {
  const ProblemPartCase cases[] = {
      {"a line introducing a block is not the symptom", "When I run the following:\n```\npython bench.py --tp 2\n```\nThe server crashes with an illegal memory access!\nMore text.",
       "The server crashes with an illegal memory access!", {}, "python bench.py --tp 2"},
      {"a command under a log heading is not the repro", "### Error log\n```\n$ python bench.py\nTraceback (most recent call last):\n```\n",
       std::nullopt, {}, std::nullopt},
      {"a fence under Reproduction wins over an earlier one", "Crash on MI300X with ROCm 6.4.1.\n```\npip install vllm\n```\n**Steps to reproduce**\n```\nCUDA_VISIBLE_DEVICES=0 ./run.sh --fast\n```\n",
       "Crash on MI300X with ROCm 6.4.1.", {"MI300X", "ROCm 6.4.1"}, "CUDA_VISIBLE_DEVICES=0 ./run.sh --fast"},
      {"a bare number is a version only for CUDA", "NaN outputs with vllm 8 GPUs on CUDA 13 and torch 2.10.",
       "NaN outputs with vllm 8 GPUs on CUDA 13 and torch 2.10.", {"CUDA 13", "torch 2.10"}, std::nullopt},
      {"hardware keeps the body's order, each named once", "Slow on RTX PRO 6000 and sm_120a; also H20, h20 and RTX PRO 6000.",
       "Slow on RTX PRO 6000 and sm_120a; also H20, h20 and RTX PRO 6000.", {"RTX PRO 6000", "sm_120a", "H20"}, std::nullopt},
      {"an issue reference is no heading", "#19449 again: wrong output on B200.",
       "#19449 again: wrong output on B200.", {"B200"}, std::nullopt},
      {"a traceback's frames are no symptom, its error is",
       "Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\n"
       "RuntimeError: CUDA error: an illegal memory access was encountered\n",
       "RuntimeError: CUDA error: an illegal memory access was encountered", {}, std::nullopt},
      {"a bearer header and a prefixed token are masked", "```\ncurl -H \"Authorization: Bearer abc.def\" localhost:30000 ghp_0123456789abcdef\n```",
       std::nullopt, {}, "curl -H \"Authorization: Bearer ***\" localhost:30000 ***"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto p = describe_problem(c.body);
    if (!c.symptom && c.environment.empty() && !c.repro) {
      EXPECT_FALSE(p);
      continue;
    }
    ASSERT_TRUE(p);
    EXPECT_EQ(p->symptom, c.symptom);
    EXPECT_EQ(p->environment, c.environment);
    EXPECT_EQ(p->repro, c.repro);
  }
}

// Patterns that ignore case are searched only in bodies that hold their
// literal words in some case: every case still counts.
TEST(IssueProblem, PatternsThatIgnoreCaseFindTheirWordsInAnyCase) {
  auto hardware = describe_problem("Hang on gAuDi 2, rTx 4090 and tPu v5e.");
  ASSERT_TRUE(hardware);
  EXPECT_EQ(hardware->environment, (std::vector<std::string>{"gAuDi 2", "rTx 4090", "tPu v5e"}));
  auto p = describe_problem(
      "Slow on bLaCkWeLl and gh200 with CuDa 12.8 and PYTORCH 2.9.1.\n"
      "```\ncurl -H \"authorization: BEARER abc.def\" --Api-Token=xyz MY_KEY=s3cr3t "
      "xoxb-1234567890 localhost\n```\n");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->environment, (std::vector<std::string>{"bLaCkWeLl", "gh200", "CuDa 12.8", "PYTORCH 2.9.1"}));
  EXPECT_EQ(p->repro, "curl -H \"authorization: BEARER ***\" --Api-Token=*** MY_KEY=*** *** localhost");
  // No literal word of a pattern, nothing from it.
  auto none = describe_problem("It fails on our cluster after the upgrade.");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->environment.empty());
}

TEST(IssueProblem, LongPartsAreClippedOnACharacterBoundary) {
  std::string body;
  for (int k = 0; k < 200; ++k) body += "崩溃";
  std::string command = "python run.py";
  for (int k = 0; k < 100; ++k) command += " --flag-" + std::to_string(k);
  body += "\n```\n" + command + "\n```\n";
  auto p = describe_problem(body);
  ASSERT_TRUE(p && p->symptom && p->repro);
  EXPECT_LE(p->symptom->size(), kMaxProblemSymptomBytes + std::string("…").size());
  EXPECT_TRUE(p->symptom->ends_with("…"));
  EXPECT_TRUE(is_valid_utf8(*p->symptom));
  EXPECT_LE(p->repro->size(), kMaxProblemReproBytes + std::string("…").size());
  EXPECT_TRUE(p->repro->starts_with("python run.py --flag-0 "));
}

Issue issue_with(int number, std::string title, std::vector<std::string> labels, std::string body) {
  Issue i;
  i.repo = "sgl-project/sglang";
  i.number = number;
  i.title = std::move(title);
  i.created_at = testing::at("2026-02-26T03:00:00Z");
  i.labels = std::move(labels);
  i.body = std::move(body);
  return i;
}

TEST(IssueProblem, BugReportsCarryItInTheReportAndItsJson) {
  Activity a;
  a.repositories.push_back(Repository{"sgl-project/sglang", std::nullopt});
  a.issues.push_back(issue_with(19449, "[Diffusion] FLUX.2-klein-9B multi-GPU output", {"bug"}, kSglangTemplateBody));
  a.issues.push_back(issue_with(19447, "[Feature] Sglang FA4 Refactor", {},
                                "Refactor FA4 for B200.\n```\npython -m sglang.launch_server\n```\n"));
  Report r = compose_report(a, testing::window(), {"sgl-project/sglang"}, Language::kZh);
  ASSERT_EQ(r.repos.size(), 1u);
  ASSERT_EQ(r.repos[0].issues.size(), 2u);
  const ReportIssue& feature = r.repos[0].issues[0];
  const ReportIssue& bug = r.repos[0].issues[1];
  EXPECT_FALSE(feature.problem);  // a request is no bug report: no 问题描述
  ASSERT_TRUE(bug.problem);
  EXPECT_EQ(bug.problem, describe_problem(kSglangTemplateBody));
  const std::string md = render_markdown(r);
  EXPECT_NE(md.find("  - 问题描述：\n    - 现象：“Image editing with FLUX.2-klein-9B gives corrupted (grey noise) "
                    "output when run on 8 GPUs.”\n    - 环境：`H100`、`PyTorch: 2.9.1+cu128`"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("    - 复现：`sglang generate --model-path black-forest-labs/FLUX.2-klein-9B --num-gpus 8"),
            std::string::npos);
  const std::string json = render_json(r);
  EXPECT_NE(json.find("\"repro\": \"sglang generate"), std::string::npos);
  auto back = read_report_json(json);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->repos[0].issues[1].problem, bug.problem);
  EXPECT_FALSE(back->repos[0].issues[0].problem);
  EXPECT_EQ(render_json(*back), json);
}

}  // namespace issue_problem_test
}  // namespace infradigest
