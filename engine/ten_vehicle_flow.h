// Vehicle balance of cyclic vehicle types in the master (FORMAT.md, "Vehicle balance"): the
// design rows and columns that make the vehicles of a cyclic type go round, on the planner's
// DesignProblem (engine/ten_design.h). It is the event network engine/vehicle_circulation.h
// solves for a plan's fixed departures, built over every departure the plan could run:
//  - nodes: per facility, every folded minute a departure of the type leaves there or one of
//    its vehicles becomes ready there (arrival + turn minutes);
//  - one balance row per node: departures (y) + empty moves + waiting out − the same in = 0;
//  - columns: waiting between consecutive nodes of a facility (the last to the first, across
//    the cycle start), and an empty move on each link (a lane of the type or its reverse) out
//    of every node into the first node at its head at or after the vehicle is ready;
//  - ownership: every vehicle across the cycle start costs `cost_per_vehicle` (the columns'
//    costs; for loaded trips one column per type counts them), and with a fleet one row holds
//    them to it.
// For fixed departures the cheapest flow over these columns costs what the circulation costs
// (its nodes are a subset of these, and waiting is free), so the master's bound is a bound of
// the balanced plan, and CBC on the columns prices empty moves and fleet when it picks
// departures. The plan's own empty moves and rotations still come from the circulation.
#pragma once

#include "engine/design_problem.h"
#include "network/instance.h"
#include "network/time_expanded_network.h"

namespace mm::engine {

// Adds the rows and columns of every cyclic vehicle type to `problem` (built by
// ten_design_problem from the same instance and network).
void add_cyclic_vehicle_flow(const network::Instance& instance,
                             const network::TimeExpandedNetwork& ten, DesignProblem& problem);

}  // namespace mm::engine
