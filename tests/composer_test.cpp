#include <gtest/gtest.h>

#include <set>

#include "compose/composer.h"
#include "compose/day_activity.h"
#include "render/markdown_renderer.h"
#include "snapshot/snapshot_reader.h"

namespace infradigest {
namespace {

const std::vector<std::string> kWatch = {"NVIDIA/cutlass", "sgl-project/sglang", "vllm-project/vllm"};

Activity day_of(const std::string& jsonl, const char* tz = "UTC") {
  auto all = parse_snapshot(jsonl, "test").value();
  auto window = make_report_window(parse_date("2026-02-26").value(), tz).value();
  return select_window(all, window, kWatch);
}

std::string commit(const char* repo, const char* sha_digit, const char* at, const char* title) {
  return std::string(R"({"type":"commit","repo":")") + repo + R"(","sha":")" + std::string(40, sha_digit[0]) +
         R"(","committed_at":")" + at + R"(","message":")" + title + "\"}\n";
}

TEST(SelectWindow, KeepsExactlyTheItemsOfTheDay) {
  auto day = day_of(commit("NVIDIA/cutlass", "a", "2026-02-26T00:00:00Z", "start") +
                    commit("NVIDIA/cutlass", "b", "2026-02-26T23:59:59Z", "last second") +
                    commit("NVIDIA/cutlass", "c", "2026-02-27T00:00:00Z", "end: next day") +
                    commit("NVIDIA/cutlass", "d", "2026-02-25T23:59:59Z", "day before") +
                    commit("other/repo", "e", "2026-02-26T12:00:00Z", "not watched"));
  std::set<std::string> titles;
  for (const auto& c : day.commits) titles.insert(c.title());
  EXPECT_EQ(titles, (std::set<std::string>{"start", "last second"}));
}

TEST(SelectWindow, TimezoneMovesTheBoundaries) {
  auto day = day_of(commit("NVIDIA/cutlass", "a", "2026-02-25T16:00:00Z", "shanghai midnight") +
                        commit("NVIDIA/cutlass", "b", "2026-02-26T16:00:00Z", "shanghai next day"),
                    "Asia/Shanghai");
  ASSERT_EQ(day.commits.size(), 1u);
  EXPECT_EQ(day.commits[0].title(), "shanghai midnight");
}

TEST(Composer, EveryRepoGetsASectionInWatchlistOrder) {
  auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
  Report r = compose_report(day_of(commit("vllm-project/vllm", "a", "2026-02-26", "[Bugfix] Fix crash")), window,
                            kWatch, Language::kZh);
  ASSERT_EQ(r.repos.size(), 3u);
  EXPECT_EQ(r.repos[0].full_name, "NVIDIA/cutlass");
  EXPECT_TRUE(r.repos[0].empty());
  EXPECT_EQ(r.repos[2].items.size(), 1u);
  std::string md = render_markdown(r);
  EXPECT_NE(md.find("### NVIDIA/cutlass\n昨日无更新。"), std::string::npos) << md;
}

TEST(Composer, StatementsCiteOnlyItemsInTheReport) {
  auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
  Report r = compose_report(
      day_of(commit("sgl-project/sglang", "a", "2026-02-26", "[AMD] Enable cudagraph for aiter backend (#1)") +
             commit("vllm-project/vllm", "b", "2026-02-26", "[ROCm] Fix aiter rope on MI300 (#2)") +
             R"({"type":"issue","repo":"vllm-project/vllm","number":9,"title":"[Bug] Segfault on B200","created_at":"2026-02-26"})" "\n"),
      window, kWatch, Language::kZh);
  std::set<std::string> ids;
  for (const auto& s : r.repos) {
    for (const auto& i : s.items) ids.insert(i.id);
    for (const auto& i : s.issues) ids.insert(i.id);
  }
  std::vector<Statement> all = r.summary;
  all.insert(all.end(), r.outlook.begin(), r.outlook.end());
  for (const auto& t : r.impact) all.insert(all.end(), t.statements.begin(), t.statements.end());
  for (const auto& s : all)
    for (const auto& id : s.cites) EXPECT_TRUE(ids.count(id)) << id << " in " << s.plain_text();
  bool cross_repo = false;
  for (const auto& t : r.impact) cross_repo |= t.key == "cross_repo";
  EXPECT_TRUE(cross_repo) << "AMD moved in two repos";
}

TEST(Composer, OutlookNamesSevereIssuesAndReverts) {
  auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
  Report r = compose_report(
      day_of(commit("vllm-project/vllm", "a", "2026-02-26", "Revert \\\"Add GLM-OCR config\\\" (#35)") +
             R"({"type":"issue","repo":"NVIDIA/cutlass","number":9,"title":"[Bug] Kernel hangs on B200","created_at":"2026-02-26"})" "\n"),
      window, kWatch, Language::kEn);
  std::string outlook;
  for (const auto& s : r.outlook) outlook += s.plain_text() + "\n";
  EXPECT_NE(outlook.find("#9 [Bug] Kernel hangs on B200"), std::string::npos) << outlook;
  EXPECT_NE(outlook.find("Revert"), std::string::npos) << outlook;
}

TEST(Composer, QuietDayStillSaysSo) {
  auto window = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
  Report r = compose_report(Activity{}, window, kWatch, Language::kZh);
  ASSERT_FALSE(r.summary.empty());
  EXPECT_EQ(r.summary[0].plain_text(), "3 个关注仓库均无更新。");
  EXPECT_FALSE(r.outlook.empty());
}

}  // namespace
}  // namespace infradigest
