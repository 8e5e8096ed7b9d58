#include "core/timestamp.h"

#include <date/date.h>

#include <sstream>

namespace infradigest {

namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

Result<SysDays> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !all_digits(text.substr(0, 4)) ||
      !all_digits(text.substr(5, 2)) || !all_digits(text.substr(8, 2)))
    return make_error("invalid date '" + std::string(text) + "': expected YYYY-MM-DD");
  date::year_month_day ymd{date::year{to_int(text.substr(0, 4))},
                           date::month{static_cast<unsigned>(to_int(text.substr(5, 2)))},
                           date::day{static_cast<unsigned>(to_int(text.substr(8, 2)))}};
  if (!ymd.ok()) return make_error("invalid date '" + std::string(text) + "': no such day");
  return SysDays{date::sys_days{ymd}.time_since_epoch()};
}

Result<Timestamp> parse_timestamp(std::string_view text) {
  if (text.size() == 10) {
    auto day = parse_date(text);
    if (!day) return day.error();
    return Timestamp{SysSeconds{*day}, TimePrecision::kDay};
  }
  auto bad = [&](const char* why) {
    return make_error("invalid timestamp '" + std::string(text) + "': " + why +
                      " (expected RFC 3339, e.g. 2026-02-26T07:33:35Z)");
  };
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' '))
    return bad("malformed");
  auto day = parse_date(text.substr(0, 10));
  if (!day) return bad("bad date");
  std::string_view t = text.substr(11);
  if (t.size() < 8 || t[2] != ':' || t[5] != ':' || !all_digits(t.substr(0, 2)) ||
      !all_digits(t.substr(3, 2)) || !all_digits(t.substr(6, 2)))
    return bad("bad time of day");
  int hh = to_int(t.substr(0, 2)), mm = to_int(t.substr(3, 2)), ss = to_int(t.substr(6, 2));
  if (hh > 23 || mm > 59 || ss > 60) return bad("time of day out of range");
  t.remove_prefix(8);
  if (!t.empty() && t[0] == '.') {  // fractional seconds: dropped (second precision)
    size_t i = 1;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == 1) return bad("empty fraction");
    t.remove_prefix(i);
  }
  std::chrono::seconds offset{0};
  if (t == "Z" || t == "z") {
  } else if (t.size() == 6 && (t[0] == '+' || t[0] == '-') && t[3] == ':' &&
             all_digits(t.substr(1, 2)) && all_digits(t.substr(4, 2))) {
    int oh = to_int(t.substr(1, 2)), om = to_int(t.substr(4, 2));
    if (oh > 23 || om > 59) return bad("offset out of range");
    offset = std::chrono::hours{oh} + std::chrono::minutes{om};
    if (t[0] == '-') offset = -offset;
  } else {
    return bad("missing or malformed UTC offset");
  }
  SysSeconds local = SysSeconds{*day} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
                     std::chrono::seconds{ss == 60 ? 59 : ss};
  return Timestamp{local - offset, TimePrecision::kSecond};
}

std::string format_date(SysDays day) {
  return date::format("%F", date::sys_days{date::days{day.time_since_epoch().count()}});
}

std::string format_rfc3339_utc(SysSeconds instant) { return date::format("%FT%TZ", instant); }

std::string Timestamp::to_string() const {
  return date_only() ? format_date(date()) : format_rfc3339_utc(instant);
}

}  // namespace infradigest
