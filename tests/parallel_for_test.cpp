// parallel_for (src/core): every index once, on at most the given number of
// threads, and an exception reaches the caller after all threads stopped.
// Run under TSan in CI (scripts/test.sh tsan), which checks the hand-off.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/parallel_for.h"

namespace infradigest {
namespace {

TEST(ParallelFor, RunsEveryIndexExactlyOnceOnBoundedThreads) {
  std::vector<std::atomic<int>> runs(200);
  std::mutex mutex;
  std::set<std::thread::id> threads;
  parallel_for(runs.size(), 4, [&](size_t i) {
    ++runs[i];
    std::lock_guard lock(mutex);
    threads.insert(std::this_thread::get_id());
  });
  for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], 1) << i;
  EXPECT_GE(threads.size(), 1u);
  EXPECT_LE(threads.size(), 4u);
}

TEST(ParallelFor, NothingToDoAndOneThreadRunInTheCaller) {
  parallel_for(0, 8, [](size_t) { ADD_FAILURE() << "no index to run"; });
  std::vector<std::thread::id> seen;
  parallel_for(3, 1, [&](size_t) { seen.push_back(std::this_thread::get_id()); });  // no lock: one thread
  EXPECT_EQ(seen, std::vector<std::thread::id>(3, std::this_thread::get_id()));
}

TEST(ParallelFor, AnExceptionReachesTheCallerAfterEveryThreadStopped) {
  std::vector<std::atomic<int>> runs(1000);
  EXPECT_THROW(parallel_for(runs.size(), 3,
                            [&](size_t i) {
                              ++runs[i];
                              if (i == 5) throw std::runtime_error("item 5");
                            }),
               std::runtime_error);
  // Every thread has stopped: nothing touches `runs` any more, and no index ran twice.
  for (size_t i = 0; i < runs.size(); ++i) EXPECT_LE(runs[i], 1) << i;
  EXPECT_EQ(runs[5], 1);
}

}  // namespace
}  // namespace infradigest
