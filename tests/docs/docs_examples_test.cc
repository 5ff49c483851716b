// Every example of docs/FORMAT.md (docs/examples/) read by the project's own readers and checked
// as the format says: the instance validates and derives what it leaves out, the plan passes
// the referee, the loading configuration resolves and reproduces the manifests, the scenarios
// build, the demand scenarios simulated on the plan reproduce the simulation results, the lane
// rules and the import make their lanes, the CMND solution passes its checker.
// An example that drifts from the code fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "baselines/cmnd_instance.h"
#include "baselines/cmnd_solution.h"
#include "geo/geodata_import.h"
#include "geo/lane_rules.h"
#include "loading/load_plan.h"
#include "loading/loading_config.h"
#include "loading/manifest_json.h"
#include "network/derived_values.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "network/plan_verifier.h"
#include "network/simulation_json.h"
#include "network/text_file.h"
#include "scenarios/scenario_builder.h"
#include "scenarios/scenario_file.h"
#include "simulation/demand_scenarios.h"
#include "simulation/simulator.h"

namespace mm {
namespace {

namespace fs = std::filesystem;

const std::string kExamples = std::string(MM_SOURCE_DIR) + "/docs/examples/";

network::Instance example_instance() {
  return network::read_instance_file(kExamples + "instance.json");
}

TEST(DocsExamples, InstanceValidatesAndDerivesWhatItLeavesOut) {
  const network::Instance instance = example_instance();
  EXPECT_EQ(instance.name(), "example");
  ASSERT_EQ(instance.lanes().size(), 2u);
  const network::Lane& derived = instance.lanes()[1];
  const network::VehicleType& box_truck = instance.vehicle_type_of(derived);
  EXPECT_EQ(derived.id, "SC-PDX>DS-EUG:box_truck");
  EXPECT_EQ(derived.distance_km, network::derived_distance_km(instance.facilities()[1],
                                                              instance.facilities()[2], box_truck));
  EXPECT_EQ(derived.transit_minutes,
            network::derived_transit_minutes(derived.distance_km, box_truck.speed_kmh));
  EXPECT_EQ(derived.cost_per_trip, network::derived_trip_cost(box_truck, derived.distance_km));
  EXPECT_EQ(instance.unserved_penalty_per_package(), 50.0);
  // The optional uncertainty of demand (simulate, plan --demand-quantile).
  EXPECT_EQ(instance.facilities()[1].region, std::optional<std::string>("oregon"));
  EXPECT_FALSE(instance.facilities()[0].region.has_value());
  EXPECT_EQ(instance.demand()[0].packages_p10, std::optional<double>(1000.0));
  EXPECT_EQ(instance.demand()[0].packages_p90, std::optional<double>(1500.0));
  EXPECT_EQ(instance.demand()[1].packages_cv, std::optional<double>(0.3));
}

TEST(DocsExamples, PlanPassesTheReferee) {
  const network::Instance instance = example_instance();
  const network::Plan plan = network::read_plan_file(kExamples + "plan.json");
  EXPECT_EQ(plan.instance, instance.name());
  EXPECT_EQ(plan.status, network::PlanStatus::optimal);
  const network::PlanVerification check = network::check_plan(instance, plan);
  EXPECT_TRUE(check.ok()) << check.violations.front().where << ": "
                          << check.violations.front().message;
  EXPECT_NEAR(check.recomputed_objective, plan.objective, 1e-9 * plan.objective);
}

// The loading configuration resolves against the instance, and loading the plan with it gives
// exactly the manifests of the example (an input/output pair).
TEST(DocsExamples, LoadingReproducesTheManifests) {
  const network::Instance instance = example_instance();
  const loading::LoadingConfig config =
      loading::read_loading_config_file(kExamples + "loading.json");
  const auto specs = loading::resolve_loading(instance, config);
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[1].positions, 20);                   // box_truck, configured
  EXPECT_EQ(specs[0].containers.at(0).id, "gaylord");  // truck53, the built-in default
  network::Plan plan = network::read_plan_file(kExamples + "plan.json");
  const loading::LoadingResult loaded = loading::load_plan(instance, plan, config);
  EXPECT_TRUE(loaded.corrections.empty());
  const auto written = nlohmann::json::parse(loading::write_manifests_json(loaded));
  const auto example = nlohmann::json::parse(network::read_text_file(kExamples + "manifests.json"));
  EXPECT_EQ(written, example);
  EXPECT_EQ(example.at("format"), "middlemile-manifests/1");
}

TEST(DocsExamples, ScenariosBuild) {
  const scenarios::BaselineDocument baseline =
      scenarios::read_baseline(kExamples + "instance.json");
  const scenarios::ScenarioFile file = scenarios::read_scenario_file(kExamples + "scenarios.json");
  const auto built = scenarios::build_scenarios(baseline, file);
  ASSERT_EQ(built.size(), 4u);
  EXPECT_EQ(built[0].name, "open Salem");
  EXPECT_TRUE(built[0].instance->facility_index("DS-SLE").has_value());
  EXPECT_TRUE(built[0].instance->lane_index("SC-PDX>DS-SLE:box_truck").has_value());
  EXPECT_DOUBLE_EQ(built[1].instance->demand()[0].packages, 1440.0);  // 1200 × 1.2
  EXPECT_EQ(built[2].instance->vehicle_types()[1].capacity.cube_m3, 50.0);
  EXPECT_EQ(built[3].instance->lanes()[0].departures, (std::vector<int>{360, 1080}));
  EXPECT_FALSE(built[3].instance->facilities()[1].sort_capacity_per_hour.has_value());
}

// The demand scenarios simulated on the example plan give exactly the simulation results of the
// example (an input/output pair; `run` is the machine's, not the results').
TEST(DocsExamples, DemandScenariosReproduceTheSimulation) {
  const network::Instance instance = example_instance();
  const auto days =
      simulation::read_demand_scenarios(instance, kExamples + "demand-scenarios.json");
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days[1].name, "peak");
  EXPECT_EQ(days[1].packages, (std::vector<double>{1560.0, 900.0}));  // d1 1200 × 1.3
  EXPECT_EQ(days[3].name, "scenario 4");
  const network::SimulationResults example =
      network::read_simulation_file(kExamples + "simulation.json");
  EXPECT_EQ(example.settings.demand, "scenarios");
  simulation::SimulationOptions options;
  options.scenarios = &days;
  options.scenarios_file = example.settings.scenarios_file;
  options.plan_name = example.plan;
  const network::SimulationResults simulated = simulation::simulate_plan(
      instance, network::read_plan_file(kExamples + example.plan), options, nullptr);
  auto written = nlohmann::json::parse(network::write_simulation_json(simulated));
  auto expected = nlohmann::json::parse(network::read_text_file(kExamples + "simulation.json"));
  written.erase("run");
  expected.erase("run");
  EXPECT_EQ(written, expected);
}

TEST(DocsExamples, LaneRulesMakeTheirLanes) {
  const network::Instance instance = example_instance();
  const geo::LaneRules rules = geo::read_lane_rules_file(kExamples + "lane-rules.json");
  ASSERT_EQ(rules.rules.size(), 3u);
  const auto lanes = geo::generate_lanes(rules, instance);
  std::set<std::string> made;
  for (const geo::GeneratedLane& lane : lanes)
    made.insert(network::default_lane_id(instance.facilities()[lane.from].id,
                                         instance.facilities()[lane.to].id,
                                         instance.vehicle_types()[lane.vehicle_type].id));
  // No air hubs in the example: the b767 rule makes nothing.
  EXPECT_EQ(made, (std::set<std::string>{"SEA1>SC-PDX:truck53", "SC-PDX>DS-EUG:box_truck"}));
  for (const geo::GeneratedLane& lane : lanes) {
    if (lane.rule == 1) {
      EXPECT_EQ(lane.departures->front(), 720);
    }
  }
}

TEST(DocsExamples, ImportBuildsAnInstance) {
  geo::ImportOptions options;
  options.facilities = {kExamples + "import/facilities.csv", ""};
  options.demand = {kExamples + "import/demand.csv", ""};
  options.vehicles = kExamples + "import/vehicles.json";
  options.mapping = kExamples + "import/mapping.json";
  options.lane_rules = kExamples + "lane-rules.json";
  options.name = "imported";
  const network::Instance instance = geo::import_instance(options);
  EXPECT_EQ(instance.facilities().size(), 4u);
  EXPECT_EQ(instance.demand().size(), 2u);
  EXPECT_EQ(instance.demand()[0].packages, 1200.0);  // "parcels", mapped
  EXPECT_TRUE(instance.lane_index("SC-PDX>DS-SLE:box_truck").has_value());
  EXPECT_EQ(instance.horizon_minutes(), 2880);  // whole days covering due minute 1800
}

TEST(DocsExamples, CmndSolutionPassesItsChecker) {
  const baselines::CmndInstance instance = baselines::read_dow_file(kExamples + "cmnd.dow");
  EXPECT_EQ(instance.nodes, 4u);
  EXPECT_EQ(instance.arcs.size(), 6u);
  EXPECT_EQ(instance.commodities.size(), 2u);
  const baselines::CmndSolution solution = baselines::parse_cmnd_solution_json(
      network::read_text_file(kExamples + "cmnd-solution.json"), "cmnd-solution.json");
  const baselines::CmndCheck check = baselines::check_cmnd_solution(instance, solution);
  EXPECT_TRUE(check.violations.empty()) << check.violations.front();
  EXPECT_DOUBLE_EQ(check.objective, 101.0);  // the optimum (tests/engine/cmnd_engine_test.cc)
}

// Every file of docs/examples is one docs/FORMAT.md names, so none is left undescribed.
TEST(DocsExamples, FormatMdNamesEveryExample) {
  const std::string format =
      network::read_text_file(std::string(MM_SOURCE_DIR) + "/docs/FORMAT.md");
  for (const auto& entry : fs::recursive_directory_iterator(kExamples)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    EXPECT_NE(format.find(name), std::string::npos) << name << " is not named in docs/FORMAT.md";
  }
}

}  // namespace
}  // namespace mm
