// Reproducible random numbers for the simulation: a generator per sample, seeded from
// (seed, sample index) alone — never from a thread or the clock — so the same seed gives the same
// samples whatever the thread count and whichever thread draws which sample.
//
// The generator is xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 2021), its state filled by splitmix64 from a key mixed from the seed and
// the index. Normal deviates come from the Box–Muller transform, implemented here rather than
// taken from <random>, whose distributions may differ between standard libraries.
#pragma once

#include <cstdint>

namespace mm::simulation {

// splitmix64's output function: a bijective 64-bit mixer.
std::uint64_t mix64(std::uint64_t x);

class SampleRandom {
 public:
  SampleRandom(std::uint64_t seed, std::uint64_t index);

  std::uint64_t next();
  // Uniform in (0, 1): 53 random bits, never exactly 0 or 1.
  double uniform();
  // Standard normal N(0, 1).
  double normal();

 private:
  std::uint64_t state_[4];
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace mm::simulation
