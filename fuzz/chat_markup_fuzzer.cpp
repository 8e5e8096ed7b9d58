// The Markdown → chat converter and the message splitter on any report-like
// Markdown (well-formed UTF-8, as render_markdown writes): for every
// platform, never a crash or an exception; every piece fits its platform's
// limits (WebhookPlatform::fits, and the documented byte/char limits measured
// on the body); every piece's lines are well-formed UTF-8 (no character cut
// in two); no text is lost or invented by splitting, except the tail of a
// link text too long for any message (clipped, marked "…") and the fences of
// a code span sent in parts; and every request body is valid JSON.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8_text.h"
#include "publish/markup_units.h"
#include "fuzz_check.h"
#include "publish/chat_markup.h"
#include "publish/message_splitter.h"
#include "publish/webhook_platform.h"

using namespace infradigest;

namespace {

// The lines' text, without backticks: a code span too long for a message is
// sent as several, each in its own fences.
std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    for (char c : l)
      if (c != '`') out += c;
  return out;
}

std::string without(std::string text, std::string_view part) {
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at)) text.erase(at, part.size());
  return text;
}

// True when `part` is `whole` with some bytes left out.
bool is_subsequence(const std::string& part, const std::string& whole) {
  size_t i = 0;
  for (size_t j = 0; i < part.size() && j < whole.size(); ++j)
    if (part[i] == whole[j]) ++i;
  return i == part.size();
}

// A link that fits no message alone: its text gets clipped (or, when even its
// URL is too long, it is sent as its text).
bool has_oversized_link(const WebhookPlatform& platform, const std::string& title, const std::vector<std::string>& lines) {
  for (const auto& line : lines)
    for (const auto& unit : markup_units(line))
      if (unit.kind == MarkupUnitKind::kLink &&
          !platform.fits(ChatPiece{title, 99'999, 99'999, {line.substr(unit.begin, unit.end - unit.begin)}}))
        return true;
  return false;
}

// The documented limits (docs/publishing.md), on the body as it is sent.
bool within_limits(std::string_view type, const std::string& body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) return false;
  if (type == "wecom") return j["markdown"]["content"].get<std::string>().size() <= 4096;
  if (type == "slack") {
    if (j["blocks"].size() > 50) return false;
    for (const auto& block : j["blocks"])
      if (utf8_code_points(block["text"]["text"].get<std::string>()) > 3000) return false;
    return true;
  }
  if (type == "json") return body.size() <= 256 * 1024;
  return body.size() <= 20'000;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string markdown(reinterpret_cast<const char*>(data), size);
  if (!is_valid_utf8(markdown)) return 0;  // the renderer never writes anything else
  const std::vector<ChatLine> lines = parse_chat_lines(markdown);
  for (std::string_view type : {"feishu", "dingtalk", "wecom", "slack", "json"}) {
    auto platform = make_webhook_platform(type);
    const std::vector<std::string> rendered = platform->render_lines(lines, markdown);
    const std::string title = "AI 基础设施日报 · 2026-02-26";
    const auto pieces = split_into_pieces(*platform, title, rendered);
    std::vector<std::string> delivered;
    for (const ChatPiece& piece : pieces) {
      for (const auto& line : piece.lines) {
        fuzz::check(is_valid_utf8(line), std::string(type) + ": a piece line is not valid UTF-8");
        delivered.push_back(line);
      }
      const std::string body = platform->body(piece, "fuzz-secret", std::chrono::seconds(1772100000));
      fuzz::check(nlohmann::json::accept(body), std::string(type) + ": a request body is not JSON");
      fuzz::check(platform->fits(piece), std::string(type) + ": a piece does not fit");
      fuzz::check(within_limits(type, body), std::string(type) + ": a body exceeds the platform's limits");
    }
    if (has_oversized_link(*platform, title, rendered))
      fuzz::check(is_subsequence(without(joined(delivered), "…"), without(joined(rendered), "…")),
                  std::string(type) + ": clipping a link added text");
    else
      fuzz::check(joined(delivered) == joined(rendered), std::string(type) + ": splitting lost or added text");
  }
  return 0;
}
