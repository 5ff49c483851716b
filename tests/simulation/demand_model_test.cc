// The demand distribution (simulation/demand_model.h): Φ⁻¹, lognormal moments and quantiles,
// the shared factors' correlation, and reproducible draws.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "network/instance_json.h"
#include "simulation/demand_model.h"
#include "tests/simulation/hand_plans.h"

namespace mm::simulation {
namespace {

using simulation_test::hand_demand;
using simulation_test::hand_instance_json;

TEST(DemandModel, NormalQuantileMatchesKnownValues) {
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(normal_quantile(0.9), 1.2815515655446004, 1e-13);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-13);
  EXPECT_NEAR(normal_quantile(0.05), -1.6448536269514722, 1e-13);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-10);
  EXPECT_THROW(normal_quantile(1.0), std::invalid_argument);
}

TEST(DemandModel, ZeroVariationIsTheForecastExactly) {
  const auto instance = network::parse_instance(
      hand_instance_json(0, hand_demand("d1", 1234.5, 1000) + "," + hand_demand("d2", 77, 1000)),
      "hand.json");
  const DemandModel model(instance, 0.0);
  std::vector<double> day;
  draw_packages(model, 0.7, 42, 3, day);
  EXPECT_EQ(day, (std::vector<double>{1234.5, 77}));
  EXPECT_EQ(model.quantile(0, 0.9), 1234.5);
}

TEST(DemandModel, LognormalHasTheForecastMeanAndTheCv) {
  const auto instance =
      network::parse_instance(hand_instance_json(0, hand_demand("d1", 1000, 1000)), "hand.json");
  const DemandModel model(instance, 0.3);
  double sum = 0.0, squares = 0.0;
  const int n = 200000;
  std::vector<double> day;
  for (int i = 0; i < n; ++i) {
    draw_packages(model, 0.0, 7, static_cast<std::uint64_t>(i), day);
    sum += day[0];
    squares += day[0] * day[0];
  }
  const double mean = sum / n;
  const double cv = std::sqrt(squares / n - mean * mean) / mean;
  EXPECT_NEAR(mean, 1000.0, 3.0);  // standard error 300 / √200000 ≈ 0.7
  EXPECT_NEAR(cv, 0.3, 0.005);
  // Quantiles in closed form: 1000 · exp(σz − σ²/2), σ² = ln 1.09.
  const double sigma = std::sqrt(std::log(1.09));
  EXPECT_NEAR(model.quantile(0, 0.9),
              1000 * std::exp(sigma * 1.2815515655446004 - sigma * sigma / 2), 1e-9);
}

TEST(DemandModel, QuantileFieldsFixTheTenthAndNinetiethPercentiles) {
  const auto instance = network::parse_instance(
      hand_instance_json(0, R"({"id": "d1", "origin": "O", "destination": "D", "packages": 1000,
        "cube_m3": 50, "weight_kg": 1000, "ready_minute": 0, "due_minute": 1000,
        "packages_p10": 700, "packages_p90": 1500},
        {"id": "d2", "origin": "O", "destination": "D", "packages": 100, "cube_m3": 5,
        "weight_kg": 100, "ready_minute": 0, "due_minute": 1000, "packages_cv": 0.5})"),
      "hand.json");
  const DemandModel model(instance, 0.1);
  EXPECT_NEAR(model.quantile(0, 0.1), 700, 1e-9);
  EXPECT_NEAR(model.quantile(0, 0.9), 1500, 1e-9);
  EXPECT_NEAR(model.quantile(0, 0.5), std::sqrt(700.0 * 1500.0), 1e-9);
  // d2's own CV wins over the default.
  EXPECT_NEAR(model.spread(1).sigma, std::sqrt(std::log(1.25)), 1e-12);
}

// Two origins, two destinations; destinations D and D2 form one region.
TEST(DemandModel, SharedFactorsCorrelateDemandsOfOneOriginOrRegion) {
  const auto instance = network::parse_instance(
      R"({"format": "middlemile-instance/1", "horizon_minutes": 1440,
      "vehicle_types": [{"id": "t", "mode": "truck", "capacity": {"cube_m3": 100, "weight_kg": 1e4},
        "cost_per_trip": 1, "speed_kmh": 60}],
      "facilities": [{"id": "O1", "kind": "origin", "lon": 0, "lat": 0},
        {"id": "O2", "kind": "origin", "lon": 0, "lat": 1},
        {"id": "D", "kind": "delivery_station", "lon": 1, "lat": 0, "region": "west"},
        {"id": "D2", "kind": "delivery_station", "lon": 1, "lat": 1, "region": "west"},
        {"id": "E", "kind": "delivery_station", "lon": 2, "lat": 0}],
      "lanes": [],
      "demand": [
        {"id": "a", "origin": "O1", "destination": "D", "packages": 100, "cube_m3": 1, "weight_kg": 1, "ready_minute": 0, "due_minute": 100},
        {"id": "b", "origin": "O1", "destination": "D2", "packages": 100, "cube_m3": 1, "weight_kg": 1, "ready_minute": 0, "due_minute": 100},
        {"id": "c", "origin": "O2", "destination": "E", "packages": 100, "cube_m3": 1, "weight_kg": 1, "ready_minute": 0, "due_minute": 100},
        {"id": "e", "origin": "O2", "destination": "D", "packages": 100, "cube_m3": 1, "weight_kg": 1, "ready_minute": 0, "due_minute": 100}]})",
      "corr.json");
  const DemandModel model(instance, 0.2);
  EXPECT_EQ(model.origin_factors(), 2u);
  EXPECT_EQ(model.region_factors(), 2u);
  const double rho = 0.6;
  const int n = 40000;
  std::vector<std::vector<double>> logs(4);
  std::vector<double> day;
  for (int i = 0; i < n; ++i) {
    draw_packages(model, rho, 11, static_cast<std::uint64_t>(i), day);
    for (std::size_t k = 0; k < 4; ++k) logs[k].push_back(std::log(day[k]));
  }
  const auto correlation = [&](std::size_t x, std::size_t y) {
    const double mx = std::accumulate(logs[x].begin(), logs[x].end(), 0.0) / n;
    const double my = std::accumulate(logs[y].begin(), logs[y].end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < n; ++i) {
      sxy += (logs[x][i] - mx) * (logs[y][i] - my);
      sxx += (logs[x][i] - mx) * (logs[x][i] - mx);
      syy += (logs[y][i] - my) * (logs[y][i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
  };
  EXPECT_NEAR(correlation(0, 1), rho, 0.02);      // same origin, same region
  EXPECT_NEAR(correlation(0, 3), rho / 2, 0.02);  // same region only
  EXPECT_NEAR(correlation(2, 3), rho / 2, 0.02);  // same origin only
  EXPECT_NEAR(correlation(0, 2), 0.0, 0.02);      // nothing shared
}

TEST(DemandModel, DrawsDependOnSeedAndIndexOnly) {
  const auto instance = network::parse_instance(
      hand_instance_json(0, hand_demand("d1", 100, 1000) + "," + hand_demand("d2", 200, 1000)),
      "hand.json");
  const DemandModel model(instance, 0.2);
  std::vector<double> a, b, c;
  draw_packages(model, 0.3, 5, 17, a);
  draw_packages(model, 0.3, 5, 18, b);
  draw_packages(model, 0.3, 5, 17, c);
  EXPECT_EQ(a, c);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace mm::simulation
