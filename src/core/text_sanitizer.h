// Untrusted text (titles, names, notes from GitHub or a model) made safe to
// show on one line: in a terminal, a log, a report or a chat message.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// Removes control characters (terminal escapes, NUL...) and folds newlines and
// tabs into single spaces between words (never at the end). Invalid UTF-8 bytes become U+FFFD.
std::string sanitize_text(std::string_view text);

}  // namespace infradigest
