// 性能数据: figures from commit messages and PR bodies reach the report as a
// table of verbatim quotes, each row linking (and citing) its change.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "composed_day_fixture.h"
#include "compose/composer.h"
#include "render/json_renderer.h"
#include "render/markdown_renderer.h"

namespace infradigest {
namespace {

using testing::at;
using testing::commit;
using testing::window;

const std::vector<std::string> kFiguresWatch = {"flashinfer-ai/flashinfer", "vllm-project/vllm"};

TEST(PerformanceTable, QuotesMessagesAndPrBodiesWithTheirLinks) {
  Activity day;
  day.commits.push_back(commit("flashinfer-ai/flashinfer", 'a',
                               "perf: GDN decode pretranspose kernel (#2588)\n\n"
                               "Reorders loads.\n\n| Average speedup | 1.35x |\n"));
  day.commits.push_back(commit("vllm-project/vllm", 'b', "[Perf] Use pinned memory for mamba copy (#35010)"));
  PullRequest pr;
  pr.repo = "vllm-project/vllm";
  pr.number = 35010;
  pr.title = "[Perf] Use pinned memory for mamba copy";
  pr.body = "## Results\nTTFT improves by 7% on Qwen3-Next with 8x H100.\n";
  day.pull_requests.push_back(pr);
  day.commits.push_back(commit("vllm-project/vllm", 'c', "[Docs] Fix typo (#35011)\n\nTested on 2xH100, 0.6.4"));

  Report r = compose_report(day, window(), kFiguresWatch, Language::kZh);
  ASSERT_EQ(r.figures.size(), 1u) << "the '|' line is a table row; the docs commit states no figure";
  EXPECT_EQ(r.figures[0].repo, "vllm-project/vllm");
  EXPECT_EQ(r.figures[0].quote, "TTFT improves by 7% on Qwen3-Next with 8x H100.");
  EXPECT_EQ(r.figures[0].source, "pr_body");
  EXPECT_EQ(r.figures[0].change.cites, std::vector<std::string>{"commit:vllm-project/vllm@" + std::string(40, 'b')});

  const std::string md = render_markdown(r);
  EXPECT_NE(md.find("## 性能数据\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| 仓库 | 变更 | 原文数据 |\n| --- | --- | --- |\n| vllm-project/vllm | [\\[Perf\\] Use pinned memory "
                    "for mamba copy](https://github.com/vllm-project/vllm/commit/" +
                    std::string(40, 'b') + ") | “TTFT improves by 7% on Qwen3-Next with 8x H100.” |"),
            std::string::npos)
      << md;
  EXPECT_LT(md.find("## 性能数据"), md.find("## 具体内容分析"));

  auto j = nlohmann::json::parse(render_json(r));
  ASSERT_EQ(j["figures"].size(), 1u);
  EXPECT_EQ(j["figures"][0]["quote"], "TTFT improves by 7% on Qwen3-Next with 8x H100.");
  EXPECT_EQ(j["figures"][0]["change"]["cites"][0], "commit:vllm-project/vllm@" + std::string(40, 'b'));
}

TEST(PerformanceTable, AtMostEightRowsPerfWorkFirstAndMarkdownStaysEscaped) {
  Activity day;
  for (int k = 0; k < 10; ++k)
    day.commits.push_back(commit("vllm-project/vllm", static_cast<char>('a' + k),
                                 "[Feature] thing " + std::to_string(k) + "\n\nThroughput is 1." + std::to_string(k) +
                                     "x higher <b>|</b> [x](javascript:alert(1))"));
  day.commits.push_back(commit("flashinfer-ai/flashinfer", 'z', "perf: faster MLA decode\n\nDecode is 10% faster."));
  Report r = compose_report(day, window(), kFiguresWatch, Language::kEn);
  ASSERT_EQ(r.figures.size(), kMaxPerformanceFigures);
  EXPECT_EQ(r.figures[0].repo, "flashinfer-ai/flashinfer") << "performance work leads";
  const std::string md = render_markdown(r);
  EXPECT_EQ(md.find("<b>"), std::string::npos);
  EXPECT_EQ(md.find(" [x](javascript"), std::string::npos) << "a link in a quote stays text";
  EXPECT_NE(md.find("\\[x\\](javascript"), std::string::npos) << md;
  EXPECT_NE(md.find("## Performance figures"), std::string::npos);
}

TEST(PerformanceTable, NoFiguresNoSection) {
  Activity day;
  day.commits.push_back(commit("vllm-project/vllm", 'a', "[Bugfix] Fix crash in scheduler (#1)"));
  Report r = compose_report(day, window(), kFiguresWatch, Language::kZh);
  EXPECT_TRUE(r.figures.empty());
  EXPECT_EQ(render_markdown(r).find("性能数据"), std::string::npos);
}

}  // namespace
}  // namespace infradigest
