#include "engine/residual_capacity_cuts.h"

#include <algorithm>
#include <cmath>

namespace mm::engine {

std::optional<ResidualCut> most_violated_residual_cut(double capacity, double units,
                                                      const std::vector<ResidualItem>& items,
                                                      double tolerance) {
  if (!(capacity > 0.0) || !std::isfinite(capacity)) return std::nullopt;
  const double fraction = units - std::floor(units);
  // A whole y satisfies every cut that the capacity row and x ≤ d do.
  if (fraction < 1e-6 || fraction > 1.0 - 1e-6) return std::nullopt;
  ResidualCut cut;
  double flow = 0.0;
  for (const ResidualItem& item : items) {
    if (item.demand <= 0.0 || item.flow <= item.demand * fraction) continue;
    cut.commodities.push_back(item.commodity);
    cut.demand += item.demand;
    flow += item.flow;
  }
  if (cut.commodities.empty()) return std::nullopt;
  // κ and r up to rounding noise: d(S) a whole number of vehicles has r = u, not ~0.
  cut.kappa = std::max(1.0, std::ceil(cut.demand / capacity - 1e-9));
  cut.residual = cut.demand - capacity * (cut.kappa - 1.0);
  cut.violation = flow - cut.residual * units - (cut.demand - cut.residual * cut.kappa);
  if (cut.violation <= tolerance * capacity) return std::nullopt;
  std::sort(cut.commodities.begin(), cut.commodities.end());
  return cut;
}

}  // namespace mm::engine
