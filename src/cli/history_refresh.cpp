#include "cli/history_refresh.h"

#include <ostream>

#include "compose/history_index_refresh.h"

namespace infradigest {

void refresh_history_after_ingest(CommandContext& c, Database& db) {
  if (auto refreshed = refresh_history_index(db); !refreshed)
    c.err << "infradigest: warning: classifying the new items for `query` failed (the next query retries): "
          << refreshed.error().message << "\n";
}

}  // namespace infradigest
