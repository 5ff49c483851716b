// The restricted master LP (engine/restricted_master.h) on one commodity of 45 m³ (10
// packages) from O to D over a 95 m³ truck lane (500 per trip, 2 per package) and a 40 m³ van
// lane (300, 1 per package): duplicate paths refused, the LP value, primal values and duals
// worked out by hand, reduced costs = cost − a·duals, strong linking rows, a sort capacity's
// dual, unit bounds, cover rows, and the unserved slack.
#include "engine/restricted_master.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

// Truck: y0 = 45/95 trucks carry it all in the LP: 500 × 45/95 + 10 × 2 = 4500/19 + 20.
constexpr double kTruckLp = 4500.0 / 19.0 + 20.0;

DesignProblem truck_and_van(double penalty = 1e5, int truck_group = -1, double sort_limit = 0.0) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 95, 2, kInfinity, truck_group));
  net.add_lane(test::vehicle(300, 40, 1));
  net.to_d(10, 45, penalty);
  if (truck_group >= 0) net.builder.resource_limit(sort_limit);
  return net.builder.build();
}

TEST(RestrictedMaster, AddPathsRefusesAPathItAlreadyHasAndDuplicatesInABatch) {
  const DesignProblem problem = truck_and_van();
  RestrictedMaster master(problem);
  EXPECT_EQ(master.add_paths({test::column(0, {0})}), 1u);
  EXPECT_EQ(master.add_paths({test::column(0, {0})}), 0u);
  EXPECT_EQ(master.add_paths({test::column(0, {1}), test::column(0, {1}), test::column(0, {0})}),
            1u);
  EXPECT_EQ(master.path_count(), 2u);
  EXPECT_TRUE(master.has_path(0, {0}));
  EXPECT_TRUE(master.has_path(0, {1}));
  EXPECT_FALSE(master.has_path(0, {0, 1}));
  EXPECT_EQ(master.paths_of(0).size(), 2u);
  EXPECT_TRUE(master.arc_active(0));
  EXPECT_TRUE(master.arc_active(1));
}

TEST(RestrictedMaster, SolvesTheHandComputedLpWithItsDualsAndReducedCosts) {
  const DesignProblem problem = truck_and_van();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0})});
  EXPECT_FALSE(master.arc_active(1));
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_TRUE(master.solution_optimal());
  EXPECT_NEAR(master.objective(), kTruckLp, 1e-7);
  EXPECT_NEAR(master.units(0), 45.0 / 95.0, 1e-9);
  EXPECT_EQ(master.units(1), 0.0);  // no column yet
  EXPECT_NEAR(master.unserved_share(0), 0.0, 1e-9);
  // y0 is basic: 500 − (−95) α = 0, α = −500/95 per m³. The path is basic: 20 − π − 45 α = 0.
  const MasterDuals duals = master.duals();
  EXPECT_NEAR(duals.capacity[0][0], -500.0 / 95.0, 1e-9);
  EXPECT_EQ(duals.capacity[0][1], 0.0);  // weight has no row
  EXPECT_NEAR(duals.convexity[0], kTruckLp, 1e-7);
  EXPECT_NEAR(master.reduced_cost(duals, 0, {0}), 0.0, 1e-7);
  // The van path: its arc has no row yet (duals 0): 10 × 1 − π.
  EXPECT_NEAR(master.reduced_cost(duals, 0, {1}), 10.0 - kTruckLp, 1e-7);
  // Adding it does not change the LP: per share the van costs 300 × 45/40 + 10 = 347.5.
  master.add_paths({test::column(0, {1})});
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), kTruckLp, 1e-7);
  EXPECT_GE(master.reduced_cost(master.duals(), 0, {1}), -1e-7);
}

TEST(RestrictedMaster, StrongLinkingRowsMakeTheTruckWholeAndTheVanCheaper) {
  const DesignProblem problem = truck_and_van();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0}), test::column(0, {1})});
  EXPECT_EQ(master.add_violated_linking_rows(1e-6, 10), 0u);  // nothing solved yet
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  // share 1 on the truck against y0 = 45/95: λ ≤ min(1, 95/45) y0 is violated by 50/95.
  EXPECT_EQ(master.add_violated_linking_rows(1e-6, 10), 1u);
  EXPECT_EQ(master.linking_row_count(), 1u);
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  // A whole truck per share (520) against the van's 347.5; the van's row λ ≤ (40/45) y1 holds
  // at y1 = 1.125.
  EXPECT_NEAR(master.objective(), 347.5, 1e-7);
  EXPECT_NEAR(master.units(1), 1.125, 1e-9);
  EXPECT_NEAR(master.units(0), 0.0, 1e-9);
  EXPECT_EQ(master.add_violated_linking_rows(1e-6, 10), 0u);
  const MasterDuals duals = master.duals();
  EXPECT_NEAR(duals.convexity[0], 347.5, 1e-7);
  EXPECT_NEAR(master.reduced_cost(duals, 0, {1}), 0.0, 1e-7);
  EXPECT_GE(master.reduced_cost(duals, 0, {0}), -1e-7);
}

TEST(RestrictedMaster, ASortCapacityCutsTheShareAndPricesItsPackages) {
  // The truck lane leaves a sort of 5 packages: half the commodity, the rest unserved (penalty
  // 1000): 0.5 × kTruckLp + 500. Duals: the slack is basic, π = 1000; the path is basic,
  // 20 − π − 45 α − 10 σ = 0 with α = −500/95, so σ = (20 − 1000 + 4500/19) / 10.
  const DesignProblem problem = truck_and_van(1000, 0, 5);
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0})});
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), 0.5 * kTruckLp + 500.0, 1e-7);
  EXPECT_NEAR(master.unserved_share(0), 0.5, 1e-9);
  const MasterDuals duals = master.duals();
  EXPECT_NEAR(duals.convexity[0], 1000.0, 1e-7);
  EXPECT_NEAR(duals.resource[0], (20.0 - 1000.0 + 4500.0 / 19.0) / 10.0, 1e-7);
  EXPECT_NEAR(master.reduced_cost(duals, 0, {0}), 0.0, 1e-7);
}

TEST(RestrictedMaster, AnUnpaidCommodityStaysUnservedAndTheSolutionSaysSo) {
  const DesignProblem problem = truck_and_van(/*penalty=*/100);
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0})});
  EXPECT_EQ(master.unserved_share(0), 1.0);  // before any solve
  EXPECT_TRUE(master.current_solution().paths.empty());
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), 100.0, 1e-9);  // 100 < kTruckLp
  EXPECT_NEAR(master.unserved_share(0), 1.0, 1e-9);
  const DesignSolution s = master.current_solution();
  EXPECT_TRUE(s.paths.empty());
  EXPECT_EQ(s.units, (std::vector<double>{0, 0}));
  EXPECT_NEAR(s.objective, 100.0, 1e-9);
}

TEST(RestrictedMaster, CurrentSolutionCarriesSharesAndFractionalVehicles) {
  const DesignProblem problem = truck_and_van();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0}), test::column(0, {1})});
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  const DesignSolution s = master.current_solution();
  ASSERT_EQ(s.paths.size(), 1u);
  EXPECT_EQ(s.paths[0].arcs, (std::vector<std::size_t>{0}));
  EXPECT_NEAR(s.paths[0].share, 1.0, 1e-9);
  EXPECT_NEAR(s.units[0], 45.0 / 95.0, 1e-9);
  EXPECT_NEAR(s.objective, kTruckLp, 1e-7);
}

TEST(RestrictedMaster, UnitBoundsForceWholeTrucksAndResetRestoresTheLp) {
  const DesignProblem problem = truck_and_van();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0})});
  master.set_unit_bounds(0, 1, 1);
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), 520.0, 1e-7);
  EXPECT_NEAR(master.units(0), 1.0, 1e-12);
  // Bounds on an arc without a column activate it.
  master.set_unit_bounds(1, 2, 2);
  EXPECT_TRUE(master.arc_active(1));
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), 520.0 + 600.0, 1e-7);
  master.reset_unit_bounds();
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.objective(), kTruckLp, 1e-7);
}

TEST(RestrictedMaster, ACoverRowOnVehiclesActivatesItsArcsAndBinds) {
  // 2 y1 ≥ 3 with nothing on the van: y1 = 1.5 more, 450.
  const DesignProblem problem = truck_and_van();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0})});
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  master.add_cover_row({{1, 2.0}}, {}, 3.0);
  EXPECT_TRUE(master.arc_active(1));
  EXPECT_EQ(master.cover_row_count(), 1u);
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.units(1), 1.5, 1e-9);
  EXPECT_NEAR(master.objective(), kTruckLp + 450.0, 1e-7);
  // A row only the unserved slack meets: 1000 s ≥ 1 leaves 0.001 of the commodity unserved
  // (penalty 1e5 × 0.001 = 100) and ships 0.999 of it.
  master.add_cover_row({}, {{0, 1000.0}}, 1.0);
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  EXPECT_NEAR(master.unserved_share(0), 0.001, 1e-9);
  EXPECT_NEAR(master.objective(), 0.999 * kTruckLp + 100.0 + 450.0, 1e-6);
}

TEST(RestrictedMaster, ASnapshotHasTheSameLpAndGrowsApartFromTheOriginal) {
  const DesignProblem problem = truck_and_van();
  RestrictedMaster master(problem);
  master.add_paths({test::column(0, {0})});
  ASSERT_EQ(master.solve(1e9), LpStatus::optimal);
  const std::unique_ptr<RestrictedMaster> copy = master.snapshot();
  EXPECT_TRUE(copy->solution_optimal());
  EXPECT_NEAR(copy->objective(), kTruckLp, 1e-7);
  EXPECT_NEAR(copy->units(0), 45.0 / 95.0, 1e-9);
  EXPECT_EQ(copy->path_count(), 1u);
  // The van path goes to the copy only (the copy's LP stays on the truck: 347.5 per share on
  // the van); the original keeps one column and its own solution.
  EXPECT_EQ(copy->add_paths({test::column(0, {1})}), 1u);
  ASSERT_EQ(copy->solve(1e9), LpStatus::optimal);
  EXPECT_EQ(copy->path_count(), 2u);
  EXPECT_TRUE(copy->arc_active(1));
  EXPECT_EQ(master.path_count(), 1u);
  EXPECT_FALSE(master.arc_active(1));
  EXPECT_FALSE(master.has_path(0, {1}));
  EXPECT_NEAR(master.objective(), kTruckLp, 1e-7);
  // Linking rows added to the original are not in the copy.
  master.add_violated_linking_rows(1e-6, 100);
  EXPECT_GT(master.linking_row_count(), 0u);
  EXPECT_EQ(copy->linking_row_count(), 0u);
}

}  // namespace
}  // namespace mm::engine
