// plan --demand-quantile (simulation/quantile_plan.h): the scaled instance, the plan written for
// the forecast (it passes the referee against the original instance), and a quantile below the
// forecast refused.
#include <gtest/gtest.h>

#include <cmath>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_verifier.h"
#include "simulation/quantile_plan.h"
#include "tests/simulation/hand_plans.h"

namespace mm::simulation {
namespace {

using simulation_test::hand_demand;
using simulation_test::hand_instance_json;

TEST(QuantilePlan, ScalesEveryDemandToItsQuantile) {
  const auto instance = network::parse_instance(
      hand_instance_json(0, hand_demand("d1", 1000, 1000) + "," + hand_demand("d2", 400, 1000)),
      "hand.json");
  const auto scaled = quantile_instance(instance, 0.9, 0.2);
  const double sigma = std::sqrt(std::log(1.04));
  const double factor = std::exp(sigma * 1.2815515655446004 - sigma * sigma / 2);
  EXPECT_NEAR(scaled.demand()[0].packages, 1000 * factor, 1e-9);
  EXPECT_NEAR(scaled.demand()[1].cube_m3, 0.05 * 400 * factor, 1e-9);
  EXPECT_NEAR(scaled.demand()[1].weight_kg, 400 * factor, 1e-9);
}

TEST(QuantilePlan, PlanForTheQuantileIsAPlanForTheForecast) {
  // 1900 packages fit one truck (2000); their 0.9-quantile at CV 0.2 (≈ 2375) does not.
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1900, 1000)), "hand.json");
  engine::PlannerOptions options;
  options.time_limit_seconds = 5;
  const QuantilePlanResult result = plan_for_quantile(instance, 0.9, 0.2, options, nullptr);
  const auto violations = network::verify_plan(instance, result.plan);
  EXPECT_TRUE(violations.empty()) << violations.front().where << ": " << violations.front().message;
  EXPECT_NEAR(result.forecast_packages, 1900, 1e-9);
  EXPECT_GT(result.planned_packages, 2300);
  // The buffer: two trucks S → D for 1900 packages.
  int vehicles = 0;
  for (const auto& d : result.plan.departures)
    if (d.lane == "SD") vehicles += d.vehicles;
  EXPECT_EQ(vehicles, 2);
  double routed = 0;
  for (const auto& r : result.plan.routes) routed += r.packages;
  EXPECT_NEAR(routed, 1900, 1e-6);
  EXPECT_FALSE(result.plan.lower_bound.has_value());
  EXPECT_EQ(result.plan.kpis.sections.count("demand_quantile"), 1u);
}

// The quantile day (2500 packages) fills one truck on each leg and leaves 500 unserved; at the
// forecast (1500) the same trucks carry everything: nothing stays unserved.
TEST(QuantilePlan, PartlyServedAtTheQuantileIsServedAtTheForecastWhenItFits) {
  using simulation_test::hand_plan;
  const auto original =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1500, 1000)), "hand.json");
  const auto scaled =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 2500, 1000)), "hand.json");
  const auto plan =
      hand_plan(scaled, {{"OS", 60, 1}, {"SD", 300, 1}}, {{"d1", 0.8, {{"OS", 60}, {"SD", 300}}}});
  ASSERT_EQ(plan.unserved.size(), 1u);
  const auto mapped = plan_for_original(original, scaled, plan);
  const auto violations = network::verify_plan(original, mapped);
  EXPECT_TRUE(violations.empty()) << violations.front().where << ": " << violations.front().message;
  EXPECT_TRUE(mapped.unserved.empty());
  ASSERT_EQ(mapped.routes.size(), 1u);
  EXPECT_NEAR(mapped.routes[0].packages, 1500, 1e-9);
  EXPECT_NEAR(mapped.objective, 100 + 200 + 0.1 * 1500, 1e-9);
}

TEST(QuantilePlan, QuantileBelowTheForecastIsRefused) {
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1900, 1000)), "hand.json");
  try {
    quantile_instance(instance, 0.5, 0.2);
    FAIL() << "the median (below the lognormal's mean) was accepted";
  } catch (const network::InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("demand d1 would be planned for"), std::string::npos) << message;
    EXPECT_NE(message.find("use at least 0.5395"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace mm::simulation
