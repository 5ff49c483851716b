// The planner: instance in, plan out (DESIGN.md, "The optimization"; FORMAT.md, "Plan").
//
// Builds the time-expanded network, states it as a DesignProblem, runs the engine
// (column generation, rounding, diving, price-and-branch, local search) and writes the best
// solution as a plan: departures with whole vehicles, routes in real minutes, every package
// either routed or unserved with a reason.
#pragma once

#include <atomic>
#include <cstdint>

#include "network/instance.h"
#include "network/plan.h"
#include "solvers/design_solver.h"

namespace mm::solvers {

struct PlannerOptions {
  double time_limit_seconds = 60.0;
  int threads = 1;
  std::uint64_t seed = 1;
  double gap = 1e-4;
  // Share of each vehicle's cube and weight the optimization may fill (see ten_design.h):
  // below 1 it anticipates containerization, so loading rarely has to add vehicles.
  double packing_efficiency = 1.0;
  const std::atomic<bool>* stop = nullptr;
};

struct PlannerResult {
  network::Plan plan;
  SolveStatus status = SolveStatus::no_solution;
  std::size_t ten_nodes = 0;
  std::size_t ten_dispatch_arcs = 0;
  std::size_t columns = 0;
  int cg_rounds = 0;
  double root_lp = 0.0;
  bool interrupted = false;
  double controllable_gap = 0.0;  // see DesignSolverResult::controllable_gap
};

PlannerResult plan_network(const network::Instance& instance, const PlannerOptions& options,
                           const ProgressCallback& progress);

}  // namespace mm::solvers
