// Runs body(0..count-1) on up to `max_threads` threads (the caller's
// included) and returns when all are done. Items are handed out in order,
// one at a time, so a slow item does not hold back a batch. An exception
// from `body` is rethrown in the caller after every thread has stopped.
#pragma once

#include <cstddef>
#include <functional>

namespace infradigest {

void parallel_for(size_t count, size_t max_threads, const std::function<void(size_t index)>& body);

}  // namespace infradigest
