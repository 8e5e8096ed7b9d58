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
// The sync's request budget is `budget` (--budget), or what GET /rate_limit
// says is left of the hour when the limit resets later than github.max_wait
// (an earlier reset is simply waited for), whichever is smaller: when the
// expected requests do not fit, it says so, reads the least recently synced
// repositories first and stops when the budget is spent, naming how many
// remain and when the limit resets (sync_runner.h).
Result<SyncReport> sync_github(CommandContext& context, SyncStore& store, const SyncWindow& window,
                               Verbosity verbosity, std::optional<long long> budget = std::nullopt);

// The --budget option of `sync` and `run`.
inline constexpr const char* kBudgetHelp =
    "At most N GitHub requests that count against the rate limit (304s do not); when the sync does not fit, "
    "the least recently synced repositories go first and the next run continues (exit 4)";

// The exit status a sync's outcome calls for: kRateLimited when it stopped
// (resume later), kFailure when a repository failed, else kOk.
ExitStatus sync_exit_status(const SyncReport& report);

}  // namespace infradigest
