// Recourse routing of a fixed schedule (simulation/recourse.h): the plan reproduced on a day
// equal to its forecast, and the hand-checked network of hand_plans.h under heavier days —
// spot vehicles exactly where they are needed, later departures, late delivery, sort capacity
// that binds, unserved packages when nothing helps.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "network/instance_json.h"
#include "network/plan_json.h"
#include "network/plan_verifier.h"
#include "simulation/recourse.h"
#include "simulation/recourse_network.h"
#include "simulation/schedule.h"
#include "tests/simulation/hand_plans.h"

namespace mm::simulation {
namespace {

using simulation_test::hand_demand;
using simulation_test::hand_instance_json;
using simulation_test::hand_plan;

// Everything needed to evaluate days of one plan.
struct PlanDays {
  PlanDays(network::Instance i, network::Plan p, RecourseOptions o = {})
      : instance(std::move(i)), plan(std::move(p)) {
    const auto violations = network::verify_plan(instance, plan);
    EXPECT_TRUE(violations.empty())
        << violations.front().where << ": " << violations.front().message;
    schedule = std::make_unique<Schedule>(instance, plan);
    network = std::make_unique<RecourseNetwork>(instance, *schedule);
    o.unserved_penalty_per_package = instance.unserved_penalty_per_package();
    if (o.late_penalty_per_package == 0.0)
      o.late_penalty_per_package = default_late_penalty(instance);
    evaluator = std::make_unique<RecourseEvaluator>(*schedule, *network, o);
    workspace = evaluator->make_workspace();
  }
  DayOutcome day(const std::vector<double>& packages) {
    return evaluator->evaluate(packages, *workspace);
  }
  // The index in Schedule::departures() of lane@minute.
  std::size_t departure(const std::string& lane, int minute) const {
    for (std::size_t i = 0; i < schedule->departures().size(); ++i) {
      const ScheduledDeparture& d = schedule->departures()[i];
      if (instance.lanes()[d.lane].id == lane && d.departure_minute == minute) return i;
    }
    throw std::logic_error("no departure " + lane);
  }
  std::vector<double> forecast() const {
    std::vector<double> f;
    for (const network::Demand& d : instance.demand()) f.push_back(d.packages);
    return f;
  }

  network::Instance instance;
  network::Plan plan;
  std::unique_ptr<Schedule> schedule;
  std::unique_ptr<RecourseNetwork> network;
  std::unique_ptr<RecourseEvaluator> evaluator;
  RecourseWorkspacePtr workspace;
};

void expect_near_relative(double actual, double expected, const char* what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

TEST(Recourse, DayOfTheForecastReproducesThePlansRoutingAndCost) {
  const std::string dir = std::string(MM_TEST_DATA_DIR) + "/simulation/";
  PlanDays s(network::read_instance_file(dir + "sim_small.json"),
             network::read_plan_file(dir + "sim_small_plan.json"));
  const DayOutcome day = s.day(s.forecast());
  expect_near_relative(day.record.cost.total(), s.plan.objective, "cost");
  expect_near_relative(day.record.cost.planned_vehicles, s.plan.cost.vehicles, "vehicles");
  expect_near_relative(day.record.cost.handling, s.plan.cost.handling, "handling");
  EXPECT_EQ(day.record.spot_vehicles, 0);
  EXPECT_EQ(day.record.late, 0.0);
  // Every departure carries exactly the plan's load.
  for (std::size_t i = 0; i < s.schedule->departures().size(); ++i) {
    const network::PlannedDeparture& p = s.plan.departures[s.schedule->departures()[i].plan_index];
    expect_near_relative(day.loads[i].packages, p.load.packages, "packages");
    expect_near_relative(day.loads[i].cube_m3, p.load.cube_m3, "cube");
    expect_near_relative(day.loads[i].weight_kg, p.load.weight_kg, "weight");
    EXPECT_EQ(day.overflow[i], 0) << p.lane;
  }
}

TEST(Recourse, DayOfTheForecastKeepsThePlansUnservedShare) {
  // d2 is due at 300: no route reaches D before 420, so the plan leaves it unserved.
  const auto instance = network::parse_instance(
      hand_instance_json(0, hand_demand("d1", 1500, 1000) + "," + hand_demand("d2", 400, 300)),
      "hand.json");
  PlanDays s(instance, hand_plan(instance, {{"OS", 60, 1}, {"SD", 300, 1}},
                                 {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}}));
  ASSERT_EQ(s.plan.unserved.size(), 1u);
  // 100 + 200 for the trucks, 0.1 × 1500 handling at S, 400 × 50 unserved.
  EXPECT_DOUBLE_EQ(s.plan.objective, 100 + 200 + 150 + 20000);
  const DayOutcome day = s.day(s.forecast());
  expect_near_relative(day.record.cost.total(), s.plan.objective, "cost");
  EXPECT_DOUBLE_EQ(day.record.unserved, 400);
  EXPECT_DOUBLE_EQ(day.record.unserved_by_plan, 400);
  EXPECT_DOUBLE_EQ(day.record.on_time, 1500);
  // Twice as much of d2 is twice as much unserved: the plan does not carry it.
  const DayOutcome heavy = s.day({1500, 800});
  EXPECT_DOUBLE_EQ(heavy.record.unserved, 800);
  EXPECT_DOUBLE_EQ(heavy.record.cost.total(), 100 + 200 + 150 + 800 * 50);
}

// d1: 1500 packages (75 m³) O → D due 1000. The plan runs two trucks O → S (room to spare) and
// one S → D at 300. On a day of 3000 packages the first leg holds them all; the second needs
// one spot truck at 1.5 × 200.
TEST(Recourse, DoubledDemandTakesOneSpotTruckWhereTheRoomEnds) {
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1500, 1000)), "hand.json");
  PlanDays s(instance, hand_plan(instance, {{"OS", 60, 2}, {"SD", 300, 1}},
                                 {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}}));
  EXPECT_DOUBLE_EQ(s.plan.objective, 2 * 100 + 200 + 0.1 * 1500);
  const DayOutcome day = s.day({3000});
  const std::size_t first = s.departure("OS", 60), second = s.departure("SD", 300);
  EXPECT_EQ(day.spot_vehicles[first], 0);
  EXPECT_EQ(day.spot_vehicles[second], 1);
  EXPECT_EQ(day.record.spot_vehicles, 1);
  EXPECT_DOUBLE_EQ(day.record.cost.spot_vehicles, 1.5 * 200);
  // Planned trucks 400, spot 300, handling 0.1 × 3000.
  EXPECT_NEAR(day.record.cost.total(), 400 + 300 + 300, 1e-6);
  EXPECT_NEAR(day.record.on_time, 3000, 1e-6);
  EXPECT_NEAR(day.loads[second].cube_m3, 150, 1e-6);
  EXPECT_EQ(day.overflow[first], 0);
  EXPECT_EQ(day.overflow[second], 1);
}

// The plan also runs S → D at 600 for d2 (500 packages, due 1440), with room for 1500 more.
TEST(Recourse, LaterDepartureWhenOnTimeElseSpot) {
  const auto plan_for = [](const network::Instance& instance) {
    return hand_plan(
        instance, {{"OS", 60, 2}, {"SD", 300, 1}, {"SD", 600, 1}},
        {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}, {"d2", 1.0, {{"OS", 60}, {"SD", 600}}}});
  };
  {
    // d1 due 1000: the 600 departure arrives at 720, on time; no spot truck is needed.
    const auto instance = network::parse_instance(
        hand_instance_json(0, hand_demand("d1", 1500, 1000) + "," + hand_demand("d2", 500, 1440)),
        "hand.json");
    PlanDays s(instance, plan_for(instance));
    const DayOutcome day = s.day({3000, 500});
    EXPECT_EQ(day.record.spot_vehicles, 0);
    EXPECT_NEAR(day.record.on_time, 3500, 1e-6);
    // Either S → D departure may take the extra packages (they cost the same), together 3500.
    EXPECT_NEAR(
        day.loads[s.departure("SD", 300)].packages + day.loads[s.departure("SD", 600)].packages,
        3500, 1e-6);
    EXPECT_NEAR(day.record.cost.total(), 600 + 0.1 * 3500, 1e-6);
  }
  {
    // d1 due 700: the 600 departure would be late (25 per package × 1000 packages), a spot
    // truck at 300 costs 300.
    const auto instance = network::parse_instance(
        hand_instance_json(0, hand_demand("d1", 1500, 700) + "," + hand_demand("d2", 500, 1440)),
        "hand.json");
    PlanDays s(instance, plan_for(instance));
    const DayOutcome day = s.day({3000, 500});
    EXPECT_EQ(day.spot_vehicles[s.departure("SD", 300)], 1);
    EXPECT_NEAR(day.record.late, 0, 1e-6);
    EXPECT_NEAR(day.record.cost.total(), 600 + 0.1 * 3500 + 300, 1e-6);
  }
}

// As above with d1 due 700, and S sorts at most 2000 packages an hour. Hour 5 (the 300
// departure) has 1500 planned, so 500 more may leave then: they fill the truck's room. The other
// 1000 cannot leave at 300 even in a spot truck; they leave at 600 (hour 10: 500 planned) and
// arrive at 720, late.
TEST(Recourse, SortCapacityBindsAndSendsTheRestLate) {
  const std::string demands = hand_demand("d1", 1500, 700) + "," + hand_demand("d2", 500, 1440);
  const auto instance = network::parse_instance(hand_instance_json(2000, demands), "hand.json");
  PlanDays s(instance, hand_plan(instance, {{"OS", 60, 2}, {"SD", 300, 1}, {"SD", 600, 1}},
                                 {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}},
                                  {"d2", 1.0, {{"OS", 60}, {"SD", 600}}}}));
  const DayOutcome day = s.day({3000, 500});
  EXPECT_EQ(day.record.spot_vehicles, 0);
  EXPECT_NEAR(day.record.late, 1000, 1e-6);
  EXPECT_NEAR(day.record.on_time, 2500, 1e-6);
  ASSERT_EQ(s.schedule->slots().size(), 2u);
  for (std::size_t slot = 0; slot < 2; ++slot) {
    const int hour = s.schedule->slots()[slot].hour;
    EXPECT_NEAR(day.slot_packages[slot], hour == 5 ? 2000 : 1500, 1e-6) << "hour " << hour;
  }
  // Trucks 600, handling 0.1 × 3500, late 1000 × 25.
  EXPECT_NEAR(day.record.cost.total(), 600 + 350 + 25000, 1e-6);
  // On the plan's routes the day would need 3000 packages in hour 5: 150% of capacity.
  ASSERT_EQ(day.peak_utilization.size(), 1u);
  EXPECT_NEAR(day.peak_utilization[0], 1.5, 1e-9);
}

TEST(Recourse, WithoutSpotOrLaterDepartureTheRestIsUnserved) {
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1500, 1000)), "hand.json");
  RecourseOptions options;
  options.spot = false;
  PlanDays s(instance,
             hand_plan(instance, {{"OS", 60, 2}, {"SD", 300, 1}},
                       {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}}),
             options);
  const DayOutcome day = s.day({3000});
  EXPECT_EQ(day.record.spot_vehicles, 0);
  EXPECT_NEAR(day.record.unserved, 1000, 1e-6);
  EXPECT_NEAR(day.loads[s.departure("SD", 300)].cube_m3, 100, 1e-6);
  // Trucks 400, handling 0.1 × 2000 carried, 1000 × 50 unserved.
  EXPECT_NEAR(day.record.cost.total(), 400 + 200 + 50000, 1e-6);
}

// A spot truck for a few packages only when it pays. d1 fills the S → D truck exactly; a day of
// 2040 leaves 40 packages over, with no later departure. With spot factor 20 a spot truck costs
// 4000, more than leaving them unserved (40 × 50 = 2000). The first round prices the truck over
// a full load (2 per package) and hires it; the second prices it at what it cost per package
// (100) and drops them; the cheaper day is kept.
TEST(Recourse, SpotTruckForAFewPackagesOnlyWhenItPays) {
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 2000, 1000)), "hand.json");
  RecourseOptions options;
  options.spot_factor = 20.0;
  PlanDays s(instance,
             hand_plan(instance, {{"OS", 60, 2}, {"SD", 300, 1}},
                       {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}}),
             options);
  const DayOutcome day = s.day({2040});
  EXPECT_EQ(day.record.spot_vehicles, 0);
  EXPECT_NEAR(day.record.unserved, 40, 1e-6);
  EXPECT_NEAR(day.record.cost.total(), 400 + 0.1 * 2000 + 40 * 50, 1e-6);
}

}  // namespace
}  // namespace mm::simulation
