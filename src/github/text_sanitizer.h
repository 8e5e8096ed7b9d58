// Text from the API is untrusted: it reaches terminals, logs, reports and
// chats. Control characters (ANSI escapes, carriage returns, C1 controls) and
// bidirectional overrides are removed once, when the text enters the store.
#pragma once

#include <string>
#include <string_view>

namespace infradigest {

// core/text_sanitizer.h strip_unsafe_controls, the one rule for text entering
// the store (import applies it too). REQUIRES: valid UTF-8 (nlohmann::json
// guarantees it for parsed strings).
std::string sanitize_api_text(std::string_view text);

// sanitize_api_text, then newlines and tabs as spaces: one line for a log.
std::string sanitize_api_line(std::string_view text);

// At most `max_bytes` bytes of `text`, cut at a UTF-8 character boundary,
// with "…" appended when something was cut.
std::string utf8_excerpt(std::string_view text, size_t max_bytes);

}  // namespace infradigest
