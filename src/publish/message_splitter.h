// Splitting a report into chat messages: whole lines, in order, each message
// within the platform's limits (WebhookPlatform::fits, numbering included) —
// always, whatever a line holds. A line too long for any message is cut
// between markup units (publish/markup_units.h), after a space when one is
// near: never inside a link, a code span, an entity or a UTF-8 character. A
// link too long for any message keeps its URL and has its text clipped
// ("…"); when even its URL is too long, its text is sent without it. A code
// span too long for one message goes in parts, each in its own fences.
#pragma once

#include <string>
#include <vector>

#include "publish/webhook_platform.h"

namespace infradigest {

// Pieces numbered 1..N. Blank lines at a piece's edges are dropped.
std::vector<ChatPiece> split_into_pieces(const WebhookPlatform& platform, const std::string& title,
                                         const std::vector<std::string>& lines);

// Byte offsets where `line` may be cut: the boundaries of its markup units.
std::vector<size_t> safe_cut_points(const std::string& line);

}  // namespace infradigest
