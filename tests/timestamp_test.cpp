#include <date/date.h>
#include <gtest/gtest.h>

#include <vector>

#include "core/report_window.h"
#include "core/timestamp.h"

namespace infradigest {
namespace {

Timestamp ts(const char* text) { return parse_timestamp(text).value(); }

TEST(Timestamp, ParsesOffsetsToUtc) {
  EXPECT_EQ(ts("2026-02-03T05:41:42+08:00").to_string(), "2026-02-02T21:41:42Z");
  EXPECT_EQ(ts("2026-02-02T13:41:42-08:00").to_string(), "2026-02-02T21:41:42Z");
  EXPECT_EQ(ts("2026-02-26T07:33:35.123Z").to_string(), "2026-02-26T07:33:35Z");
}

TEST(Timestamp, DateOnlyKeepsItsPrecision) {
  Timestamp t = ts("2026-02-26");
  EXPECT_TRUE(t.date_only());
  EXPECT_EQ(t.to_string(), "2026-02-26");
}

TEST(Timestamp, RejectsMalformedWithTheText) {
  for (const char* bad : {"2026-02-30", "2026-2-26", "2026-02-26T25:00:00Z", "2026-02-26T10:00:00",
                          "yesterday", "2026-02-26T10:00:00+0800"}) {
    auto r = parse_timestamp(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find(bad), std::string::npos) << r.error().message;
  }
}

TEST(ReportWindow, UtcDayIsHalfOpen) {
  auto w = make_report_window(parse_date("2026-02-26").value(), "UTC").value();
  EXPECT_TRUE(w.contains(ts("2026-02-26T00:00:00Z")));
  EXPECT_TRUE(w.contains(ts("2026-02-26T23:59:59Z")));
  EXPECT_FALSE(w.contains(ts("2026-02-27T00:00:00Z")));
  EXPECT_FALSE(w.contains(ts("2026-02-25T23:59:59Z")));
}

TEST(ReportWindow, ShanghaiDayStartsAtSixteenUtc) {
  auto w = make_report_window(parse_date("2026-02-26").value(), "Asia/Shanghai").value();
  EXPECT_EQ(format_rfc3339_utc(w.start), "2026-02-25T16:00:00Z");
  EXPECT_EQ(w.local_rfc3339(w.start), "2026-02-26T00:00:00+08:00");
  EXPECT_TRUE(w.contains(ts("2026-02-25T16:00:00Z")));
  EXPECT_FALSE(w.contains(ts("2026-02-26T16:00:00Z")));
}

TEST(ReportWindow, DateOnlyItemsBelongToTheirDateInAnyZone) {
  for (const char* zone : {"UTC", "Asia/Shanghai", "America/Los_Angeles"}) {
    auto w = make_report_window(parse_date("2026-02-26").value(), zone).value();
    EXPECT_TRUE(w.contains(ts("2026-02-26"))) << zone;
    EXPECT_FALSE(w.contains(ts("2026-02-27"))) << zone;
  }
}

TEST(ReportWindow, DstDayHas23Hours) {
  auto w = make_report_window(parse_date("2026-03-08").value(), "America/New_York").value();
  EXPECT_EQ(w.end - w.start, std::chrono::hours{23});
}

TEST(ReportWindow, UnknownZoneIsAClearError) {
  auto r = make_report_window(parse_date("2026-02-26").value(), "Mars/Olympus");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Mars/Olympus"), std::string::npos);
}

// format_date and format_rfc3339_utc write digits by hand for years 0-9999:
// the same text as date::format, which they replaced on the report's hot path,
// before and after the epoch, across leap days and at the ends of the range.
TEST(Timestamp, HandFormattingMatchesDateFormat) {
  using namespace std::chrono;
  const std::vector<SysSeconds> instants = {
      SysSeconds{},
      sys_days{year{2024} / February / 29} + hours{23} + minutes{59} + seconds{59},
      sys_days{year{2026} / February / 26} + hours{8},
      sys_days{year{1969} / December / 31} + hours{12} + minutes{34} + seconds{56},
      sys_days{year{0} / January / 1},
      sys_days{year{9999} / December / 31} + hours{23} + minutes{59} + seconds{59},
      sys_days{year{10000} / January / 1} + hours{1},
      sys_days{year{-1} / June / 15} + minutes{5},
  };
  for (SysSeconds t : instants) {
    EXPECT_EQ(format_rfc3339_utc(t), date::format("%FT%TZ", t));
    const SysDays day = floor<days>(t);
    EXPECT_EQ(format_date(day), date::format("%F", date::sys_days{date::days{day.time_since_epoch().count()}}));
  }
}

}  // namespace
}  // namespace infradigest
