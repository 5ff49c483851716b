// Large-neighbourhood search on a PlanState (ruin and recreate; Shaw 1998, Ropke & Pisinger
// 2006): take out a set of related commodities, insert them again at their cheapest
// (engine/insertion.h), and keep the result by record-to-record travel — accepted when within a
// threshold above the best plan found, the threshold shrinking linearly to zero over the
// iterations, so the search crosses the ridges a pure descent stops at (re-homing a delivery
// station to another sort center costs a truck before it saves one).
//
// The sets taken out, chosen at random among:
//  - the riders of one departure (tournament among used departures: the least full last
//    vehicle of three), with one vehicle fewer allowed there;
//  - one commodity and those sharing a departure with it;
//  - commodities of one destination (they share the last legs) or of one origin (the first);
//  - commodities drawn at random.
// Reinsertion goes largest first or in random order. The best plan is kept and handed to
// `on_best`; the search ends after `iterations` (its work budget: the same seed does the same
// steps whatever the machine's load) or when the budget's deadline passes.
#pragma once

#include <cstddef>
#include <functional>

#include "engine/insertion.h"
#include "engine/plan_state.h"
#include "engine/search_budget.h"

namespace mm::engine {

struct NeighbourhoodSearchOptions {
  int iterations = 1000;
  // Record-to-record threshold at the start, as a share of the best objective.
  double start_threshold = 0.005;
  std::size_t min_removed = 2;
  std::size_t max_removed = 30;
};

struct NeighbourhoodSearchResult {
  int iterations = 0;
  int improvements = 0;  // new best plans
};

// Runs from `state`; on return `state` holds the best plan found (never worse than at entry).
// `heartbeat(iteration)` is called every few iterations (progress reporting).
NeighbourhoodSearchResult neighbourhood_search(PlanState& state, Inserter& inserter, Random& random,
                                               const NeighbourhoodSearchOptions& options,
                                               const SearchBudget& budget,
                                               const std::function<void(const PlanState&)>& on_best,
                                               const std::function<void(int)>& heartbeat);

}  // namespace mm::engine
