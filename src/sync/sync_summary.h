// The one line a sync ends with (the CLI prefixes "infradigest: "), e.g.
//   synced 8 repositories in 2.4 s: 112 requests (40 not modified,
//   0 retried), rate limit left 4888/5000; new: 70 commits, 45 pull requests,
//   12 issues, 2 releases; 3 updated
// followed, when some failed, by "; incomplete: a/b, c/d".
#pragma once

#include <string>

#include "sync/sync_runner.h"

namespace infradigest {

std::string format_sync_summary(const SyncReport& report);

}  // namespace infradigest
