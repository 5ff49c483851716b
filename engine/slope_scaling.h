// Slope scaling (Crainic, Gendron & Hernu 2004): a first plan that scales to national networks,
// where inserting commodities one at a time (engine/insertion.h: a shortest path per commodity)
// takes longer than the whole budget.
//
// Each iteration prices every design arc linearly — its unit cost plus its vehicle's fixed cost
// spread over the load the arc carried in the previous iteration (fixed × vehicles / vehicles'
// worth of load; at the start, over a full vehicle) — and routes every commodity on its cheapest
// path under those prices, or leaves it unserved where that path costs more than its penalty.
// Commodities of one source share a shortest-path tree (engine/commodity_groups.h), trees are
// grown in parallel, so an iteration costs one pass per source whatever the number of demands.
// A part-full vehicle makes its arc dearer, so flows gather on fewer, fuller vehicles; an arc
// whose limit the routing breaks (vehicles per departure, a sort capacity, a fleet) gets dearer
// each time it does, so later routings keep the limits. An arc that carried nothing keeps its
// last price (the method's memory). Measured on the 250-facility national network: forgetting
// (an idle arc's surcharge halved, or cut by 5% or 20% per iteration, or every idle arc back at
// a full vehicle's price or twice it) kept the routing oscillating at 1.8–3.0 M where the memory
// converged to 1.50 M in 70 iterations; with it, demand whose vehicles never fill leaves the
// routing for good, which is what pays.
//
// Every routing is costed exactly (whole vehicles); one that could beat the best so far is made
// to hold the limits (engine/plan_repair.h) and costed again. The cheapest is returned. The
// iterations are counted (the result does not depend on the machine's load, only cut short by
// the deadline) and end early when a routing repeats the previous one's cost or when `patience`
// iterations in a row found nothing better.
#pragma once

#include <functional>

#include "engine/design_problem.h"
#include "engine/insertion.h"
#include "engine/search_budget.h"

namespace mm::engine {

struct SlopeScalingOptions {
  int threads = 1;
  int iterations = 100;
  // The run ends after this many iterations in a row without a better plan.
  int patience = 10;
  // Growth of the price of an arc each time the routing breaks one of its limits.
  double limit_factor = 2.0;
  SearchBudget budget;
  // After each iteration: its number and the best objective so far.
  std::function<void(int iteration, double best)> progress;
};

struct SlopeScalingResult {
  DesignSolution best;  // holds every limit; empty when no iteration ran
  int iterations = 0;
  int best_iteration = -1;
};

SlopeScalingResult slope_scaling(const DesignProblem& problem, Inserter& inserter,
                                 const SlopeScalingOptions& options);

}  // namespace mm::engine
