// `middlemile simulate`: a plan under uncertain demand (docs/SIMULATION.md).
//
// Draws N days of demand (simulation/demand_model.h) — or takes the days of a scenario file —
// routes each over the plan's fixed schedule with the recourse of simulation/recourse.h, and
// summarizes the outcomes: on-time share, cost, spot vehicles, late and unserved packages (mean,
// p5, p50, p95), how often each departure overflows and gets spot vehicles, and how often each
// facility's sort capacity would be exceeded.
//
// Days run in parallel with TBB, one recourse workspace per thread; day i depends on
// (seed, i) alone and the summaries are formed in day order, so the same seed gives the same
// results for any thread count (simulation/simulation_run.h: the same parts run on MPI ranks in
// cluster/). Progress is reported through a callback, from whichever thread
// finishes a day, at most every 0.25 s and once at the end (never concurrently).
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

struct SimulationOptions {
  std::size_t samples = 1000;  // days drawn (ignored with scenarios)
  std::uint64_t seed = 1;
  double demand_cv = 0.2;    // for demands without packages_cv or p10/p90; >= 0
  double correlation = 0.0;  // in [0, 1]
  // Explicit days instead of sampling (simulation/demand_scenarios.h), and their file's name.
  const std::vector<DemandScenario>* scenarios = nullptr;
  std::string scenarios_file;
  bool spot = true;
  double spot_factor = 1.5;
  std::optional<double> late_penalty_per_package;  // default: default_late_penalty()
  int threads = 1;
  std::string plan_name;                    // the plan's file, for messages and the results
  const std::atomic<bool>* stop = nullptr;  // set (Ctrl-C): finish the days under way, then stop
};

struct SimulationProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  double elapsed_seconds = 0.0;
};
using SimulationProgressCallback = std::function<void(const SimulationProgress&)>;

// `plan` must pass the referee against `instance`; otherwise network::InputError names the plan
// and its first violation. Bad options throw std::invalid_argument.
network::SimulationResults simulate_plan(const network::Instance& instance,
                                         const network::Plan& plan,
                                         const SimulationOptions& options,
                                         const SimulationProgressCallback& progress);

}  // namespace mm::simulation
