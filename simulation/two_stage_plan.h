// `middlemile plan --samples N` (docs/SIMULATION.md, "A two-stage plan"): departures and their
// vehicles chosen once for many days of demand, each day routed with the recourse, by sample
// average approximation (SAA).
//
// The two-stage problem: choose vehicles y on the departures (first stage) to minimize
//     Σ_d cost_per_trip(d) · y_d  +  (1/N) Σ_s Q(y, ξ_s),
// where Q(y, ξ) is what day ξ costs on top of the planned vehicles under the recourse of
// simulation/recourse.h (packages, handling, spot vehicles, late, unserved), and ξ_1..ξ_N are
// N days drawn once (common random numbers: every candidate is judged on the same days, so a
// comparison is exact for the sample and not noise between two draws).
//
// How it is solved (a decomposition: the engine for the routes, a search for the vehicles):
//  1. The engine plans the forecast (or, with --demand-quantile, a quantile of it:
//     simulation/quantile_plan.h). Its departures and routes are the start; its routes stay the
//     plan's routing of the forecast, so every plan of the search passes the referee.
//  2. A local search over y on those departures, each candidate evaluated exactly on the N
//     days (simulation/simulation_run.h). From one evaluation every departure gets an estimated
//     gain of one vehicle more (a spot vehicle at spot factor × trip cost hired on a share p of
//     the days is replaced by a planned one at 1 × trip cost: gain p·factor·c − c) and of one
//     fewer (the last planned vehicle is used on a share q of the days: gain c − q·factor·c;
//     only where the forecast's load still fits). The moves with a positive estimate are tried
//     together, best first; a batch that does not lower the sample's expected cost is halved,
//     and a single move that does not is set aside, the next one down the estimates then tried
//     alone (an estimate misses what a vehicle does for other departures' demand, rerouted
//     through it, so moves with a negative estimate get their exact look too, as time allows).
//     Any acceptance refreshes the estimates and lets the batches grow again. A candidate that
//     fails the referee (a fleet, a lane's vehicle limit) counts as not better. The search ends
//     when no move is left, at its time box, or on Ctrl-C; the plan only ever improves.
//  3. The plan returned is simulated out of sample on fresh days (another seed) for the
//     service level it promises (kpis section "two_stage").
// What is not exact: the first stage is searched, not solved (no bound); only the start's
// departures can get planned vehicles (spot vehicles are hired on planned departures only, as
// in `simulate`); the recourse itself is the greedy one of simulation/recourse.h.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/simulation_results.h"
#include "simulation/demand_scenarios.h"

namespace mm::simulation {

struct TwoStageOptions {
  std::size_t samples = 50;  // in-sample days drawn (ignored with scenarios)
  std::uint64_t seed = 1;    // of the in-sample days
  double demand_cv = 0.2;
  double correlation = 0.0;
  // Explicit in-sample days instead of drawing them (and their file's name).
  const std::vector<DemandScenario>* scenarios = nullptr;
  std::string scenarios_file;
  double spot_factor = 1.5;
  std::optional<double> late_penalty_per_package;  // default: default_late_penalty()
  double time_limit_seconds = 30.0;                // of the search (step 2)
  // Fresh days drawn for the out-of-sample check (step 3; 0: none), with a seed of their own.
  std::size_t out_of_sample = 500;
  std::uint64_t out_of_sample_seed = 0;  // 0: derived from `seed` (never the same days)
  int threads = 1;
  const std::atomic<bool>* stop = nullptr;
};

struct TwoStageProgress {
  std::string phase;  // "search" or "out of sample"
  std::size_t evaluations = 0;
  double start_expected_cost = 0.0;
  double best_expected_cost = 0.0;
  std::size_t days_done = 0;  // out of sample
  std::size_t days_total = 0;
  double elapsed_seconds = 0.0;
};
using TwoStageProgressCallback = std::function<void(const TwoStageProgress&)>;

struct TwoStageResult {
  network::Plan plan;  // verified against the instance; kpis section "two_stage"
  std::size_t in_sample_days = 0;
  double start_expected_cost = 0.0;  // the start plan on the in-sample days
  double expected_cost = 0.0;        // the plan returned, same days
  int vehicles_added = 0;            // planned vehicles, against the start
  int vehicles_removed = 0;
  std::size_t evaluations = 0;
  std::size_t accepted = 0;  // batches of moves that lowered the expected cost
  double search_seconds = 0.0;
  bool interrupted = false;
  std::optional<network::SimulationResults> out_of_sample;
};

// Steps 2 and 3 from `start` (which must pass the referee against `instance`; step 1 is the
// caller's: `middlemile plan` runs the engine, tools/cmd_plan.cc). Bad options throw
// std::invalid_argument naming the option.
TwoStageResult improve_for_days(const network::Instance& instance, const network::Plan& start,
                                const TwoStageOptions& options,
                                const TwoStageProgressCallback& progress);

}  // namespace mm::simulation
