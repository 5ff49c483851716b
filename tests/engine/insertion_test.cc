// Consolidation-aware insertion (engine/insertion.h) on two parallel lanes and on a two-departure
// time-expanded lane with holding: best_path prices the marginal cost (a second truck only where
// the first is full), augment pours into the first truck's room and then the cheapest new
// vehicle, insert keeps the cheaper of whole and poured, the unserved penalty decides what pays
// (unless forced), holding is free, and reachable ignores capacity.
#include "engine/insertion.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

using Ids = std::vector<std::size_t>;

// Lane 0: 100 m³ trucks at 500, 1 per package; lane 1: 20 m³ vans at 300, 2 per package.
// a = 10 packages of 60 m³ rides lane 0; b = 20 packages of 50 m³ is to be inserted.
test::TwoShipments truck_and_van(double b_penalty = 1e4) {
  return test::TwoShipments({test::vehicle(500, 100, 1), test::vehicle(300, 20, 2)}, {10, 20},
                            {60, 50}, {1e4, b_penalty});
}

TEST(Insertion, BestPathPaysASecondTruckOnlyForWhatTheFirstCannotHold) {
  const test::TwoShipments net = truck_and_van();
  Inserter inserter(net.problem);
  PlanState state = net.riding(0);
  // Whole B: a second truck 500 + 20 × 1 = 520, against three vans 900 + 20 × 2 = 940.
  Inserter::Path whole = inserter.best_path(state, net.b, 1.0);
  EXPECT_EQ(whole.arcs, (Ids{0}));
  EXPECT_DOUBLE_EQ(whole.cost, 520.0);
  // 0.8 of B fits the truck's 40 m³ of room: packages only.
  Inserter::Path part = inserter.best_path(state, net.b, 0.8);
  EXPECT_EQ(part.arcs, (Ids{0}));
  EXPECT_DOUBLE_EQ(part.cost, 16.0);
  // With the truck lane banned, the vans.
  const std::vector<char> banned{1, 0};
  Inserter::Path vans = inserter.best_path(state, net.b, 1.0, &banned);
  EXPECT_EQ(vans.arcs, (Ids{1}));
  EXPECT_DOUBLE_EQ(vans.cost, 940.0);
}

TEST(Insertion, AugmentFillsTheTrucksRoomThenTheCheapestNewVehicle) {
  const test::TwoShipments net = truck_and_van();
  Inserter inserter(net.problem);
  PlanState state = net.riding(0);
  // Piece 1: 0.8 (40 m³) into the truck's room, 16. Piece 2: for the last 10 m³ a van (300)
  // beats a second truck (500): 300 + 0.2 × 20 × 2 = 308.
  EXPECT_DOUBLE_EQ(inserter.augment(state, net.b), 1.0);
  ASSERT_EQ(state.paths(net.b).size(), 2u);
  EXPECT_EQ(state.paths(net.b)[0].arcs, (Ids{0}));
  EXPECT_DOUBLE_EQ(state.paths(net.b)[0].share, 0.8);
  EXPECT_EQ(state.paths(net.b)[1].arcs, (Ids{1}));
  EXPECT_DOUBLE_EQ(state.paths(net.b)[1].share, 0.2);
  EXPECT_EQ(state.units(0), 1.0);
  EXPECT_EQ(state.units(1), 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), 510.0 + 16.0 + 308.0);
}

// a on one truck lane (40 m³ of room), b (50 m³) to insert.
test::TwoShipments one_truck_lane() {
  return test::TwoShipments({test::vehicle(500, 100, 1)}, {10, 20}, {60, 50});
}

TEST(Insertion, InsertOnOneLanePaysExactlyOneMoreTruck) {
  const test::TwoShipments lane = one_truck_lane();
  Inserter inserter(lane.problem);
  PlanState state = lane.riding(0);
  EXPECT_DOUBLE_EQ(inserter.insert(state, lane.b), 1.0);
  EXPECT_NEAR(state.served(lane.b), 1.0, 1e-12);
  EXPECT_EQ(state.units(0), 2.0);
  EXPECT_DOUBLE_EQ(state.objective(), 510.0 + 520.0);
}

// BUG (reported, disabled until engine/plan_state.cc is fixed): after the first piece (0.8 into
// the room) the truck is exactly full, and PlanState::room answers 0 instead of one more
// truck's worth (2.0 of B): it prices a sliver of 1e-6 of the commodity, 5e-5 m³ here, which
// vehicles_for's tolerance (1e-6 of a vehicle, 1e-4 m³) rounds away, so no next vehicle is
// counted. augment stops at 0.8 and leaves 0.2 of B unserved (2000 of penalty) although a
// second truck (504) pays; insert hides it here only because the whole on one path is as
// cheap. See plan_state_test.cc, RoomOfAFullTruckIsOneMoreTruck.
TEST(Insertion, AugmentOnOneLanePoursIntoTheRoomThenOneNewTruck) {
  const test::TwoShipments lane = one_truck_lane();
  Inserter inserter(lane.problem);
  PlanState state = lane.riding(0);
  // 0.8 into the room, then 0.2 in a second truck: the two pieces merge into one path, and the
  // cost is the whole's, 500 + 20.
  EXPECT_DOUBLE_EQ(inserter.augment(state, lane.b), 1.0);
  ASSERT_EQ(state.paths(lane.b).size(), 1u);
  EXPECT_DOUBLE_EQ(state.paths(lane.b)[0].share, 1.0);
  EXPECT_EQ(state.units(0), 2.0);
  EXPECT_DOUBLE_EQ(state.objective(), 510.0 + 520.0);
}

// BUG (reported, disabled until engine/plan_state.cc is fixed), the same root as above, where
// it costs money. O -> H (lane 0) then H -> D by lane 1 or 2, 100 m³ trucks at 500 each. Riding
// already: 60 m³ on lane 0, 60 m³ on lane 1, 90 m³ on lane 2 (1500). b = 50 m³ O -> D.
// Pouring: 0.8 via lanes 0 + 1 into their room (free), then 0.2 via lanes 0 + 2: a second truck
// on lane 0, lane 2's 10 m³ of room: 500, total 2000. Because room() says 0 on the now full
// lane 0, augment stops at 0.8 and insert takes the whole on one path instead: two more trucks,
// 2500.
TEST(Insertion, InsertPoursPastATruckItJustFilled) {
  test::ProblemBuilder b(3);
  b.lane(0, 1, test::vehicle(500, 100));
  b.lane(1, 2, test::vehicle(500, 100));
  b.lane(1, 2, test::vehicle(500, 100));
  b.commodity(test::shipment(0, {0}, 10, 60, 1e4));
  b.commodity(test::shipment(1, {1, 2}, 10, 60, 1e4));
  b.commodity(test::shipment(1, {1, 2}, 10, 90, 1e4));
  const std::size_t through = b.commodity(test::shipment(0, {1, 2}, 10, 50, 1e4));
  const DesignProblem problem = b.build();
  Inserter inserter(problem);
  PlanState state(problem);
  state.add(0, {0}, 1.0);
  state.add(1, {1}, 1.0);
  state.add(2, {2}, 1.0);
  ASSERT_DOUBLE_EQ(state.objective(), 1500.0 + 1e4);
  EXPECT_DOUBLE_EQ(inserter.insert(state, through), 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), 2000.0);
  EXPECT_EQ(state.units(0), 2.0);
  EXPECT_EQ(state.units(1) + state.units(2), 2.0);
}

TEST(Insertion, InsertPoursWhenPouringIsCheaperThanTheWhole) {
  const test::TwoShipments net = truck_and_van();
  Inserter inserter(net.problem);
  PlanState state = net.riding(0);
  // Whole: 520. Poured: 16 + 308 = 324.
  EXPECT_DOUBLE_EQ(inserter.insert(state, net.b), 1.0);
  EXPECT_EQ(state.paths(net.b).size(), 2u);
  EXPECT_DOUBLE_EQ(state.objective(), 510.0 + 324.0);
  // Nothing left to insert.
  EXPECT_EQ(inserter.insert(state, net.b), 0.0);
}

TEST(Insertion, InsertMovesTheWholeWhenPouringCostsMore) {
  // Lane 0 (A's truck, 40 m³ of room) costs 10 per package; lane 1 is a 100 m³ truck at 100 and
  // nothing per package. Whole B on lane 1: 100. Poured: 0.8 into lane 0's room (0.8 × 20 × 10 =
  // 160), then 0.2 on a lane-1 truck (100): 260.
  const test::TwoShipments net({test::vehicle(500, 100, 10), test::vehicle(100, 100, 0)}, {10, 20},
                               {60, 50});
  Inserter inserter(net.problem);
  PlanState state = net.riding(0);
  const double before = state.objective();
  EXPECT_DOUBLE_EQ(inserter.insert(state, net.b), 1.0);
  ASSERT_EQ(state.paths(net.b).size(), 1u);
  EXPECT_EQ(state.paths(net.b)[0].arcs, (Ids{1}));
  EXPECT_DOUBLE_EQ(state.objective(), before + 100.0 - 10000.0);
}

TEST(Insertion, WhatDoesNotBeatThePenaltyStaysUnservedUnlessForced) {
  // B's penalty is 10: even the room on the truck (16 for 0.8) costs more than leaving 0.8 out
  // (8).
  const test::TwoShipments net = truck_and_van(/*b_penalty=*/10);
  Inserter inserter(net.problem);
  PlanState state = net.riding(0);
  const double before = state.objective();
  EXPECT_EQ(inserter.augment(state, net.b), 0.0);
  EXPECT_EQ(inserter.insert(state, net.b), 0.0);
  EXPECT_DOUBLE_EQ(state.objective(), before);
  EXPECT_TRUE(state.paths(net.b).empty());
  // Forced, it goes in all the same (the cheaper way: poured, 324).
  EXPECT_DOUBLE_EQ(inserter.insert(state, net.b, nullptr, /*force=*/true), 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), before + 324.0 - 10.0);
}

// A time-expanded lane O -> D with departures at t1 (lane 0, from node 0) and t2 (lane 1, from
// node 1), and holding at O from t1 to t2 (arc 2). X (60 m³) is ready at t2 and rides t2; Y
// (30 m³) is ready at t1: waiting for t2's truck costs nothing, leaving at t1 a truck.
TEST(Insertion, HoldingForALaterDepartureWithRoomIsFree) {
  test::ProblemBuilder b(3);
  b.lane(0, 2, test::vehicle(500, 100));
  b.lane(1, 2, test::vehicle(500, 100));
  const std::size_t hold = b.hold(0, 1);
  const std::size_t x = b.commodity(test::shipment(1, {1}, 10, 60, 10000));
  const std::size_t y = b.commodity(test::shipment(0, {0, 1}, 10, 30, 10000));
  const DesignProblem problem = b.build();
  Inserter inserter(problem);
  PlanState state(problem);
  state.add(x, {1}, 1.0);
  Inserter::Path path = inserter.best_path(state, y, 1.0);
  EXPECT_EQ(path.arcs, (Ids{hold, 1}));
  EXPECT_EQ(path.cost, 0.0);
  EXPECT_DOUBLE_EQ(inserter.insert(state, y), 1.0);
  EXPECT_EQ(state.units(0), 0.0);
  EXPECT_EQ(state.units(1), 1.0);
  EXPECT_DOUBLE_EQ(state.objective(), 500.0);
}

TEST(Insertion, ACommodityWithNoPathToItsSinksIsUnreachable) {
  // From node 1 no arc leads back to lane 0's tail (node 0).
  test::ProblemBuilder b(3);
  b.lane(0, 2, test::vehicle(500, 100));
  b.lane(1, 2, test::vehicle(500, 100));
  b.hold(0, 1);
  const std::size_t late = b.commodity(test::shipment(1, {0}, 10, 30, 10000));
  const std::size_t early = b.commodity(test::shipment(0, {1}, 10, 30, 10000));
  const std::size_t nowhere = b.commodity(test::shipment(0, {}, 10, 30, 10000));
  const DesignProblem problem = b.build();
  Inserter inserter(problem);
  EXPECT_FALSE(inserter.reachable(late));
  EXPECT_TRUE(inserter.reachable(early));
  EXPECT_FALSE(inserter.reachable(nowhere));
  PlanState state(problem);
  const Inserter::Path none = inserter.best_path(state, late, 1.0);
  EXPECT_EQ(none.cost, kInfinity);
  EXPECT_TRUE(none.arcs.empty());
  EXPECT_EQ(inserter.insert(state, late, nullptr, /*force=*/true), 0.0);
  EXPECT_DOUBLE_EQ(state.objective(), 30000.0);
}

}  // namespace
}  // namespace mm::engine
