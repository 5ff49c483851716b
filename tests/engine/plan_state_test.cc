// PlanState (engine/plan_state.h) on one lane of 100 m³ trucks at 500 per trip and 1 per
// package: loads, whole vehicles and the objective kept up to date by add/remove/restore;
// marginal_cost equal to the objective's change; room; the tightest dimension; vehicle caps,
// vehicles per departure, sort capacity and fleet turning a move infinite; and solution/assign.
#include "engine/plan_state.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

using Ids = std::vector<std::size_t>;

// Lane 0: O -> D, 100 m³ trucks, 500 per trip, 1 per package (at most `max_units`; in sort
// group `group` of 25 packages). a = 10 packages of 60 m³, b = 20 packages of 50 m³, each with
// penalty 10000.
test::TwoShipments one_lane(double max_units = kInfinity, int group = -1) {
  return test::TwoShipments({test::vehicle(500, 100, 1, max_units, group)}, {10, 20}, {60, 50},
                            {1e4, 1e4},
                            group >= 0 ? std::vector<double>{25} : std::vector<double>{});
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(PlanState, SecondCommodityPaysForASecondTruckOnlyBeyondTheRoomOfTheFirst) {
  const test::TwoShipments lane = one_lane();
  PlanState state(lane.problem);
  EXPECT_DOUBLE_EQ(state.objective(), 20000.0);  // everything unserved
  EXPECT_EQ(state.units(0), 0.0);
  EXPECT_EQ(state.last_vehicle_fill(0), 0.0);

  // A: one truck (60 m³), 10 packages × 1, B still unserved: 500 + 10 + 10000.
  state.add(lane.a, {0}, 1.0);
  EXPECT_EQ(state.units(0), 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), 10510.0);
  EXPECT_DOUBLE_EQ(state.load(0)[0], 60.0);
  EXPECT_DOUBLE_EQ(state.last_vehicle_fill(0), 0.6);

  // B whole: 110 m³ need a second truck: 500 + 20 × 1.
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, lane.b, 1.0), 520.0);
  EXPECT_DOUBLE_EQ(state.path_cost(lane.b, {0}, 1.0), 520.0);
  // 0.8 of B (40 m³) fits the first truck's room: packages only, 16 × 1.
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, lane.b, 0.8), 16.0);
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, lane.b, 0.81), 0.81 * 20 + 500);
  EXPECT_DOUBLE_EQ(state.room(0, lane.b), 0.8);

  // The objective moves by exactly the marginal cost (and B's penalty leaves).
  state.add(lane.b, {0}, 1.0);
  EXPECT_EQ(state.units(0), 2.0);
  EXPECT_DOUBLE_EQ(state.objective(), 10510.0 + 520.0 - 10000.0);
  EXPECT_NEAR(state.last_vehicle_fill(0), 0.1, 1e-12);  // 110 m³ in two trucks
  EXPECT_EQ(sorted(state.users(0)), (Ids{lane.a, lane.b}));
  // The second truck holds 90 m³ more: 1.8 of B, or 1.5 of A.
  EXPECT_DOUBLE_EQ(state.room(0, lane.b), 1.8);
  EXPECT_DOUBLE_EQ(state.room(0, lane.a), 1.5);
  EXPECT_DOUBLE_EQ(state.served(lane.b), 1.0);
}

// BUG (reported, disabled until engine/plan_state.cc is fixed): room() promises "when they are
// full, one more vehicle". With a (60 m³) and 0.8 of B (40 m³) the truck is exactly full; one
// more truck holds 100 m³ = 2.0 of B. room() prices a sliver of 1e-6 of B (5e-5 m³), which
// vehicles_for's tolerance (1e-6 vehicle = 1e-4 m³) rounds back to one truck, and answers 0.
// Any commodity smaller than a vehicle gets 0 on a full arc. (marginal_cost with insertion's
// larger sliver, 1e-4, does see the second truck: 500.)
TEST(PlanState, RoomOfAFullTruckIsOneMoreTruck) {
  const test::TwoShipments lane = one_lane();
  PlanState state = lane.riding(0);
  state.add(lane.b, {0}, 0.8);
  EXPECT_EQ(state.units(0), 1.0);
  EXPECT_NEAR(state.marginal_cost(0, lane.b, 1e-4), 500.0, 0.01);
  EXPECT_NEAR(state.room(0, lane.b), 2.0, 1e-9);
}

TEST(PlanState, RemoveReturnsThePathsAndRestorePutsThemBack) {
  const test::TwoShipments lane = one_lane();
  PlanState state = lane.riding(0);
  state.add(lane.b, {0}, 1.0);
  std::vector<StatePath> taken = state.remove(lane.b);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].arcs, (Ids{0}));
  EXPECT_DOUBLE_EQ(taken[0].share, 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), 10510.0);
  EXPECT_EQ(state.units(0), 1.0);
  EXPECT_EQ(state.served(lane.b), 0.0);
  EXPECT_TRUE(state.paths(lane.b).empty());
  EXPECT_EQ(state.users(0), (Ids{lane.a}));
  state.restore(lane.b, taken);
  EXPECT_DOUBLE_EQ(state.objective(), 1030.0);
  EXPECT_EQ(state.units(0), 2.0);
  // Removing the last rider leaves no vehicle and only penalties.
  state.remove(lane.a);
  state.remove(lane.b);
  EXPECT_EQ(state.units(0), 0.0);
  EXPECT_DOUBLE_EQ(state.objective(), 20000.0);
  EXPECT_TRUE(state.users(0).empty());
}

TEST(PlanState, SharesOfTheSamePathMergeIntoOnePath) {
  const test::TwoShipments lane = one_lane();
  PlanState state(lane.problem);
  state.add(lane.b, {0}, 0.5);
  EXPECT_DOUBLE_EQ(state.objective(), 500 + 10 + 10000 + 5000);  // half of B unserved
  state.add(lane.b, {0}, 0.5);
  ASSERT_EQ(state.paths(lane.b).size(), 1u);
  EXPECT_DOUBLE_EQ(state.paths(lane.b)[0].share, 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), 500 + 20 + 10000);
}

// BUG (reported, disabled until engine/plan_state.cc is fixed): users() promises each
// commodity once, but add() pushes the commodity once per call even when the path merges into
// one it already has, and remove() takes it out once per path: after two halves of B on lane 0
// and remove(B), users(0) still names B, which has no path at all. Insertion pours pieces along
// the same path (engine/insertion.cc), so this happens in every search; repair_limits then
// loops on a rider it cannot take out (plan_repair_test.cc).
TEST(PlanState, UsersNamesEachCommodityOnceAndForgetsItOnRemove) {
  const test::TwoShipments lane = one_lane();
  PlanState state(lane.problem);
  state.add(lane.b, {0}, 0.5);
  state.add(lane.b, {0}, 0.5);
  EXPECT_EQ(state.users(0), (Ids{lane.b}));
  state.remove(lane.b);
  EXPECT_TRUE(state.users(0).empty());
}

TEST(PlanState, TheTightestDimensionDecidesTheVehiclesAndEmptyPackagesStillNeedOne) {
  test::ProblemBuilder b(2);
  DesignArc truck = test::vehicle(500, 100);
  truck.capacity[1] = 1000;  // kg
  b.lane(0, 1, truck);
  Commodity dense = test::shipment(0, {0}, 10, 10, 10000);
  dense.size[1] = 1500;  // 10 m³ but 1.5 trucks of weight
  b.commodity(dense);
  b.commodity(test::shipment(0, {0}, 5, 0, 10000));  // neither cube nor weight
  const DesignProblem problem = b.build();
  PlanState state(problem);
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, 0, 1.0), 1000.0);
  state.add(0, {0}, 1.0);
  EXPECT_EQ(state.units(0), 2.0);
  EXPECT_DOUBLE_EQ(state.last_vehicle_fill(0), 0.5);
  EXPECT_DOUBLE_EQ(state.load(0)[1], 1500.0);

  PlanState weightless(problem);
  EXPECT_DOUBLE_EQ(weightless.marginal_cost(0, 1, 1.0), 500.0);
  weightless.add(1, {0}, 1.0);
  EXPECT_EQ(weightless.units(0), 1.0);
}

TEST(PlanState, AVehicleCapMakesANewVehicleInfiniteButNotRoomInTheOnesThere) {
  const test::TwoShipments lane = one_lane();
  PlanState state = lane.riding(0);
  state.set_unit_cap(0, 1.0);
  EXPECT_EQ(state.marginal_cost(0, lane.b, 1.0), kInfinity);
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, lane.b, 0.8), 16.0);
  state.set_unit_cap(0, kInfinity);
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, lane.b, 1.0), 520.0);
}

TEST(PlanState, VehiclesPerDepartureLimitInsertionButNotAdd) {
  const test::TwoShipments lane = one_lane(/*max_units=*/1.0);
  PlanState state = lane.riding(0);
  EXPECT_EQ(state.marginal_cost(0, lane.b, 1.0), kInfinity);
  EXPECT_DOUBLE_EQ(state.room(0, lane.b), 0.8);
  EXPECT_FALSE(state.over_vehicle_limit(0));
  state.add(lane.b, {0}, 1.0);  // a plan from elsewhere: add does not refuse it
  EXPECT_TRUE(state.over_vehicle_limit(0));
}

TEST(PlanState, SortCapacityLimitsPackagesAndTheRoomItLeaves) {
  // Lane 0 in resource group 0 of 25 packages. A (10 packages) rides; B (20) fits only 15/20.
  const test::TwoShipments lane = one_lane(kInfinity, /*group=*/0);
  PlanState state = lane.riding(0);
  EXPECT_EQ(state.marginal_cost(0, lane.b, 1.0), kInfinity);
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, lane.b, 0.75), 15.0);  // 0.75 × 50 = 37.5 m³ fits
  EXPECT_DOUBLE_EQ(state.room(0, lane.b), 0.75);                 // below the truck's 0.8
  EXPECT_FALSE(state.over_resource_limit(0));
  state.add(lane.b, {0}, 1.0);
  EXPECT_TRUE(state.over_resource_limit(0));
}

TEST(PlanState, AFleetPoolCountsVehiclesOverItsArcs) {
  // Two lanes O -> D in one pool with a fleet of 1.
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 100, 1));
  net.add_lane(test::vehicle(500, 100, 1));
  const std::size_t a = net.to_d(10, 60, 10000);
  const std::size_t b = net.to_d(20, 50, 10000);
  net.builder.pool({0, 1}, 1.0);
  const DesignProblem problem = net.builder.build();
  PlanState state(problem);
  state.add(a, {0}, 1.0);
  EXPECT_EQ(state.marginal_cost(1, b, 1.0), kInfinity);  // a second vehicle in the pool
  EXPECT_EQ(state.marginal_cost(0, b, 1.0), kInfinity);
  EXPECT_DOUBLE_EQ(state.marginal_cost(0, b, 0.5), 10.0);  // room on the one vehicle
  EXPECT_FALSE(state.over_pool_limit(0));
  state.add(b, {1}, 1.0);
  EXPECT_TRUE(state.over_pool_limit(0));
  state.remove(b);
  EXPECT_FALSE(state.over_pool_limit(0));
}

TEST(PlanState, AssignRecomputesVehiclesFromLoadsAndSolutionReportsTheObjective) {
  const test::TwoShipments lane = one_lane();
  PlanState state(lane.problem);
  DesignSolution given;
  given.units = {5};  // extra vehicles are waste: the state keeps what the load needs
  given.paths = {test::column(lane.a, {0}, 1.0), test::column(lane.b, {0}, 0.5)};
  state.assign(given);
  EXPECT_EQ(state.units(0), 1.0);  // 60 + 25 m³
  EXPECT_DOUBLE_EQ(state.objective(), 500 + 10 + 10 + 5000);
  const DesignSolution back = state.solution();
  EXPECT_EQ(back.units, (std::vector<double>{1}));
  ASSERT_EQ(back.paths.size(), 2u);
  EXPECT_DOUBLE_EQ(back.objective, state.objective());
  EXPECT_DOUBLE_EQ(design_objective(lane.problem, back), state.objective());
  // Assigning again replaces everything.
  state.assign(DesignSolution{});
  EXPECT_DOUBLE_EQ(state.objective(), 20000.0);
  EXPECT_EQ(state.units(0), 0.0);
}

}  // namespace
}  // namespace mm::engine
