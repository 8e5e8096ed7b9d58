// Text from the API is untrusted: it reaches terminals, logs, reports and
// chats. Control characters (ANSI escapes, carriage returns, C1 controls) and
// bidirectional overrides are removed once, when the text enters the store.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// Keeps '\n' and '\t'; drops other C0 controls, DEL, C1 controls (U+0080..
// U+009F) and bidi embedding/override/isolate marks. "\r\n" becomes "\n".
// REQUIRES: valid UTF-8 (nlohmann::json guarantees it for parsed strings).
std::string sanitize_api_text(std::string_view text);

// sanitize_api_text, then newlines and tabs as spaces: one line for a log.
std::string sanitize_api_line(std::string_view text);

// At most `max_bytes` bytes of `text`, cut at a UTF-8 character boundary,
// with "…" appended when something was cut.
std::string utf8_excerpt(std::string_view text, size_t max_bytes);

}  // namespace infradigest
