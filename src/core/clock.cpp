#include "core/clock.h"

#include <thread>

namespace infradigest {

namespace {

class SystemClock : public Clock {
 public:
  WallTime now() override { return std::chrono::system_clock::now(); }
  void sleep_for(std::chrono::milliseconds duration) override { std::this_thread::sleep_for(duration); }
};

}  // namespace

Clock& system_clock() {
  static SystemClock clock;
  return clock;
}

}  // namespace infradigest
