// The compact baseline for the CMND benchmark: the strong arc formulation solved by CBC.
//
//   min  Σ_a f_a y_a + Σ_a Σ_k c_a x_ak
//   s.t. Σ_{a∈out(i)} x_ak − Σ_{a∈in(i)} x_ak = d_k (i = O_k), −d_k (i = D_k), 0 otherwise
//        Σ_k x_ak ≤ u_a y_a                 (capacity)
//        x_ak ≤ min(d_k, u_a) y_a           (strong linking)
//        x ≥ 0, y ∈ {0, 1}
//        Σ_{a∈out(i)} y_a = Σ_{a∈in(i)} y_a   (with `balanced`: design balance, cmnd_balance.h)
//
// Flow of commodity k on arcs into O_k or out of D_k only forms cycles, which never pay with
// non-negative costs, so those variables are left out (the optimum is unchanged). This is the
// model the reference values in benchmarks/cmnd/reference.csv were computed with; the
// column-generation engine is measured against it.
#pragma once

#include <string>

#include "baselines/cmnd_instance.h"
#include "baselines/cmnd_solution.h"

namespace mm::baselines {

struct CompactCmndResult {
  CmndStatus status = CmndStatus::no_solution;  // no_solution also when proven infeasible
  double objective = 0.0;                       // of `solution`; +inf without one
  double lower_bound = 0.0;                     // CBC's best bound (≤ objective)
  double seconds = 0.0;                         // wall clock: model build + CBC
  CmndSolution solution;                        // open arcs (y = 1) and flows > 1e-9
};

CompactCmndResult solve_compact_cmnd(const CmndInstance& instance, double time_limit_seconds,
                                     bool balanced = false);

// The LP relaxation of the same model (y ∈ [0, 1]) solved by CLP: the "strong" lower bound.
// +inf when the instance is infeasible even with every arc open.
double strong_lp_bound(const CmndInstance& instance, bool balanced = false);

}  // namespace mm::baselines
