// The chat digest of a day's report: what a team channel gets by default —
// the counts line and 摘要, the 总结 watch list (its first lines) and a link
// to the day's page — instead of the whole report (44 KB on a busy day, 12
// WeCom messages). `[[publish.webhook]] content = "full"` sends the report.
#pragma once

#include <string>

#include "document/report.h"

namespace infradigest {

// Markdown in the report's own dialect (chat_markup parses both). `page_url`
// is the day's page on the published site; empty: no link line.
std::string render_chat_digest(const Report& report, const std::string& page_url);

}  // namespace infradigest
