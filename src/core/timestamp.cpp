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

// Writes `value` as `width` decimal digits at `at` (zero-padded; value >= 0).
void put_timestamp_digits(std::string& out, std::size_t at, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
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

// Every stored time is written and hashed each time a day's items are
// fingerprinted or rendered: years 0-9999 are formatted by hand, without the
// stream date::format builds per call; other years keep its spelling.
std::string format_date(SysDays day) {
  const std::chrono::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999)
    return date::format("%F", date::sys_days{date::days{day.time_since_epoch().count()}});
  std::string out = "0000-00-00";
  put_timestamp_digits(out, 0, year, 4);
  put_timestamp_digits(out, 5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  put_timestamp_digits(out, 8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  return out;
}

std::string format_rfc3339_utc(SysSeconds instant) {
  const SysDays day = std::chrono::floor<std::chrono::days>(instant);
  const int year = static_cast<int>(std::chrono::year_month_day{day}.year());
  if (year < 0 || year > 9999) return date::format("%FT%TZ", instant);
  const long long seconds = (instant - day).count();
  std::string out = format_date(day) + "T00:00:00Z";
  put_timestamp_digits(out, 11, static_cast<int>(seconds / 3600), 2);
  put_timestamp_digits(out, 14, static_cast<int>(seconds / 60 % 60), 2);
  put_timestamp_digits(out, 17, static_cast<int>(seconds % 60), 2);
  return out;
}

std::string Timestamp::to_string() const {
  return date_only() ? format_date(date()) : format_rfc3339_utc(instant);
}

}  // namespace infradigest
