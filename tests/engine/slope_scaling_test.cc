// Slope scaling (engine/slope_scaling.h) on parallel lanes, checked by hand: a part-full truck
// gets dear and gives way to full vans, a commodity whose path stops paying is left unserved, a
// routing that breaks a fleet is repaired and the arc priced out of later routings, and the
// result does not depend on the thread count.
#include "engine/slope_scaling.h"

#include <gtest/gtest.h>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

// Lane 0: trucks of 100 m³ at 500 (5 per m³ when full); lane 1: vans of 10 m³ at 100 (10 per
// m³). One commodity of 20 m³ (one package of it, so the penalty is per commodity).
DesignProblem truck_or_vans(double penalty) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 100));
  net.add_lane(test::vehicle(100, 10));
  net.to_d(1, 20, penalty);
  return net.builder.build();
}

SlopeScalingResult scale(const DesignProblem& problem, int threads = 1) {
  Inserter inserter(problem);
  SlopeScalingOptions o;
  o.threads = threads;
  return slope_scaling(problem, inserter, o);
}

TEST(SlopeScaling, APartFullTruckGivesWayToFullVans) {
  const DesignProblem problem = truck_or_vans(1e4);
  const SlopeScalingResult r = scale(problem);
  // Iteration 0 at full-vehicle prices takes the truck (500 for 20 m³); the truck's price
  // becomes 500 / 0.2 = 2,500 a vehicle's worth (25 per m³), so iteration 1 takes two vans
  // (200), whose price stays that of full vans; iteration 2 repeats it and ends the run.
  EXPECT_DOUBLE_EQ(r.best.objective, 200.0);
  EXPECT_EQ(r.best_iteration, 1);
  EXPECT_EQ(r.iterations, 3);
  EXPECT_DOUBLE_EQ(r.best.units[0], 0.0);
  EXPECT_DOUBLE_EQ(r.best.units[1], 2.0);
  EXPECT_DOUBLE_EQ(design_objective(problem, r.best), 200.0);
}

TEST(SlopeScaling, WhatNoLongerPaysIsLeftUnserved) {
  // Penalty 150: at full-vehicle prices the truck (100) pays, but it costs 500; priced at its
  // load neither the truck (500) nor the vans (200) beat 150.
  const SlopeScalingResult r = scale(truck_or_vans(150));
  EXPECT_DOUBLE_EQ(r.best.objective, 150.0);
  EXPECT_TRUE(r.best.paths.empty());
}

TEST(SlopeScaling, ARoutingThatBreaksAFleetIsRepairedAndPricedOut) {
  // Lane 0: trucks of 100 m³ at 300, a fleet of 1; lane 1: trucks at 400. Two commodities of
  // 80 m³: both take lane 0 (3 per m³ against 4), which needs 2 trucks; the repair moves one
  // to lane 1 (700). Lane 0 is then priced out (375 × 2 a vehicle); lane 1 twice (800) repeats.
  test::ParallelLanes net;
  net.add_lane(test::vehicle(300, 100));
  net.add_lane(test::vehicle(400, 100));
  net.to_d(1, 80, 1e4);
  net.to_d(1, 80, 1e4);
  net.builder.pool({0}, 1);
  const DesignProblem problem = net.builder.build();
  const SlopeScalingResult r = scale(problem);
  EXPECT_DOUBLE_EQ(r.best.objective, 700.0);
  EXPECT_EQ(r.best_iteration, 0);
  EXPECT_DOUBLE_EQ(r.best.units[0], 1.0);
  EXPECT_DOUBLE_EQ(r.best.units[1], 1.0);
}

TEST(SlopeScaling, OneAndTwoThreadsGiveTheSamePlan) {
  const DesignProblem problem = test::hub_and_vans();
  const SlopeScalingResult one = scale(problem, 1);
  const SlopeScalingResult two = scale(problem, 2);
  ASSERT_FALSE(one.best.empty());
  EXPECT_DOUBLE_EQ(one.best.objective, two.best.objective);
  EXPECT_EQ(one.best.units, two.best.units);
  EXPECT_EQ(one.iterations, two.iterations);
  EXPECT_DOUBLE_EQ(design_objective(problem, one.best), one.best.objective);
}

}  // namespace
}  // namespace mm::engine
