// The output of `infradigest query`: an aligned text table (one line per
// item, newest first) or JSON (documented in docs/report-json.md, "query").
#pragma once

#include <string>

#include "document/history.h"

namespace infradigest {

// DATE  TYPE  REPO  KIND  REF  TITLE [tags]; a last line says how many of
// how many matches are shown.
std::string render_history_table(const HistoryResult& result);

std::string render_history_json(const HistoryResult& result, const HistoryQuery& query);

}  // namespace infradigest
