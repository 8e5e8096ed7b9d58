// PeriodWindow: which days a weekly / monthly report covers, in a zone.
#include <gtest/gtest.h>

#include "composed_day_fixture.h"
#include "core/period_window.h"

namespace infradigest {
namespace {

using testing::day;
using testing::at;

TEST(PeriodWindow, WeekIsTheIsoWeekMondayToSundayContainingTheDate) {
  for (const char* d : {"2026-02-23", "2026-02-26", "2026-03-01"}) {
    auto w = make_period_window(PeriodKind::kWeek, day(d), "UTC").value();
    EXPECT_EQ(format_date(w.first), "2026-02-23") << d;  // a Monday
    EXPECT_EQ(format_date(w.last), "2026-03-01") << d;   // the Sunday after
    EXPECT_EQ(w.label(), "2026-W09") << d;
    EXPECT_EQ(w.days().size(), 7u);
  }
  EXPECT_EQ(format_date(make_period_window(PeriodKind::kWeek, day("2026-02-22"), "UTC")->first), "2026-02-16");
}

TEST(PeriodWindow, WeekBoundsAreLocalMidnightsOfTheZone) {
  auto w = make_period_window(PeriodKind::kWeek, day("2026-02-26"), "Asia/Shanghai").value();
  EXPECT_EQ(format_rfc3339_utc(w.start), "2026-02-22T16:00:00Z");
  EXPECT_EQ(format_rfc3339_utc(w.end), "2026-03-01T16:00:00Z");
  EXPECT_TRUE(w.contains(at("2026-02-22T17:30:00Z")));   // Monday 01:30 local
  EXPECT_FALSE(w.contains(at("2026-02-22T15:59:59Z")));  // Sunday 23:59 local, the week before
  EXPECT_FALSE(w.contains(at("2026-03-01T16:30:00Z")));  // next Monday 00:30 local
  EXPECT_EQ(w.local_rfc3339(w.start), "2026-02-23T00:00:00+08:00");
}

TEST(PeriodWindow, DateOnlyItemsBelongToTheirDate) {
  auto w = make_period_window(PeriodKind::kWeek, day("2026-02-26"), "Pacific/Kiritimati").value();
  EXPECT_TRUE(w.contains(at("2026-02-23")));
  EXPECT_TRUE(w.contains(at("2026-03-01")));
  EXPECT_FALSE(w.contains(at("2026-03-02")));
  EXPECT_FALSE(w.contains(at("2026-02-22")));
}

TEST(PeriodWindow, MonthIsTheCalendarMonthContainingTheDate) {
  auto feb = make_period_window(PeriodKind::kMonth, day("2026-02-26"), "UTC").value();
  EXPECT_EQ(format_date(feb.first), "2026-02-01");
  EXPECT_EQ(format_date(feb.last), "2026-02-28");
  EXPECT_EQ(feb.label(), "2026-02");
  auto leap = make_period_window(PeriodKind::kMonth, day("2024-02-10"), "UTC").value();
  EXPECT_EQ(format_date(leap.last), "2024-02-29");
}

TEST(PeriodWindow, PreviousPeriodCrossesYearBoundaries) {
  auto jan = make_period_window(PeriodKind::kMonth, day("2026-01-31"), "UTC").value();
  auto dec = previous_period(jan).value();
  EXPECT_EQ(format_date(dec.first), "2025-12-01");
  EXPECT_EQ(format_date(dec.last), "2025-12-31");
  auto week = make_period_window(PeriodKind::kWeek, day("2026-01-01"), "UTC").value();
  EXPECT_EQ(week.label(), "2026-W01");  // Thursday 2026-01-01: ISO week 1 of 2026
  EXPECT_EQ(format_date(week.first), "2025-12-29");
  EXPECT_EQ(previous_period(week)->label(), "2025-W52");
  // 2027-01-01 is a Friday: it belongs to the last ISO week of 2026.
  EXPECT_EQ(make_period_window(PeriodKind::kWeek, day("2027-01-01"), "UTC")->label(), "2026-W53");
}

TEST(PeriodWindow, DaylightSavingWeekHasItsRealLength) {
  // Europe/Berlin springs forward on 2026-03-29 (a Sunday): that week is 167 hours.
  auto w = make_period_window(PeriodKind::kWeek, day("2026-03-25"), "Europe/Berlin").value();
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::hours>(w.end - w.start).count(), 167);
}

TEST(PeriodWindow, UnknownZoneAndPeriodNamesAreErrors) {
  auto w = make_period_window(PeriodKind::kWeek, day("2026-02-26"), "Mars/Olympus");
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().message.find("Mars/Olympus"), std::string::npos);
  EXPECT_FALSE(parse_period_kind("fortnight"));
  EXPECT_EQ(parse_period_kind("month"), PeriodKind::kMonth);
}

}  // namespace
}  // namespace infradigest
