// Timestamp: an instant in UTC, or a calendar date when the source gives only
// the day (precision kDay). Date-only values are never turned into invented
// times: they belong to the report of exactly that date, in any timezone.
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include "core/result.h"

namespace infradigest {

using SysSeconds = std::chrono::sys_seconds;
using SysDays = std::chrono::sys_days;

enum class TimePrecision : int { kSecond = 0, kDay = 1 };

struct Timestamp {
  SysSeconds instant{};  // for kDay: 00:00:00 UTC of the date
  TimePrecision precision = TimePrecision::kSecond;

  bool date_only() const { return precision == TimePrecision::kDay; }
  SysDays date() const { return std::chrono::floor<std::chrono::days>(instant); }

  // Canonical text: "2026-02-26T07:33:35Z" or, date-only, "2026-02-26".
  // Canonical texts sort in time order, which the store relies on.
  std::string to_string() const;

  friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

// Parses RFC 3339 ("2026-02-26T07:33:35Z", "2026-02-26T05:41:42+08:00",
// fractional seconds allowed) or a bare date "2026-02-26" (date-only).
Result<Timestamp> parse_timestamp(std::string_view text);

// Parses a calendar date "YYYY-MM-DD" (validated: 2026-02-30 is an error).
Result<SysDays> parse_date(std::string_view text);

std::string format_date(SysDays day);                 // "2026-02-26"
std::string format_rfc3339_utc(SysSeconds instant);  // "2026-02-26T07:33:35Z"

}  // namespace infradigest
