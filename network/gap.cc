#include "network/gap.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mm::network {

double relative_gap(double objective, double lower_bound, double unavoidable) {
  if (!std::isfinite(objective) || !std::isfinite(lower_bound))
    return std::numeric_limits<double>::infinity();
  const double difference = std::max(0.0, objective - lower_bound);
  const double controllable = objective - unavoidable;
  // Objective and bound agree to round-off: closed, even when nothing is controllable.
  if (difference <= 1e-9 * std::max(1.0, std::abs(objective))) return 0.0;
  if (controllable <= 0.0) return std::numeric_limits<double>::infinity();
  return difference / controllable;
}

}  // namespace mm::network
