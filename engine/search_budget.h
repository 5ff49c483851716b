// When a search must stop: a wall-clock deadline, the user's interrupt, and a count of work
// (insertions, CBC nodes, column-generation rounds) that makes a phase's result independent
// of how busy the machine is — the deadline only cuts the same sequence of steps shorter.
// Also the seeded random source the heuristics share, so one seed gives one run.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace mm::engine {

using Clock = std::chrono::steady_clock;

struct SearchBudget {
  Clock::time_point deadline = Clock::time_point::max();
  const std::atomic<bool>* stop = nullptr;
  // Moves a descent may still try, shared by the copies of this budget (one thread at a
  // time); null: as many as the deadline allows.
  std::size_t* attempts_left = nullptr;

  bool interrupted() const { return stop && stop->load(); }
  bool expired() const {
    return interrupted() || (attempts_left && *attempts_left == 0) || Clock::now() >= deadline;
  }
  // Counts one move tried.
  void spend() const {
    if (attempts_left && *attempts_left > 0) --*attempts_left;
  }
  double seconds_left() const {
    if (deadline == Clock::time_point::max()) return 1e9;
    return std::chrono::duration<double>(deadline - Clock::now()).count();
  }
};

// A deterministic random source: std::mt19937_64 is specified bit for bit, and the shuffles and
// draws below do not depend on the standard library's distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed)
      : engine_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
  // Uniform in [0, n).
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(engine_() % n); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(engine_() >> 11) * (1.0 / 9007199254740992.0); }
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace mm::engine
