// append_compact_json (snapshot/compact_json.h) must write exactly what
// nlohmann's compact strict dump writes: the day's fingerprint hashes these
// bytes, so any difference would compose every stored report again.
#include "snapshot/compact_json.h"

#include <gtest/gtest.h>

#include <string>

#include "snapshot/activity_json.h"
#include "snapshot/snapshot_reader.h"
#include "test_support.h"

namespace infradigest {
namespace {

std::string nlohmann_dump(const OrderedJson& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

std::string compact_dump(const OrderedJson& j) {
  std::string out;
  append_compact_json(j, out);
  return out;
}

TEST(CompactJson, WritesWhatNlohmannWritesForEveryItemOfTheExampleDay) {
  auto day = read_snapshot(testing::source_path("examples/2026-02-26"));
  ASSERT_TRUE(day) << day.error().message;
  std::size_t lines = 0;
  auto check = [&](const OrderedJson& j) {
    ++lines;
    EXPECT_EQ(compact_dump(j), nlohmann_dump(j));
  };
  for (const auto& r : day->repositories) check(encode(r));
  for (const auto& c : day->commits) check(encode(c));
  for (const auto& p : day->pull_requests) check(encode(p));
  for (const auto& i : day->issues) check(encode(i));
  for (const auto& r : day->releases) check(encode(r));
  EXPECT_GT(lines, 100u);
}

TEST(CompactJson, EscapesControlCharactersQuotesAndBackslashesLikeNlohmann) {
  std::string every_ascii;
  for (int c = 0; c < 0x80; ++c) every_ascii += static_cast<char>(c);
  const OrderedJson j = {
      {"ascii", every_ascii},
      {"empty", ""},
      {"utf8", "修复 GPT‑OSS \u00e9"},
      {"quoted \"key\"\t", "a\\b"},
      {"numbers", {0, -1, 42, 9007199254740993LL, 18446744073709551615ULL, 1.5, -0.25, 1e100}},
      {"flags", {true, false, nullptr}},
      {"nested", {{"object", OrderedJson::object()}, {"array", OrderedJson::array()}}},
  };
  EXPECT_EQ(compact_dump(j), nlohmann_dump(j));
  EXPECT_EQ(compact_dump(OrderedJson("\x01\x1f\x7f")), "\"\\u0001\\u001f\x7f\"");
}

TEST(CompactJson, MalformedUtf8FailsAsNlohmannDoes) {
  for (const char* bad : {"ok \xff", "\xc0\xaf", "\xed\xa0\x80", "\xe4\xbf", "\xf4\x90\x80\x80", "\x80"}) {
    const OrderedJson j = {{"text", std::string(bad)}};
    EXPECT_THROW(nlohmann_dump(j), nlohmann::json::type_error) << bad;
    EXPECT_THROW(compact_dump(j), nlohmann::json::type_error) << bad;
  }
}

TEST(CompactJson, MalformedUtf8IsReplacedAsNlohmannReplacesIt) {
  const auto replace = nlohmann::json::error_handler_t::replace;
  const OrderedJson j = {{"text", std::string("ok \xff \xe4\xbf")},
                         {std::string("k\xc0"), {"\xed\xa0\x80", "fine"}}};
  std::string out;
  append_compact_json(j, out, replace);
  EXPECT_EQ(out, j.dump(-1, ' ', false, replace));
}

}  // namespace
}  // namespace infradigest
