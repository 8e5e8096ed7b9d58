#include "core/percent_encoding.h"
#include "core/utf8_text.h"
#include "publish/webhook_platform.h"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <charconv>

#include "publish/signing.h"
#include "render/markdown_text.h"

namespace infradigest {

namespace {

using Json = nlohmann::ordered_json;
using std::chrono::milliseconds;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string joined(const std::vector<std::string>& lines, std::string_view separator = "\n") {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? std::string(separator) : "") + lines[i];
  return out;
}

std::string numbered_title(const ChatPiece& p) {
  const std::string label = piece_label(p);
  return label.empty() ? p.title : p.title + " " + label;
}

std::optional<milliseconds> retry_after(const HttpResponse& r) {
  auto value = r.header("retry-after");
  if (!value) return std::nullopt;
  long long seconds = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), seconds);
  if (ec != std::errc{} || seconds < 0) return std::nullopt;
  return milliseconds(seconds * 1000);
}

// The platform's words about a failure, made safe for logs: no controls.
// Bounded, but generously: the Publisher scrubs secrets and only then clips
// (clipping first could cut an echoed secret in half, past the scrubber).
std::string excerpt(std::string_view text) {
  return clip_utf8(sanitize_text(text), 4096);
}

// HTTP-level verdict shared by every platform; nullopt when the status is 2xx
// and the body decides.
std::optional<Reply> judge_status(const HttpResponse& r) {
  if (r.status >= 200 && r.status < 300) return std::nullopt;
  Reply reply;
  reply.detail = fmt::format("HTTP {}: {}", r.status, excerpt(r.body));
  if (r.status == 429 || r.status >= 500) {
    reply.verdict = ReplyVerdict::kRetry;
    reply.retry_after = retry_after(r);
  } else {
    reply.verdict = ReplyVerdict::kFailed;
  }
  return reply;
}

// {"code": 0} / {"errcode": 0} style replies. `rate_limited` codes are retried.
Reply judge_code(const HttpResponse& r, std::initializer_list<const char*> code_keys,
                 std::initializer_list<const char*> message_keys, std::initializer_list<long long> rate_limited) {
  if (auto status = judge_status(r)) return *status;
  Json j = Json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return {ReplyVerdict::kFailed, fmt::format("HTTP {} with a reply that is not JSON: {}", r.status, excerpt(r.body)), {}};
  for (const char* key : code_keys) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) continue;
    const long long code = it->get<long long>();
    if (code == 0) return {ReplyVerdict::kDelivered, "", {}};
    std::string message;
    for (const char* m : message_keys)
      if (auto mi = j.find(m); mi != j.end() && mi->is_string()) message = mi->get<std::string>();
    Reply reply{ReplyVerdict::kFailed, fmt::format("HTTP {} with error code {}: {}", r.status, code, excerpt(message)), {}};
    for (long long limited : rate_limited)
      if (code == limited) reply.verdict = ReplyVerdict::kRetry;
    return reply;
  }
  return {ReplyVerdict::kFailed, fmt::format("HTTP {} without a result code: {}", r.status, excerpt(r.body)), {}};
}

class FeishuPlatform : public WebhookPlatform {
 public:
  std::string_view type() const override { return "feishu"; }
  milliseconds min_interval() const override { return milliseconds(650); }  // 100/min
  std::vector<std::string> render_lines(const std::vector<ChatLine>& lines, std::string_view) const override {
    std::vector<std::string> out;
    for (const auto& l : lines)
      if (!(l.kind == ChatLineKind::kHeading && l.level == 1)) out.push_back(render_chat_line(l, ChatDialect::kFeishu));
    return out;
  }
  bool fits(const ChatPiece& p) const override {
    return body(p, "0123456789012345678901234567890123456789012", std::chrono::seconds(1'700'000'000)).size() <= 19'000;
  }
  std::string body(const ChatPiece& p, std::string_view secret, std::chrono::seconds now) const override {
    Json card{{"config", {{"wide_screen_mode", true}}},
              {"header", {{"title", {{"tag", "plain_text"}, {"content", numbered_title(p)}}}, {"template", "blue"}}},
              {"elements", Json::array({Json{{"tag", "markdown"}, {"content", joined(p.lines)}}})}};
    Json out = Json::object();
    if (!secret.empty()) {
      out["timestamp"] = std::to_string(now.count());
      out["sign"] = feishu_signature(now.count(), secret);
    }
    out["msg_type"] = "interactive";
    out["card"] = std::move(card);
    return dump(out);
  }
  Reply judge(const HttpResponse& r) const override {
    return judge_code(r, {"code", "StatusCode"}, {"msg", "StatusMessage"}, {11232});
  }
};

class DingTalkPlatform : public WebhookPlatform {
 public:
  std::string_view type() const override { return "dingtalk"; }
  milliseconds min_interval() const override { return milliseconds(3'100); }  // 20/min
  std::vector<std::string> render_lines(const std::vector<ChatLine>& lines, std::string_view) const override {
    std::vector<std::string> out;
    for (const auto& l : lines) {
      if (l.kind == ChatLineKind::kHeading && l.level == 1) continue;
      // DingTalk Markdown needs a blank line around headings and paragraphs.
      if (l.kind != ChatLineKind::kBullet && !out.empty()) out.push_back("");
      out.push_back(render_chat_line(l, ChatDialect::kDingTalk));
    }
    return out;
  }
  bool fits(const ChatPiece& p) const override { return body(p, "", std::chrono::seconds(0)).size() <= 19'000; }
  std::string body(const ChatPiece& p, std::string_view, std::chrono::seconds) const override {
    Json out{{"msgtype", "markdown"},
             {"markdown", {{"title", numbered_title(p)}, {"text", "### " + numbered_title(p) + "\n\n" + joined(p.lines)}}},
             {"at", {{"isAtAll", false}}}};
    return dump(out);
  }
  std::string url(const std::string& webhook_url, std::string_view secret, milliseconds now) const override {
    if (secret.empty()) return webhook_url;
    return webhook_url + (webhook_url.find('?') == std::string::npos ? "?" : "&") +
           fmt::format("timestamp={}&sign={}", now.count(), percent_encode(dingtalk_signature(now.count(), secret)));
  }
  Reply judge(const HttpResponse& r) const override { return judge_code(r, {"errcode"}, {"errmsg"}, {130101}); }
};

class WeComPlatform : public WebhookPlatform {
 public:
  std::string_view type() const override { return "wecom"; }
  milliseconds min_interval() const override { return milliseconds(3'100); }  // 20/min
  std::vector<std::string> render_lines(const std::vector<ChatLine>& lines, std::string_view) const override {
    std::vector<std::string> out;
    for (const auto& l : lines)
      if (!(l.kind == ChatLineKind::kHeading && l.level == 1)) out.push_back(render_chat_line(l, ChatDialect::kWeCom));
    return out;
  }
  static std::string content(const ChatPiece& p) { return "**" + numbered_title(p) + "**\n" + joined(p.lines); }
  bool fits(const ChatPiece& p) const override { return content(p).size() <= 4096; }
  std::string body(const ChatPiece& p, std::string_view, std::chrono::seconds) const override {
    return dump(Json{{"msgtype", "markdown"}, {"markdown", {{"content", content(p)}}}});
  }
  Reply judge(const HttpResponse& r) const override { return judge_code(r, {"errcode"}, {"errmsg"}, {45009}); }
};

class SlackPlatform : public WebhookPlatform {
 public:
  static constexpr size_t kSectionChars = 3000, kMaxBlocks = 50, kMessageChars = 12'000;
  std::string_view type() const override { return "slack"; }
  milliseconds min_interval() const override { return milliseconds(1'100); }  // 1/s per webhook
  std::vector<std::string> render_lines(const std::vector<ChatLine>& lines, std::string_view) const override {
    std::vector<std::string> out;
    for (const auto& l : lines)
      if (!(l.kind == ChatLineKind::kHeading && l.level == 1)) out.push_back(render_chat_line(l, ChatDialect::kSlack));
    return out;
  }
  // Block Kit: a header block holds at most 150 characters of plain text.
  static constexpr size_t kHeaderChars = 150;
  // The title as the header block shows it: clipped at a character, never mid-UTF-8.
  static std::string header_text(const ChatPiece& p) {
    const std::string title = numbered_title(p);
    if (utf8_code_points(title) <= kHeaderChars) return title;
    std::string out;
    size_t points = 0;
    for (size_t i = 0; i < title.size(); ++i) {
      const bool starts_point = (static_cast<unsigned char>(title[i]) & 0xC0) != 0x80;
      if (starts_point && ++points > kHeaderChars - 1) break;
      out += title[i];
    }
    return out + "…";
  }
  // Lines packed into section texts of at most kSectionChars; an over-long
  // line makes a section of its own (and fits() then says no). The title is
  // not among them: it is the header block.
  static std::vector<std::string> sections(const ChatPiece& p) {
    std::vector<std::string> out;
    std::string current;
    for (const auto& line : p.lines) {
      if (!current.empty() && utf8_code_points(current) + 1 + utf8_code_points(line) > kSectionChars) {
        out.push_back(current);
        current.clear();
      }
      current += (current.empty() ? "" : "\n") + line;
    }
    if (!current.empty()) out.push_back(current);
    return out;
  }
  bool fits(const ChatPiece& p) const override {
    auto s = sections(p);
    size_t total = utf8_code_points(header_text(p));
    for (const auto& text : s) {
      if (utf8_code_points(text) > kSectionChars) return false;
      total += utf8_code_points(text);
    }
    return s.size() + 1 <= kMaxBlocks && total <= kMessageChars;
  }
  std::string body(const ChatPiece& p, std::string_view, std::chrono::seconds) const override {
    Json blocks = Json::array();
    blocks.push_back(Json{{"type", "header"}, {"text", {{"type", "plain_text"}, {"text", header_text(p)}, {"emoji", true}}}});
    for (const auto& text : sections(p))
      blocks.push_back(Json{{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", text}}}});
    return dump(Json{{"text", numbered_title(p)}, {"blocks", blocks}});
  }
  Reply judge(const HttpResponse& r) const override {
    if (auto status = judge_status(r)) return *status;
    if (r.body == "ok") return {ReplyVerdict::kDelivered, "", {}};
    return {ReplyVerdict::kFailed, fmt::format("HTTP {} with reply: {}", r.status, excerpt(r.body)), {}};
  }
};

class JsonPlatform : public WebhookPlatform {
 public:
  std::string_view type() const override { return "json"; }
  milliseconds min_interval() const override { return milliseconds(100); }
  std::vector<std::string> render_lines(const std::vector<ChatLine>&, std::string_view markdown) const override {
    // The report's own Markdown, line by line (mass mentions neutralised).
    std::vector<std::string> out;
    size_t start = 0;
    while (start < markdown.size()) {
      size_t end = markdown.find('\n', start);
      if (end == std::string_view::npos) end = markdown.size();
      out.push_back(neutralize_mentions(markdown.substr(start, end - start)));
      start = end + 1;
    }
    return out;
  }
  bool fits(const ChatPiece& p) const override { return body(p, "", std::chrono::seconds(0)).size() <= 256 * 1024; }
  std::string body(const ChatPiece& p, std::string_view, std::chrono::seconds) const override {
    return dump(Json{{"source", "infradigest"}, {"title", p.title}, {"piece", p.index}, {"pieces", p.count},
                     {"markdown", joined(p.lines) + "\n"}});
  }
  Reply judge(const HttpResponse& r) const override {
    if (auto status = judge_status(r)) return *status;
    return {ReplyVerdict::kDelivered, "", {}};
  }
};

}  // namespace

std::string piece_label(const ChatPiece& piece) {
  return piece.count > 1 ? fmt::format("({}/{})", piece.index, piece.count) : "";
}

std::unique_ptr<WebhookPlatform> make_webhook_platform(std::string_view type) {
  if (type == "feishu") return std::make_unique<FeishuPlatform>();
  if (type == "dingtalk") return std::make_unique<DingTalkPlatform>();
  if (type == "wecom") return std::make_unique<WeComPlatform>();
  if (type == "slack") return std::make_unique<SlackPlatform>();
  if (type == "json") return std::make_unique<JsonPlatform>();
  return nullptr;
}

}  // namespace infradigest
