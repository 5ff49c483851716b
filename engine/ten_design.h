// The planner's DesignProblem: the time-expanded network as the pricing graph.
//
// Design arcs are the TEN's dispatch arcs (same ids): y = vehicles on that departure, capacity
// in cube and weight of the lane's vehicle type, fixed cost = the lane's cost per trip, unit
// cost = lane cost per package + handling cost per package at the lane's origin facility,
// max units = max vehicles per departure. Free arcs are the holding arcs. A demand starts at
// the first node of its origin at or after its ready minute and may end with any dispatch arc
// into its destination that arrives by its due minute. Sort capacity becomes one resource
// group per (facility, clock hour) of departures; each fleet becomes one vehicle pool per
// distinct departure minute of its type (vehicles en route then).
#pragma once

#include <cstddef>
#include <vector>

#include "engine/design_problem.h"
#include "engine/ten_solution.h"
#include "network/instance.h"
#include "network/time_expanded_network.h"

namespace mm::engine {

// `packing_efficiency` (0, 1] scales vehicle capacities in the optimization only: loads are
// planned against that share of each vehicle, leaving room for what containers waste.
DesignProblem ten_design_problem(const network::Instance& instance,
                                 const network::TimeExpandedNetwork& ten,
                                 double packing_efficiency = 1.0);

// The pricing-graph arc id of the holding arc out of each TEN node (npos at a facility's last
// node). Holding arcs follow the dispatch arcs, in node order; ten_design_problem uses this.
std::vector<std::size_t> holding_arc_ids(const network::TimeExpandedNetwork& ten);

// Keeps the design arcs of each path (the dispatch arcs) and whole vehicle counts.
TenSolution to_ten_solution(const DesignProblem& problem, const DesignSolution& solution,
                            std::size_t dispatch_count);

}  // namespace mm::engine
