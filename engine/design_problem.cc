#include "engine/design_problem.h"

#include <algorithm>

namespace mm::engine {

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
