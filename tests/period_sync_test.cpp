// Weekly reports and `query` on data written by the GitHub sync (fake GitHub,
// tests/sync_fixture.h): a commit mirrored with an old committer date lands in
// the week its daily report is in, and the sync's writes reach the FTS index.
#include <gtest/gtest.h>

#include "compose/history_query.h"
#include "pipeline/period_report.h"
#include "sync_fixture.h"

namespace infradigest {
namespace {

using testing::SyncFixture;

using testing::kRepo;

void daily_run(SyncFixture& f, const std::string& day, const std::string& now) {
  auto report = f.sync_day(kRepo, day, now);
  ASSERT_TRUE(report.incomplete().empty());
  f.mark_reported(day);
}

std::set<std::string> week_shas(SyncFixture& f, const std::string& date) {
  PeriodReportRequest request;
  request.kind = PeriodKind::kWeek;
  request.date = *parse_date(date);
  request.language = Language::kEn;
  request.repos = kRepo;
  auto report = build_period_report(*f.db, request);
  EXPECT_TRUE(report.ok());
  std::set<std::string> out;
  if (!report) return out;
  for (const auto& repo : report->repos)
    for (const auto& p : repo.top)
      if (p.item.sha) out.insert(*p.item.sha);
  return out;
}

TEST(PeriodOnSyncedData, WeeksAndQueriesPlaceSyncedCommitsByTheirLanding) {
  SyncFixture f;
  const std::string sunday = f.commit("o/r", "Fix FP8 GEMM hang on Hopper", "2026-02-22T10:00:00Z");
  daily_run(f, "2026-02-22", "2026-02-23T08:00:00Z");
  // Pushed after Sunday was reported, with an old committer date (a mirror):
  // it lands on Monday, in the next week.
  const std::string mirrored = f.commit("o/r", "Add fused MoE routing kernel", "2026-02-19T09:00:00Z");
  const std::string monday = f.commit("o/r", "Speed up paged attention decode", "2026-02-23T11:00:00Z");
  daily_run(f, "2026-02-23", "2026-02-24T08:00:00Z");

  EXPECT_EQ(week_shas(f, "2026-02-22"), (std::set<std::string>{sunday}));
  EXPECT_EQ(week_shas(f, "2026-02-26"), (std::set<std::string>{mirrored, monday}));

  auto query = resolve_history_query(HistoryQuery{}, f.stored().repositories);
  ASSERT_TRUE(query.ok()) << query.error().message;
  query->text = "moe OR \"paged attention\"";
  query->since = parse_date("2026-02-23").value();
  query->until = parse_date("2026-03-01").value();
  auto result = run_history_query(*f.db, *query);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->hits.size(), 2u);
  EXPECT_EQ(result->hits[0].sha, monday);
  EXPECT_EQ(result->hits[1].sha, mirrored);
  EXPECT_EQ(format_date(result->hits[1].day), "2026-02-23");  // where it landed, not 02-19
}

}  // namespace
}  // namespace infradigest
