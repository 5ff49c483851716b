// middlemile-simulation/1 JSON (network/simulation_json.h): what the writer writes the reader
// reads back, and a bad file names the JSON path of every problem (network/json_fields.h).
#include "network/simulation_json.h"

#include <gtest/gtest.h>

#include "network/errors.h"
#include "tests/network/error_text.h"

namespace mm::network {
namespace {

SimulationResults full_results() {
  SimulationResults r;
  r.instance = "t_med";
  r.plan = "out/plan.json";
  r.plan_objective = 1234.5;
  r.settings.demand = "sampled";
  r.settings.samples = 2;
  r.settings.seed = 18446744073709551615ULL;
  r.settings.demand_cv = 0.2;
  r.settings.correlation = 0.5;
  r.settings.spot_factor = 1.5;
  r.settings.late_penalty_per_package = 12.5;
  r.settings.unserved_penalty_per_package = 25;
  r.summary.cost = {1300.25, 1200, 1210, 1290, 1390.5, 1400};
  r.summary.on_time_share = {0.97, 0.9, 0.91, 0.98, 0.999, 1.0};
  r.summary.mean_cost = {1000, 50, 0, 200, 25, 25.25};
  SampleRecord s;
  s.index = 1;
  s.scenario = "peak, \"cyber\" monday";
  s.packages = 1000.5;
  s.on_time = 990;
  s.late = 10;
  s.unserved = 0.5;
  s.unserved_by_plan = 0.25;
  s.spot_vehicles = 3;
  s.cost = {1000, 450, 1, 2, 125, 12.5};
  r.samples = {s, s};
  r.samples[0].index = 0;
  r.departures = {{"A>B:truck", 360, 2, 0.25, 0.125, 0.5}};
  r.facilities = {{"SC-1", 3000, 0.75, 1.05, 1.3}};
  r.seconds = 1.25;
  r.threads = 2;
  r.interrupted = true;
  return r;
}

TEST(SimulationJson, RoundTrips) {
  const SimulationResults r = full_results();
  const SimulationResults back = parse_simulation_json(write_simulation_json(r), "sim.json");
  EXPECT_EQ(back.instance, r.instance);
  EXPECT_EQ(back.plan, r.plan);
  EXPECT_EQ(back.settings.seed, r.settings.seed);
  EXPECT_EQ(back.settings.scenarios_file, "");
  EXPECT_EQ(back.summary.cost.p95, 1390.5);
  EXPECT_EQ(back.summary.on_time_share.p5, 0.91);
  EXPECT_EQ(back.summary.mean_cost.total(), r.summary.mean_cost.total());
  ASSERT_EQ(back.samples.size(), 2u);
  EXPECT_EQ(back.samples[1].scenario, r.samples[1].scenario);
  EXPECT_EQ(back.samples[1].cost.total(), r.samples[1].cost.total());
  EXPECT_EQ(back.samples[1].spot_vehicles, 3);
  EXPECT_EQ(back.samples[1].on_time_share(), r.samples[1].on_time_share());
  ASSERT_EQ(back.departures.size(), 1u);
  EXPECT_EQ(back.departures[0].lane, "A>B:truck");
  EXPECT_EQ(back.departures[0].mean_spot_vehicles, 0.5);
  ASSERT_EQ(back.facilities.size(), 1u);
  EXPECT_EQ(back.facilities[0].p95_peak_utilization, 1.3);
  EXPECT_TRUE(back.interrupted);
  EXPECT_EQ(back.threads, 2);
}

// What parse_simulation_json reports (tests/network/error_text.h), or "" when it does not throw.
std::string simulation_error_of(const std::string& text) {
  return error_text([&] { parse_simulation_json(text, "sim.json"); });
}

// full_results() written out, with the first `from` replaced by `to`.
std::string edited_results(const std::string& from, const std::string& to) {
  std::string text = write_simulation_json(full_results());
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(SimulationJson, BadFilesNameThePath) {
  EXPECT_EQ(
      simulation_error_of(edited_results("\"middlemile-simulation/1\"", "\"middlemile-plan/1\"")),
      "sim.json: format: expected \"middlemile-simulation/1\" (got \"middlemile-plan/1\")");
  EXPECT_EQ(simulation_error_of(edited_results("\"spot_vehicles\": 3", "\"spot_vehicles\": -3")),
            "sim.json: samples[0].spot_vehicles: must be >= 0 (got -3)");
  EXPECT_EQ(simulation_error_of(edited_results("\"p95\": 1390.5", "\"p95\": \"x\"")),
            "sim.json: summary.cost.p95: must be a number (got string \"x\")");
  EXPECT_EQ(simulation_error_of(edited_results("\"demand\": \"sampled\"", "\"demand\": \"drawn\"")),
            "sim.json: settings.demand: must be one of \"sampled\", \"scenarios\" (got \"drawn\")");
  EXPECT_EQ(simulation_error_of(edited_results("\"seed\": 18446744073709551615", "\"seed\": -1")),
            "sim.json: settings.seed: must be >= 0 (got -1)");
  EXPECT_NE(simulation_error_of("{"), "");
}

TEST(SimulationJson, EveryProblemIsReportedAtOnce) {
  std::string text = edited_results("\"p95\": 1390.5", "\"p95\": \"x\"");
  text.replace(text.find("\"threads\": 2"), 12, "\"threads\": 2.5");
  EXPECT_EQ(simulation_error_of(text),
            "sim.json: summary.cost.p95: must be a number (got string \"x\") | "
            "sim.json: run.threads: must be an integer (got 2.5)");
}

}  // namespace
}  // namespace mm::network
