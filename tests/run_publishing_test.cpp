// The publishing half of `run` and the `publish` command end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/run_publishing.h"
#include "fake_http_server.h"
#include "composed_day_fixture.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::run_infradigest;
using testing::TempDir;

using testing::day;
SysSeconds instant(const char* text) { return parse_timestamp(text).value().instant; }

TEST(RunBackfill, DaysSinceTheLastReportBoundedNewestKept) {
  // Never ran: yesterday only.
  EXPECT_EQ(days_to_report(std::nullopt, day("2026-02-26"), "UTC", 7).value(), std::vector<SysDays>{day("2026-02-26")});
  // Last published window ended 2026-02-24 00:00: the 24th, 25th and 26th are owed.
  EXPECT_EQ(days_to_report(instant("2026-02-24T00:00:00Z"), day("2026-02-26"), "UTC", 7).value(),
            (std::vector<SysDays>{day("2026-02-24"), day("2026-02-25"), day("2026-02-26")}));
  // Bounded: the newest two.
  EXPECT_EQ(days_to_report(instant("2026-02-01T00:00:00Z"), day("2026-02-26"), "UTC", 2).value(),
            (std::vector<SysDays>{day("2026-02-25"), day("2026-02-26")}));
  // Already reported yesterday: a re-run rewrites yesterday only.
  EXPECT_EQ(days_to_report(instant("2026-02-27T00:00:00Z"), day("2026-02-26"), "UTC", 7).value(),
            std::vector<SysDays>{day("2026-02-26")});
  // In the report timezone: Shanghai's 2026-02-25 window ended at 2026-02-25T16:00Z.
  EXPECT_EQ(days_to_report(instant("2026-02-25T16:00:00Z"), day("2026-02-26"), "Asia/Shanghai", 7).value(),
            std::vector<SysDays>{day("2026-02-26")});
}

TEST(PublishCommand, DeliversOnceThenReportsAlreadyDelivered) {
  TempDir dir;
  testing::FakeHttpServer server;
  server.post("/in", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  server.start();
  testing::write_file(dir.file("c.toml"), "[[publish.webhook]]\ntype = \"json\"\nurl_env = \"HOOK_URL\"\nname = \"archive\"\n");
  const std::string args = "--config " + dir.file("c.toml") + " --db " + dir.file("s.db");
  ASSERT_EQ(run_infradigest(args + " import " + testing::source_path("examples/2026-02-26")).exit_code, 0);
  const std::string env = "HOOK_URL=" + server.base_url() + "/in";
  auto first = run_infradigest(args + " publish --date 2026-02-26", env);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(server.request_count(), 1u);
  auto body = nlohmann::json::parse(server.requests()[0].body);
  EXPECT_EQ(body["title"], "AI 基础设施日报 · 2026-02-26");
  EXPECT_NE(body["markdown"].get<std::string>().find("## 摘要"), std::string::npos);
  EXPECT_EQ(first.err.find(server.base_url()), std::string::npos) << "the URL is a secret: " << first.err;
  auto second = run_infradigest(args + " publish --date 2026-02-26", env);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("already delivered"), std::string::npos) << second.err;
  EXPECT_EQ(server.request_count(), 1u);
  auto missing = run_infradigest(args + " publish --date 2026-02-26 --resend", "");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("HOOK_URL"), std::string::npos) << missing.err;
}

TEST(PublishCommand, WithoutWebhooksItSaysHowToConfigureThem) {
  TempDir dir;
  auto r = run_infradigest("--db " + dir.file("s.db") + " publish --date 2026-02-26");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("[[publish.webhook]]"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace infradigest
