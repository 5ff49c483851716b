// The engine's pipeline for one DesignProblem (DESIGN.md, "The optimization"):
//   1. column generation at the root, with strong linking rows separated — the lower bound;
//   2. rounding: the root LP with every vehicle count rounded up (a feasible plan at once);
//      with fleets, the fleet arcs are rounded first within the fleet and the rest re-priced;
//   3. diving with re-pricing: repeatedly fix the most nearly whole vehicle counts up to their
//      ceiling and re-run column generation, so flows re-route around what is fixed, until
//      every count is whole;
//   4. price-and-branch: CBC on all generated columns with y integer, cutoff at the incumbent;
//   5. design local search: take one vehicle away (or swap it for another departure) and
//      re-price with the design fixed, alternating with price-and-branch while it improves;
//   6. IP-based local search: CBC re-optimizes one neighbourhood of commodities (those sharing
//      an origin) with everything else fixed, cycling through neighbourhoods until time is up.
// With a warm start (scenario evaluation) two steps come first: the related solve's plan,
// fitted and repaired, and the warm neighbourhoods — CBC re-plans only the commodities the
// change disturbed, then those and the ones sharing their vehicles (DesignWarmStart).
// The best solution is kept; gap = (objective − bound) / objective.
//
// Time: the limit is shared between phases (root ≈ 45%, dive until 70%, then CBC). With a
// time limit that is never reached, the same seed and thread count give the same solution.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "engine/column_generation.h"
#include "engine/design_problem.h"

namespace mm::engine {

// A head start from a related solve (scenario evaluation): columns for the master, and a
// solution whose paths are kept where they still fit — shares beyond vehicles per departure,
// sort capacity or fleet are cut back (the rest left unserved), vehicles recomputed — and used
// as the first incumbent. Before the root LP, a repair step re-routes what it left unserved:
// column generation with its vehicles as lower bounds, rounded up.
//
// The commodities whose share in the fitted solution is below `served` (what the related plan
// carried, routes that no longer map included) are the ones the change disturbed. Right after
// the repair, a neighbourhood search re-plans them as an integer program with everything else
// fixed (then them and the commodities sharing their vehicles): a small MIP that settles most
// of what a change does, long before the full problem's root LP would.
struct DesignWarmStart {
  std::vector<DesignPath> columns;
  std::vector<DesignPath> incumbent;
  std::vector<double> served;  // per commodity: the related plan's share, one entry each
};

struct DesignSolverOptions {
  double time_limit_seconds = 60.0;
  int threads = 1;
  std::uint64_t seed = 1;
  double gap = 1e-4;  // stop once (objective − bound)/objective is below this
  const std::atomic<bool>* stop = nullptr;
  const DesignWarmStart* warm_start = nullptr;
  bool keep_columns = false;  // return every generated column in DesignSolverResult::columns
};

enum class SolveStatus { optimal, feasible, no_solution };

struct DesignSolverResult {
  SolveStatus status = SolveStatus::no_solution;
  DesignSolution best;
  double lower_bound = -kInfinity;
  double root_lp = kInfinity;
  std::vector<bool> reachable;  // per commodity: has any path to a sink
  double seconds = 0.0;
  int cg_rounds = 0;
  std::size_t columns = 0;
  std::size_t linking_rows = 0;
  bool interrupted = false;
  // Penalty paid by every solution and the bound alike (unreachable commodities, and what the
  // root LP leaves unserved), and the gap measured on the rest of the objective: the figure
  // the solver stops on.
  double penalty_floor = 0.0;
  double controllable_gap = kInfinity;
  std::vector<DesignPath> column_pool;      // with keep_columns: the master's paths (share 0)
  double warm_start_objective = kInfinity;  // the repaired warm incumbent, if any
};

DesignSolverResult solve_design(const DesignProblem& problem, const DesignSolverOptions& options,
                                const ProgressCallback& progress);

}  // namespace mm::engine
