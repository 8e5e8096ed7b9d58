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

// The one line a repository that failed gets (before the summary), e.g.
//   vllm-project/vllm: 4 lists not read (commits, pull requests, issues,
//   releases); last error: vllm-project/vllm releases: GET URL: Couldn't
//   connect to server (after 4 attempts, 3 retries)
// "" when the repository was synced completely.
std::string format_repo_failure(const RepoOutcome& outcome);

}  // namespace infradigest
