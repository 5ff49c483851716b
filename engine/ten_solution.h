// A solution on the time-expanded network, before it becomes a plan: whole vehicles per
// dispatch arc, and each demand's flow as paths (dispatch arc ids, in travel order) carrying a
// fraction of the demand. Both the column-generation planner and the compact arc-based MIP
// baseline produce one; `assemble_plan` turns it into a middlemile-plan/1 Plan.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/time_expanded_network.h"

namespace mm::engine {

struct PathFlow {
  std::size_t demand = 0;
  std::vector<std::size_t> arcs;  // dispatch arc ids of the TEN, origin to destination
  double fraction = 0.0;          // share of the demand's packages, in (0, 1]
};

struct TenSolution {
  std::vector<int> vehicles;    // per dispatch arc of the TEN
  std::vector<PathFlow> paths;  // the unserved share of a demand is 1 - its path fractions
  std::optional<double> lower_bound;
  // Unserved penalty of demand with no on-time path (network/gap.h leaves it out of the gap).
  std::optional<double> unavoidable;
  bool proven_optimal = false;
};

// Builds the plan: departures with vehicles, load and fill; routes in real minutes; unserved
// demand with a reason; cost split and KPIs. Fractions below 1e-9 are dropped, and each
// demand's unserved share is whatever its routes leave; `unserved_reason(d)` explains it.
network::Plan assemble_plan(const network::Instance& instance,
                            const network::TimeExpandedNetwork& ten, const TenSolution& solution,
                            double solve_seconds,
                            const std::function<std::string(std::size_t)>& unserved_reason);

}  // namespace mm::engine
