// The engine's pipeline for one DesignProblem (DESIGN.md, "The optimization").
//
// First a plan, at once: every commodity inserted where it is cheapest given the vehicles
// already planned (engine/insertion.h), largest first, then a descent (engine/local_search.h).
// Then epochs until the time limit, the user's interrupt or a closed gap. Each epoch runs two
// branches from the best plan so far, side by side when there are two threads:
//   A. large-neighbourhood search (engine/neighbourhood_search.h): the combinatorial search
//      that consolidates — it finds most of the plan;
//   B. column generation (engine/column_generation.h) on the restricted master, with strong
//      linking rows and cut-set MIR cuts (engine/cutset_cuts.h) once pricing converges — the
//      lower bound; the LP rounded to whole vehicles and repaired (engine/plan_repair.h);
//      once the LP has converged, one dive with re-pricing (vehicle counts fixed upward a
//      quarter at a time, the rest re-priced: a plan and the columns around it); IP
//      neighbourhoods (engine/mip_neighbourhood.h) while they pay; then CBC on every column so
//      far with the incumbent as start (price-and-branch, engine/price_and_branch.h).
// At the end of the epoch both branches' plans are offered, the best is kept, and the search's
// paths join the master as columns. Budgets are counted in work and grow by EngineOptions::
// growth per epoch; the branches do not talk inside an epoch. So one seed gives one sequence of
// plans, with one thread or two and whatever the machine's load; the time limit only cuts it
// shorter, and a longer limit never ends worse.
//
// The gap (network/gap.h) is measured on the cost the plan controls: the unserved penalty of
// commodities with no path at all is in every plan and in the bound, and is left out of it.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "engine/design_problem.h"
#include "engine/engine_options.h"
#include "engine/progress.h"
#include "engine/solution_cost.h"

namespace mm::engine {

// A head start from a related solve (scenario evaluation): columns for the master, and a
// solution whose paths are kept where they still fit — the riders of departures over their
// vehicle limit, of sort capacities and fleets over theirs are taken out and inserted again
// (engine/plan_repair.h) — then everything unserved is inserted: the first incumbent.
struct DesignWarmStart {
  std::vector<DesignPath> columns;
  std::vector<DesignPath> incumbent;
};

struct DesignSolverOptions {
  double time_limit_seconds = 60.0;
  int threads = 1;
  std::uint64_t seed = 1;
  const std::atomic<bool>* stop = nullptr;
  const DesignWarmStart* warm_start = nullptr;
  bool keep_columns = false;  // return every generated column in DesignSolverResult::column_pool
  EngineOptions engine;
  // A cost and rule beyond the problem (vehicle balance), in every comparison of plans.
  const SolutionCost* extra_cost = nullptr;
};

enum class SolveStatus { optimal, feasible, no_solution };

struct DesignSolverResult {
  SolveStatus status = SolveStatus::no_solution;
  DesignSolution best;
  double lower_bound = -kInfinity;
  // Penalty of the commodities with no path at all: in every plan and in the bound alike.
  double unavoidable = 0.0;
  double gap = kInfinity;       // network::relative_gap(best.objective, lower_bound, unavoidable)
  double lp_value = kInfinity;  // the master LP's value when the solve ended
  std::vector<bool> reachable;  // per commodity: has any path to a sink
  // Per commodity: at least what a package costs on any path, vehicles full (its penalty per
  // package below this: it cannot pay in any plan). ColumnGeneration::full_vehicle_bound.
  std::vector<double> full_vehicle_cost;
  double seconds = 0.0;
  int epochs = 0;
  int cg_rounds = 0;
  bool lp_converged = false;  // no column prices out, no linking row or cut is violated
  std::size_t columns = 0;
  std::size_t linking_rows = 0;
  std::size_t cut_rows = 0;
  std::size_t residual_rows = 0;
  bool interrupted = false;
  std::vector<DesignPath> column_pool;      // with keep_columns: the master's paths (share 0)
  double warm_start_objective = kInfinity;  // the related plan made to fit, if any
};

DesignSolverResult solve_design(const DesignProblem& problem, const DesignSolverOptions& options,
                                const ProgressCallback& progress);

}  // namespace mm::engine
