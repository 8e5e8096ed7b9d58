// The snapshot's JSON lines, written without nlohmann's serializer walking
// every byte through its UTF-8 decoder: a day's fingerprint writes the whole
// day's snapshot (patches included) once per composed report.
#pragma once

#include <string>

#include "snapshot/activity_json.h"

namespace infradigest {

// Appends exactly the bytes of j.dump(-1, ' ', false, error_handler_t::strict):
// well-formed UTF-8 strings are escaped here, the same way; a malformed one,
// and every number that is not an integer, goes to nlohmann (which throws on
// malformed UTF-8 as before).
void append_compact_json(const OrderedJson& j, std::string& out);

}  // namespace infradigest
