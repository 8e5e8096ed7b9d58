// The JSON shapes every report format shares (docs/report-json.md): a
// STATEMENT, lists of them, tags, optional values. The daily and the
// weekly/monthly renderers both build on these, so the shapes cannot drift.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "document/report.h"

namespace infradigest::report_json {

using Json = nlohmann::ordered_json;

// The value, or null when absent.
template <class T>
Json optional(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// [{"facet": "hardware", "name": "Blackwell"}, ...]
Json tags(const std::vector<Tag>& list);

// {"text": plain (sanitized), "markdown": the rendered sentence, "cites": [fact ids],
//  "spans": [{"text", "url"?, "style"?: "strong"|"code"}]} — the spans make it lossless.
Json statement(const Statement& s);
Json statements(const std::vector<Statement>& list);

}  // namespace infradigest::report_json
