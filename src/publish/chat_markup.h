// The report in each chat platform's markup. The report's Markdown is parsed
// with cmark-gfm into lines of spans (text, link, bold, code) and rendered in
// a platform dialect, one complete line per string, so splitting a message on
// line boundaries can never cut a link or a character. Untrusted text has
// mass mentions (@all, @所有人, <!channel>, <at id=all>) neutralised and the
// dialect's markup characters made inert.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace infradigest {

struct ChatSpan {
  std::string text;  // unescaped text
  std::string url;   // empty: not a link
  bool strong = false;
  bool code = false;
};

enum class ChatLineKind : int { kHeading = 0, kBullet = 1, kQuote = 2, kText = 3 };

struct ChatLine {
  ChatLineKind kind = ChatLineKind::kText;
  int level = 0;  // heading level (1..6) or bullet depth (0..)
  std::vector<ChatSpan> spans;
};

// Parses Markdown (as render_markdown writes it) into lines; blank lines dropped.
std::vector<ChatLine> parse_chat_lines(std::string_view markdown);

enum class ChatDialect : int {
  kFeishu = 0,    // Feishu/Lark card markdown
  kDingTalk = 1,  // DingTalk robot markdown
  kWeCom = 2,     // WeCom group robot markdown
  kSlack = 3,     // Slack mrkdwn
};

// One line in `dialect`. Spans [first, last) only, for cutting an over-long line.
std::string render_chat_line(const ChatLine& line, ChatDialect dialect);
std::string render_chat_spans(const ChatLine& line, size_t first, size_t last, ChatDialect dialect);

// Inserts a zero-width space after '@' in @all, @everyone, @here, @channel,
// @所有人 (any case), so no chat platform reads them as mass mentions.
std::string neutralize_mentions(std::string_view text);

}  // namespace infradigest
