// ReportWindow: the half-open interval [D 00:00, D+1 00:00) of report date D
// in an IANA timezone. An item belongs to exactly one daily window.
#pragma once

#include <string>

#include "core/result.h"
#include "core/timestamp.h"

namespace infradigest {

struct ReportWindow {
  SysDays date{};        // the report date D (a calendar date in `timezone`)
  std::string timezone;  // IANA name, e.g. "UTC", "Asia/Shanghai"
  SysSeconds start{};    // D 00:00 in timezone, as UTC
  SysSeconds end{};      // D+1 00:00 in timezone, as UTC (exclusive)

  // True when `t` falls in the window: start <= t < end for instants; for a
  // date-only timestamp, when its date equals D (the day the source names).
  bool contains(const Timestamp& t) const;

  // "2026-02-26T00:00:00+08:00": an instant rendered in the window's zone.
  std::string local_rfc3339(SysSeconds instant) const;
};

// Computes the window for `date` in `timezone` (DST-aware: a day may be 23 or
// 25 hours). Errors name the unknown zone.
Result<ReportWindow> make_report_window(SysDays date, const std::string& timezone);

// The calendar date of `instant` in `timezone`.
Result<SysDays> local_date(SysSeconds instant, const std::string& timezone);

}  // namespace infradigest
