// Chat pieces always fit: whatever a line holds (a 10,000-character title with
// or without spaces, CJK, inside a link or not, a huge code span or URL), no
// piece exceeds its platform's documented limits, checked on the request body
// itself, and no piece cuts a link, a code span or a UTF-8 character.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/utf8_text.h"
#include "publish/chat_markup.h"
#include "publish/markup_units.h"
#include "publish/message_splitter.h"
#include "publish/webhook_platform.h"
#include "test_support.h"

namespace infradigest {
namespace chat_piece_bounds {

using testing::contains;

std::string repeated(std::string_view unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// The documented limits (docs/publishing.md), measured on the body as sent.
std::string limit_broken(std::string_view type, const std::string& body) {
  const auto j = nlohmann::json::parse(body);
  if (type == "wecom") {
    const std::string content = j["markdown"]["content"];
    if (content.size() > 4096) return "WeCom content of " + std::to_string(content.size()) + " bytes";
  } else if (type == "slack") {
    if (j["blocks"].size() > 50) return "more than 50 Slack blocks";
    for (const auto& block : j["blocks"]) {
      const std::string text = block["text"]["text"];
      if (utf8_code_points(text) > 3000) return "a Slack block of " + std::to_string(utf8_code_points(text)) + " chars";
    }
  } else if (type == "json") {
    if (body.size() > 256 * 1024) return "a JSON body over 256 KB";
  } else if (body.size() > 20'000) {
    return std::string(type) + " body of " + std::to_string(body.size()) + " bytes";
  }
  return "";
}

// Every ASCII '[' / '<' / '`' a chat line holds opens a complete link or code
// span: the dialects render literal ones as look-alikes, so a lone one is a cut.
std::string cut_markup(std::string_view type, const std::string& line) {
  if (type == "json") return "";  // raw Markdown: literal brackets are allowed
  for (const auto& unit : markup_units(line)) {
    const char c = line[unit.begin];
    if ((c == '[' || c == '<' || c == '`') && unit.kind == MarkupUnitKind::kCharacter)
      return "a cut link or code span at byte " + std::to_string(unit.begin) + ": " + line.substr(unit.begin, 60);
  }
  return "";
}

void expect_bounded(const std::string& markdown, const std::string& what) {
  for (std::string_view type : {"feishu", "dingtalk", "wecom", "slack", "json"}) {
    auto platform = make_webhook_platform(type);
    const auto pieces = split_into_pieces(*platform, "AI 基础设施日报 · 2026-02-26",
                                          platform->render_lines(parse_chat_lines(markdown), markdown));
    ASSERT_FALSE(pieces.empty()) << type << ": " << what;
    for (const auto& piece : pieces) {
      EXPECT_TRUE(platform->fits(piece)) << type << ": " << what;
      EXPECT_EQ(limit_broken(type, platform->body(piece, "secret", std::chrono::seconds(1'772'100'000))), "")
          << type << ": " << what;
      for (const auto& line : piece.lines) {
        EXPECT_TRUE(is_valid_utf8(line)) << type << ": " << what;
        EXPECT_EQ(cut_markup(type, line), "") << type << ": " << what;
      }
    }
  }
}

std::string report_with(const std::string& bullet) {
  return "# AI 基础设施日报 · 2026-02-26\n\n## 摘要\n\n- 第一条 [PR #1](https://github.com/a/b/pull/1)\n- " + bullet +
         "\n- 最后一条\n";
}

TEST(ChatPieceBounds, TenThousandCharacterTitlesWithAndWithoutSpacesInLinksFit) {
  const std::string url = "https://github.com/vllm-project/vllm/pull/12345";
  expect_bounded(report_with("[" + repeated("a", 10'000) + "](" + url + ") · 说明"), "10k chars, no spaces, in a link");
  expect_bounded(report_with("[" + repeated("word ", 2'000) + "](" + url + ")"), "10k chars with spaces, in a link");
  expect_bounded(report_with("[" + repeated("中", 10'000) + "](" + url + ")"), "10k CJK characters, in a link");
  expect_bounded(report_with("[" + repeated("a&b<c>", 1'700) + "](" + url + ")"), "10k chars Slack escapes, in a link");
}

TEST(ChatPieceBounds, TenThousandCharacterLinesOutsideLinksFit) {
  expect_bounded(report_with(repeated("a", 10'000)), "10k chars, no spaces");
  expect_bounded(report_with(repeated("中文", 5'000)), "10k CJK characters");
  expect_bounded(report_with("**" + repeated("粗", 10'000) + "**"), "10k bold CJK characters");
  expect_bounded(report_with("`" + repeated("x", 10'000) + "`"), "a 10k code span");
  expect_bounded("# " + repeated("标题", 5'000) + "\n\n## " + repeated("h", 10'000) + "\n", "10k headings");
}

TEST(ChatPieceBounds, ALinkWhoseUrlAloneIsTooLongBecomesItsText) {
  const std::string url = "https://example.com/" + repeated("p", 10'000);
  expect_bounded(report_with("[short text](" + url + ") tail"), "a 10k URL");
  auto wecom = make_webhook_platform("wecom");
  const std::string md = report_with("[short text](" + url + ") tail");
  const auto pieces = split_into_pieces(*wecom, "t", wecom->render_lines(parse_chat_lines(md), md));
  std::string all;
  for (const auto& p : pieces)
    for (const auto& l : p.lines) all += l + "\n";
  EXPECT_TRUE(contains(all, "short text")) << all.substr(0, 300);
  EXPECT_TRUE(contains(all, "tail"));
}

TEST(ChatPieceBounds, AClippedLinkKeepsItsUrlAndSaysItWasClipped) {
  auto wecom = make_webhook_platform("wecom");
  const std::string line = "• [" + repeated("a", 10'000) + "](https://github.com/a/b/pull/7) · after";
  const auto pieces = split_into_pieces(*wecom, "t", {line});
  ASSERT_GE(pieces.size(), 1u);
  const std::string& first = pieces[0].lines[0];
  EXPECT_TRUE(contains(first, "…](https://github.com/a/b/pull/7)")) << first.substr(first.size() - 80);
  std::string all;
  for (const auto& p : pieces)
    for (const auto& l : p.lines) all += l;
  EXPECT_TRUE(contains(all, " · after"));
}

TEST(ChatPieceBounds, MoreThan99PiecesStillFitWithTheirWiderNumbering) {
  std::string md = "# AI 基础设施日报 · 2026-02-26\n\n";
  for (int i = 0; i < 60; ++i) md += "- " + repeated("x", 5'000) + "\n";  // each cut to the largest chunk that fits
  auto wecom = make_webhook_platform("wecom");
  const auto pieces = split_into_pieces(*wecom, "AI 基础设施日报 · 2026-02-26", wecom->render_lines(parse_chat_lines(md), md));
  ASSERT_GT(pieces.size(), 99u);
  for (const auto& piece : pieces) EXPECT_EQ(limit_broken("wecom", wecom->body(piece, "", std::chrono::seconds(0))), "");
}

}  // namespace chat_piece_bounds
}  // namespace infradigest
