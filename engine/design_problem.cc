#include "engine/design_problem.h"

#include <algorithm>
#include <cmath>

namespace mm::engine {

double full_vehicle_cost_per_package(const DesignArc& arc,
                                     const std::array<double, kDimensions>& per_package) {
  double share = 0.0;
  for (int r = 0; r < kDimensions; ++r)
    if (std::isfinite(arc.capacity[r]) && arc.capacity[r] > 0)
      share = std::max(share, per_package[r] * arc.fixed_cost / arc.capacity[r]);
  return arc.unit_cost + share;
}

std::vector<std::array<bool, kDimensions>> binding_dimensions(const DesignProblem& problem) {
  static_assert(kDimensions == 2, "dominance is checked between two dimensions");
  // Extreme ratios weight / cube over the commodities (+inf when a commodity has weight and no
  // cube, NaN-free: commodities without either carry nothing).
  double max_ratio = 0.0, min_ratio = kInfinity;
  for (const Commodity& k : problem.commodities) {
    if (k.size[0] <= 0 && k.size[1] <= 0) continue;
    const double ratio = k.size[0] > 0 ? k.size[1] / k.size[0] : kInfinity;
    max_ratio = std::max(max_ratio, ratio);
    min_ratio = std::min(min_ratio, ratio);
  }
  std::vector<std::array<bool, kDimensions>> binding(problem.design_arcs.size());
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a) {
    const auto& cap = problem.design_arcs[a].capacity;
    binding[a] = {std::isfinite(cap[0]), std::isfinite(cap[1])};
    if (!binding[a][0] || !binding[a][1] || cap[0] <= 0 || cap[1] <= 0) continue;
    const double arc_ratio = cap[1] / cap[0];
    if (max_ratio <= arc_ratio)
      binding[a][1] = false;  // cube always fills first
    else if (min_ratio >= arc_ratio)
      binding[a][0] = false;  // weight always fills first
  }
  return binding;
}

double design_objective(const DesignProblem& problem, const DesignSolution& solution) {
  double total = 0.0;
  for (std::size_t a = 0; a < problem.design_arcs.size() && a < solution.units.size(); ++a)
    total += problem.design_arcs[a].fixed_cost * solution.units[a];
  std::vector<double> served(problem.commodities.size(), 0.0);
  for (const DesignPath& p : solution.paths) {
    const Commodity& k = problem.commodities[p.commodity];
    double unit = 0.0;
    for (std::size_t a : p.arcs)
      if (a < problem.design_arcs.size()) unit += problem.design_arcs[a].unit_cost;
    total += p.share * k.packages * unit;
    served[p.commodity] += p.share;
  }
  for (std::size_t k = 0; k < problem.commodities.size(); ++k)
    total += problem.commodities[k].penalty * std::max(0.0, 1.0 - served[k]);
  return total;
}

}  // namespace mm::engine
