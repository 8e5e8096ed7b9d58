// Runs independent jobs on a bounded number of threads: the LLM writer's
// per-repo requests go out `concurrency` at a time.
#pragma once

#include <cstddef>
#include <functional>

namespace infradigest {

// Calls job(i) for every i in [0, count), on at most `concurrency` threads
// (the caller's thread when 1), and returns when all have returned. Jobs
// must not throw; each i runs exactly once.
void run_bounded(size_t count, int concurrency, const std::function<void(size_t)>& job);

}  // namespace infradigest
