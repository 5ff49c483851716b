// Times lane generation by rules (geo/lane_rules.h) on networks of real cities, for the
// "Lane generation" table of BENCHMARKS.md.
//
//   lane_rules_benchmark [--cities CSV] [--rules RULES.json] [--vehicles VEHICLES.json]
//                        [--repeat R] N...
//
// For each N, the N most populous cities of the table (Alaska, Hawaii and Puerto Rico left out:
// trucks cannot reach them) become facilities by population rank: the first 10% origins, the
// next 1% (at least 2) air hubs, the next 15% sort centers, the rest delivery stations. The
// instance (facilities, vehicle types, one demand, 3-day horizon) goes through parse_instance
// like `middlemile import` builds it; then generate_lanes runs R times (default 3) on it and
// the fastest wall-clock time is reported, in total and rule by rule (each rule alone), with
// the time the import then takes to make the instance from those lanes (once). Output is
// Markdown. Defaults: data/uscities-top1000.csv, data/sample-lane-rules.json and
// data/sample-vehicles.json of the source tree.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/city_table.h"
#include "geo/lane_rules.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/text_file.h"

namespace {

using Json = nlohmann::ordered_json;

struct Options {
  std::string cities = std::string(MM_SOURCE_DIR) + "/data/uscities-top1000.csv";
  std::string rules = std::string(MM_SOURCE_DIR) + "/data/sample-lane-rules.json";
  std::string vehicles = std::string(MM_SOURCE_DIR) + "/data/sample-vehicles.json";
  int repeat = 3;
  std::vector<int> sizes;
};

Options parse_arguments(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw mm::network::InputError(argument + " needs a value");
      return argv[++i];
    };
    if (argument == "--cities") {
      options.cities = value();
    } else if (argument == "--rules") {
      options.rules = value();
    } else if (argument == "--vehicles") {
      options.vehicles = value();
    } else if (argument == "--repeat") {
      options.repeat = std::max(1, std::atoi(value().c_str()));
    } else if (!argument.empty() && argument.find_first_not_of("0123456789") == std::string::npos) {
      options.sizes.push_back(std::atoi(argument.c_str()));
    } else {
      throw mm::network::InputError("unknown argument \"" + argument +
                                    "\" (usage: lane_rules_benchmark [--cities CSV] [--rules "
                                    "RULES.json] [--vehicles VEHICLES.json] [--repeat R] N...)");
    }
  }
  if (options.sizes.empty()) options.sizes = {1000};
  return options;
}

const char* kind_of_rank(std::size_t rank, std::size_t n) {
  const std::size_t origins = std::max<std::size_t>(1, n / 10);
  const std::size_t hubs = std::max<std::size_t>(2, n / 100);
  const std::size_t sort_centers = std::max<std::size_t>(1, n * 15 / 100);
  if (rank < origins) return "origin";
  if (rank < origins + hubs) return "air_hub";
  if (rank < origins + hubs + sort_centers) return "sort_center";
  return "delivery_station";
}

Json instance_json(const std::vector<mm::geo::City>& cities, std::size_t n,
                   const Json& vehicle_types) {
  Json root = Json::object();
  root["format"] = "middlemile-instance/1";
  root["name"] = "lanes-" + std::to_string(n);
  root["horizon_minutes"] = 4320;
  root["time_step_minutes"] = 30;
  root["vehicle_types"] = vehicle_types;
  root["facilities"] = Json::array();
  for (std::size_t i = 0; i < n; ++i) {
    const mm::geo::City& city = cities[i];
    // The line number keeps ids distinct for cities of the same name and state.
    root["facilities"].push_back(
        {{"id", city.name + "-" + city.state + "-" + std::to_string(city.line)},
         {"kind", kind_of_rank(i, n)},
         {"lon", city.lon},
         {"lat", city.lat},
         {"handling_minutes", 60}});
  }
  root["lanes"] = Json::array();
  root["demand"] = Json::array({{{"id", "d1"},
                                 {"origin", root["facilities"][0]["id"]},
                                 {"destination", root["facilities"][n - 1]["id"]},
                                 {"packages", 1},
                                 {"cube_m3", 0.025},
                                 {"weight_kg", 2.5},
                                 {"ready_minute", 0},
                                 {"due_minute", 4000}}});
  return root;
}

// Seconds to make the full instance from the generated lanes, as `middlemile import` does:
// lane items into the JSON document, then parse_instance (validation, distances, costs).
double time_instance(Json root, const mm::network::Instance& without_lanes,
                     const std::vector<mm::geo::GeneratedLane>& lanes) {
  const auto started = std::chrono::steady_clock::now();
  for (const mm::geo::GeneratedLane& lane : lanes) {
    Json item = Json::object();
    item["from"] = without_lanes.facilities()[lane.from].id;
    item["to"] = without_lanes.facilities()[lane.to].id;
    item["vehicle_type"] = without_lanes.vehicle_types()[lane.vehicle_type].id;
    if (lane.departures) item["departures"] = *lane.departures;
    if (lane.max_vehicles_per_departure)
      item["max_vehicles_per_departure"] = *lane.max_vehicles_per_departure;
    root["lanes"].push_back(std::move(item));
  }
  const auto instance = mm::network::parse_instance(root.dump(), "benchmark");
  if (instance.lanes().size() != lanes.size()) throw std::runtime_error("lanes lost");
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

// Fastest of `repeat` runs, in seconds, and the lanes made.
std::pair<double, std::size_t> time_rules(const mm::geo::LaneRules& rules,
                                          const mm::network::Instance& instance, int repeat) {
  double best = 1e300;
  std::size_t lanes = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto started = std::chrono::steady_clock::now();
    lanes = mm::geo::generate_lanes(rules, instance).size();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  }
  return {best, lanes};
}

std::string rule_summary(const Json& rule) {
  Json copy = rule;
  copy.erase("departures");
  copy.erase("max_vehicles_per_departure");
  return copy.dump();
}

int run(const Options& options) {
  std::vector<mm::geo::City> cities;
  for (mm::geo::City& city : mm::geo::read_city_table(options.cities))
    if (city.state != "AK" && city.state != "HI" && city.state != "PR")
      cities.push_back(std::move(city));
  std::stable_sort(cities.begin(), cities.end(),
                   [](const auto& a, const auto& b) { return a.population > b.population; });
  const Json vehicles = Json::parse(mm::network::read_text_file(options.vehicles));
  const mm::geo::LaneRules rules = mm::geo::read_lane_rules_file(options.rules);
  const Json rules_json = Json::parse(mm::network::read_text_file(options.rules));

  std::cout
      << "| facilities | origins | air hubs | sort centers | delivery stations | lanes | "
         "lane generation s | lanes → instance s |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  std::vector<std::vector<std::pair<double, std::size_t>>> per_rule;
  std::vector<int> sizes;
  for (int size : options.sizes) {
    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(size), cities.size());
    if (n < 4) throw mm::network::InputError("need at least 4 facilities");
    const Json root = instance_json(cities, n, vehicles.at("vehicle_types"));
    const mm::network::Instance instance = mm::network::parse_instance(root.dump(), "benchmark");
    std::size_t count[4] = {0, 0, 0, 0};
    for (const auto& f : instance.facilities()) ++count[static_cast<int>(f.kind)];
    const auto [seconds, lanes] = time_rules(rules, instance, options.repeat);
    const double assembly = time_instance(root, instance, mm::geo::generate_lanes(rules, instance));
    std::cout << "| " << n << " | " << count[0] << " | " << count[2] << " | " << count[1] << " | "
              << count[3] << " | " << lanes << " | " << std::fixed << std::setprecision(3)
              << seconds << " | " << assembly << " |\n"
              << std::flush;
    sizes.push_back(static_cast<int>(n));
    per_rule.emplace_back();
    for (std::size_t r = 0; r < rules.rules.size(); ++r) {
      mm::geo::LaneRules one{rules.source, {rules.rules[r]}};
      per_rule.back().push_back(time_rules(one, instance, options.repeat));
    }
  }
  std::cout << "\nEach rule alone (lanes, seconds):\n\n| rule |";
  for (int n : sizes) std::cout << " " << n << " facilities |";
  std::cout << "\n|---|";
  for (std::size_t i = 0; i < sizes.size(); ++i) std::cout << "---:|";
  std::cout << "\n";
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    std::cout << "| `" << rule_summary(rules_json.at("rules").at(r)) << "` |";
    for (const auto& row : per_rule)
      std::cout << " " << row[r].second << ", " << std::fixed << std::setprecision(3)
                << row[r].first << " |";
    std::cout << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_arguments(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
