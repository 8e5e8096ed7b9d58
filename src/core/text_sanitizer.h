// Untrusted text (titles, names, notes from GitHub or a model) made safe to
// show on one line: in a terminal, a log, a report or a chat message.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// Removes control characters (terminal escapes, NUL...) and folds newlines and
// tabs into single spaces between words (never at the end). Invalid UTF-8 bytes become U+FFFD.
std::string sanitize_text(std::string_view text);

// Untrusted text as it enters the store (from GitHub or a snapshot file),
// lines kept: keeps '\n' and '\t'; drops other C0 controls, DEL, C1 controls
// (U+0080..U+009F) and bidi embedding/override/isolate marks (U+202A..U+202E,
// U+2066..U+2069). "\r\n" becomes "\n". REQUIRES: valid UTF-8.
std::string strip_unsafe_controls(std::string_view text);

}  // namespace infradigest
