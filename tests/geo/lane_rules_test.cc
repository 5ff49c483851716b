// geo/lane_rules.h through the import: the tier rules of RULES.json on a tiny set of
// facilities around Chicago (plus Denver and Los Angeles area for the distance filters).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "geo/geodata_import.h"
#include "geo/lane_rules.h"
#include "network/errors.h"

namespace {

std::string geo_data(const std::string& name) {
  return std::string(MM_TEST_DATA_DIR) + "/geo/" + name;
}

mm::geo::ImportOptions tiny_options() {
  mm::geo::ImportOptions options;
  options.facilities = {geo_data("tiny_sites.csv"), ""};
  options.demand = {geo_data("tiny_demand.csv"), ""};
  options.lane_rules = geo_data("tiny_rules.json");
  options.vehicles = geo_data("vehicles.json");
  options.name = "tiny_rules";
  return options;
}

TEST(LaneRules, GenerateTierLanes) {
  const auto instance = mm::geo::import_instance(tiny_options());
  std::vector<std::string> ids;
  for (const auto& lane : instance.lanes()) ids.push_back(lane.id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{// origin -> its 2 nearest sort centers, nearest first
                                      "O1>SC-A:truck53", "O1>SC-B:truck53",
                                      // origin -> stations within 150 km (Dayton is ~400 km away)
                                      "O1>DS-1:box_truck",
                                      // sort centers within 900 km, both ways; Denver is too far
                                      "SC-A>SC-B:truck53", "SC-B>SC-A:truck53",
                                      // each station from its nearest sort center
                                      "SC-A>DS-1:box_truck", "SC-B>DS-2:box_truck",
                                      // air between hubs more than 800 km apart
                                      "AH-1>AH-2:b767", "AH-2>AH-1:b767"}));
  EXPECT_EQ(instance.horizon_minutes(), 2880);  // latest due 2000: two days
  // {"first": 60, "every": 180} to the end of the horizon.
  const auto& station_lane = instance.lanes()[5];
  ASSERT_EQ(station_lane.departures.size(), 16u);
  EXPECT_EQ(station_lane.departures.front(), 60);
  EXPECT_EQ(station_lane.departures.back(), 2760);
  EXPECT_EQ(instance.lanes()[7].departures, (std::vector<int>{1260, 2700}));
  EXPECT_EQ(instance.lanes()[7].max_vehicles_per_departure, 2);
  EXPECT_EQ(instance.lanes()[0].departures.size(), 96u);  // default: every time step
}

TEST(LaneRules, BadRulesNameFileAndPath) {
  auto message = [](const std::string& json) {
    try {
      mm::geo::parse_lane_rules(json, "rules.json");
    } catch (const mm::network::InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message(R"({"rules": [{"vehicle_type": "t", "from": "origin", "to": "hub"}]})"),
            "rules.json: rules[0].to: expected origin, sort_center, air_hub or delivery_station, "
            "got string \"hub\"");
  EXPECT_EQ(message(R"({"rules": [{"vehicle_type": "t", "from": "origin",
                       "to": "air_hub", "nearest": "3"}]})"),
            "rules.json: rules[0].nearest: expected an integer ≥ 1, got string \"3\"");
  EXPECT_EQ(message(R"({"rules": [{"vehicle_type": "t", "from": "origin", "to": "air_hub",
                       "max_km": 10, "maxkm": 5}]})"),
            "rules.json: rules[0].maxkm: unknown field");
  EXPECT_EQ(message(R"({"rules": [{"from": "origin", "to": "air_hub"}]})"),
            "rules.json: rules[0].vehicle_type: missing");
  EXPECT_EQ(message(R"({"rules": []})"), "rules.json: rules: expected a non-empty list of rules");
}

TEST(LaneRules, UnknownVehicleTypeIsAnInputError) {
  const std::string rules = ::testing::TempDir() + "rules_" + std::to_string(::getpid()) + ".json";
  {
    std::ofstream out(rules);
    out << R"({"rules": [{"vehicle_type": "van", "from": "origin", "to": "sort_center"}]})";
  }
  auto options = tiny_options();
  options.lane_rules = rules;
  try {
    mm::geo::import_instance(options);
    FAIL() << "expected an InputError";
  } catch (const mm::network::InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              rules + ": rules[0].vehicle_type: unknown vehicle type \"van\"");
  }
  std::remove(rules.c_str());
}

}  // namespace
