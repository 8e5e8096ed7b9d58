// Renders a Report as JSON for scripts (and our own checks): the same content
// as the Markdown, as data. Documented in docs/report-json.md.
#pragma once

#include <string>

#include "compose/report.h"

namespace infradigest {

std::string render_json(const Report& report);

}  // namespace infradigest
