// How the referee (network/plan_verifier.h, network/balance_check.h) compares two sums: they
// agree when they differ by at most `tolerance` × the larger magnitude, or by at most 1e-6
// absolute near zero; a value that is not finite agrees with nothing.
#pragma once

#include <algorithm>
#include <cmath>

namespace mm::network {

constexpr double kRefereeAbsoluteTolerance = 1e-6;

inline bool referee_agrees(double a, double b, double tolerance) {
  if (!std::isfinite(a) || !std::isfinite(b)) return false;
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= std::max(kRefereeAbsoluteTolerance, tolerance * scale);
}

}  // namespace mm::network
