// One writer of sync or delivery state at a time per store (`sync`, `run`,
// `publish`, `site`; a second one exits at once): an exclusive flock on "<db>.lock",
// held for the life of the RunLock. The kernel drops it when the process
// dies (kill -9 included), so a crashed run never blocks the next one.
#pragma once

#include <string>

#include "core/result.h"

namespace infradigest {

class RunLock {
 public:
  // Fails at once (no waiting) when another process holds the lock.
  static Result<RunLock> acquire(const std::string& db_path);
  RunLock(RunLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  RunLock& operator=(RunLock&&) = delete;
  ~RunLock();

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace infradigest
