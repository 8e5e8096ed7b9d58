// The GitHub sync as `sync` and `run` start it: settings from [github] and
// the environment (GITHUB_API_URL via the config table, GITHUB_TOKEN read
// here and never stored), the run lock, the sync itself, and what it tells
// the user on stderr (progress on a terminal, per-repository errors, the
// summary line).
#pragma once

#include "cli/command.h"
#include "sync/sync_runner.h"

namespace infradigest {

enum class Verbosity { kNormal, kVerbose };  // kVerbose: one log line per request

struct SyncWindow {
  SysSeconds since{};
  SysSeconds until{};
};

// Errors are about starting (bad settings, the store, another run holding
// the lock); what happened to each repository is in the SyncReport.
Result<SyncReport> sync_github(CommandContext& context, SyncStore& store, const SyncWindow& window,
                               Verbosity verbosity);

// The exit status a sync's outcome calls for: kRateLimited when it stopped
// (resume later), kFailure when a repository failed, else kOk.
ExitStatus sync_exit_status(const SyncReport& report);

}  // namespace infradigest
