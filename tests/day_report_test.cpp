// The stored day report (pipeline/day_report.h): composed once, read back by
// every output, composed again only when its inputs, the composer or the
// producer asked for change; a complete report never gives way to a worse one.
#include <gtest/gtest.h>

#include "pipeline/day_report.h"
#include "render/json_renderer.h"
#include "render/markdown_renderer.h"
#include "render/report_json_reader.h"
#include "snapshot/snapshot_reader.h"
#include "store/activity_store.h"
#include "store/day_report_store.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::TempDir;

const std::vector<std::string> kWatch = {"acme/engine", "acme/quiet"};

std::string commit_line(char sha, const std::string& time, const std::string& title) {
  return R"({"type":"commit","repo":"acme/engine","sha":")" + std::string(40, sha) + R"(","committed_at":")" + time +
         R"(","message":")" + title + R"("})" + "\n";
}

class DayReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.emplace(Database::open(dir_.file("s.db")).value());
    add(R"({"type":"repository","full_name":"acme/engine"})" "\n" +
        commit_line('a', "2026-02-26T10:00:00Z", "Fix crash in paged attention on Hopper"));
  }
  void add(const std::string& jsonl) {
    auto a = parse_snapshot(jsonl, "test");
    ASSERT_TRUE(a.ok()) << a.error().message;
    ASSERT_TRUE(ActivityStore(*db_).save(*a).ok());
  }
  DayReportRequest request() const {
    DayReportRequest r;
    r.date = parse_date("2026-02-26").value();
    r.repos = kWatch;
    r.now = parse_timestamp("2026-02-27T08:00:00Z")->instant;
    return r;
  }
  // What a sync records for every list of `repo` (sync_lists): read from the
  // 26th's start through `through`, last tried at `attempted`.
  void synced(const std::string& repo, const std::optional<std::string>& through, const std::string& attempted) {
    auto st = db_->prepare(R"sql(
      INSERT OR REPLACE INTO sync_lists(repo, list, synced_from, synced_through, attempted_at)
      VALUES (?1, ?2, '2026-02-26T00:00:00Z', ?3, ?4))sql");
    ASSERT_TRUE(st.ok());
    for (const char* list : {"commits", "pull_requests", "issues", "releases"})
      ASSERT_TRUE(st->bind(1, repo).bind(2, list).bind(3, through).bind(4, attempted).run().ok());
  }
  DayReport get(const DayReportRequest& r) {
    auto d = day_report(*db_, r);
    EXPECT_TRUE(d.ok()) << d.error().message;
    return std::move(d).value();
  }
  TempDir dir_;
  std::optional<Database> db_;
};

TEST_F(DayReportTest, ComposedOnceThenReadBackUnchanged) {
  DayReport first = get(request());
  EXPECT_TRUE(first.recomposed);
  EXPECT_EQ(first.meta.revision, 1);
  EXPECT_EQ(first.meta.producer, "rules");
  DayReport second = get(request());
  EXPECT_FALSE(second.recomposed);
  EXPECT_EQ(render_markdown(second.report), render_markdown(first.report));
  EXPECT_EQ(render_json(second.report), render_json(first.report));
}

TEST_F(DayReportTest, NewItemsInTheWindowRecomposeAndMoveTheRevision) {
  get(request());
  add(commit_line('b', "2026-02-26T11:00:00Z", "Add FP8 GEMM for Blackwell"));
  DayReport d = get(request());
  EXPECT_TRUE(d.recomposed);
  EXPECT_EQ(d.meta.revision, 2);
  EXPECT_NE(render_markdown(d.report).find("Add FP8 GEMM for Blackwell"), std::string::npos);
}

TEST_F(DayReportTest, ItemsOfAnotherDayLeaveTheStoredReportAlone) {
  get(request());
  add(commit_line('c', "2026-02-27T11:00:00Z", "Add FP8 GEMM for Blackwell"));
  EXPECT_FALSE(get(request()).recomposed);
}

TEST_F(DayReportTest, AskedToRecomposeItComposesButKeepsTheRevisionWhenNothingChanged) {
  get(request());
  DayReportRequest r = request();
  r.recompose = Recompose::kAlways;
  DayReport d = get(r);
  EXPECT_TRUE(d.recomposed);
  auto stored = DayReportStore(*db_).find(r.date, "zh").value();
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->meta.revision, 1) << "the same document";
}

TEST_F(DayReportTest, ACompleteReportIsNotReplacedByOneFromAFailedSync) {
  synced("acme/engine", "2026-02-27T08:00:00Z", "2026-02-27T08:00:00Z");
  synced("acme/quiet", "2026-02-27T08:00:00Z", "2026-02-27T08:00:00Z");
  get(request());
  add(commit_line('b', "2026-02-26T11:00:00Z", "Add FP8 GEMM for Blackwell"));
  // The store is then lost for acme/quiet: its lists never read (a first attempt that failed).
  synced("acme/quiet", std::nullopt, "2026-02-27T09:00:00Z");
  for (Recompose how : {Recompose::kWhenStale, Recompose::kAlways}) {
    DayReportRequest again = request();
    again.recompose = how;
    DayReport d = get(again);
    EXPECT_FALSE(d.recomposed);
    EXPECT_TRUE(d.report.incomplete_repos.empty());
    EXPECT_TRUE(d.meta.complete);
  }
}

TEST_F(DayReportTest, TheStoreSaysWhichRepositoriesADayMissesAndAQuietOneIsNotCalledQuiet) {
  synced("acme/engine", "2026-02-27T08:00:00Z", "2026-02-27T08:00:00Z");
  synced("acme/quiet", std::nullopt, "2026-02-27T08:00:00Z");
  DayReport partial = get(request());
  EXPECT_FALSE(partial.meta.complete);
  EXPECT_EQ(partial.report.incomplete_repos, std::vector<std::string>{"acme/quiet"});
  const std::string md = render_markdown(partial.report);
  EXPECT_TRUE(markdown_names_unsynced(md));
  EXPECT_NE(md.find("未同步"), std::string::npos) << md;
  EXPECT_EQ(md.find("昨日无更新"), std::string::npos) << md;
  EXPECT_EQ(md.find("均无更新"), std::string::npos) << md;
  // The next sync reads it: the report is composed again, complete.
  synced("acme/quiet", "2026-02-27T09:00:00Z", "2026-02-27T09:00:00Z");
  DayReport whole = get(request());
  EXPECT_TRUE(whole.recomposed);
  EXPECT_TRUE(whole.meta.complete);
  EXPECT_TRUE(whole.report.incomplete_repos.empty());
  EXPECT_FALSE(markdown_names_unsynced(render_markdown(whole.report)));
  EXPECT_NE(render_markdown(whole.report).find("昨日无更新"), std::string::npos);
}

TEST_F(DayReportTest, EveryRepositoryDownSaysNoneWasSyncedNotThatNoneMoved) {
  synced("acme/engine", std::nullopt, "2026-02-27T08:00:00Z");
  synced("acme/quiet", std::nullopt, "2026-02-27T08:00:00Z");
  DayReport d = get(request());
  const std::string md = render_markdown(d.report);
  EXPECT_EQ(md.find("均无更新"), std::string::npos) << md;
  EXPECT_NE(md.find("2 个关注仓库中 2 个未同步"), std::string::npos) << md;
}

TEST_F(DayReportTest, ADayBeforeTheSyncBeganOrNotOverYetIsNotCalledIncomplete) {
  auto unsynced = [&](const std::string& day) {
    auto window = make_report_window(parse_date(day).value(), "UTC").value();
    auto names = day_unsynced_repos(*db_, kWatch, window);
    EXPECT_TRUE(names.ok());
    return *names;
  };
  // Read successfully at 06:00 on the 26th: the day is not over, nothing failed.
  synced("acme/engine", "2026-02-26T06:00:00Z", "2026-02-26T06:00:00Z");
  synced("acme/quiet", "2026-02-26T06:00:00Z", "2026-02-26T06:00:00Z");
  EXPECT_TRUE(unsynced("2026-02-26").empty());
  // A later read of acme/quiet failed: now it is.
  synced("acme/quiet", "2026-02-26T06:00:00Z", "2026-02-26T07:00:00Z");
  EXPECT_EQ(unsynced("2026-02-26"), std::vector<std::string>{"acme/quiet"});
  // The 25th ended before the sync began: its data was imported, not missed.
  EXPECT_TRUE(unsynced("2026-02-25").empty());
  // The 27th, not begun when last read: only the failed read counts.
  EXPECT_EQ(unsynced("2026-02-27"), std::vector<std::string>{"acme/quiet"});
}

TEST_F(DayReportTest, AStoredDocumentThisProgramCannotReadIsComposedAgain) {
  get(request());
  ASSERT_TRUE(db_->exec("UPDATE day_reports SET document = '{\"format_version\": 1}'").ok());
  DayReport d = get(request());
  EXPECT_TRUE(d.recomposed);
  EXPECT_NE(render_markdown(d.report).find("Fix crash in paged attention"), std::string::npos);
}

TEST_F(DayReportTest, AnotherComposerVersionRecomposes) {
  get(request());
  ASSERT_TRUE(db_->exec("UPDATE day_reports SET rules_version = '0.0.1/compose-0'").ok());
  EXPECT_TRUE(get(request()).recomposed);
}

TEST(ReportJson, ReadsBackWhatItWroteForTheExampleDay) {
  TempDir dir;
  auto db = Database::open(dir.file("s.db")).value();
  auto example = read_snapshot(testing::source_path("examples/2026-02-26"));
  ASSERT_TRUE(example.ok()) << example.error().message;
  ASSERT_TRUE(ActivityStore(db).save(*example).ok());
  for (Language lang : {Language::kZh, Language::kEn}) {
    DayReportRequest r;
    r.date = parse_date("2026-02-26").value();
    r.language = lang;
    r.repos = {"deepseek-ai/DeepGEMM", "deepseek-ai/FlashMLA", "NVIDIA/cutlass", "flashinfer-ai/flashinfer",
               "Dao-AILab/flash-attention", "sgl-project/sglang", "vllm-project/vllm", "NVIDIA/cutile-python"};
    auto day = day_report(db, r);
    ASSERT_TRUE(day.ok()) << day.error().message;
    const std::string json = render_json(day->report);
    auto back = read_report_json(json);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(render_markdown(*back), render_markdown(day->report));
    EXPECT_EQ(render_json(*back), json);
    EXPECT_EQ(back->total_items, day->report.total_items);
  }
}

TEST(ReportJson, NamesTheFirstBadValue) {
  auto bad = read_report_json(R"({"format_version": 2, "date": "2026-02-26", "timezone": "UTC", "language": "zh",
    "date_only_items": 0, "summary": [], "impact": [], "figures": [], "dependency_updates": [], "outlook": [],
    "repos": [{"full_name": "a/b", "url": "u", "releases": [], "issues": [],
               "commits": [{"id": "x", "title": "t", "display_title": "t", "kind": "nonsense"}]}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find(".repos[0].commits[0].kind: unknown kind \"nonsense\""), std::string::npos)
      << bad.error().message;
  EXPECT_FALSE(read_report_json("{\"format_version\": 1}").ok());
  EXPECT_FALSE(read_report_json("not json").ok());
}

}  // namespace
}  // namespace infradigest
