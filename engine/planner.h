// The planner: instance in, plan out (DESIGN.md, "The optimization"; FORMAT.md, "Plan").
//
// Builds the time-expanded network, states it as a DesignProblem, runs the engine
// (column generation, rounding, diving, price-and-branch, local search) and writes the best
// solution as a plan: departures with whole vehicles, routes in real minutes, every package
// either routed or unserved with a reason.
#pragma once

#include <atomic>
#include <cstdint>

#include "engine/design_solver.h"
#include "engine/route_columns.h"
#include "network/instance.h"
#include "network/plan.h"

namespace mm::engine {

// A head start from the plan and columns of a related instance (scenario evaluation): routes
// and columns still valid in this instance are mapped onto its network, the rest dropped.
struct PlannerWarmStart {
  std::vector<RouteColumn> columns;  // column pool of the related solve
  std::vector<RouteColumn> routes;   // its plan's routes, with shares
};

struct PlannerOptions {
  double time_limit_seconds = 60.0;
  int threads = 1;
  std::uint64_t seed = 1;
  EngineOptions engine;  // the engine's tuning, the gap to stop at among them
  // Share of each vehicle's cube and weight the optimization may fill (see ten_design.h):
  // below 1 it anticipates containerization, so loading rarely has to add vehicles.
  double packing_efficiency = 1.0;
  const std::atomic<bool>* stop = nullptr;
  const PlannerWarmStart* warm_start = nullptr;
  bool keep_columns = false;  // return the column pool in PlannerResult::column_pool
};

struct PlannerResult {
  network::Plan plan;
  SolveStatus status = SolveStatus::no_solution;
  std::size_t ten_nodes = 0;
  std::size_t ten_dispatch_arcs = 0;
  std::size_t columns = 0;
  int cg_rounds = 0;
  int epochs = 0;
  double lp_value = 0.0;
  bool lp_converged = false;
  bool interrupted = false;
  double gap = kInfinity;                // network/gap.h, as in the plan
  double unavoidable = 0.0;              // penalty of demand with no on-time path
  std::vector<RouteColumn> column_pool;  // with keep_columns
  // With a warm start: columns and routes mapped onto this instance and refused, and the
  // objective of the warm plan made to fit (infinity without routes).
  std::size_t warm_columns_mapped = 0;
  std::size_t warm_columns_refused = 0;
  double warm_start_objective = kInfinity;
};

PlannerResult plan_network(const network::Instance& instance, const PlannerOptions& options,
                           const ProgressCallback& progress);

}  // namespace mm::engine
