#include "engine/plan_repair.h"

#include <algorithm>
#include <set>

#include "engine/local_search.h"

namespace mm::engine {

std::size_t repair_limits(PlanState& state, Inserter& inserter, const SearchBudget& budget) {
  const DesignProblem& problem = state.problem();
  std::vector<std::vector<std::size_t>> arcs_of_group(problem.resource_limits.size());
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a)
    if (problem.design_arcs[a].resource_group >= 0)
      arcs_of_group[problem.design_arcs[a].resource_group].push_back(a);
  std::set<std::size_t> removed;
  // Takes out the riders of the used arc among `arcs` whose last vehicle is least full, one
  // commodity at a time (largest load first), until `holds()`.
  auto shed = [&](const std::vector<std::size_t>& arcs, auto holds) {
    while (!holds()) {
      std::size_t worst = arcs.size();
      for (std::size_t i = 0; i < arcs.size(); ++i)
        if (!state.users(arcs[i]).empty() &&
            (worst == arcs.size() ||
             state.last_vehicle_fill(arcs[i]) < state.last_vehicle_fill(arcs[worst])))
          worst = i;
      if (worst == arcs.size()) return;  // nothing left to take out: the limit cannot hold
      const std::size_t largest = inserter.largest_first(state.users(arcs[worst])).front();
      state.remove(largest);
      removed.insert(largest);
    }
  };
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a)
    shed({a}, [&] { return !state.over_vehicle_limit(a); });
  for (std::size_t g = 0; g < arcs_of_group.size(); ++g)
    shed(arcs_of_group[g], [&] { return !state.over_resource_limit(g); });
  for (std::size_t p = 0; p < problem.vehicle_pools.size(); ++p)
    shed(problem.vehicle_pools[p].arcs, [&] { return !state.over_pool_limit(p); });
  const std::vector<std::size_t> order =
      inserter.largest_first(std::vector<std::size_t>(removed.begin(), removed.end()));
  for (std::size_t k : order) {
    if (budget.expired()) break;
    inserter.insert(state, k);
  }
  return removed.size();
}

}  // namespace mm::engine
