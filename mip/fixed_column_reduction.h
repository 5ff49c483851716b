// A MIP with many fixed columns, reduced to the columns that can still move.
//
// The IP-based neighbourhood searches (local search, the warm start's neighbourhoods) fix
// almost every column of the restricted master at the incumbent's value. Handed to CBC as is,
// the fixed columns still cost: every cut generator and heuristic walks the whole matrix, and
// a row whose columns are all fixed may be violated by round-off (a load 1e-8 above whole
// vehicles), which CBC's bound tightening turns into lower > upper — Debian's CLP then stops
// the process on an assertion. So the fixed columns are moved into the row bounds, rows left
// without a free column are dropped, and what CBC sees is only the neighbourhood.
#pragma once

#include <vector>

#include <coin/CoinPackedMatrix.hpp>

namespace mm::mip {

struct ReducedMip {
  CoinPackedMatrix matrix;  // column-ordered, kept columns and kept rows only
  std::vector<double> column_lower, column_upper, objective, row_lower, row_upper;
  std::vector<int> columns;       // full index of each kept column
  std::vector<int> new_index;     // per full column: its kept index, or -1 when fixed
  double objective_offset = 0.0;  // objective of the fixed columns
};

// Columns with lower == upper are fixed; everything else is kept.
ReducedMip reduce_fixed_columns(const CoinPackedMatrix& matrix, const double* column_lower,
                                const double* column_upper, const double* objective,
                                const double* row_lower, const double* row_upper);

// A solution of the reduced MIP as a full column vector (fixed columns at their value).
std::vector<double> expand_solution(const ReducedMip& reduced, const double* column_lower,
                                    int full_columns, const double* reduced_solution);

}  // namespace mm::mip
