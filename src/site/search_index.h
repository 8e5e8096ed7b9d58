// The full-text search index of the web archive: every item, issue and
// release of every day, as a JSON array assigned to window.INFRADIGEST_SEARCH
// in a .js file (a <script src> works from file://, where fetch() does not).
// Entry fields: d date, r repo, t title, k kind, g tags.
#pragma once

#include <string>
#include <vector>

#include "compose/report.h"

namespace infradigest {

std::string render_search_index_js(const std::vector<const Report*>& reports);

}  // namespace infradigest
