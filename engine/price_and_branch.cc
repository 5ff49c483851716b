#include "engine/price_and_branch.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include <coin/CbcModel.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include "engine/restricted_master_clp.h"
#include "mip/cbc_driver.h"
#include "mip/fixed_column_reduction.h"

namespace mm::engine {

std::vector<std::string> cbc_search_arguments(std::uint64_t seed, bool cuts, int max_nodes) {
  std::vector<std::string> arguments = {
      "-randomCbcSeed", std::to_string(seed % 1000000 + 1), "-preprocess", "off",
      // Without cuts: the master already has its strong linking rows and cut-set cuts, CBC's
      // bound is not used, and its generic cuts made each node LP take seconds on the whole
      // pool (dense Gomory rows of ~250 entries; probing on thousands of linking rows): CBC is
      // there for its search and heuristics.
      "-cuts", cuts ? "on" : "off", "-maxNodes", std::to_string(std::max(0, max_nodes))};
  // With cuts, only the sparse ones (probing, knapsack cover, flow cover, MIR): Gomory and
  // two-step MIR rows are dense here.
  if (cuts)
    for (const char* off : {"-gomoryCuts", "off", "-twoMirCuts", "off"}) arguments.push_back(off);
  return arguments;
}

namespace {

// The design columns' values for a MIP start (`start` holds the incumbent's vehicles and
// paths): the master's LP over them alone, everything else fixed. For fixed vehicles they are a
// circulation, whose LP optimum is whole; where the LP fails they stay 0 and CBC, finding the
// start infeasible, does without it.
void start_design_columns(const RestrictedMaster& master, std::vector<double>& start) {
  ClpSimplex lp(master.clp().model);
  lp.setLogLevel(0);
  std::vector<bool> free(lp.numberColumns(), false);
  for (int c : master.design_columns()) free[c] = true;
  for (int c = 0; c < lp.numberColumns(); ++c)
    if (!free[c]) lp.setColumnBounds(c, start[c], start[c]);
  lp.primal();
  if (lp.status() != 0) return;
  for (int c : master.design_columns()) start[c] = std::round(lp.primalColumnSolution()[c]);
}

}  // namespace

DesignSolution price_and_branch(const RestrictedMaster& master, const DesignSolution& incumbent,
                                const PriceAndBranchOptions& options) {
  if (options.closed) *options.closed = false;
  const DesignProblem& problem = master.problem();
  const ClpSimplex& lp = master.clp().model;
  const int columns = lp.numberColumns();
  const std::size_t K = problem.commodities.size();

  std::vector<double> lower(lp.columnLower(), lp.columnLower() + columns);
  std::vector<double> upper(lp.columnUpper(), lp.columnUpper() + columns);
  // The incumbent as a full column vector (slacks, y, paths), for the MIP start.
  std::vector<double> start(columns, 0.0);
  std::vector<double> served(K, 0.0);
  for (const DesignPath& p : incumbent.paths) served[p.commodity] += p.share;
  for (std::size_t k = 0; k < K; ++k) start[k] = std::max(0.0, 1.0 - served[k]);
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a) {
    const int c = master.y_column(a);
    if (c < 0) continue;
    lower[c] = 0.0;
    upper[c] = std::isfinite(problem.design_arcs[a].max_units) ? problem.design_arcs[a].max_units
                                                               : COIN_DBL_MAX;
    start[c] = a < incumbent.units.size() ? incumbent.units[a] : 0.0;
  }
  for (const DesignPath& p : incumbent.paths) {
    for (std::size_t i : master.paths_of(p.commodity))
      if (master.path_columns()[i].arcs == p.arcs)
        start[master.path_columns()[i].column] += p.share;
  }
  if (!master.design_columns().empty()) start_design_columns(master, start);
  if (options.paths_per_commodity > 0 && master.solution_optimal()) {
    // Each commodity keeps its cheapest paths under the LP's duals (and the incumbent's); the
    // rest are fixed at 0: a MIP CBC solves in the budget, over the paths that matter.
    const MasterDuals duals = master.duals();
    for (std::size_t k = 0; k < K; ++k) {
      std::vector<std::pair<double, int>> ranked;
      for (std::size_t i : master.paths_of(k)) {
        const auto& path = master.path_columns()[i];
        ranked.emplace_back(master.reduced_cost(duals, k, path.arcs), path.column);
      }
      std::sort(ranked.begin(), ranked.end());
      for (std::size_t r = static_cast<std::size_t>(options.paths_per_commodity); r < ranked.size();
           ++r)
        if (start[ranked[r].second] <= 0.0) lower[ranked[r].second] = upper[ranked[r].second] = 0.0;
    }
  }
  if (options.free_commodities) {
    // Local search: outside the neighbourhood everything keeps its incumbent value, except
    // that vehicles may still be added or removed where neighbourhood paths run.
    const auto& free = *options.free_commodities;
    for (std::size_t k = 0; k < K; ++k)
      if (!free[k]) lower[k] = upper[k] = start[k];
    std::vector<bool> touched(problem.design_arcs.size(), false);
    for (const auto& p : master.path_columns()) {
      if (!free[p.commodity]) {
        lower[p.column] = upper[p.column] = start[p.column];
      } else {
        for (std::size_t a : p.arcs)
          if (a < touched.size()) touched[a] = true;
      }
    }
    // Where no path of the neighbourhood can run, the load is fixed and so are the vehicles it
    // needs: left free, every such count would be fractional in CBC's LP, a weak bound and
    // branching on what cannot change.
    // Arcs a design row names stay free: keeping the rows may take opening or closing them.
    for (const DesignRow& row : problem.design_rows)
      for (const auto& [a, coefficient] : row.arcs) touched[a] = true;
    for (std::size_t a = 0; a < problem.design_arcs.size(); ++a) {
      const int c = master.y_column(a);
      if (c >= 0 && !touched[a]) lower[c] = upper[c] = start[c];
    }
  }

  // Everything fixed is folded into the row bounds: CBC sees only what can move.
  const mip::ReducedMip mip = mip::reduce_fixed_columns(
      *lp.matrix(), lower.data(), upper.data(), lp.objective(), lp.rowLower(), lp.rowUpper());
  const int mip_columns = static_cast<int>(mip.columns.size());
  if (mip_columns == 0) {
    if (options.closed) *options.closed = true;
    return {};
  }
  std::vector<double> mip_start(mip_columns);
  for (int i = 0; i < mip_columns; ++i) mip_start[i] = start[mip.columns[i]];
  OsiClpSolverInterface solver;
  solver.loadProblem(mip.matrix, mip.column_lower.data(), mip.column_upper.data(),
                     mip.objective.data(), mip.row_lower.data(), mip.row_upper.data());
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a) {
    const int c = master.y_column(a);
    if (c >= 0 && mip.new_index[c] >= 0) solver.setInteger(mip.new_index[c]);
  }
  for (int c : master.design_columns())
    if (mip.new_index[c] >= 0) solver.setInteger(mip.new_index[c]);
  solver.messageHandler()->setLogLevel(0);
  solver.getModelPtr()->setLogLevel(0);
  // CBC checks its time limit between events; a large MIP's first LP is one long step, so the
  // LP itself stops at the deadline too.
  if (options.deadline != std::chrono::steady_clock::time_point::max()) {
    const double left =
        std::chrono::duration<double>(options.deadline - std::chrono::steady_clock::now()).count();
    solver.getModelPtr()->setMaximumWallSeconds(std::max(0.05, left));
  }

  CbcModel model(solver);
  mip::CbcOptions cbc;
  cbc.seconds = options.seconds;
  cbc.deadline = options.deadline;
  cbc.minimum_seconds = 0.05;
  cbc.stop = options.stop;
  cbc.heartbeat = options.heartbeat;
  cbc.start = &mip_start;
  cbc.start_objective = incumbent.objective - mip.objective_offset;
  cbc.cutoff = cbc.start_objective - 1e-7 * std::max(1.0, std::abs(incumbent.objective));
  // CBC confirms each integer solution with an LP solve. Skipping it (special option 4) is not
  // safe with a MIP start: CBC 2.10 then reads the LP relaxation's values as the start's and
  // stops on an assertion in CbcModel::checkSolution (seen on a two-arc CMND instance).
  cbc.skip_solution_check = false;
  cbc.arguments = cbc_search_arguments(options.seed, options.cuts, options.max_nodes);
  const mip::CbcRun run = mip::run_cbc(model, cbc);
  if (options.closed) *options.closed = run.search_complete;
  if (run.outcome == mip::CbcOutcome::not_run) return {};
  if (model.bestSolution() == nullptr || model.getNumCols() != mip_columns) return {};
  const std::vector<double> full =
      mip::expand_solution(mip, lower.data(), columns, model.bestSolution());
  const double* x = full.data();

  DesignSolution result;
  result.units.assign(problem.design_arcs.size(), 0.0);
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a)
    if (master.y_column(a) >= 0) result.units[a] = std::round(x[master.y_column(a)]);
  for (const auto& p : master.path_columns())
    if (x[p.column] > 1e-9) result.paths.push_back({p.commodity, p.arcs, x[p.column]});
  // The vehicles' own flow is priced too: the incumbent's objective includes it (the caller's
  // SolutionCost), and so does CBC's.
  result.objective = design_objective(problem, result);
  for (std::size_t i = 0; i < master.design_columns().size(); ++i)
    result.objective += problem.design_columns[i].cost * std::round(x[master.design_columns()[i]]);
  if (result.objective >= incumbent.objective - 1e-9) return {};
  return result;
}

}  // namespace mm::engine
