// A Clock for tests: now() is set by the test, sleep_for() returns at once,
// records the wait and moves now() forward by it.
#pragma once

#include <chrono>
#include <mutex>
#include <vector>

#include "core/clock.h"

namespace infradigest::testing {

class FakeClock : public Clock {
 public:
  explicit FakeClock(WallTime start = WallTime(std::chrono::seconds(1'800'000'000))) : now_(start) {}

  WallTime now() override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void sleep_for(std::chrono::milliseconds d) override {
    std::lock_guard lock(mutex_);
    sleeps_.push_back(d);
    now_ += d;
  }
  void set(WallTime t) {
    std::lock_guard lock(mutex_);
    now_ = t;
  }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }
  std::chrono::milliseconds slept() const {
    std::lock_guard lock(mutex_);
    std::chrono::milliseconds total{0};
    for (auto d : sleeps_) total += d;
    return total;
  }

 private:
  mutable std::mutex mutex_;
  WallTime now_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace infradigest::testing
