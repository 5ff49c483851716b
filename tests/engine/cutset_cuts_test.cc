// Cut-set MIR cuts (engine/cutset_cuts.h) with coefficients computed by hand. A delivery station
// receives Q = 45 m³ (commodities of 25 and 20 m³) over a 95 m³ truck lane (500) and a 40 m³
// van lane (300). The LP buys 45/95 = 0.47 of a truck; the MIR for δ = 95 (f = 45/95) is
//   y95 + (40/95)/(45/95) y40 + (25/45) s0 + (20/45) s1 ≥ 1,  i.e. y95 + 8/9 y40 + ... ≥ 1,
// violated by 1 − 9/19. With it the LP moves to 1.125 vans (337.5), which the MIR for δ = 40
// (Q/δ = 1.125, f = 1/8: 2 + (3/8 capped at 1/8)/(1/8) = 3 for the truck) cuts off:
//   3 y95 + y40 + 5 s0 + 4 s1 ≥ 2.
// Then the LP is 1240/3 (y95 = 7/15, y40 = 3/5). Also: which sets exist, the tolerance, and the
// most violated cut first under max_cuts.
#include "engine/cutset_cuts.h"

#include <gtest/gtest.h>

#include <coin/CoinPackedMatrix.hpp>
#include <map>
#include <vector>

#include "engine/restricted_master_clp.h"
#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

// The last row of the master: its lower bound and its coefficients by CLP column.
struct Row {
  double lower = 0.0;
  std::map<int, double> coefficient;
};

Row last_row(const RestrictedMaster& master) {
  const ClpSimplex& model = master.clp().model;
  const int row = model.numberRows() - 1;
  Row out;
  out.lower = model.getRowLower()[row];
  const CoinPackedMatrix& m = *model.matrix();
  for (int c = 0; c < model.numberColumns(); ++c)
    for (CoinBigIndex i = m.getVectorStarts()[c];
         i < m.getVectorStarts()[c] + m.getVectorLengths()[c]; ++i)
      if (m.getIndices()[i] == row) out.coefficient[c] = m.getElements()[i];
  return out;
}

// Commodity columns are the unserved slacks 0..K-1 (engine/restricted_master.cc).
void expect_row(const Row& row, const RestrictedMaster& master, double y_truck, double y_van,
                double s0, double s1, double rhs) {
  EXPECT_NEAR(row.lower, rhs, 1e-12);
  ASSERT_EQ(row.coefficient.size(), 4u);
  EXPECT_NEAR(row.coefficient.at(master.y_column(0)), y_truck, 1e-12);
  EXPECT_NEAR(row.coefficient.at(master.y_column(1)), y_van, 1e-12);
  EXPECT_NEAR(row.coefficient.at(0), s0, 1e-12);
  EXPECT_NEAR(row.coefficient.at(1), s1, 1e-12);
}

DesignProblem station() {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 95));
  net.add_lane(test::vehicle(300, 40));
  net.to_d(10, 25, 1e5);
  net.to_d(10, 20, 1e5);
  return net.builder.build();
}

void add_every_path(RestrictedMaster& master) {
  master.add_paths(
      {test::column(0, {0}), test::column(0, {1}), test::column(1, {0}), test::column(1, {1})});
}

TEST(CutsetCuts, OneSetWhenOriginAndDestinationShareTheirArcs) {
  const DesignProblem problem = station();
  // By origin: {0, 1} over lanes {0, 1} (the prefix {0} has the same arcs and is dropped); by
  // destination the same arcs again.
  EXPECT_EQ(CutsetSeparator(problem).set_count(), 1u);
}

TEST(CutsetCuts, SeparatesTheHandComputedMirWhenTheLpBuysAFractionOfATruck) {
  const DesignProblem problem = station();
  RestrictedMaster master(problem);
  add_every_path(master);
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.units(0), 45.0 / 95.0, 1e-9);
  EXPECT_NEAR(master.objective(), 500.0 * 45.0 / 95.0, 1e-7);
  CutsetSeparator cuts(problem);
  // Violated by 10/19 = 0.526 relative to its right-hand side: not above 0.6.
  EXPECT_EQ(cuts.separate(master, 0.6, 10), 0u);
  EXPECT_EQ(master.cover_row_count(), 0u);
  EXPECT_EQ(cuts.separate(master, 1e-4, 10), 1u);
  EXPECT_EQ(master.cover_row_count(), 1u);
  expect_row(last_row(master), master, 1.0, 8.0 / 9.0, 5.0 / 9.0, 4.0 / 9.0, 1.0);

  // The cut moves the LP to vans: 300 × 1.125.
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), 337.5, 1e-7);
  EXPECT_NEAR(master.units(1), 1.125, 1e-9);
  // The δ = 95 cut holds there (8/9 × 1.125 = 1); the δ = 40 one is violated by 0.4375.
  EXPECT_EQ(cuts.separate(master, 0.44, 10), 0u);
  EXPECT_EQ(cuts.separate(master, 0.43, 10), 1u);
  expect_row(last_row(master), master, 3.0, 1.0, 5.0, 4.0, 2.0);
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), 1240.0 / 3.0, 1e-7);
  EXPECT_NEAR(master.units(0), 7.0 / 15.0, 1e-9);
  EXPECT_NEAR(master.units(1), 0.6, 1e-9);
  // Both cuts hold with equality now: nothing more to separate.
  EXPECT_EQ(cuts.separate(master, 1e-4, 10), 0u);
}

TEST(CutsetCuts, WholeTrucksViolateNothing) {
  const DesignProblem problem = station();
  RestrictedMaster master(problem);
  add_every_path(master);
  master.set_unit_bounds(0, 1, 1);
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  CutsetSeparator cuts(problem);
  EXPECT_EQ(cuts.separate(master, 1e-6, 10), 0u);
}

// Origin O (node 0), stations D1 (node 1) and D2 (node 2), a 95 m³ truck lane to each; 45 m³
// for D1 and 30 m³ for D2. Sets: O's {both} over both lanes, D1's {0} over lane 0, D2's {1}
// over lane 1. The LP buys 45/95 and 30/95 of a truck; the violations (δ = 95) are 1 − 45/95
// (D1), 1 − 30/95 (D2, the largest) and 1 − 75/95 (O). With max_cuts 1 only D2's is added:
// y1 + s1 ≥ 1 (f = 30/95, the slack's coefficient (30/95)/f = 1).
TEST(CutsetCuts, MaxCutsKeepsTheMostViolatedSet) {
  test::ProblemBuilder b(3);
  b.lane(0, 1, test::vehicle(500, 95));
  b.lane(0, 2, test::vehicle(500, 95));
  b.commodity(test::shipment(0, {0}, 10, 45, 1e5, 0, 1));
  b.commodity(test::shipment(0, {1}, 10, 30, 1e5, 0, 2));
  const DesignProblem problem = b.build();
  CutsetSeparator cuts(problem);
  EXPECT_EQ(cuts.set_count(), 3u);
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0}), test::column(1, {1})});
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_EQ(cuts.separate(master, 1e-4, 1), 1u);
  const Row row = last_row(master);
  EXPECT_NEAR(row.lower, 1.0, 1e-12);
  ASSERT_EQ(row.coefficient.size(), 2u);
  EXPECT_NEAR(row.coefficient.at(master.y_column(1)), 1.0, 1e-12);
  EXPECT_NEAR(row.coefficient.at(1), 1.0, 1e-12);
  // Re-solved, D2 has a whole truck (y1 = 1) and O's cut holds (45/95 + 1 ≥ 1): only D1's is
  // left.
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.units(1), 1.0, 1e-9);
  EXPECT_EQ(cuts.separate(master, 1e-4, 10), 1u);
  EXPECT_EQ(master.cover_row_count(), 2u);
  EXPECT_NEAR(last_row(master).coefficient.at(master.y_column(0)), 1.0, 1e-12);
}

}  // namespace
}  // namespace mm::engine
