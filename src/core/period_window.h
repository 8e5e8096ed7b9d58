// PeriodWindow: the days a weekly or monthly report covers, as the union of
// their daily ReportWindows, so an item lands in the same period as the daily
// report that holds it.
//   week:  the ISO week (Monday–Sunday) containing the date;
//   month: the calendar month containing the date;
// both in the report's IANA timezone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/report_window.h"

namespace infradigest {

enum class PeriodKind : int { kWeek = 0, kMonth = 1 };

std::optional<PeriodKind> parse_period_kind(std::string_view name);  // "week" | "month"
std::string_view period_kind_name(PeriodKind kind);                  // "week" | "month"

struct PeriodWindow {
  PeriodKind kind = PeriodKind::kWeek;
  SysDays first{};       // first day of the period (local calendar date)
  SysDays last{};        // last day, inclusive
  std::string timezone;  // IANA name
  SysSeconds start{};    // first 00:00 local, as UTC
  SysSeconds end{};      // (last + 1) 00:00 local, as UTC (exclusive)

  // Instants: start <= t < end; a date-only timestamp: first <= date <= last
  // (the same rule as ReportWindow, day by day).
  bool contains(const Timestamp& t) const;
  std::vector<SysDays> days() const;  // first..last
  // "2026-W09" for a week, "2026-02" for a month.
  std::string label() const;
  std::string local_rfc3339(SysSeconds instant) const;
};

// The period of `kind` containing `date` in `timezone`. Errors name an unknown zone.
Result<PeriodWindow> make_period_window(PeriodKind kind, SysDays date, const std::string& timezone);

// The period just before `window`: the previous ISO week, or the previous month.
Result<PeriodWindow> previous_period(const PeriodWindow& window);

}  // namespace infradigest
