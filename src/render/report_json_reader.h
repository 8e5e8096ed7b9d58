// Reads a daily report back from its JSON (render/json_renderer.h,
// docs/report-json.md): the store keeps each day's report so, and every
// output (Markdown, the web page, chat, the feed) is rendered from what this
// returns. Lossless for what renderers use: render_markdown(read(render_json(r)))
// equals render_markdown(r).
#pragma once

#include <string_view>

#include "core/result.h"
#include "document/report.h"

namespace infradigest {

// Errors name the JSON path of the first bad value ("repos[2].commits[0].kind:
// unknown kind \"x\""); a document of another format_version is an error too
// (the caller composes the day again).
Result<Report> read_report_json(std::string_view text);

}  // namespace infradigest
