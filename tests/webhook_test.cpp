// Chat delivery pieces: signatures (golden vectors), markup, splitting.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/percent_encoding.h"
#include "core/utf8_text.h"
#include "publish/chat_markup.h"
#include "publish/message_splitter.h"
#include "publish/signing.h"
#include "publish/webhook_platform.h"
#include "test_support.h"

namespace infradigest {
namespace {

using testing::contains;

// Golden vectors computed independently with OpenSSL's command line:
//   printf '' | openssl dgst -sha256 -hmac "$(printf '1599360473\ndemo-secret')" -binary | base64
//   printf '1577262236757\ndemo-secret' | openssl dgst -sha256 -hmac 'demo-secret' -binary | base64
TEST(WebhookSigning, FeishuAndDingTalkMatchGoldenVectors) {
  EXPECT_EQ(feishu_signature(1599360473, "demo-secret"), "3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=");
  EXPECT_EQ(dingtalk_signature(1577262236757, "demo-secret"), "ZiKfpM8mRFX+aug+jm62G9QWhExCBt8wm7cFAmXd+6Y=");
  EXPECT_EQ(percent_encode("ZiKfpM8mRFX+aug+jm62G9QWhExCBt8wm7cFAmXd+6Y="), "ZiKfpM8mRFX%2Baug%2Bjm62G9QWhExCBt8wm7cFAmXd%2B6Y%3D");
  EXPECT_EQ(base64_encode("ab"), "YWI=");
}

TEST(WebhookMarkup, MassMentionsAreNeutralised) {
  EXPECT_EQ(neutralize_mentions("ping @all and @ALL, @所有人 @here @channel @everyone"),
            "ping @\u200Ball and @\u200BALL, @\u200B所有人 @\u200Bhere @\u200Bchannel @\u200Beveryone");
  EXPECT_EQ(neutralize_mentions("@alloy @allen mail@here.com"), "@alloy @allen mail@\u200Bhere.com");
}

TEST(WebhookMarkup, HostileTitlesStayTextInEveryDialect) {
  const auto lines = parse_chat_lines(
      "### a/b\n\n- [\\<at user\\_id=\"all\"\\>x\\</at\\> \\[y\\](javascript:1)](https://github.com/a/b/commit/1) "
      "· \\<!channel\\> @all\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].kind, ChatLineKind::kBullet);
  const std::string feishu = render_chat_line(lines[1], ChatDialect::kFeishu);
  EXPECT_EQ(feishu, "• [&lt;at user_id=\"all\"&gt;x&lt;/at&gt; &#91;y&#93;(javascript:1)](https://github.com/a/b/commit/1) · "
                    "&lt;!channel&gt; @\u200Ball");
  EXPECT_EQ(render_chat_line(lines[1], ChatDialect::kWeCom),
            "• [＜at user_id=\"all\"＞x＜/at＞ ［y］(javascript:1)](https://github.com/a/b/commit/1) · ＜!channel＞ @\u200Ball");
  const std::string slack = render_chat_line(lines[1], ChatDialect::kSlack);
  EXPECT_EQ(slack, "• <https://github.com/a/b/commit/1|&lt;at user_id=\"all\"&gt;x&lt;/at&gt; [y](javascript:1)> · "
                   "&lt;!channel&gt; @\u200Ball");
  EXPECT_EQ(render_chat_line(lines[0], ChatDialect::kWeCom), "#### a/b");
  EXPECT_EQ(render_chat_line(lines[0], ChatDialect::kSlack), "*a/b*");
}

// Titles quote identifiers in backticks and areas in brackets. Slack keeps
// paired backticks as real code spans (and '*' inside them as is); Feishu
// shows brackets and backticks as ASCII through character references; an
// unpaired backtick never opens a span that eats the rest of the line.
TEST(WebhookMarkup, SlackKeepsCodeSpansAndFeishuKeepsAsciiBracketsAndBackticks) {
  const auto lines = parse_chat_lines(
      "- [\\[Bug\\] FLUX output with \\`--num-gpus 8\\`](https://github.com/a/b/issues/1) "
      "\\[AMD\\] use \\`a*b\\` and `x_y` then \\` alone\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(render_chat_line(lines[0], ChatDialect::kSlack),
            "• <https://github.com/a/b/issues/1|[Bug] FLUX output with `--num-gpus 8`> [AMD] use `a*b` and `x_y` then ˋ alone");
  EXPECT_EQ(render_chat_line(lines[0], ChatDialect::kFeishu),
            "• [&#91;Bug&#93; FLUX output with &#96;--num-gpus 8&#96;](https://github.com/a/b/issues/1) "
            "&#91;AMD&#93; use &#96;a&#42;b&#96; and &#96;x_y&#96; then &#96; alone");
  // Text that already looks like a character reference is not decoded by Feishu.
  const auto entity = parse_chat_lines("R&D &amp;lt; x\n");
  EXPECT_EQ(render_chat_line(entity[0], ChatDialect::kFeishu), "R&D &amp;lt; x");
}

// The report's 性能数据 table: chat platforms render no Markdown tables, so each
// body row becomes a bullet with its cells joined; the header row is dropped.
TEST(WebhookMarkup, TableRowsBecomeBulletsWithTheirLinks) {
  const auto lines = parse_chat_lines(
      "## 性能数据\n\n| 仓库 | 变更 | 原文数据 |\n| --- | --- | --- |\n"
      "| a/b | [perf: faster \\| decode](https://github.com/a/b/commit/1) | “2.78x throughput” |\n"
      "| c/d | [x](https://github.com/c/d/pull/2) | “7% lower TTFT” |\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].kind, ChatLineKind::kBullet);
  EXPECT_EQ(render_chat_line(lines[1], ChatDialect::kFeishu),
            "• a/b · [perf: faster | decode](https://github.com/a/b/commit/1) · “2.78x throughput”");
  EXPECT_EQ(render_chat_line(lines[2], ChatDialect::kSlack), "• c/d · <https://github.com/c/d/pull/2|x> · “7% lower TTFT”");
}

// A long report: 400 lines of Chinese text and links.
std::vector<std::string> long_lines(ChatDialect dialect) {
  std::string md = "# 标题\n\n## 摘要\n\n";
  for (int i = 0; i < 400; ++i)
    md += "- 第 " + std::to_string(i) + " 项：[修复 Blackwell 上的 MoE 内核 " + std::to_string(i) +
          "](https://github.com/a/b/commit/" + std::to_string(1000 + i) + ") · 标签：MoE、FP8\n";
  std::vector<std::string> out;
  for (const auto& l : parse_chat_lines(md)) out.push_back(render_chat_line(l, dialect));
  return out;
}

TEST(WebhookSplit, WeComPiecesStayUnder4096BytesInOrderWithWholeLines) {
  auto platform = make_webhook_platform("wecom");
  const auto lines = platform->render_lines(parse_chat_lines("x"), "");  // warm-up: nothing
  EXPECT_TRUE(lines.size() <= 1);
  const auto all = long_lines(ChatDialect::kWeCom);
  const auto pieces = split_into_pieces(*platform, "AI 基础设施日报 · 2026-02-26", all);
  ASSERT_GT(pieces.size(), 5u);
  std::vector<std::string> rejoined;
  for (size_t i = 0; i < pieces.size(); ++i) {
    EXPECT_EQ(pieces[i].index, static_cast<int>(i + 1));
    EXPECT_EQ(pieces[i].count, static_cast<int>(pieces.size()));
    auto body = nlohmann::json::parse(platform->body(pieces[i], "", std::chrono::seconds(0)));
    const std::string content = body["markdown"]["content"];
    EXPECT_LE(content.size(), 4096u);
    EXPECT_TRUE(contains(content, "(" + std::to_string(i + 1) + "/" + std::to_string(pieces.size()) + ")"));
    EXPECT_TRUE(is_valid_utf8(content));
    rejoined.insert(rejoined.end(), pieces[i].lines.begin(), pieces[i].lines.end());
  }
  EXPECT_EQ(rejoined, all) << "every line once, in order, uncut";
}

TEST(WebhookSplit, SlackBlocksWithinLimits) {
  auto platform = make_webhook_platform("slack");
  const auto pieces = split_into_pieces(*platform, "t", long_lines(ChatDialect::kSlack));
  ASSERT_GT(pieces.size(), 1u);
  for (const auto& p : pieces) {
    auto body = nlohmann::json::parse(platform->body(p, "", std::chrono::seconds(0)));
    EXPECT_LE(body["blocks"].size(), 50u);
    for (const auto& b : body["blocks"]) {
      const std::string text = b["text"]["text"];
      size_t chars = 0;
      for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
      EXPECT_LE(chars, 3000u);
    }
  }
}

TEST(WebhookSplit, AnOverlongLineIsCutOutsideLinksAndCharacters) {
  auto platform = make_webhook_platform("wecom");
  std::string line;
  for (int i = 0; i < 120; ++i) line += "[链接" + std::to_string(i) + "](https://github.com/a/b/pull/" + std::to_string(i) + ") 中文说明，";
  ASSERT_GT(line.size(), 4096u);
  const auto pieces = split_into_pieces(*platform, "t", {line});
  ASSERT_GE(pieces.size(), 2u);
  std::string rejoined;
  for (const auto& p : pieces) {
    for (const auto& l : p.lines) {
      EXPECT_TRUE(is_valid_utf8(l));
      // Every '[' opens a link that closes in the same piece.
      size_t open = 0, close = 0;
      for (size_t at = l.find('['); at != std::string::npos; at = l.find('[', at + 1)) ++open;
      for (size_t at = l.find("https://"); at != std::string::npos; at = l.find("https://", at + 1)) ++close;
      EXPECT_EQ(open, close) << l.substr(0, 80);
      EXPECT_EQ(std::count(l.begin(), l.end(), '('), std::count(l.begin(), l.end(), ')'));
      rejoined += l;
    }
  }
  EXPECT_EQ(rejoined, line);
}

TEST(WebhookReplies, Http200WithAnErrorCodeIsAFailure) {
  auto feishu = make_webhook_platform("feishu");
  HttpResponse ok{200, {}, R"({"code":0,"msg":"success","data":{}})"};
  EXPECT_EQ(feishu->judge(ok).verdict, ReplyVerdict::kDelivered);
  HttpResponse sign{200, {}, R"({"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"})"};
  auto reply = feishu->judge(sign);
  EXPECT_EQ(reply.verdict, ReplyVerdict::kFailed);
  EXPECT_TRUE(contains(reply.detail, "19021")) << reply.detail;
  EXPECT_EQ(feishu->judge({200, {}, R"({"code":11232,"msg":"frequency limited"})"}).verdict, ReplyVerdict::kRetry);
  auto wecom = make_webhook_platform("wecom");
  EXPECT_EQ(wecom->judge({200, {}, R"({"errcode":93000,"errmsg":"invalid webhook url"})"}).verdict, ReplyVerdict::kFailed);
  EXPECT_EQ(wecom->judge({200, {}, R"({"errcode":45009,"errmsg":"api freq out of limit"})"}).verdict, ReplyVerdict::kRetry);
  auto slack = make_webhook_platform("slack");
  EXPECT_EQ(slack->judge({200, {}, "ok"}).verdict, ReplyVerdict::kDelivered);
  EXPECT_EQ(slack->judge({400, {}, "invalid_blocks"}).verdict, ReplyVerdict::kFailed);
  auto limited = slack->judge({429, {{"retry-after", "7"}}, "rate_limited"});
  EXPECT_EQ(limited.verdict, ReplyVerdict::kRetry);
  EXPECT_EQ(limited.retry_after, std::chrono::milliseconds(7000));
  EXPECT_EQ(make_webhook_platform("json")->judge({503, {}, ""}).verdict, ReplyVerdict::kRetry);
}

}  // namespace
}  // namespace infradigest
