// The Markdown → chat converter and the message splitter on any report-like
// Markdown (well-formed UTF-8, as render_markdown writes): for every
// platform, never a crash or an exception; every piece's lines are
// well-formed UTF-8 (no character cut in two); no text is lost or invented
// by splitting; and every request body is valid JSON.
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8_text.h"
#include "fuzz_check.h"
#include "publish/chat_markup.h"
#include "publish/message_splitter.h"
#include "publish/webhook_platform.h"

using namespace infradigest;

namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string markdown(reinterpret_cast<const char*>(data), size);
  if (!is_valid_utf8(markdown)) return 0;  // the renderer never writes anything else
  const std::vector<ChatLine> lines = parse_chat_lines(markdown);
  for (std::string_view type : {"feishu", "dingtalk", "wecom", "slack", "json"}) {
    auto platform = make_webhook_platform(type);
    const std::vector<std::string> rendered = platform->render_lines(lines, markdown);
    const auto pieces = split_into_pieces(*platform, "AI 基础设施日报 · 2026-02-26", rendered);
    std::vector<std::string> delivered;
    for (const ChatPiece& piece : pieces) {
      for (const auto& line : piece.lines) {
        fuzz::check(is_valid_utf8(line), std::string(type) + ": a piece line is not valid UTF-8");
        delivered.push_back(line);
      }
      const std::string body = platform->body(piece, "fuzz-secret", std::chrono::seconds(1772100000));
      fuzz::check(nlohmann::json::accept(body), std::string(type) + ": a request body is not JSON");
    }
    fuzz::check(joined(delivered) == joined(rendered), std::string(type) + ": splitting lost or added text");
  }
  return 0;
}
