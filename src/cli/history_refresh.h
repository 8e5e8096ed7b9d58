// After an import or a sync: classify the new and changed items into the
// history index (compose/history_index_refresh.h), so `query` finds them
// classified. A failure is only a warning: the items are stored, and the next
// `query` classifies whatever is still queued.
#pragma once

#include "cli/command.h"
#include "store/database.h"

namespace infradigest {

void refresh_history_after_ingest(CommandContext& c, Database& db);

}  // namespace infradigest
