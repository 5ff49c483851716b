#include "loading/exact_bin_packing.h"

#include <algorithm>
#include <map>
#include <string>

#include <coin/CbcModel.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include "loading/packing_order.h"
#include "mip/cbc_driver.h"

namespace mm::loading {

namespace {

// The same slack as first-fit decreasing, so the model accepts what FFD accepted.
double slack_capacity(double capacity) {
  return capacity * (1.0 + 1e-9) + 1e-9;
}

}  // namespace

std::optional<ExactPackingResult> solve_exact_packing(const std::vector<PackItem>& items,
                                                      const BinCapacity& capacity,
                                                      const Packing& start,
                                                      double time_limit_seconds) {
  const std::size_t n = items.size();
  const std::size_t m = start.bins;
  if (n == 0 || m == 0) return std::nullopt;
  const std::vector<std::size_t> order = decreasing_order(items, capacity);

  // Columns: y_0..y_{m-1}, then x_kj for sorted item k and bin j ≤ min(k, m-1).
  std::vector<std::vector<int>> x_column(n);
  int columns = static_cast<int>(m);
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t j = 0; j <= std::min(k, m - 1); ++j) x_column[k].push_back(columns++);

  CoinPackedMatrix matrix(false, 0, 0);
  std::vector<double> row_lower, row_upper;
  const auto add_row = [&](const std::vector<int>& index, const std::vector<double>& value,
                           double lower, double upper) {
    matrix.appendRow(static_cast<int>(index.size()), index.data(), value.data());
    row_lower.push_back(lower);
    row_upper.push_back(upper);
  };
  for (std::size_t k = 0; k < n; ++k)
    add_row(x_column[k], std::vector<double>(x_column[k].size(), 1.0), 1.0, 1.0);
  for (std::size_t j = 0; j < m; ++j) {
    for (int r = 0; r < 3; ++r) {
      std::vector<int> index{static_cast<int>(j)};
      const double cap = r == 0   ? slack_capacity(capacity.cube_m3)
                         : r == 1 ? slack_capacity(capacity.weight_kg)
                                  : static_cast<double>(capacity.positions);
      std::vector<double> value{-cap};
      for (std::size_t k = j; k < n; ++k) {
        const PackItem& item = items[order[k]];
        const double size = r == 0 ? item.cube_m3 : r == 1 ? item.weight_kg : item.positions;
        if (size == 0.0) continue;
        index.push_back(x_column[k][j]);
        value.push_back(size);
      }
      add_row(index, value, -COIN_DBL_MAX, 0.0);
    }
    for (std::size_t k = j; k < n; ++k)
      add_row({x_column[k][j], static_cast<int>(j)}, {1.0, -1.0}, -COIN_DBL_MAX, 0.0);
    if (j > 0)
      add_row({static_cast<int>(j), static_cast<int>(j - 1)}, {1.0, -1.0}, -COIN_DBL_MAX, 0.0);
  }
  {
    std::vector<int> index(m);
    for (std::size_t j = 0; j < m; ++j) index[j] = static_cast<int>(j);
    add_row(index, std::vector<double>(m, 1.0), static_cast<double>(start.lower_bound),
            COIN_DBL_MAX);
  }

  std::vector<double> lower(columns, 0.0), upper(columns, 1.0), objective(columns, 0.0);
  for (std::size_t j = 0; j < m; ++j) objective[j] = 1.0;

  // The start: the given packing, with its bins renumbered in order of first use along `order`
  // (FFD's numbering already is), so it obeys the symmetry rows.
  std::vector<double> solution(columns, 0.0);
  std::map<std::size_t, std::size_t> renumber;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t bin = start.bin_of[order[k]];
    const auto it = renumber.emplace(bin, renumber.size()).first;
    if (it->second > k) return std::nullopt;  // cannot happen for a packing numbered by use
    solution[x_column[k][it->second]] = 1.0;
    solution[it->second] = 1.0;
  }

  OsiClpSolverInterface solver;
  solver.loadProblem(matrix, lower.data(), upper.data(), objective.data(), row_lower.data(),
                     row_upper.data());
  for (int c = 0; c < columns; ++c) solver.setInteger(c);
  solver.messageHandler()->setLogLevel(0);

  CbcModel model(solver);
  mip::CbcOptions options;
  options.seconds = std::max(0.01, time_limit_seconds);
  // The start is a valid packing by construction (and CBC's check of it prints CLP logs).
  options.start = &solution;
  options.start_objective = static_cast<double>(m);
  mip::run_cbc(model, options);

  const double* x = model.bestSolution();
  if (x == nullptr || model.getNumCols() != columns) return std::nullopt;
  ExactPackingResult result;
  result.packing.bin_of.assign(n, 0);
  std::map<std::size_t, std::size_t> used;  // model bin -> compact bin
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t chosen = m;
    for (std::size_t j = 0; j < x_column[k].size(); ++j)
      if (x[x_column[k][j]] > 0.5) chosen = j;
    if (chosen == m) return std::nullopt;
    const auto it = used.emplace(chosen, used.size()).first;
    result.packing.bin_of[order[k]] = it->second;
  }
  result.packing.bins = used.size();
  result.packing.method = PackingMethod::exact;
  result.proven = model.isProvenOptimal();
  if (result.packing.bins > m) return std::nullopt;
  return result;
}

}  // namespace mm::loading
