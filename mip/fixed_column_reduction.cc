#include "mip/fixed_column_reduction.h"

#include <cmath>

#include <coin/CoinFinite.hpp>

namespace mm::mip {

ReducedMip reduce_fixed_columns(const CoinPackedMatrix& full, const double* column_lower,
                                const double* column_upper, const double* objective,
                                const double* row_lower, const double* row_upper) {
  CoinPackedMatrix matrix(full);
  if (!matrix.isColOrdered()) matrix.reverseOrdering();
  const int rows = matrix.getNumRows();
  const int columns = matrix.getNumCols();
  ReducedMip r;
  r.new_index.assign(columns, -1);
  std::vector<double> fixed_activity(rows, 0.0);
  std::vector<bool> row_kept(rows, false);
  std::vector<int> fixed;
  const int* index = matrix.getIndices();
  const double* value = matrix.getElements();
  const CoinBigIndex* start = matrix.getVectorStarts();
  const int* length = matrix.getVectorLengths();
  for (int j = 0; j < columns; ++j) {
    const bool is_fixed = column_lower[j] == column_upper[j];
    for (CoinBigIndex e = start[j]; e < start[j] + length[j]; ++e) {
      if (is_fixed)
        fixed_activity[index[e]] += value[e] * column_lower[j];
      else
        row_kept[index[e]] = true;
    }
    if (is_fixed) {
      fixed.push_back(j);
      r.objective_offset += objective[j] * column_lower[j];
    } else {
      r.new_index[j] = static_cast<int>(r.columns.size());
      r.columns.push_back(j);
      r.column_lower.push_back(column_lower[j]);
      r.column_upper.push_back(column_upper[j]);
      r.objective.push_back(objective[j]);
    }
  }
  std::vector<int> dropped_rows;
  for (int i = 0; i < rows; ++i) {
    if (!row_kept[i]) {
      dropped_rows.push_back(i);
      continue;
    }
    // Infinite bounds stay infinite: only finite ones move by the fixed activity.
    r.row_lower.push_back(row_lower[i] > -COIN_DBL_MAX / 2 ? row_lower[i] - fixed_activity[i]
                                                           : row_lower[i]);
    r.row_upper.push_back(row_upper[i] < COIN_DBL_MAX / 2 ? row_upper[i] - fixed_activity[i]
                                                          : row_upper[i]);
  }
  matrix.deleteCols(static_cast<int>(fixed.size()), fixed.data());
  matrix.deleteRows(static_cast<int>(dropped_rows.size()), dropped_rows.data());
  r.matrix = std::move(matrix);
  return r;
}

std::vector<double> expand_solution(const ReducedMip& reduced, const double* column_lower,
                                    int full_columns, const double* reduced_solution) {
  std::vector<double> x(column_lower, column_lower + full_columns);
  for (std::size_t i = 0; i < reduced.columns.size(); ++i)
    x[reduced.columns[i]] = reduced_solution[i];
  return x;
}

}  // namespace mm::mip
