#include "baselines/compact_mip_runner.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>

#include <coin/CbcModel.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include "mip/cbc_driver.h"

namespace mm::baselines {

int SparseModel::add_column(double lower, double upper, double cost, bool integer) {
  col_lower_.push_back(lower);
  col_upper_.push_back(upper);
  cost_.push_back(cost);
  integer_.push_back(integer ? 1 : 0);
  return static_cast<int>(cost_.size() - 1);
}

void SparseModel::end_row(double lower, double upper) {
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  row_start_.push_back(value_.size());
}

namespace {

double to_coin(double bound) {
  if (bound == SparseModel::kInf) return COIN_DBL_MAX;
  if (bound == -SparseModel::kInf) return -COIN_DBL_MAX;
  return bound;
}

std::vector<double> to_coin(const std::vector<double>& bounds) {
  std::vector<double> out(bounds.size());
  for (std::size_t i = 0; i < bounds.size(); ++i) out[i] = to_coin(bounds[i]);
  return out;
}

// Loads the model into a quiet CLP interface.
void load(const SparseModel& model, OsiClpSolverInterface& solver, bool with_integers) {
  if (model.nonzeros() > static_cast<std::size_t>(std::numeric_limits<CoinBigIndex>::max()))
    throw std::length_error("model has too many nonzeros for COIN-OR");
  const int rows = static_cast<int>(model.rows());
  const int columns = static_cast<int>(model.columns());
  std::vector<CoinBigIndex> start(model.row_start().begin(), model.row_start().end());
  std::vector<int> length(rows);
  for (int r = 0; r < rows; ++r) length[r] = static_cast<int>(start[r + 1] - start[r]);
  // Row-ordered (colordered = false): minor dimension = columns, major = rows.
  CoinPackedMatrix matrix(false, columns, rows, static_cast<CoinBigIndex>(model.nonzeros()),
                          model.value().data(), model.index().data(), start.data(), length.data());
  const auto col_lower = to_coin(model.col_lower());
  const auto col_upper = to_coin(model.col_upper());
  const auto row_lower = to_coin(model.row_lower());
  const auto row_upper = to_coin(model.row_upper());
  solver.loadProblem(matrix, col_lower.data(), col_upper.data(), model.cost().data(),
                     row_lower.data(), row_upper.data());
  if (with_integers)
    for (int j = 0; j < columns; ++j)
      if (model.integer()[j]) solver.setInteger(j);
  solver.messageHandler()->setLogLevel(0);
  solver.getModelPtr()->messageHandler()->setLogLevel(0);
}

}  // namespace

MipResult solve_mip_with_cbc(const SparseModel& model, double time_limit_seconds) {
  const auto start = std::chrono::steady_clock::now();
  OsiClpSolverInterface solver;
  load(model, solver, true);
  CbcModel cbc(solver);
  mip::CbcOptions options;
  options.seconds = std::max(0.0, time_limit_seconds);
  options.arguments = {"-threads", "0"};  // serial search
  mip::run_cbc(cbc, options);

  MipResult result;
  const int columns = static_cast<int>(model.columns());
  if (cbc.bestSolution() != nullptr && cbc.getNumCols() == columns) {
    result.values.assign(cbc.bestSolution(), cbc.bestSolution() + columns);
    result.objective = cbc.getObjValue();
  }
  result.lower_bound = cbc.getBestPossibleObjValue();
  if (cbc.isProvenInfeasible()) {
    result.outcome = MipOutcome::infeasible;
    result.values.clear();
  } else if (result.values.empty()) {
    result.outcome = MipOutcome::no_solution;
  } else if (cbc.isProvenOptimal()) {
    result.outcome = MipOutcome::optimal;
  } else {
    result.outcome = MipOutcome::feasible;
  }
  if (!result.values.empty()) result.lower_bound = std::min(result.lower_bound, result.objective);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

LpResult solve_lp_with_clp(const SparseModel& model) {
  OsiClpSolverInterface solver;
  load(model, solver, false);
  solver.initialSolve();
  LpResult result;
  result.optimal = solver.isProvenOptimal();
  if (result.optimal) {
    result.objective = solver.getObjValue();
    result.values.assign(solver.getColSolution(), solver.getColSolution() + model.columns());
  }
  return result;
}

}  // namespace mm::baselines
