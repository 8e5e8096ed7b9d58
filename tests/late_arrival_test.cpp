// A commit that reached the default branch days after its committer date
// (late push, rebase) is reported on the day it landed, and says so.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compose/composer.h"
#include "composed_day_fixture.h"
#include "render/json_renderer.h"
#include "render/markdown_renderer.h"
#include "render/report_json_reader.h"

namespace infradigest {
namespace {

Activity late_and_on_time_day() {
  Activity day;
  Commit late = testing::commit("vllm-project/vllm", 'a', "Fix FP8 scale in the MoE kernel (#1)", {"csrc/moe.cu"});
  late.committed_at = testing::at("2026-02-24T21:00:00Z");
  late.landed_at = testing::at("2026-02-26T00:00:00Z");
  day.commits.push_back(late);
  day.commits.push_back(testing::commit("vllm-project/vllm", 'b', "Add a Qwen3 config (#2)", {"vllm/config.py"}));
  return day;
}

const std::vector<std::string> kLateArrivalRepos{"vllm-project/vllm"};

TEST(LateArrival, TheItemNamesItsCommitDayAndItsLandingDay) {
  const Report zh = compose_report(late_and_on_time_day(), testing::window(), kLateArrivalRepos, Language::kZh);
  const std::string md = render_markdown(zh);
  EXPECT_NE(md.find("提交于 02-24，02-26 进入主分支"), std::string::npos) << md;
  EXPECT_EQ(md.find("提交于 02-26"), std::string::npos) << "an on-time commit says nothing";
  const Report en = compose_report(late_and_on_time_day(), testing::window(), kLateArrivalRepos, Language::kEn);
  EXPECT_NE(render_markdown(en).find("committed 02-24, landed 02-26"), std::string::npos);
}

TEST(LateArrival, JsonCarriesCommittedOnAndReadsItBack) {
  const Report r = compose_report(late_and_on_time_day(), testing::window(), kLateArrivalRepos, Language::kEn);
  const std::string json = render_json(r);
  const auto j = nlohmann::json::parse(json);
  int late = 0;
  for (const auto& c : j.at("repos").at(0).at("commits"))
    if (!c.at("committed_on").is_null()) {
      EXPECT_EQ(c.at("committed_on"), "2026-02-24");
      ++late;
    }
  EXPECT_EQ(late, 1);
  auto back = read_report_json(json);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(render_markdown(*back), render_markdown(r));
}

TEST(LateArrival, ACommitLandingInItsOwnZoneDayIsNotLate) {
  // Committed 23:30 UTC on the 25th = 07:30 on the 26th in Shanghai: on time there.
  Activity day;
  Commit c = testing::commit("vllm-project/vllm", 'c', "Fix a typo in the scheduler (#3)", {"vllm/core/scheduler.py"});
  c.committed_at = testing::at("2026-02-25T23:30:00Z");
  c.landed_at = testing::at("2026-02-25T23:30:00Z");
  day.commits.push_back(c);
  const auto window = make_report_window(testing::day("2026-02-26"), "Asia/Shanghai").value();
  const Report r = compose_report(day, window, kLateArrivalRepos, Language::kZh);
  ASSERT_EQ(r.repos.at(0).items.size(), 1u);
  EXPECT_FALSE(r.repos[0].items[0].committed_on.has_value());
}

}  // namespace
}  // namespace infradigest
