// Documented exit codes of the infradigest binary. kExitStatusMeanings is the
// one table `infradigest help` prints; README.md and docs/infradigest.1 repeat
// it word for word (ExitStatusTable tests compare them).
#pragma once

#include <string_view>

namespace infradigest {

enum class ExitStatus : int {
  kOk = 0,          // the command did what was asked
  kFailure = 1,     // a runtime failure (I/O, database, ...)
  kUsage = 2,       // bad command line or configuration: nothing was done
  kBadInput = 3,    // input data rejected (malformed snapshot, unknown item, ...): nothing was changed
  kRateLimited = 4, // GitHub rate limit or request budget: stopped before finishing; what was done is kept, run again later to resume
};

struct ExitStatusMeaning {
  ExitStatus status;
  std::string_view meaning;
};

inline constexpr ExitStatusMeaning kExitStatusMeanings[] = {
    {ExitStatus::kOk, "done"},
    {ExitStatus::kFailure,
     "runtime failure (I/O, database); a repository failed to sync (run: its day was not published, unless --allow-incomplete); a lost store refused"},
    {ExitStatus::kUsage, "bad command line or configuration; nothing was done"},
    {ExitStatus::kBadInput, "input rejected (a malformed snapshot, an unknown item); nothing was changed"},
    {ExitStatus::kRateLimited,
     "stopped by a GitHub rate limit longer than github.max_wait, or when the request budget (--budget, or the rate "
     "limit left) was spent; what was synced is kept, run again later to resume"},
};

}  // namespace infradigest
