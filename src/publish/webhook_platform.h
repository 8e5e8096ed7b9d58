// What differs between chat platforms, in one place per platform: the markup
// dialect, the size limits of one message, the pace the platform tolerates,
// the request body (and signature), and how a reply says "failed" even with
// HTTP 200. Limits and formats (docs/publishing.md):
//   feishu    interactive card, markdown element; body <= 20 KB; 5 msgs/s, 100/min;
//             optional signature in the body
//   dingtalk  markdown; body <= 20,000 bytes; 20 msgs/min; optional signature in the URL
//   wecom     markdown, content <= 4096 bytes; 20 msgs/min
//   slack     blocks: <= 50 per message, section text <= 3000 chars; ~1 msg/s; 429 + Retry-After
//   json      {"title", "date", "piece", "pieces", "markdown"}; <= 256 KB; any 2xx is success
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "net/http_client.h"
#include "publish/chat_markup.h"

namespace infradigest {

// One message as planned: its lines in the platform's markup.
struct ChatPiece {
  std::string title;               // "AI 基础设施日报 · 2026-02-26"
  int index = 1;                   // 1-based
  int count = 1;
  std::vector<std::string> lines;  // complete markup lines
};

// How a reply was judged.
enum class ReplyVerdict : int {
  kDelivered = 0,
  kRetry = 1,   // rate limited or a server-side failure: try again later
  kFailed = 2,  // rejected: retrying the same request cannot help
};

struct Reply {
  ReplyVerdict verdict = ReplyVerdict::kFailed;
  std::string detail;  // "HTTP 200, code 19021: sign match fail" (never the URL)
  std::optional<std::chrono::milliseconds> retry_after;
};

class WebhookPlatform {
 public:
  virtual ~WebhookPlatform() = default;
  virtual std::string_view type() const = 0;
  // Shortest gap between two messages to one webhook.
  virtual std::chrono::milliseconds min_interval() const = 0;
  // The report's lines in this platform's markup.
  virtual std::vector<std::string> render_lines(const std::vector<ChatLine>& lines, std::string_view markdown) const = 0;
  // True when `piece` is within every size limit (numbering included).
  virtual bool fits(const ChatPiece& piece) const = 0;
  // The request body; `secret` signs it when the platform signs bodies.
  virtual std::string body(const ChatPiece& piece, std::string_view secret, std::chrono::seconds now) const = 0;
  // The request URL; platforms that sign in the query add the signature.
  virtual std::string url(const std::string& webhook_url, std::string_view secret,
                          std::chrono::milliseconds now) const {
    (void)secret;
    (void)now;
    return webhook_url;
  }
  virtual Reply judge(const HttpResponse& response) const = 0;
};

// nullptr for an unknown type (config validation keeps types known).
std::unique_ptr<WebhookPlatform> make_webhook_platform(std::string_view type);

// The numbered heading of a piece: "(2/3)"; empty when there is one piece.
std::string piece_label(const ChatPiece& piece);

}  // namespace infradigest
