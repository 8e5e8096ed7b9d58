// Renders a Report as JSON for scripts (and our own checks): the same content
// as the Markdown, as data. Documented in docs/report-json.md.
#pragma once

#include <string>
#include <string_view>

#include "document/report.h"

namespace infradigest {

// The format's version ("format_version"): 2 added statement spans and item
// display titles, which make the JSON a lossless copy of the Report
// (render/report_json_reader.h reads it back; the store keeps day reports so).
inline constexpr int kReportJsonVersion = 2;

// Indented for people and scripts; compact for the store (a third of the
// bytes and of the time for a busy day).
enum class JsonLayout { kIndented, kCompact };

std::string render_json(const Report& report, JsonLayout layout = JsonLayout::kIndented);

// "rejected" | "no_answer" | "rejected_before": the JSON name of a fallback's reason.
std::string_view llm_fallback_reason_name(LlmFallbackReason reason);

}  // namespace infradigest
