// simulate_plan (simulation/simulator.h): the same seed gives the same results with 1 and 2
// threads; a day equal to the forecast reproduces the plan; plans compared with one seed see the
// same days; a plan that fails the referee is refused.
#include <gtest/gtest.h>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "simulation/simulator.h"
#include "tests/simulation/hand_plans.h"

namespace mm::simulation {
namespace {

const std::string kDir = std::string(MM_TEST_DATA_DIR) + "/simulation/";

void expect_same_record(const network::SampleRecord& a, const network::SampleRecord& b) {
  EXPECT_EQ(a.index, b.index);
  EXPECT_EQ(a.packages, b.packages);
  EXPECT_EQ(a.on_time, b.on_time);
  EXPECT_EQ(a.late, b.late);
  EXPECT_EQ(a.unserved, b.unserved);
  EXPECT_EQ(a.spot_vehicles, b.spot_vehicles);
  EXPECT_EQ(a.cost.total(), b.cost.total());
}

TEST(Simulator, SameSeedSameResultsWithOneAndTwoThreads) {
  const auto instance = network::read_instance_file(kDir + "sim_small.json");
  const auto plan = network::read_plan_file(kDir + "sim_small_plan.json");
  SimulationOptions options;
  options.samples = 60;
  options.seed = 99;
  options.demand_cv = 0.3;
  options.correlation = 0.5;
  options.threads = 1;
  const auto one = simulate_plan(instance, plan, options, nullptr);
  options.threads = 2;
  const auto two = simulate_plan(instance, plan, options, nullptr);
  ASSERT_EQ(one.samples.size(), 60u);
  ASSERT_EQ(two.samples.size(), 60u);
  for (std::size_t i = 0; i < one.samples.size(); ++i)
    expect_same_record(one.samples[i], two.samples[i]);
  EXPECT_EQ(one.summary.cost.mean, two.summary.cost.mean);
  EXPECT_EQ(one.summary.on_time_share.p5, two.summary.on_time_share.p5);
  ASSERT_EQ(one.departures.size(), two.departures.size());
  for (std::size_t i = 0; i < one.departures.size(); ++i) {
    EXPECT_EQ(one.departures[i].lane, two.departures[i].lane);
    EXPECT_EQ(one.departures[i].overflow_probability, two.departures[i].overflow_probability);
    EXPECT_EQ(one.departures[i].mean_spot_vehicles, two.departures[i].mean_spot_vehicles);
  }
  // The days vary, and heavier days cost more than the plan on some of them.
  EXPECT_LT(one.summary.packages.p5, one.summary.packages.p95);
  EXPECT_GT(one.summary.cost.max, plan.objective);
  // A different seed draws other days.
  options.seed = 100;
  const auto other = simulate_plan(instance, plan, options, nullptr);
  EXPECT_NE(other.samples[0].packages, one.samples[0].packages);
}

TEST(Simulator, ScenarioOfTheForecastReproducesThePlan) {
  const auto instance = network::read_instance_file(kDir + "sim_small.json");
  const auto plan = network::read_plan_file(kDir + "sim_small_plan.json");
  const auto days = parse_demand_scenarios(
      instance,
      R"({"format": "middlemile-demand-scenarios/1", "scenarios": [{"name": "forecast"}]})",
      "days.json");
  SimulationOptions options;
  options.scenarios = &days;
  options.scenarios_file = "days.json";
  const auto results = simulate_plan(instance, plan, options, nullptr);
  ASSERT_EQ(results.samples.size(), 1u);
  EXPECT_EQ(results.samples[0].scenario, "forecast");
  EXPECT_NEAR(results.samples[0].cost.total(), plan.objective, 1e-9 * plan.objective);
  EXPECT_EQ(results.summary.spot_vehicles.max, 0.0);
  EXPECT_EQ(results.settings.demand, "scenarios");
}

TEST(Simulator, PlansComparedWithOneSeedSeeTheSameDays) {
  using namespace simulation_test;
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1500, 1000)), "hand.json");
  const auto lean = hand_plan(instance, {{"OS", 60, 1}, {"SD", 300, 1}},
                              {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}});
  const auto rich = hand_plan(instance, {{"OS", 60, 2}, {"SD", 300, 2}},
                              {{"d1", 1.0, {{"OS", 60}, {"SD", 300}}}});
  SimulationOptions options;
  options.samples = 50;
  options.demand_cv = 0.4;
  const auto a = simulate_plan(instance, lean, options, nullptr);
  const auto b = simulate_plan(instance, rich, options, nullptr);
  for (std::size_t i = 0; i < a.samples.size(); ++i)
    EXPECT_EQ(a.samples[i].packages, b.samples[i].packages);
  // The lean plan hires spot trucks on heavy days, the rich one never needs to.
  EXPECT_GT(a.summary.spot_vehicles.max, 0.0);
  EXPECT_EQ(b.summary.spot_vehicles.max, 0.0);
}

TEST(Simulator, RefusesAPlanThatFailsTheReferee) {
  const auto instance = network::read_instance_file(kDir + "sim_small.json");
  auto plan = network::read_plan_file(kDir + "sim_small_plan.json");
  plan.departures.front().vehicles = 0;
  SimulationOptions options;
  options.samples = 2;
  options.plan_name = "broken.json";
  try {
    simulate_plan(instance, plan, options, nullptr);
    FAIL() << "a plan failing the referee was simulated";
  } catch (const network::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("broken.json: the plan fails the referee"),
              std::string::npos)
        << e.what();
  }
}

TEST(Simulator, ReportsProgressUpToTheTotal) {
  const auto instance = network::read_instance_file(kDir + "sim_small.json");
  const auto plan = network::read_plan_file(kDir + "sim_small_plan.json");
  SimulationOptions options;
  options.samples = 20;
  options.threads = 2;
  std::size_t last = 0, calls = 0;
  simulate_plan(instance, plan, options, [&](const SimulationProgress& p) {
    EXPECT_EQ(p.total, 20u);
    last = p.done;
    ++calls;
  });
  EXPECT_GE(calls, 1u);
  EXPECT_EQ(last, 20u);
}

}  // namespace
}  // namespace mm::simulation
