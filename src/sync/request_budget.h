// Planning a sync that may not fit in the requests it is allowed (`--budget`,
// or what is left of GitHub's hourly rate limit): how many requests each
// repository is expected to cost, and the order repositories are read in, so
// that a run stopped by the budget is continued by the next one.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "sync/sync_store.h"

namespace infradigest {

// A new commit is expected at this rate in a repository the store has no
// history of (the realistic dataset of the benchmark averages 9 a day).
inline constexpr double kFirstSyncCommitsPerDay = 10.0;

struct RepoRequestPlan {
  long long requests = 0;                // expected answers that count against the rate limit
  std::optional<SysSeconds> last_read;   // the oldest of its lists' latest complete reads; none: never read
  // Every list was read completely over the window (through its end, or
  // through `now` for a window not over): a sync would only look for late
  // changes, so a tight budget may leave it out without leaving a gap.
  bool covers_window = false;
};

// Per repository of `repos` (same order): the five first pages (the
// repository, the branch, pull requests, issues, releases — a 304 would cost
// nothing, but whether one comes is not known before asking) plus one detail
// request per commit expected since the branch was last read (its rate of new
// commits over the last week of syncs, or kFirstSyncCommitsPerDay). Further
// list pages (a list with more than 100 new items) are not foreseen.
Result<std::vector<RepoRequestPlan>> plan_requests(SyncStore& store, const std::vector<std::string>& repos,
                                                   SysSeconds since, SysSeconds until, SysSeconds now);

// The order a budgeted sync reads `plans`' repositories in (indices): never
// read first, then the least recently read; ties in watchlist order. A run the
// budget stopped leaves the unread repositories first in line for the next.
std::vector<size_t> budget_order(const std::vector<RepoRequestPlan>& plans);

}  // namespace infradigest
