#include "publish/chat_markup.h"

#include <algorithm>
#include <cstring>

#include "core/ascii_text.h"
#include "render/gfm_document.h"
#include "render/markdown_text.h"

namespace infradigest {

namespace {

constexpr const char* kZeroWidthSpace = "\xE2\x80\x8B";

bool word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Inline children of `node` appended to `spans`, with inherited style.
void collect_inline(cmark_node* node, bool strong, const std::string& url, std::vector<ChatSpan>& spans) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_HTML_INLINE: {  // shown as text, never as markup
        const char* literal = cmark_node_get_literal(child);
        spans.push_back({literal ? literal : "", url, strong, false});
        break;
      }
      case CMARK_NODE_CODE: {
        const char* literal = cmark_node_get_literal(child);
        spans.push_back({literal ? literal : "", url, strong, url.empty()});
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        spans.push_back({" ", url, strong, false});
        break;
      case CMARK_NODE_STRONG:
      case CMARK_NODE_EMPH:
        collect_inline(child, true, url, spans);
        break;
      case CMARK_NODE_LINK: {
        const char* target = cmark_node_get_url(child);
        collect_inline(child, strong, markdown_url(target ? target : ""), spans);
        break;
      }
      default:
        collect_inline(child, strong, url, spans);
    }
  }
}

// Merges neighbours of the same style (cmark splits text at escapes).
std::vector<ChatSpan> merged(std::vector<ChatSpan> spans) {
  std::vector<ChatSpan> out;
  for (auto& s : spans) {
    if (!out.empty() && out.back().url == s.url && out.back().strong == s.strong && out.back().code == s.code)
      out.back().text += s.text;
    else
      out.push_back(std::move(s));
  }
  return out;
}

// A GFM table (the report's 性能数据) as one bullet per body row, its cells
// joined by " · ": no chat platform here renders Markdown tables, and the
// header's column names are evident from the cells.
void collect_table(cmark_node* table, std::vector<ChatLine>& lines) {
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
    if (std::strcmp(cmark_node_get_type_string(row), "table_row") != 0) continue;  // "table_header"
    ChatLine line{ChatLineKind::kBullet, 0, {}};
    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
      if (cell != cmark_node_first_child(row)) line.spans.push_back({" · ", "", false, false});
      collect_inline(cell, false, "", line.spans);
    }
    line.spans = merged(std::move(line.spans));
    lines.push_back(std::move(line));
  }
}

void collect_blocks(cmark_node* node, int depth, bool quoted, std::vector<ChatLine>& lines) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_HEADING: {
        ChatLine line{ChatLineKind::kHeading, cmark_node_get_heading_level(child), {}};
        collect_inline(child, false, "", line.spans);
        line.spans = merged(std::move(line.spans));
        lines.push_back(std::move(line));
        break;
      }
      case CMARK_NODE_PARAGRAPH: {
        ChatLine line{quoted ? ChatLineKind::kQuote : ChatLineKind::kText, 0, {}};
        collect_inline(child, false, "", line.spans);
        line.spans = merged(std::move(line.spans));
        lines.push_back(std::move(line));
        break;
      }
      case CMARK_NODE_LIST:
        collect_blocks(child, depth + 1, quoted, lines);
        break;
      case CMARK_NODE_ITEM: {
        // The item's first paragraph is the bullet line; nested lists follow.
        bool first = true;
        for (cmark_node* part = cmark_node_first_child(child); part; part = cmark_node_next(part)) {
          if (first && cmark_node_get_type(part) == CMARK_NODE_PARAGRAPH) {
            ChatLine line{ChatLineKind::kBullet, depth - 1, {}};
            collect_inline(part, false, "", line.spans);
            line.spans = merged(std::move(line.spans));
            lines.push_back(std::move(line));
          } else if (cmark_node_get_type(part) == CMARK_NODE_LIST) {
            collect_blocks(part, depth + 1, quoted, lines);
          }
          first = false;
        }
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE:
        collect_blocks(child, depth, true, lines);
        break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK: {
        const char* literal = cmark_node_get_literal(child);
        ChatLine line{ChatLineKind::kText, 0, {{sanitize_text(literal ? literal : ""), "", false, false}}};
        lines.push_back(std::move(line));
        break;
      }
      default:
        if (std::strcmp(cmark_node_get_type_string(child), "table") == 0) collect_table(child, lines);
        break;
    }
  }
}

// Characters that are markup in DingTalk's and WeCom's Markdown subsets, as
// full-width look-alikes, so text never turns into a link, tag or emphasis.
std::string inert_cjk(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "＜"; break;
      case '>': out += "＞"; break;
      case '[': out += "［"; break;
      case ']': out += "］"; break;
      case '*': out += "＊"; break;
      case '`': out += "｀"; break;
      case '#': out += "＃"; break;
      default: out += c;
    }
  }
  return out;
}

// Whether text[at] is '&' opening something a Markdown or HTML reader would
// decode as an entity ("&amp;", "&#91;"): such an '&' must itself be escaped.
bool opens_entity(std::string_view text, size_t at) {
  size_t i = at + 1;
  while (i < text.size() && i < at + 10 && (is_ascii_alnum(text[i]) || text[i] == '#')) ++i;
  return i > at + 1 && i < text.size() && text[i] == ';';
}

// Feishu card Markdown decodes HTML character references, so markup
// characters are written as references of themselves: "[AMD]" and
// "`--num-gpus`" stay ASCII on screen instead of full-width look-alikes, yet
// never open a link, tag, emphasis or code span.
std::string inert_feishu(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '[': out += "&#91;"; break;
      case ']': out += "&#93;"; break;
      case '*': out += "&#42;"; break;
      case '`': out += "&#96;"; break;
      case '~': out += "&#126;"; break;
      case '#': out += "&#35;"; break;
      case '&': out += opens_entity(text, i) ? "&amp;" : "&"; break;
      default: out += text[i];
    }
  }
  return out;
}

// Slack mrkdwn: &, <, > are the only escapes; '|' would end a link's URL
// part; a '*' would open bold. Inside a code span nothing is formatted, so
// only the three escapes apply there.
std::string inert_slack(std::string_view text, bool in_link, bool in_code) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '|': out += in_link ? "｜" : "|"; break;
      case '*': out += in_code ? "*" : "∗"; break;
      case '`': out += "ˋ"; break;  // a code span cannot hold its own delimiter
      default: out += c;
    }
  }
  return out;
}

// Slack text whose backticks pair up ("`--num-gpus 8`" in a title) keeps them
// as real code spans; an unpaired backtick is shown as a look-alike, so it
// cannot swallow the rest of the line.
std::string slack_text_with_code(std::string_view text, bool in_link) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find('`', at);
    const size_t close = open == std::string_view::npos ? open : text.find('`', open + 1);
    if (close == std::string_view::npos || close == open + 1) {
      out += inert_slack(text.substr(at, close == std::string_view::npos ? std::string_view::npos : close + 1 - at),
                         in_link, false);
      at = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    out += inert_slack(text.substr(at, open - at), in_link, false);
    out += "`" + inert_slack(text.substr(open + 1, close - open - 1), in_link, true) + "`";
    at = close + 1;
  }
  return out;
}

std::string render_span(const ChatSpan& s, ChatDialect dialect) {
  const std::string text = neutralize_mentions(sanitize_text(s.text));
  const bool code = s.code && s.url.empty();
  if (dialect == ChatDialect::kSlack) {
    std::string piece = code ? "`" + inert_slack(text, false, true) + "`" : slack_text_with_code(text, !s.url.empty());
    if (!s.url.empty()) piece = "<" + s.url + "|" + piece + ">";
    if (s.strong) piece = "*" + piece + "*";
    return piece;
  }
  std::string piece;
  if (dialect == ChatDialect::kFeishu) {
    // A code span keeps its backticks, as characters: readable on every client.
    piece = code ? "&#96;" + inert_feishu(text) + "&#96;" : inert_feishu(text);
  } else {
    // Inline code is not rendered by DingTalk or WeCom; its text is shown plain.
    piece = inert_cjk(text);
  }
  if (!s.url.empty()) piece = "[" + piece + "](" + s.url + ")";
  if (s.strong && !piece.empty()) piece = "**" + piece + "**";
  return piece;
}

}  // namespace

std::string neutralize_mentions(std::string_view text) {
  static const std::string_view kWords[] = {"all", "everyone", "here", "channel", "所有人"};
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] != '@') continue;
    for (std::string_view w : kWords) {
      if (text.size() - i - 1 < w.size()) continue;
      bool same = true;
      for (size_t k = 0; k < w.size() && same; ++k)
        same = std::tolower(static_cast<unsigned char>(text[i + 1 + k])) == static_cast<unsigned char>(w[k]);
      const size_t after = i + 1 + w.size();
      if (same && (after == text.size() || !word_char(static_cast<unsigned char>(text[after])))) {
        out += kZeroWidthSpace;
        break;
      }
    }
  }
  return out;
}

std::vector<ChatLine> parse_chat_lines(std::string_view markdown) {
  GfmDocument doc = parse_gfm(markdown);
  std::vector<ChatLine> lines;
  collect_blocks(doc.root.get(), 0, false, lines);
  return lines;
}

std::string render_chat_spans(const ChatLine& line, size_t first, size_t last, ChatDialect dialect) {
  std::string body;
  for (size_t i = first; i < last && i < line.spans.size(); ++i) body += render_span(line.spans[i], dialect);
  const std::string indent(static_cast<size_t>(line.level) * 2, ' ');
  switch (line.kind) {
    case ChatLineKind::kHeading:
      if (dialect == ChatDialect::kSlack) return "*" + body + "*";
      if (dialect == ChatDialect::kFeishu) return "**" + body + "**";
      return std::string(static_cast<size_t>(std::min(line.level + 1, 6)), '#') + " " + body;
    case ChatLineKind::kBullet:
      if (dialect == ChatDialect::kDingTalk) return indent + "- " + body;
      return indent + (line.level == 0 ? "• " : "◦ ") + body;
    case ChatLineKind::kQuote:
      if (dialect == ChatDialect::kSlack || dialect == ChatDialect::kWeCom || dialect == ChatDialect::kDingTalk)
        return "> " + body;
      return body;
    case ChatLineKind::kText:
      return body;
  }
  return body;
}

std::string render_chat_line(const ChatLine& line, ChatDialect dialect) {
  return render_chat_spans(line, 0, line.spans.size(), dialect);
}

}  // namespace infradigest
