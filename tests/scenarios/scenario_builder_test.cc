// Building scenario instances from the baseline (scenarios/scenario_builder.h).
#include "scenarios/scenario_builder.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "network/errors.h"
#include "network/instance_json.h"

namespace mm::scenarios {
namespace {

const std::string kBaseline = std::string(MM_TEST_DATA_DIR) + "/scenarios/far_center.json";

std::vector<ScenarioInstance> build(const std::string& scenarios_json,
                                    const std::string& dir = ".") {
  const BaselineDocument baseline = read_baseline(kBaseline);
  const std::string text =
      R"({"format": "middlemile-scenarios/1", "scenarios": )" + scenarios_json + "}";
  return build_scenarios(baseline, parse_scenario_file(text, "s.json", dir));
}

std::vector<std::string> problems_of(const std::string& scenarios_json) {
  try {
    build(scenarios_json);
  } catch (const network::ValidationError& e) {
    return e.problems();
  }
  return {};
}

TEST(ScenarioBuilder, ClosingAFacilityRemovesItsLanesAndKeepsItsDemand) {
  const auto built = build(R"([{"name": "c", "changes": [
      {"type": "close_facility", "facility": "SC-BOI"}]}])");
  ASSERT_EQ(built.size(), 1u);
  const network::Instance& in = *built[0].instance;
  EXPECT_EQ(in.name(), "far_center+c");
  EXPECT_TRUE(in.lanes().empty());
  EXPECT_EQ(in.facilities().size(), 3u);
  EXPECT_EQ(in.demand().size(), 2u);
  EXPECT_EQ(built[0].lanes_removed,
            (std::vector<std::string>{"SEA1>SC-BOI:truck53", "SC-BOI>DS-EUG:truck53"}));
  EXPECT_EQ(built[0].effects, (std::vector<std::string>{"closed \"SC-BOI\": 2 lanes removed"}));
}

TEST(ScenarioBuilder, OpeningAFacilityAddsTheLanesItsRulesMake) {
  const auto built = build(R"([{"name": "o", "changes": [
      {"type": "open_facility",
       "facility": {"id": "SC-PDX", "kind": "sort_center", "lon": -122.68, "lat": 45.52},
       "lane_rules": {"rules": [
         {"vehicle_type": "truck53", "from": "origin", "to": "sort_center", "max_km": 300},
         {"vehicle_type": "truck53", "from": "sort_center", "to": "delivery_station",
          "max_km": 300}]}}]}])");
  const network::Instance& in = *built[0].instance;
  EXPECT_EQ(in.facilities().size(), 4u);
  EXPECT_EQ(built[0].lanes_added,
            (std::vector<std::string>{"SEA1>SC-PDX:truck53", "SC-PDX>DS-EUG:truck53"}));
  ASSERT_TRUE(in.lane_index("SEA1>SC-PDX:truck53"));
  // Derived like any lane: geodesic distance × circuity 1.2 (Seattle–Portland ≈ 234 km).
  EXPECT_NEAR(in.lanes()[*in.lane_index("SEA1>SC-PDX:truck53")].distance_km, 234 * 1.2, 5);
  EXPECT_EQ(built[0].effects, (std::vector<std::string>{"opened \"SC-PDX\" with 2 lanes"}));
}

TEST(ScenarioBuilder, ChangesRederiveWhatDependsOnThem) {
  const auto built = build(R"([{"name": "v", "changes": [
      {"type": "change_vehicle_type", "vehicle_type": "truck53", "cost_per_trip": 1000,
       "capacity": {"cube_m3": 200}},
      {"type": "scale_demand", "factor": 2, "origin": "SEA1"},
      {"type": "set_sort_capacity", "facility": "SC-BOI", "sort_capacity_per_hour": 700},
      {"type": "change_lane", "lane": "SEA1>SC-BOI:truck53", "departures": [0]}]}])");
  const network::Instance& in = *built[0].instance;
  const network::Instance base = *read_baseline(kBaseline).instance;
  EXPECT_DOUBLE_EQ(in.vehicle_types()[0].capacity.cube_m3, 200.0);
  EXPECT_DOUBLE_EQ(in.vehicle_types()[0].capacity.weight_kg, 20000.0);
  // Lane trip cost is derived from the vehicle type: it moves with it.
  EXPECT_DOUBLE_EQ(in.lanes()[0].cost_per_trip - base.lanes()[0].cost_per_trip, 750.0);
  EXPECT_DOUBLE_EQ(in.demand()[0].packages, 3000.0);
  EXPECT_DOUBLE_EQ(in.demand()[1].cube_m3, 180.0);
  EXPECT_EQ(in.facilities()[1].sort_capacity_per_hour, 700.0);
  EXPECT_EQ(in.lanes()[0].departures, std::vector<int>{0});
  // The penalty stays the baseline's even though the default would follow the lane costs.
  EXPECT_DOUBLE_EQ(in.unserved_penalty_per_package(), 20.0);
}

// A demand's spread (docs/SIMULATION.md) scales with it: its quantiles in packages, not its CV.
TEST(ScenarioBuilder, ScalingDemandScalesItsQuantiles) {
  BaselineDocument baseline = read_baseline(kBaseline);
  baseline.json["demand"][0]["packages_p10"] = 1200;
  baseline.json["demand"][0]["packages_p90"] = 1800;
  baseline.json["demand"][1]["packages_cv"] = 0.3;
  baseline.instance = std::make_shared<const network::Instance>(
      network::parse_instance(baseline.json.dump(), kBaseline));
  const auto built = build_scenarios(
      baseline, parse_scenario_file(R"({"format": "middlemile-scenarios/1", "scenarios": [
          {"name": "x2", "changes": [{"type": "scale_demand", "factor": 2}]}]})",
                                    "s.json", "."));
  const network::Demand& d1 = built.at(0).instance->demand()[0];
  EXPECT_EQ(d1.packages, 3000.0);
  EXPECT_EQ(d1.packages_p10, std::optional<double>(2400.0));
  EXPECT_EQ(d1.packages_p90, std::optional<double>(3600.0));
  EXPECT_EQ(built[0].instance->demand()[1].packages_cv, std::optional<double>(0.3));
}

TEST(ScenarioBuilder, ScalesDemandInsideARegionReadFromGeodata) {
  const auto dir = std::filesystem::temp_directory_path() / "mm_region_test";
  std::filesystem::create_directories(dir);
  // A box around Eugene, Oregon (the destination of both demands), not around Seattle.
  std::ofstream(dir / "region.geojson") << R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "lane county"}, "geometry": {"type": "Polygon",
       "coordinates": [[[-124, 43.5], [-122, 43.5], [-122, 44.5], [-124, 44.5], [-124, 43.5]]]}}]})";
  const auto built = build(R"([{"name": "to", "changes": [
      {"type": "scale_demand", "factor": 3, "region": "region.geojson"}]}])",
                           dir.string());
  EXPECT_DOUBLE_EQ(built[0].instance->demand()[0].packages, 4500.0);
  EXPECT_EQ(built[0].effects, (std::vector<std::string>{"scaled 2 demands by 3"}));
  try {
    build(R"([{"name": "from", "changes": [{"type": "scale_demand", "factor": 3,
              "region": "region.geojson", "region_end": "origin"}]}])",
          dir.string());
    FAIL() << "Seattle is outside the region: nothing to scale";
  } catch (const network::ValidationError& e) {
    EXPECT_EQ(e.problems(), (std::vector<std::string>{
                                "scenarios[0].changes[0]: scales no demand (nothing matches) "
                                "(scenario \"from\")"}));
  }
  std::filesystem::remove_all(dir);
}

TEST(ScenarioBuilder, NamesTheScenarioAndChangeOfEveryProblem) {
  const auto problems = problems_of(R"([
      {"name": "unknown", "changes": [{"type": "close_facility", "facility": "SC-XX"}]},
      {"name": "removed twice", "changes": [
        {"type": "remove_lane", "lane": "SEA1>SC-BOI:truck53"},
        {"type": "change_lane", "lane": "SEA1>SC-BOI:truck53", "departures": [0]}]},
      {"name": "closed", "changes": [
        {"type": "close_facility", "facility": "SC-BOI"},
        {"type": "set_sort_capacity", "facility": "SC-BOI", "sort_capacity_per_hour": 5}]},
      {"name": "twice", "changes": [
        {"type": "set_sort_capacity", "facility": "SC-BOI", "sort_capacity_per_hour": 5},
        {"type": "set_sort_capacity", "facility": "SC-BOI", "sort_capacity_per_hour": 6}]},
      {"name": "bad lane", "changes": [
        {"type": "add_lane", "lane": {"from": "SEA1", "to": "DS-EUG", "vehicle_type": "van"}}]},
      {"name": "nothing", "changes": [{"type": "scale_demand", "factor": 2, "origin": "DS-EUG"}]},
      {"name": "no end", "changes": [{"type": "add_lane", "lane": {"to": "DS-EUG"}}]},
      {"name": "bad id", "changes": [{"type": "open_facility", "facility": {"id": 7}}]}])");
  const std::vector<std::string> expected = {
      "scenarios[0].changes[0].facility: unknown facility \"SC-XX\" (scenario \"unknown\")",
      "scenarios[1].changes[1].lane: lane \"SEA1>SC-BOI:truck53\" was removed by "
      "scenarios[1].changes[0] (remove_lane) (scenario \"removed twice\")",
      "scenarios[2].changes[1].facility: facility \"SC-BOI\" was closed by "
      "scenarios[2].changes[0] (close_facility) (scenario \"closed\")",
      "scenarios[3].changes[1].sort_capacity_per_hour: contradicts scenarios[3].changes[0], "
      "which also sets it (scenario \"twice\")",
      "scenarios[4]: the changed instance is invalid: lanes[2].vehicle_type: unknown vehicle "
      "type \"van\" (scenario \"bad lane\")",
      "scenarios[5].changes[0]: scales no demand (nothing matches) (scenario \"nothing\")",
      // An instance object inside a change is checked in the readers' words.
      "scenarios[6].changes[0].lane: missing required field \"from\" (scenario \"no end\")",
      "scenarios[7].changes[0].facility.id: must be a string (got number 7) (scenario \"bad "
      "id\")",
  };
  EXPECT_EQ(problems, expected);
}

}  // namespace
}  // namespace mm::scenarios
