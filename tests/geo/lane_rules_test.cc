// geo/lane_rules.h through the import: the tier rules of RULES.json on a tiny set of
// facilities around Chicago (plus Denver and Los Angeles area for the distance filters).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/city_table.h"
#include "geo/geodata_import.h"
#include "geo/lane_rules.h"
#include "geo/nearest_facilities.h"
#include "network/errors.h"
#include "network/geodesic.h"
#include "network/instance_json.h"

namespace {

std::string lane_rules_data(const std::string& name) {
  return std::string(MM_TEST_DATA_DIR) + "/geo/" + name;
}

mm::geo::ImportOptions tiny_options() {
  mm::geo::ImportOptions options;
  options.facilities = {lane_rules_data("tiny_sites.csv"), ""};
  options.demand = {lane_rules_data("tiny_demand.csv"), ""};
  options.lane_rules = lane_rules_data("tiny_rules.json");
  options.vehicles = lane_rules_data("vehicles.json");
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
  // Every problem, each "<source>: <problem>", joined by " | ".
  auto message = [](const std::string& json) {
    try {
      mm::geo::parse_lane_rules(json, "rules.json");
    } catch (const mm::network::ValidationError& e) {
      std::string all;
      for (const std::string& problem : e.problems())
        all += (all.empty() ? "" : " | ") + e.source() + ": " + problem;
      return all;
    }
    return std::string();
  };
  EXPECT_EQ(message(R"({"rules": [{"vehicle_type": "t", "from": "origin", "to": "hub"}]})"),
            "rules.json: rules[0].to: must be one of \"origin\", \"sort_center\", \"air_hub\", "
            "\"delivery_station\" (got \"hub\")");
  EXPECT_EQ(message(R"({"rules": [{"vehicle_type": "t", "from": "origin",
                       "to": "air_hub", "nearest": "3"}]})"),
            "rules.json: rules[0].nearest: must be an integer (got string \"3\")");
  EXPECT_EQ(message(R"({"rules": [{"vehicle_type": "t", "from": "origin", "to": "air_hub",
                       "max_km": 10, "maxkm": 5}]})"),
            "rules.json: rules[0].maxkm: unknown field (did you mean \"max_km\"?)");
  EXPECT_EQ(message(R"({"rules": [{"from": "origin", "to": "air_hub"}]})"),
            "rules.json: rules[0]: missing required field \"vehicle_type\"");
  EXPECT_EQ(message(R"({"rules": []})"), "rules.json: rules: must not be empty");
  // All problems at once, in file order.
  EXPECT_EQ(message(R"({"rules": [{"from": "origin", "to": "air_hub", "nearest": 0}]})"),
            "rules.json: rules[0]: missing required field \"vehicle_type\" | "
            "rules.json: rules[0].nearest: must be >= 1 (got 0)");
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

// The R-tree distance query and the inverse nearest_from lookup that make rules fast on 10,000
// facilities must give exactly the lanes of the definition: every pair, ranked by geodesic km.
// 400 real cities (data/), kinds by population rank; each rule alone against a brute force.
TEST(LaneRules, DistanceAndNearestFromRulesMatchBruteForce) {
  using mm::network::FacilityKind;
  const auto cities =
      mm::geo::read_city_table(std::string(MM_SOURCE_DIR) + "/data/uscities-top1000.csv");
  nlohmann::ordered_json root = {{"format", "middlemile-instance/1"},
                                 {"name", "brute"},
                                 {"horizon_minutes", 1440},
                                 {"vehicle_types",
                                  {{{"id", "truck"},
                                    {"mode", "truck"},
                                    {"capacity", {{"cube_m3", 100}, {"weight_kg", 20000}}},
                                    {"cost_per_trip", 100},
                                    {"speed_kmh", 70}}}},
                                 {"facilities", nlohmann::ordered_json::array()},
                                 {"lanes", nlohmann::ordered_json::array()}};
  const char* kinds[] = {"origin", "sort_center", "delivery_station", "delivery_station"};
  for (std::size_t i = 0; i < 400; ++i)
    root["facilities"].push_back({{"id", "F" + std::to_string(i)},
                                  {"kind", kinds[i % 4]},
                                  {"lon", cities[i].lon},
                                  {"lat", cities[i].lat}});
  root["demand"] = {{{"id", "d"},
                     {"origin", "F0"},
                     {"destination", "F2"},
                     {"packages", 1},
                     {"cube_m3", 0.1},
                     {"weight_kg", 1},
                     {"ready_minute", 0},
                     {"due_minute", 1000}}};
  const auto instance = mm::network::parse_instance(root.dump(), "brute");
  const auto& facilities = instance.facilities();

  const std::vector<std::string> rules = {
      R"({"vehicle_type": "truck", "from": "origin", "to": "delivery_station", "max_km": 150})",
      R"({"vehicle_type": "truck", "from": "sort_center", "to": "sort_center",
          "min_km": 300, "max_km": 700, "both_ways": true})",
      R"({"vehicle_type": "truck", "from": "sort_center", "to": "delivery_station",
          "nearest_from": 2})",
      R"({"vehicle_type": "truck", "from": ["origin", "sort_center"], "to": "delivery_station",
          "nearest_from": 3, "min_km": 20, "max_km": 400})",
      R"({"vehicle_type": "truck", "from": "origin", "to": "origin", "min_km": 2000})"};
  for (const std::string& text : rules) {
    const auto parsed = mm::geo::parse_lane_rules(R"({"rules": [)" + text + "]}", "rules.json");
    const mm::geo::LaneRule& rule = parsed.rules[0];
    auto has = [](const std::vector<FacilityKind>& list, FacilityKind kind) {
      return std::find(list.begin(), list.end(), kind) != list.end();
    };
    std::vector<std::size_t> sources, targets;
    for (std::size_t f = 0; f < facilities.size(); ++f) {
      if (has(rule.from, facilities[f].kind)) sources.push_back(f);
      if (has(rule.to, facilities[f].kind)) targets.push_back(f);
    }
    const mm::geo::NearestFacilities near_source(facilities, sources);
    std::vector<std::pair<std::size_t, std::size_t>> expected;
    std::set<std::pair<std::size_t, std::size_t>> made;
    auto add = [&](std::size_t from, std::size_t to) {
      if (made.emplace(from, to).second) expected.emplace_back(from, to);
    };
    for (std::size_t from : sources) {
      std::vector<std::pair<double, std::size_t>> ranked;
      for (std::size_t to : targets) {
        if (to == from) continue;
        const auto& a = facilities[from];
        const auto& b = facilities[to];
        const double km = mm::network::geodesic_km(a.lon, a.lat, b.lon, b.lat);
        if (km > rule.min_km && (!rule.max_km || km <= *rule.max_km)) ranked.emplace_back(km, to);
      }
      std::sort(ranked.begin(), ranked.end());
      for (auto [km, to] : ranked) {
        if (rule.nearest_from) {
          bool among = false;
          for (auto [ignored, s] : near_source.nearest(to, *rule.nearest_from))
            among = among || s == from;
          if (!among) continue;
        }
        add(from, to);
        if (rule.both_ways) add(to, from);
      }
    }
    std::vector<std::pair<std::size_t, std::size_t>> generated;
    for (const auto& lane : mm::geo::generate_lanes(parsed, instance))
      generated.emplace_back(lane.from, lane.to);
    EXPECT_FALSE(expected.empty()) << text;
    EXPECT_EQ(generated, expected) << text;
  }
}
