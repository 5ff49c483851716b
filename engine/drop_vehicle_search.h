// A descent for costs the design problem does not state (engine/solution_cost.h): try each
// candidate design arc one vehicle lower — its riders taken out, the arc capped one unit below
// what it had, the riders inserted again (engine/insertion.h) — and keep the change when
// `total(state)` (the state's objective plus the extra cost) falls; otherwise put everything
// back. Arcs are tried least full last vehicle first, each once. Used by vehicle balance
// (a cyclic vehicle's trip against its empty moves and fleet share, engine/vehicle_balance.h)
// and by the design-balanced CMND (an open arc against the arcs that balance it).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "engine/insertion.h"
#include "engine/plan_state.h"

namespace mm::engine {

// Returns the number of changes kept. Caps of kept changes stay on `state`.
std::size_t drop_vehicle_descent(PlanState& state, Inserter& inserter,
                                 std::vector<std::size_t> candidates, std::size_t trials,
                                 const std::function<double(const PlanState&)>& total);

}  // namespace mm::engine
