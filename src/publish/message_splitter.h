// Splitting a report into chat messages: whole lines, in order, each message
// within the platform's limits (WebhookPlatform::fits, numbering included).
// A line too long for any message is cut at a space outside any link and at
// a UTF-8 character boundary; never inside a link or a character.
#pragma once

#include <string>
#include <vector>

#include "publish/webhook_platform.h"

namespace infradigest {

// Pieces numbered 1..N. Blank lines at a piece's edges are dropped.
std::vector<ChatPiece> split_into_pieces(const WebhookPlatform& platform, const std::string& title,
                                         const std::vector<std::string>& lines);

// Byte offsets where `line` may be cut: UTF-8 boundaries outside [text](url)
// and <url|text> links, after a space when possible. Exposed for tests.
std::vector<size_t> safe_cut_points(const std::string& line);

}  // namespace infradigest
