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
  get(request());
  add(commit_line('b', "2026-02-26T11:00:00Z", "Add FP8 GEMM for Blackwell"));
  DayReportRequest failed = request();
  failed.incomplete_repos = {"acme/quiet"};
  DayReport d = get(failed);
  EXPECT_FALSE(d.recomposed);
  EXPECT_TRUE(d.report.incomplete_repos.empty());
  EXPECT_TRUE(d.meta.complete);
}

TEST_F(DayReportTest, AnIncompleteReportIsComposedAgainOnceTheSyncSucceeds) {
  DayReportRequest failed = request();
  failed.incomplete_repos = {"acme/quiet"};
  DayReport partial = get(failed);
  EXPECT_FALSE(partial.meta.complete);
  EXPECT_EQ(partial.report.incomplete_repos, std::vector<std::string>{"acme/quiet"});
  DayReport whole = get(request());
  EXPECT_TRUE(whole.recomposed);
  EXPECT_TRUE(whole.meta.complete);
  EXPECT_TRUE(whole.report.incomplete_repos.empty());
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
