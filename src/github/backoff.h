// Retry delays: exponential with jitter, so clients that failed together do
// not retry together.
#pragma once

#include <chrono>

namespace infradigest {

// Delay before retry number `retry` (1 for the first retry): base * 2^(retry-1),
// capped at `cap`, then scaled by a factor in [0.5, 1.0] taken from `random01`
// (a value in [0, 1)) — "equal jitter": never less than half the nominal wait.
std::chrono::milliseconds backoff_delay(int retry, std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                        double random01);

// A uniformly distributed value in [0, 1) from a per-thread generator.
double random_unit();

}  // namespace infradigest
