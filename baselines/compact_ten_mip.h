// The compact baseline for the planner: the arc-based MIP over the time-expanded network that a
// planner would otherwise write by hand, solved by CBC under a time limit. The column-generation
// engine is measured against it (same TEN, same costs, same constraints).
//
// Variables, per demand k: x_ak ∈ [0, 1], the share of k on dispatch arc a; h_nk ≥ 0 on the
// holding arc leaving TEN node n; s_k ∈ [0, 1] unserved. Per dispatch arc: y_a vehicles,
// integer in [0, max_vehicles_per_departure].
//
//   min  Σ_a trip_cost_a y_a + Σ_ak n_k (pkg_cost_a + handling_cost(tail facility)) x_ak
//        + Σ_k penalty n_k s_k
//   s.t. flow conservation of k on the TEN from its source node (origin, first event ≥ ready)
//          with supply 1 − s_k; any dispatch arc into its destination arriving by its due
//          minute ends the path (a per-demand sink); arcs into the destination go no further
//        Σ_k cube_k x_ak ≤ cube_cap_a y_a,  Σ_k weight_k x_ak ≤ weight_cap_a y_a
//        x_ak ≤ y_a                                       (strong linking)
//        Σ n_k x_ak over departures leaving facility i in clock hour h ≤ sort capacity of i
//        Σ y_a over arcs of a vehicle type en route at each departure minute ≤ fleet
//
// Each demand's variables are pruned to the arcs reachable from its source (forward pass) that
// can still reach a sink by its due minute (backward pass over TEN node ids, which are in
// topological order). Vehicle bounds are tightened to what the demand that can use an arc
// could fill. Rows that cannot bind (sort or fleet limits above the most their terms can sum
// to) are left out. The optimal x is decomposed into paths per demand along the DAG.
#pragma once

#include <cstddef>
#include <string>

#include "engine/ten_solution.h"
#include "network/instance.h"
#include "network/time_expanded_network.h"

namespace mm::baselines {

enum class CompactTenStatus {
  optimal,    // CBC proved the solution optimal
  feasible,   // a solution, not proven optimal; when CBC finds none in time, the all-unserved
              // solution (the model always has it)
  too_large,  // not solved: the model is over max_nonzeros
};
const char* to_string(CompactTenStatus status);

struct CompactTenResult {
  engine::TenSolution solution;
  CompactTenStatus status = CompactTenStatus::feasible;
  double objective = 0.0;  // of `solution` (CBC's value), 0 when too_large
  double seconds = 0.0;    // wall clock: pruning, model build, CBC, decomposition
  std::size_t rows = 0, columns = 0;
};

// Models with more nonzeros than this are not built (about 1 GB with COIN-OR's copies).
constexpr std::size_t kCompactTenMaxNonzeros = 20'000'000;

// `max_nonzeros`: refuse ("too_large") a model bigger than this; the estimate is checked while
// pruning, before anything big is allocated, and the exact count before CBC starts.
CompactTenResult solve_compact_ten(const network::Instance& instance,
                                   const network::TimeExpandedNetwork& ten,
                                   double time_limit_seconds,
                                   std::size_t max_nonzeros = kCompactTenMaxNonzeros);

}  // namespace mm::baselines
