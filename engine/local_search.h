// Descent moves on a PlanState, each kept only when the plan gets cheaper.
//
//  - Reroute: a commodity is taken out and inserted again at its cheapest (engine/insertion.h)
//    given everything else — the classic rip-up and reroute of load planning. It moves
//    packages onto departures that already run with room, and leaves a departure when that
//    empties a vehicle.
//  - Shed a vehicle: for a departure whose last vehicle is least full, the commodities riding it
//    are taken out and put back with one vehicle fewer allowed there — two part-full
//    departures of a lane merge, a trip that only a few packages need is replaced by holding
//    them for a later one, or by room elsewhere.
//  - `ruin_and_recreate`, the kernel of both and of the large-neighbourhood search: take out a
//    set of commodities, insert them again (largest first), keep the result if it is cheaper.
//
// Every move is exact: the state's objective after the move is the plan's cost.
#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "engine/insertion.h"
#include "engine/plan_state.h"
#include "engine/search_budget.h"

namespace mm::engine {

// Objective changes smaller than this (relative) are not improvements: round-off.
constexpr double kImprovementTolerance = 1e-9;

// One pass over the commodities in `order`; returns how many moves improved the plan.
int reroute_pass(PlanState& state, Inserter& inserter, const std::vector<std::size_t>& order,
                 const SearchBudget& budget);

enum class InsertionOrder { largest_first, as_given };
// How commodities go back in: only where they pay, or forced wherever they fit and then
// rerouted one by one (each may then leave for a cheaper path or for unserved), so that a set
// opens a lane together that none of them would open alone.
enum class Reinsertion { paying, forced };
using Acceptance = std::function<bool(double before, double after)>;

// Takes out `commodities`, reinserts them in `order` with the vehicle caps `caps` (arc, cap)
// in force; keeps the result when `accept(before, after)` says so, else puts everything back.
// Returns whether the result was kept.
bool ruin_and_recreate(PlanState& state, Inserter& inserter,
                       const std::vector<std::size_t>& commodities,
                       const std::vector<std::pair<std::size_t, double>>& caps,
                       InsertionOrder order, const Acceptance& accept,
                       Reinsertion reinsertion = Reinsertion::paying);

// The acceptance of a descent: strictly cheaper, beyond round-off.
bool improves(double before, double after);

// One sweep over the departures with vehicles, least full last vehicle first; returns how many
// vehicles were shed.
int shed_vehicles(PlanState& state, Inserter& inserter, const SearchBudget& budget);

// Reroute passes and shed sweeps until neither improves (or the budget ends). Returns the
// number of improving moves.
int descend(PlanState& state, Inserter& inserter, Random& random, const SearchBudget& budget);

// The commodities in decreasing order of size (the tightest dimension relative to the
// largest vehicle), ties by index: large commodities are placed first.
std::vector<std::size_t> largest_first(const DesignProblem& problem,
                                       std::vector<std::size_t> commodities);

}  // namespace mm::engine
