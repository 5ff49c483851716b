// repair_limits (engine/plan_repair.h) on plans from elsewhere that break one limit each: a
// fleet of one plane flying two departures, two trucks on a departure that allows one, and a
// sort capacity of 25 packages with 30 leaving. Exactly the riders of the least full vehicle
// come out, they go back where they fit and pay (or stay unserved), and nothing else moves.
#include "engine/plan_repair.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

using Ids = std::vector<std::size_t>;

// Lanes 0 and 1: O -> D planes of 100 m³ at 1000, in one fleet pool of `fleet`; lane 2: a
// truck outside the pool (100 m³, 500, 1 per package). X is 10 packages, Y 5, W 8 (50 m³);
// penalty 10000 each unless given for Y.
struct Fleet {
  test::ParallelLanes net;
  std::size_t x, y, w;
  DesignProblem problem;
  Fleet(double x_cube, double y_cube, double fleet, double y_penalty = 10000) {
    net.add_lane(test::vehicle(1000, 100));
    net.add_lane(test::vehicle(1000, 100));
    net.add_lane(test::vehicle(500, 100, 1));
    x = net.to_d(10, x_cube, 10000);
    y = net.to_d(5, y_cube, y_penalty);
    w = net.to_d(8, 50, 10000);
    net.builder.pool({0, 1}, fleet);
    problem = net.builder.build();
  }
  // X on plane 0, Y on plane 1, W on the truck.
  PlanState each_on_its_lane() const {
    PlanState state(problem);
    state.add(x, {0}, 1.0);
    state.add(y, {1}, 1.0);
    state.add(w, {2}, 1.0);
    return state;
  }
};

TEST(PlanRepair, AFleetOfOneDropsExactlyTheRiderOfTheEmptierPlaneWhichRidesTheOther) {
  // X (70 m³) flies lane 0, Y (20 m³) lane 1, W the truck. Plane 1 is the emptier (0.2 < 0.7):
  // Y comes out and fits plane 0's 30 m³ of room for nothing (the truck's room would cost 5).
  Fleet f(70, 20, 1);
  PlanState state = f.each_on_its_lane();
  EXPECT_TRUE(state.over_pool_limit(0));
  Inserter inserter(f.problem);
  EXPECT_EQ(repair_limits(state, inserter), 1u);
  EXPECT_FALSE(state.over_pool_limit(0));
  EXPECT_EQ(state.units(0), 1.0);
  EXPECT_EQ(state.units(1), 0.0);
  ASSERT_EQ(state.paths(f.y).size(), 1u);
  EXPECT_EQ(state.paths(f.y)[0].arcs, (Ids{0}));
  EXPECT_EQ(state.paths(f.x)[0].arcs, (Ids{0}));  // untouched
  EXPECT_EQ(state.paths(f.w)[0].arcs, (Ids{2}));  // untouched
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0 + 500.0 + 8.0);
}

TEST(PlanRepair, ARiderThatFitsNowhereIsLeftUnserved) {
  // X fills plane 0 (100 m³); Y (60 m³, penalty 300) cannot have a plane. The truck's 50 m³ of
  // room take 5/6 of it (5/6 × 5 packages × 1); the last sixth would need a second truck (500 >
  // 300 / 6): unserved.
  Fleet f(100, 60, 1, 300);
  PlanState state(f.problem);
  state.add(f.x, {0}, 1.0);
  state.add(f.y, {1}, 1.0);
  state.add(f.w, {2}, 1.0);
  Inserter inserter(f.problem);
  EXPECT_EQ(repair_limits(state, inserter), 1u);
  EXPECT_FALSE(state.over_pool_limit(0));
  EXPECT_EQ(state.units(1), 0.0);
  EXPECT_EQ(state.units(2), 1.0);
  EXPECT_NEAR(state.served(f.y), 5.0 / 6.0, 1e-9);
  EXPECT_NEAR(state.objective(), 1000.0 + 500.0 + 8.0 + 25.0 / 6.0 + 300.0 / 6.0, 1e-6);
}

TEST(PlanRepair, APlanWithinItsLimitsIsLeftAlone) {
  Fleet f(70, 20, 2);
  PlanState state(f.problem);
  state.add(f.x, {0}, 1.0);
  state.add(f.y, {1}, 1.0);
  Inserter inserter(f.problem);
  EXPECT_EQ(repair_limits(state, inserter), 0u);
  EXPECT_EQ(state.paths(f.y)[0].arcs, (Ids{1}));
  EXPECT_DOUBLE_EQ(state.objective(), 2000.0 + 10000.0);  // W unserved: repair inserts nothing
}

TEST(PlanRepair, TwoTrucksOnADepartureThatAllowsOneSendTheLargestRiderElsewhere) {
  // Lane 0 allows 1 truck (100 m³ at 500); lane 1: trucks at 800 and 1 per package. a (70 m³,
  // 10 packages) and b (50 m³) both on lane 0 need two. a, the larger, comes out; 50 m³ of it
  // (5/7) pour into lane 0's room and 2/7 ride a lane-1 truck: 800 + 2/7 × 10 (whole on lane 1
  // would cost 810).
  const test::TwoShipments s(
      {test::vehicle(500, 100, 0, /*max_units=*/1), test::vehicle(800, 100, 1)}, {10, 5}, {70, 50});
  PlanState state = s.riding(0, 0);
  EXPECT_TRUE(state.over_vehicle_limit(0));
  Inserter inserter(s.problem);
  EXPECT_EQ(repair_limits(state, inserter), 1u);
  EXPECT_FALSE(state.over_vehicle_limit(0));
  EXPECT_EQ(state.units(0), 1.0);
  EXPECT_EQ(state.units(1), 1.0);
  EXPECT_EQ(state.paths(s.b)[0].arcs, (Ids{0}));
  EXPECT_NEAR(state.served(s.a), 1.0, 1e-12);
  EXPECT_NEAR(state.load(0)[0], 100.0, 1e-9);
  EXPECT_NEAR(state.objective(), 500.0 + 800.0 + 20.0 / 7.0, 1e-9);
}

TEST(PlanRepair, SortCapacityTakesOutTheEmptierTrucksRiderAndKeepsWhatTheRestAllows) {
  // Lanes 0 and 1 leave one sort (group 0: 25 packages). a (10 packages, 15 m³) on lane 0,
  // b (20 packages, 10 m³) on lane 1: 30 packages. Lane 1's truck is the emptier: b comes out,
  // and 15 of its 20 packages (0.75) fit the sort, in a's truck: 500 + 0.25 × 10000.
  const DesignArc sorted_truck = test::vehicle(500, 100, 0, kInfinity, 0);
  const test::TwoShipments s({sorted_truck, sorted_truck}, {10, 20}, {15, 10}, {1e4, 1e4}, {25});
  PlanState state = s.riding(0, 1);
  EXPECT_TRUE(state.over_resource_limit(0));
  Inserter inserter(s.problem);
  EXPECT_EQ(repair_limits(state, inserter), 1u);
  EXPECT_FALSE(state.over_resource_limit(0));
  EXPECT_EQ(state.paths(s.a)[0].arcs, (Ids{0}));
  EXPECT_NEAR(state.served(s.b), 0.75, 1e-9);
  EXPECT_EQ(state.units(1), 0.0);
  EXPECT_NEAR(state.objective(), 500.0 + 2500.0, 1e-6);
}

TEST(PlanRepair, AnExpiredBudgetTakesRidersOutButInsertsNoneAgain) {
  // The first test's plan with a deadline already past: Y still comes out (the fleet holds),
  // but is not inserted again and stays unserved; X and W are untouched.
  Fleet f(70, 20, 1);
  PlanState state = f.each_on_its_lane();
  Inserter inserter(f.problem);
  SearchBudget past;
  past.deadline = Clock::now() - std::chrono::seconds(1);
  EXPECT_EQ(repair_limits(state, inserter, past), 1u);
  EXPECT_FALSE(state.over_pool_limit(0));
  EXPECT_EQ(state.served(f.y), 0.0);
  EXPECT_EQ(state.paths(f.x)[0].arcs, (Ids{0}));
  EXPECT_EQ(state.paths(f.w)[0].arcs, (Ids{2}));
  EXPECT_DOUBLE_EQ(state.objective(), 1000.0 + 500.0 + 8.0 + 10000.0);
}

// BUG (reported, disabled: it HANGS until engine/plan_state.cc is fixed). A plan whose
// commodity X has the same path twice (two halves of lane 0, merged into one path by the state)
// leaves X twice in users(0) (plan_state_test.cc, UsersNamesEachCommodityOnce...). With a fleet
// of 1 over three planes, repair takes X out (lane 0 empties, 2 planes still fly), then picks
// lane 0 again (fill 0, the least) for its stale rider X: remove(X) does nothing, the pool never
// holds, and the loop in repair_limits never ends.
TEST(PlanRepair, ARiderListedTwiceDoesNotStallTheRepair) {
  test::ParallelLanes net;
  for (int i = 0; i < 3; ++i) net.add_lane(test::vehicle(1000, 100));
  const std::size_t x = net.to_d(10, 10, 10000);
  const std::size_t y = net.to_d(10, 50, 10000);
  const std::size_t z = net.to_d(10, 60, 10000);
  net.builder.pool({0, 1, 2}, 1);
  const DesignProblem problem = net.builder.build();
  PlanState state(problem);
  DesignSolution plan;
  plan.paths = {test::column(x, {0}, 0.5), test::column(x, {0}, 0.5), test::column(y, {1}, 1.0),
                test::column(z, {2}, 1.0)};
  state.assign(plan);
  Inserter inserter(problem);
  repair_limits(state, inserter);
  EXPECT_FALSE(state.over_pool_limit(0));
}

}  // namespace
}  // namespace mm::engine
