// Documented exit codes of the infradigest binary (also listed in README.md).
#pragma once

namespace infradigest {

enum class ExitStatus : int {
  kOk = 0,          // the command did what was asked
  kFailure = 1,     // a runtime failure (I/O, database, ...)
  kUsage = 2,       // bad command line or configuration: nothing was done
  kBadInput = 3,    // input data rejected (malformed snapshot, ...): nothing was changed
  kRateLimited = 4, // GitHub rate limit: stopped before finishing; what was done is kept, run again later to resume
};

}  // namespace infradigest
