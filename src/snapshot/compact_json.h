// The snapshot's JSON lines, written without nlohmann's serializer walking
// every byte through its UTF-8 decoder: a day's fingerprint writes the whole
// day's snapshot (patches included) once per composed report.
#pragma once

#include <string>

#include "snapshot/activity_json.h"

namespace infradigest {

// Appends exactly the bytes of j.dump(-1, ' ', false, on_bad_utf8):
// well-formed UTF-8 strings are escaped here, the same way; a malformed one,
// and every number that is not an integer, goes to nlohmann (which throws on
// malformed UTF-8, or replaces it, as `on_bad_utf8` says). The stored day
// report (render_json's compact layout) is written the same way.
void append_compact_json(
    const OrderedJson& j, std::string& out,
    nlohmann::json::error_handler_t on_bad_utf8 = nlohmann::json::error_handler_t::strict);

}  // namespace infradigest
