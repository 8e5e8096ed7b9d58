#include "core/report_window.h"

#include <date/tz.h>

namespace infradigest {

namespace {

Result<const date::time_zone*> find_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return make_error("unknown timezone '" + name +
                      "': use an IANA name such as UTC or Asia/Shanghai");
  }
}

// Local midnight may not exist (a DST gap at 00:00): take the first instant of
// the day, i.e. the end of the gap.
SysSeconds start_of_local_day(const date::time_zone* zone, SysDays day) {
  date::local_seconds midnight{day.time_since_epoch()};
  auto info = zone->get_info(midnight);
  if (info.result == date::local_info::nonexistent)
    return std::chrono::floor<std::chrono::seconds>(info.second.begin);
  return zone->to_sys(midnight, date::choose::earliest);
}

}  // namespace

Result<ReportWindow> make_report_window(SysDays date, const std::string& timezone) {
  auto zone = find_zone(timezone);
  if (!zone) return zone.error();
  ReportWindow w;
  w.date = date;
  w.timezone = timezone;
  w.start = start_of_local_day(*zone, date);
  w.end = start_of_local_day(*zone, date + std::chrono::days{1});
  return w;
}

Result<SysDays> local_date(SysSeconds instant, const std::string& timezone) {
  auto zone = find_zone(timezone);
  if (!zone) return zone.error();
  auto local = (*zone)->to_local(instant);
  return SysDays{std::chrono::floor<std::chrono::days>(local).time_since_epoch()};
}

bool ReportWindow::contains(const Timestamp& t) const {
  if (t.date_only()) return t.date() == date;
  return start <= t.instant && t.instant < end;
}

std::string ReportWindow::local_rfc3339(SysSeconds instant) const {
  auto zone = date::locate_zone(timezone);
  auto info = zone->get_info(instant);
  auto local = zone->to_local(instant);
  auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
  char sign = offset < 0 ? '-' : '+';
  if (offset < 0) offset = -offset;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, static_cast<int>(offset / 60),
                static_cast<int>(offset % 60));
  return date::format("%FT%T", local) + buf;
}

}  // namespace infradigest
