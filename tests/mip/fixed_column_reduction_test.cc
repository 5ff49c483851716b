// The neighbourhood MIPs' reduction (mip/fixed_column_reduction.h): fixed columns leave the
// matrix and move into the row bounds, rows without a free column go, and a reduced solution
// expands back to the full vector with the fixed values in place.
#include "mip/fixed_column_reduction.h"

#include <gtest/gtest.h>

#include <coin/CoinFinite.hpp>

namespace mm::mip {
namespace {

// Rows (column-ordered matrix of 3 rows × 4 columns):
//   r0:  x0 + 2 x1           <= 10
//   r1:       x1 + x2 + x3   >= 4
//   r2:  x0            - x3  == 1
CoinPackedMatrix example_matrix() {
  const int rows[] = {0, 2, 0, 1, 1, 1, 2};
  const int cols[] = {0, 0, 1, 1, 2, 3, 3};
  const double values[] = {1, 1, 2, 1, 1, 1, -1};
  return CoinPackedMatrix(true, rows, cols, values, 7);
}

TEST(FixedColumnReduction, FoldsFixedColumnsIntoRowBoundsAndDropsRowsLeftEmpty) {
  const CoinPackedMatrix matrix = example_matrix();
  // x0 fixed at 3 and x3 fixed at 2: row r2 has no free column left; x1 and x2 stay.
  const double lower[] = {3, 0, 0, 2};
  const double upper[] = {3, 5, 7, 2};
  const double objective[] = {10, 1, 2, 4};
  const double row_lower[] = {-COIN_DBL_MAX, 4, 1};
  const double row_upper[] = {10, COIN_DBL_MAX, 1};
  const ReducedMip r = reduce_fixed_columns(matrix, lower, upper, objective, row_lower, row_upper);

  EXPECT_EQ(r.columns, (std::vector<int>{1, 2}));
  EXPECT_EQ(r.new_index, (std::vector<int>{-1, 0, 1, -1}));
  EXPECT_DOUBLE_EQ(r.objective_offset, 10 * 3 + 4 * 2);
  EXPECT_EQ(r.objective, (std::vector<double>{1, 2}));
  EXPECT_EQ(r.column_lower, (std::vector<double>{0, 0}));
  EXPECT_EQ(r.column_upper, (std::vector<double>{5, 7}));
  ASSERT_EQ(r.matrix.getNumRows(), 2);  // r0 and r1; r2 only had fixed columns
  ASSERT_EQ(r.matrix.getNumCols(), 2);
  // r0: 2 x1 <= 10 - 3; r1: x1 + x2 >= 4 - 2; infinite sides stay infinite.
  EXPECT_EQ(r.row_lower[0], -COIN_DBL_MAX);
  EXPECT_DOUBLE_EQ(r.row_upper[0], 7);
  EXPECT_DOUBLE_EQ(r.row_lower[1], 2);
  EXPECT_EQ(r.row_upper[1], COIN_DBL_MAX);
  EXPECT_DOUBLE_EQ(r.matrix.getCoefficient(0, 0), 2);
  EXPECT_DOUBLE_EQ(r.matrix.getCoefficient(0, 1), 0);
  EXPECT_DOUBLE_EQ(r.matrix.getCoefficient(1, 0), 1);
  EXPECT_DOUBLE_EQ(r.matrix.getCoefficient(1, 1), 1);

  const double reduced_solution[] = {1.5, 0.5};
  EXPECT_EQ(expand_solution(r, lower, 4, reduced_solution), (std::vector<double>{3, 1.5, 0.5, 2}));
}

TEST(FixedColumnReduction, NothingFixedKeepsTheWholeProblem) {
  const CoinPackedMatrix matrix = example_matrix();
  const double lower[] = {0, 0, 0, 0};
  const double upper[] = {1, 1, 1, 1};
  const double objective[] = {1, 1, 1, 1};
  const double row_lower[] = {-COIN_DBL_MAX, 4, 1};
  const double row_upper[] = {10, COIN_DBL_MAX, 1};
  const ReducedMip r = reduce_fixed_columns(matrix, lower, upper, objective, row_lower, row_upper);
  EXPECT_EQ(r.matrix.getNumRows(), 3);
  EXPECT_EQ(r.matrix.getNumCols(), 4);
  EXPECT_EQ(r.objective_offset, 0.0);
  EXPECT_EQ(r.row_lower, (std::vector<double>{-COIN_DBL_MAX, 4, 1}));
  EXPECT_EQ(r.row_upper, (std::vector<double>{10, COIN_DBL_MAX, 1}));
}

}  // namespace
}  // namespace mm::mip
