// Residual capacity cuts (engine/residual_capacity_cuts.h) on numbers computed by hand, and the
// master rows RestrictedMaster::add_violated_residual_rows builds from them. Two shipments of
// 60 m³ share one 100 m³ truck lane: the LP buys 1.2 trucks, which the strong linking rows
// (λ ≤ y) allow; the residual cut for S = both (d(S) = 120, κ = 2, r = 20),
//   60 λa + 60 λb − 20 y ≤ 80,
// is violated by 16 there and forces the second truck when both shipments ride.
#include "engine/residual_capacity_cuts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <coin/CoinPackedMatrix.hpp>
#include <map>
#include <random>
#include <vector>

#include "engine/restricted_master_clp.h"
#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

TEST(ResidualCapacityCuts, HandComputedCutForTwoShipmentsOfSixtyOnOneTruckOfHundred) {
  const auto cut = most_violated_residual_cut(100.0, 1.2, {{3, 60.0, 60.0}, {7, 60.0, 60.0}}, 1e-6);
  ASSERT_TRUE(cut.has_value());
  EXPECT_EQ(cut->commodities, (std::vector<std::size_t>{3, 7}));
  EXPECT_DOUBLE_EQ(cut->demand, 120.0);
  EXPECT_DOUBLE_EQ(cut->kappa, 2.0);
  EXPECT_NEAR(cut->residual, 20.0, 1e-12);
  // 120 − 20 × 1.2 − (120 − 40) = 16.
  EXPECT_NEAR(cut->violation, 16.0, 1e-9);
  // Relative to the capacity, 0.16: not above a tolerance of 0.2.
  EXPECT_FALSE(most_violated_residual_cut(100.0, 1.2, {{3, 60, 60}, {7, 60, 60}}, 0.2));
}

TEST(ResidualCapacityCuts, WholeVehiclesViolateNothing) {
  EXPECT_FALSE(most_violated_residual_cut(100.0, 2.0, {{0, 60, 60}, {1, 60, 60}}, 1e-9));
  EXPECT_FALSE(most_violated_residual_cut(100.0, 0.0, {{0, 60, 0}, {1, 60, 0}}, 1e-9));
}

TEST(ResidualCapacityCuts, LeavesOutCommoditiesWithLittleFlow) {
  // f = 0.5: the third commodity's flow 10 ≤ 40 × 0.5 keeps it out of S, and S = {0, 1} is the
  // cut above (y = 1.5: 120 − 30 − 80 = 10).
  const auto cut =
      most_violated_residual_cut(100.0, 1.5, {{0, 60, 60}, {1, 60, 60}, {2, 40, 10}}, 1e-6);
  ASSERT_TRUE(cut.has_value());
  EXPECT_EQ(cut->commodities, (std::vector<std::size_t>{0, 1}));
  EXPECT_NEAR(cut->violation, 10.0, 1e-9);
}

TEST(ResidualCapacityCuts, DemandOfWholeVehiclesHasAFullResidual) {
  // d(S) = 200 = two trucks exactly: κ = 2, r = 100 (not 0), and the cut is the capacity row,
  // which the point satisfies.
  const auto cut = most_violated_residual_cut(100.0, 1.99, {{0, 100, 99}, {1, 100, 99}}, 1e-9);
  EXPECT_FALSE(cut.has_value());
}

// Every returned cut is valid: no integer-feasible point (whole y, Σ x ≤ u y, 0 ≤ x ≤ d)
// violates it.
TEST(ResidualCapacityCuts, RandomCutsHoldAtEveryIntegerFeasiblePoint) {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  int cuts = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const double capacity = 50.0 + 100.0 * uniform(random);
    std::vector<ResidualItem> items;
    for (std::size_t k = 0; k < 4; ++k) {
      const double d = capacity * 1.5 * uniform(random);
      items.push_back({k, d, d * uniform(random)});
    }
    double flow = 0.0;
    for (const ResidualItem& item : items) flow += item.flow;
    const auto cut =
        most_violated_residual_cut(capacity, flow / capacity * uniform(random) * 2.0, items, 0.0);
    if (!cut) continue;
    ++cuts;
    for (int point = 0; point < 200; ++point) {
      const double y = std::floor(5.0 * uniform(random));
      std::vector<double> x(items.size());
      double total = 0.0;
      for (std::size_t k = 0; k < items.size(); ++k) {
        x[k] = items[k].demand * uniform(random);
        total += x[k];
      }
      if (total > capacity * y) {  // scale into the capacity row
        for (double& v : x) v *= capacity * y / total;
      }
      double lhs = -cut->residual * y;
      for (std::size_t k : cut->commodities) lhs += x[k];
      EXPECT_LE(lhs, cut->demand - cut->residual * cut->kappa + 1e-7);
    }
  }
  EXPECT_GT(cuts, 20);
}

// The row in the master and what it does to the LP: 1.2 trucks (600) become 2 (1000).
TEST(ResidualCapacityCuts, MasterRowForcesTheSecondTruck) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 100));
  net.to_d(10, 60, 1e5);
  net.to_d(10, 60, 1e5);
  const DesignProblem problem = net.builder.build();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0}), test::column(1, {0})});
  ASSERT_EQ(test::solve_with_linking(master), LpStatus::optimal);
  EXPECT_NEAR(master.units(0), 1.2, 1e-9);
  EXPECT_NEAR(master.objective(), 600.0, 1e-7);

  EXPECT_EQ(master.add_violated_residual_rows(0.2, 10), 0u);  // 0.16 × capacity: not enough
  EXPECT_EQ(master.add_violated_residual_rows(1e-6, 0), 0u);  // no room for any row
  ASSERT_EQ(master.add_violated_residual_rows(1e-6, 10), 1u);
  EXPECT_EQ(master.residual_row_count(), 1u);
  const ClpSimplex& model = master.clp().model;
  const int row = model.numberRows() - 1;
  EXPECT_NEAR(model.getRowUpper()[row], 80.0, 1e-9);
  const CoinPackedMatrix& m = *model.matrix();
  std::map<int, double> coefficient;
  for (int c = 0; c < model.numberColumns(); ++c)
    for (CoinBigIndex i = m.getVectorStarts()[c];
         i < m.getVectorStarts()[c] + m.getVectorLengths()[c]; ++i)
      if (m.getIndices()[i] == row) coefficient[c] = m.getElements()[i];
  ASSERT_EQ(coefficient.size(), 3u);
  EXPECT_NEAR(coefficient.at(master.y_column(0)), -20.0, 1e-12);
  for (const auto& [column, value] : coefficient) {
    if (column == master.y_column(0)) continue;
    EXPECT_NEAR(value, 60.0, 1e-12);
  }

  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), 1000.0, 1e-6);
  EXPECT_NEAR(master.units(0), 2.0, 1e-9);
  // The row binds, and its dual reaches pricing as a per-(arc, commodity) term: 60 × π each.
  const MasterDuals duals = master.duals();
  ASSERT_EQ(duals.linking.size(), 2u);
  for (const auto& [key, value] : duals.linking) EXPECT_LT(value, -1e-6);
  EXPECT_EQ(master.add_violated_residual_rows(1e-6, 10), 0u);
}

}  // namespace
}  // namespace mm::engine
