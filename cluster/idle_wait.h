// How a rank's main thread waits between polls of its mailbox and its task slots: it sleeps,
// briefly after something happened and longer (up to 5 ms) while nothing does, so that waiting
// costs the cores almost nothing and a message still waits at most a few milliseconds.
#pragma once

#include <algorithm>
#include <chrono>
#include <thread>

namespace mm::cluster {

// Wall-clock seconds since `start` on the steady clock every rank's timing uses.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class IdleWait {
 public:
  void active() { pause_ = kShortest; }
  void sleep() {
    std::this_thread::sleep_for(pause_);
    pause_ = std::min(kLongest, pause_ * 2);
  }

 private:
  static constexpr std::chrono::microseconds kShortest{200};
  static constexpr std::chrono::microseconds kLongest{5000};
  std::chrono::microseconds pause_{kShortest};
};

}  // namespace mm::cluster
