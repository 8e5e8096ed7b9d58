// End-to-end: `report --period week|month` on a store holding several weeks
// (tests/history_fixture.h), in Asia/Shanghai and UTC.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "history_fixture.h"

namespace infradigest {
namespace {

using nlohmann::json;
using testing::import_history;
using testing::run_infradigest;
using testing::TempDir;

std::string commit_id(const std::string& repo, const std::string& tag) {
  return "commit:" + repo + "@" + testing::fixture_sha(tag);
}

json period_json(const std::string& db, const std::string& args) {
  auto r = run_infradigest(db + " report --format json " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

const json& repo_of(const json& report, const std::string& name) {
  for (const auto& r : report["repos"])
    if (r["full_name"] == name) return r;
  static const json kNone;
  ADD_FAILURE() << "no repo " << name;
  return kNone;
}

std::set<std::string> top_ids(const json& report, const std::string& repo) {
  std::set<std::string> out;
  for (const auto& t : repo_of(report, repo)["top"]) out.insert(t["id"].get<std::string>());
  return out;
}

const json* trend(const json& report, const std::string& direction, const std::string& tag) {
  for (const auto& t : report["trends"][direction])
    if (t["name"] == tag) return &t;
  return nullptr;
}

TEST(PeriodReport, WeekInShanghaiPlacesItemsByTheirLocalLandingDay) {
  TempDir dir;
  const std::string db = import_history(dir);
  json w = period_json(db, "--period week --date 2026-02-26 --timezone Asia/Shanghai");
  EXPECT_EQ(w["period"], "week");
  EXPECT_EQ(w["window"]["label"], "2026-W09");
  EXPECT_EQ(w["window"]["start"], "2026-02-23T00:00:00+08:00");
  EXPECT_EQ(w["window"]["end"], "2026-03-02T00:00:00+08:00");
  EXPECT_EQ(w["previous"]["first"], "2026-02-16");

  const json& vllm = repo_of(w, "vllm-project/vllm");
  // a3 (Monday 01:30 local), a4, a6 (landed in the week), a7 (Sunday 01:00 local).
  EXPECT_EQ(vllm["counts"]["changes"], 4);
  EXPECT_EQ(vllm["counts"]["previous_changes"], 2);  // a1, a2
  auto ids = top_ids(w, "vllm-project/vllm");
  EXPECT_TRUE(ids.count(commit_id("vllm-project/vllm", "a3")));
  EXPECT_TRUE(ids.count(commit_id("vllm-project/vllm", "a6")));
  EXPECT_FALSE(ids.count(commit_id("vllm-project/vllm", "a5")));  // Monday 00:30 of the next week
  EXPECT_EQ(vllm["counts"]["issues"], 1);
  EXPECT_EQ(vllm["counts"]["severe_issues"], 1);
  ASSERT_EQ(vllm["severe_issues"].size(), 1u);
  EXPECT_EQ(vllm["severe_issues"][0]["id"], "issue:vllm-project/vllm#150");

  const json& sgl = repo_of(w, "sgl-project/sglang");
  EXPECT_EQ(sgl["counts"]["changes"], 4);  // b2, b3, b4 and PR #260 (no commit carries it)
  EXPECT_EQ(sgl["counts"]["commits"], 3);
  EXPECT_EQ(sgl["counts"]["merged_prs"], 1);
  EXPECT_EQ(sgl["counts"]["by_kind"]["revert"], 1);
  EXPECT_TRUE(top_ids(w, "sgl-project/sglang").count("pr:sgl-project/sglang#260"));

  ASSERT_EQ(w["releases"].size(), 1u);
  EXPECT_EQ(w["releases"][0]["id"], "release:NVIDIA/cutlass@v4.5.0");
  EXPECT_EQ(w["releases"][0]["date"], "2026-02-27");
  EXPECT_EQ(w["date_only_items"], 1);  // c1
}

TEST(PeriodReport, SameWeekInUtcMovesTheBoundaryCommits) {
  TempDir dir;
  const std::string db = import_history(dir);
  json w = period_json(db, "--period week --date 2026-02-26 --timezone UTC");
  const json& vllm = repo_of(w, "vllm-project/vllm");
  // a4, a6, a7 and a5 (Sunday 16:30 UTC); a3 is Sunday 17:30 UTC of the week before.
  EXPECT_EQ(vllm["counts"]["changes"], 4);
  EXPECT_EQ(vllm["counts"]["previous_changes"], 3);
  auto ids = top_ids(w, "vllm-project/vllm");
  EXPECT_FALSE(ids.count(commit_id("vllm-project/vllm", "a3")));
  EXPECT_TRUE(ids.count(commit_id("vllm-project/vllm", "a5")));
}

TEST(PeriodReport, TrendsCompareTagCountsWithThePreviousWeek) {
  TempDir dir;
  const std::string db = import_history(dir);
  json w = period_json(db, "--period week --date 2026-02-26 --timezone Asia/Shanghai --lang en");
  const json* moe = trend(w, "rising", "MoE");  // a1 before; a3, a4 now
  ASSERT_NE(moe, nullptr) << w["trends"].dump(2);
  EXPECT_EQ((*moe)["now"], 2);
  EXPECT_EQ((*moe)["before"], 1);
  EXPECT_EQ((*moe)["delta"], 1);
  EXPECT_EQ((*moe)["examples"][0]["period"], "current");
  EXPECT_NE((*moe)["statement"]["text"].get<std::string>().find("2 this week, 1 the previous week (+1)"),
            std::string::npos)
      << (*moe)["statement"]["text"];

  const json* amd = trend(w, "falling", "AMD");  // a2 before; none now
  ASSERT_NE(amd, nullptr) << w["trends"].dump(2);
  EXPECT_EQ((*amd)["now"], 0);
  EXPECT_EQ((*amd)["before"], 1);
  ASSERT_EQ((*amd)["examples"].size(), 1u);
  EXPECT_EQ((*amd)["examples"][0]["id"], commit_id("vllm-project/vllm", "a2"));
  EXPECT_EQ((*amd)["examples"][0]["period"], "previous");
  EXPECT_EQ((*amd)["statement"]["cites"][0], commit_id("vllm-project/vllm", "a2"));

  EXPECT_EQ(trend(w, "rising", "Hopper"), nullptr);  // b1 before, b3 now: unchanged
  EXPECT_EQ(trend(w, "falling", "Hopper"), nullptr);
}

TEST(PeriodReport, MonthCoversTheCalendarMonthInTheZone) {
  TempDir dir;
  const std::string db = import_history(dir);
  json feb = period_json(db, "--period month --date 2026-02-10 --timezone Asia/Shanghai");
  EXPECT_EQ(feb["window"]["label"], "2026-02");
  EXPECT_EQ(feb["previous"]["label"], "2026-01");
  const json& vllm = repo_of(feb, "vllm-project/vllm");
  EXPECT_EQ(vllm["counts"]["changes"], 5);  // a1 a2 a3 a4 a6; a7 is 2026-03-01 01:00 local
  EXPECT_EQ(vllm["counts"]["previous_changes"], 1);  // a0
  EXPECT_NE(trend(feb, "rising", "MoE"), nullptr);

  json feb_utc = period_json(db, "--period month --date 2026-02-10 --timezone UTC");
  EXPECT_EQ(repo_of(feb_utc, "vllm-project/vllm")["counts"]["changes"], 6);  // a7 is still February in UTC

  json march = period_json(db, "--period month --date 2026-03-31 --timezone Asia/Shanghai");
  auto ids = top_ids(march, "vllm-project/vllm");
  EXPECT_TRUE(ids.count(commit_id("vllm-project/vllm", "a7")));
  EXPECT_TRUE(ids.count(commit_id("vllm-project/vllm", "a5")));
}

// Every sentence cites at least one fact, and every cited id is an item the
// report lists (a top change, a release, a severe issue, a trend example).
TEST(PeriodReport, EveryStatementCitesItemsTheReportLists) {
  TempDir dir;
  const std::string db = import_history(dir);
  for (const char* lang : {"zh", "en"}) {
    json w = period_json(db, std::string("--period week --date 2026-02-26 --timezone Asia/Shanghai --lang ") + lang);
    std::set<std::string> listed;
    std::vector<json> statements;
    for (const auto& s : w["summary"]) statements.push_back(s);
    for (const auto& r : w["repos"]) {
      for (const auto& t : r["top"]) listed.insert(t["id"]), statements.push_back(t["statement"]);
      for (const auto& i : r["severe_issues"]) listed.insert(i["id"]), statements.push_back(i["statement"]);
    }
    for (const auto& r : w["releases"]) listed.insert(r["id"]), statements.push_back(r["statement"]);
    for (const char* direction : {"rising", "falling"})
      for (const auto& t : w["trends"][direction]) {
        for (const auto& e : t["examples"]) listed.insert(e["id"]);
        statements.push_back(t["statement"]);
      }
    ASSERT_GT(statements.size(), 10u);
    for (const auto& s : statements) {
      EXPECT_FALSE(s["cites"].empty()) << s["text"];
      for (const auto& id : s["cites"]) EXPECT_TRUE(listed.count(id)) << id << " in " << s["text"];
    }
  }
}

TEST(PeriodReport, MarkdownInChineseAndEnglish) {
  TempDir dir;
  const std::string db = import_history(dir);
  auto zh = run_infradigest(db + " report --period week --date 2026-02-26 --timezone Asia/Shanghai");
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  for (const char* want : {"# AI 基础设施周报 · 2026-W09", "对比上周：2026-02-16 至 2026-02-22", "## 概览",
                           "## 活跃度", "| vllm-project/vllm | 4 | 2 | 4 | 0 | 1 | 1 | 0 |", "## 主题趋势（对比上周）",
                           "### 上升", "### 下降", "## 本周发布", "## 各仓库重点", "本周无更新。",
                           "**MoE**（技术）：本周 2 项，上周 1 项（+1）"})
    EXPECT_NE(zh.out.find(want), std::string::npos) << want << "\n" << zh.out;
  auto en = run_infradigest(db + " report --period month --date 2026-02-26 --lang en --timezone Asia/Shanghai");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  for (const char* want : {"# AI Infra Monthly · 2026-02", "## Theme trends (vs the previous month)",
                           "## Releases this month", "[v4.5.0 CUTLASS 4.5.0](https://github.com/NVIDIA/cutlass/releases/tag/v4.5.0)"})
    EXPECT_NE(en.out.find(want), std::string::npos) << want << "\n" << en.out;
}

TEST(PeriodReport, EmptyPeriodSaysSoAndDayIsTheDailyReport) {
  TempDir dir;
  const std::string db = import_history(dir);
  auto empty = run_infradigest(db + " report --period week --date 2025-06-04 --lang en");
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_NE(empty.out.find("None of the watched repositories moved this week."), std::string::npos) << empty.out;
  EXPECT_NE(empty.out.find("No releases this week."), std::string::npos);

  auto day = run_infradigest(db + " report --period day --date 2026-02-25");
  auto plain = run_infradigest(db + " report --date 2026-02-25");
  EXPECT_EQ(day.exit_code, 0);
  EXPECT_EQ(day.out, plain.out);
}

TEST(PeriodReport, BadPeriodOptionsAreUsageErrors) {
  TempDir dir;
  const std::string db = import_history(dir);
  auto archive = run_infradigest(db + " report --period week --archive");
  EXPECT_EQ(archive.exit_code, 2);
  EXPECT_NE(archive.err.find("--archive writes daily reports only"), std::string::npos) << archive.err;
  EXPECT_EQ(run_infradigest(db + " report --period fortnight").exit_code, 2);
}

}  // namespace
}  // namespace infradigest
