// Makes a PlanState keep every limit: vehicles per departure, sort capacity per facility and
// hour, fleet. A plan that comes from elsewhere breaks them — an LP solution rounded up to whole
// vehicles can need more aircraft than the fleet has; a related solve's plan (scenario
// evaluation) can load a departure whose vehicles were cut — while the heuristics only ever
// insert where the limits hold. So: the riders of what is over its limit are taken out, the
// least full vehicle's first, until it holds, then inserted again wherever they fit and pay
// (engine/insertion.h); what fits nowhere is unserved. Nothing else moves. Taking riders out is
// quick; inserting them again is not (20 s on a national network, whose slope-scaling routing
// breaks thousands of departures' limits), so it stops when the budget does, and what is not
// inserted by then stays unserved: the plan keeps every limit either way.
#pragma once

#include "engine/insertion.h"
#include "engine/plan_state.h"
#include "engine/search_budget.h"

namespace mm::engine {

// Returns how many commodities were taken out (and inserted again while `budget` lasted).
std::size_t repair_limits(PlanState& state, Inserter& inserter,
                          const SearchBudget& budget = SearchBudget{});

}  // namespace mm::engine
