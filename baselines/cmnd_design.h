// The CMND benchmark (Canad instances) solved by the planner's own engine.
//
// Each CMND arc becomes one design arc with y ∈ {0,1} (max_units 1), capacity u_a in the first
// dimension, fixed cost f_a and unit cost c_a; each commodity must be served (its unserved
// penalty exceeds any solution's total cost, so the slack only keeps the master feasible).
// The pricing graph is the CMND digraph itself (cyclic: Dijkstra pricing).
#pragma once

#include <string>

#include "baselines/cmnd_instance.h"
#include "baselines/cmnd_solution.h"
#include "engine/design_solver.h"

namespace mm::baselines {

struct CmndEngineResult {
  CmndStatus status = CmndStatus::no_solution;
  double objective = engine::kInfinity;
  double lower_bound = -engine::kInfinity;
  double seconds = 0.0;
  CmndSolution solution;
  engine::DesignSolverResult engine;
};

// With `balanced`, one design row per node (open arcs out = open arcs in): the master LP, its
// bound and CBC on its columns then keep balance themselves.
engine::DesignProblem cmnd_design_problem(const CmndInstance& instance, bool balanced = false);

// With `balanced`, the design-balanced CMND (baselines/cmnd_balance.h).
CmndEngineResult solve_cmnd(const CmndInstance& instance,
                            const engine::DesignSolverOptions& options,
                            const engine::ProgressCallback& progress, bool balanced = false);

}  // namespace mm::baselines
