// The time seam: reading the wall clock and waiting. Code that sleeps
// (retry backoff, rate-limit pauses) takes a Clock& so tests pass a fake that
// records the waits and advances instantly instead of really sleeping.
#pragma once

#include <chrono>

namespace infradigest {

using WallTime = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual WallTime now() = 0;
  // Blocks the calling thread for `duration` (a fake returns at once and
  // moves its now() forward). Thread-safe.
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

// The real clock: std::chrono::system_clock and std::this_thread::sleep_for.
Clock& system_clock();

}  // namespace infradigest
