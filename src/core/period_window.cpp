#include "core/period_window.h"

#include <date/date.h>
#include <date/iso_week.h>

#include <cstdio>

namespace infradigest {

std::optional<PeriodKind> parse_period_kind(std::string_view name) {
  if (name == "week") return PeriodKind::kWeek;
  if (name == "month") return PeriodKind::kMonth;
  return std::nullopt;
}

std::string_view period_kind_name(PeriodKind kind) { return kind == PeriodKind::kWeek ? "week" : "month"; }

bool PeriodWindow::contains(const Timestamp& t) const {
  if (t.date_only()) return first <= t.date() && t.date() <= last;
  return start <= t.instant && t.instant < end;
}

std::vector<SysDays> PeriodWindow::days() const {
  std::vector<SysDays> out;
  for (SysDays d = first; d <= last; d += std::chrono::days{1}) out.push_back(d);
  return out;
}

std::string PeriodWindow::label() const {
  if (kind == PeriodKind::kWeek) {
    const iso_week::year_weeknum_weekday iso{date::sys_days{first}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d-W%02u", static_cast<int>(iso.year()),
                  static_cast<unsigned>(iso.weeknum()));
    return buf;
  }
  return format_date(first).substr(0, 7);
}

std::string PeriodWindow::local_rfc3339(SysSeconds instant) const {
  ReportWindow zone_only;
  zone_only.timezone = timezone;
  return zone_only.local_rfc3339(instant);
}

Result<PeriodWindow> make_period_window(PeriodKind kind, SysDays date, const std::string& timezone) {
  PeriodWindow w;
  w.kind = kind;
  w.timezone = timezone;
  if (kind == PeriodKind::kWeek) {
    // date's weekday: Monday = 1 ... Sunday = 7 in ISO numbering.
    const unsigned iso_day = date::weekday{date}.iso_encoding();
    w.first = date - std::chrono::days{iso_day - 1};
    w.last = w.first + std::chrono::days{6};
  } else {
    const date::year_month_day ymd{date};
    const date::year_month ym{ymd.year(), ymd.month()};
    w.first = date::sys_days{ym / date::day{1}};
    w.last = date::sys_days{ym / date::last};
  }
  // The period's bounds are its first and last daily windows' bounds, so the
  // DST rules of ReportWindow apply unchanged.
  auto first = make_report_window(w.first, timezone);
  if (!first) return first.error();
  auto last = make_report_window(w.last, timezone);
  if (!last) return last.error();
  w.start = first->start;
  w.end = last->end;
  return w;
}

Result<PeriodWindow> previous_period(const PeriodWindow& window) {
  return make_period_window(window.kind, window.first - std::chrono::days{1}, window.timezone);
}

}  // namespace infradigest
