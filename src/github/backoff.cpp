#include "github/backoff.h"

#include <algorithm>
#include <random>

namespace infradigest {

std::chrono::milliseconds backoff_delay(int retry, std::chrono::milliseconds base, std::chrono::milliseconds cap,
                                        double random01) {
  const int doublings = std::clamp(retry - 1, 0, 30);
  const double nominal = std::min(static_cast<double>(base.count()) * static_cast<double>(1LL << doublings),
                                  static_cast<double>(cap.count()));
  const double factor = 0.5 + 0.5 * std::clamp(random01, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<long long>(nominal * factor));
}

double random_unit() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace infradigest
