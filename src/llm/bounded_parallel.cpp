#include "llm/bounded_parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace infradigest {

void run_bounded(size_t count, int concurrency, const std::function<void(size_t)>& job) {
  const size_t threads = std::min(count, static_cast<size_t>(std::max(1, concurrency)));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) job(i);
  };
  if (threads <= 1) {
    worker();
    return;
  }
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
}

}  // namespace infradigest
