#include "simulation/random.h"

#include <cmath>

namespace mm::simulation {

namespace {
constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}
}  // namespace

std::uint64_t mix64(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

SampleRandom::SampleRandom(std::uint64_t seed, std::uint64_t index) {
  // Two different (seed, index) pairs give unrelated keys; splitmix64 then fills the state
  // (never all zero: splitmix64's outputs of consecutive counters are distinct).
  std::uint64_t key = mix64(mix64(seed + kGolden) ^ (index * 0xD1B54A32D192ED03ULL + 1));
  for (std::uint64_t& word : state_) {
    key += kGolden;
    word = mix64(key);
  }
}

std::uint64_t SampleRandom::next() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double SampleRandom::uniform() {
  return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;
}

double SampleRandom::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  const double radius = std::sqrt(-2.0 * std::log(uniform()));
  const double angle = 2.0 * M_PI * uniform();
  spare_ = radius * std::sin(angle);
  has_spare_ = true;
  return radius * std::cos(angle);
}

}  // namespace mm::simulation
