// The two-stage plan (simulation/two_stage_plan.h) on the hand network: a vehicle is added where
// spot vehicles cost more than planned ones, surplus vehicles are dropped where the forecast
// still fits, nothing changes when it does not pay or when the days are the forecast, the
// expected cost it reports is what `simulate` finds on the same days, every plan passes the
// referee, the same seed gives the same plan for any thread count, and bad options are refused.
#include <gtest/gtest.h>

#include <stdexcept>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_verifier.h"
#include "simulation/simulator.h"
#include "simulation/two_stage_plan.h"
#include "tests/simulation/hand_plans.h"

namespace mm::simulation {
namespace {

using simulation_test::hand_demand;
using simulation_test::hand_instance_json;
using simulation_test::hand_plan;

int vehicles_on(const network::Plan& plan, const std::string& lane) {
  int vehicles = 0;
  for (const auto& d : plan.departures)
    if (d.lane == lane) vehicles += d.vehicles;
  return vehicles;
}

void expect_verified(const network::Instance& instance, const network::Plan& plan) {
  const auto violations = network::verify_plan(instance, plan);
  EXPECT_TRUE(violations.empty()) << violations.front().where << ": " << violations.front().message;
}

TwoStageOptions options_for(double cv, double spot_factor) {
  TwoStageOptions o;
  o.samples = 40;
  o.seed = 7;
  o.demand_cv = cv;
  o.spot_factor = spot_factor;
  o.time_limit_seconds = 30;
  o.out_of_sample = 100;
  return o;
}

// 1900 packages on one truck a leg (a truck holds 2000): at CV 0.3 about a third of the days
// need a second truck on both legs.
struct Tight {
  network::Instance instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1900, 1000)), "hand.json");
  network::Plan start = hand_plan(instance, {{"OS", 60, 1}, {"SD", 300, 1}},
                                  {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}});
};

TEST(TwoStagePlan, AddsAVehicleWhereSpotVehiclesCostMore) {
  const Tight t;
  // A spot vehicle at 10 × the trip cost: a planned second truck pays on either leg.
  const TwoStageResult r = improve_for_days(t.instance, t.start, options_for(0.3, 10.0), nullptr);
  expect_verified(t.instance, r.plan);
  EXPECT_EQ(vehicles_on(r.plan, "OS"), 2);
  EXPECT_EQ(vehicles_on(r.plan, "SD"), 2);
  EXPECT_EQ(r.vehicles_added, 2);
  EXPECT_EQ(r.vehicles_removed, 0);
  EXPECT_LT(r.expected_cost, r.start_expected_cost);
  // The forecast's routing is the start's; the plan's objective pays the extra trucks.
  EXPECT_NEAR(r.plan.objective, t.start.objective + 100 + 200, 1e-6);
  // What the search reports is what `simulate` finds on the same days.
  SimulationOptions so;
  so.samples = 40;
  so.seed = 7;
  so.demand_cv = 0.3;
  so.spot_factor = 10.0;
  const auto same_days = simulate_plan(t.instance, r.plan, so, nullptr);
  EXPECT_NEAR(same_days.summary.cost.mean, r.expected_cost, 1e-6 * r.expected_cost);
  // Out of sample: other days, and the promise is reported.
  ASSERT_TRUE(r.out_of_sample.has_value());
  EXPECT_EQ(r.out_of_sample->samples.size(), 100u);
  EXPECT_NE(r.out_of_sample->settings.seed, 7u);
  EXPECT_EQ(r.plan.kpis.sections.count("two_stage"), 1u);
}

TEST(TwoStagePlan, KeepsThePlanWhenAnotherVehicleDoesNotPay) {
  const Tight t;
  // At 1.5 × the trip cost, a second truck used on a third of the days does not pay.
  const TwoStageResult r = improve_for_days(t.instance, t.start, options_for(0.3, 1.5), nullptr);
  expect_verified(t.instance, r.plan);
  EXPECT_EQ(vehicles_on(r.plan, "OS"), 1);
  EXPECT_EQ(vehicles_on(r.plan, "SD"), 1);
  EXPECT_EQ(r.expected_cost, r.start_expected_cost);
  EXPECT_GT(r.evaluations, 1u);  // the additions were tried, exactly
}

TEST(TwoStagePlan, DropsVehiclesTheDaysDoNotNeed) {
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1000, 1000)), "hand.json");
  // Three trucks S → D for 1000 packages: a second is needed only past 2000 (never at CV 0.2).
  const auto start = hand_plan(instance, {{"OS", 60, 1}, {"SD", 300, 3}},
                               {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}});
  const TwoStageResult r = improve_for_days(instance, start, options_for(0.2, 1.5), nullptr);
  expect_verified(instance, r.plan);
  EXPECT_EQ(vehicles_on(r.plan, "SD"), 1);
  EXPECT_EQ(r.vehicles_removed, 2);
  EXPECT_NEAR(r.start_expected_cost - r.expected_cost, 2 * 200, 1e-6);
}

TEST(TwoStagePlan, ForecastDaysReproduceThePlan) {
  const Tight t;
  const TwoStageResult r = improve_for_days(t.instance, t.start, options_for(0.0, 10.0), nullptr);
  EXPECT_NEAR(r.start_expected_cost, t.start.objective, 1e-6);
  EXPECT_EQ(r.expected_cost, r.start_expected_cost);
  EXPECT_EQ(vehicles_on(r.plan, "OS"), 1);
}

TEST(TwoStagePlan, SameSeedSamePlanWithOneAndTwoThreads) {
  const Tight t;
  TwoStageOptions o = options_for(0.3, 3.0);
  o.correlation = 0.5;
  o.threads = 1;
  const TwoStageResult one = improve_for_days(t.instance, t.start, o, nullptr);
  o.threads = 2;
  const TwoStageResult two = improve_for_days(t.instance, t.start, o, nullptr);
  EXPECT_EQ(one.expected_cost, two.expected_cost);
  EXPECT_EQ(one.evaluations, two.evaluations);
  EXPECT_EQ(vehicles_on(one.plan, "OS"), vehicles_on(two.plan, "OS"));
  EXPECT_EQ(vehicles_on(one.plan, "SD"), vehicles_on(two.plan, "SD"));
  EXPECT_EQ(one.out_of_sample->summary.cost.mean, two.out_of_sample->summary.cost.mean);
}

TEST(TwoStagePlan, ExplicitDaysInsteadOfSamples) {
  const Tight t;
  // Two days, 2400 and 2400 packages: every day needs a second truck on both legs.
  const std::vector<DemandScenario> days{{"heavy", {2400}}, {"heavy too", {2400}}};
  TwoStageOptions o = options_for(0.2, 1.5);
  o.scenarios = &days;
  o.out_of_sample = 0;
  const TwoStageResult r = improve_for_days(t.instance, t.start, o, nullptr);
  expect_verified(t.instance, r.plan);
  EXPECT_EQ(r.in_sample_days, 2u);
  EXPECT_EQ(vehicles_on(r.plan, "OS"), 2);
  EXPECT_EQ(vehicles_on(r.plan, "SD"), 2);
  EXPECT_FALSE(r.out_of_sample.has_value());
}

TEST(TwoStagePlan, BadOptionsAndPlansAreRefused) {
  const Tight t;
  TwoStageOptions o = options_for(0.2, 1.5);
  o.samples = 0;
  EXPECT_THROW(improve_for_days(t.instance, t.start, o, nullptr), std::invalid_argument);
  o = options_for(-0.1, 1.5);
  EXPECT_THROW(improve_for_days(t.instance, t.start, o, nullptr), std::invalid_argument);
  o = options_for(0.2, 1.5);
  network::Plan broken = t.start;
  broken.departures[0].vehicles = 0;  // the route's leg has no vehicle
  EXPECT_THROW(improve_for_days(t.instance, broken, o, nullptr), network::InputError);
}

}  // namespace
}  // namespace mm::simulation
