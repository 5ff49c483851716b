// Shared by the simulation tests: a three-facility network small enough to check every number
// by hand, and plans written by hand for it (routes and vehicles given; loads, fill, cost and
// KPIs filled in by engine::assemble_plan; every plan checked by the referee in the tests).
//
// O (origin) → S (sort center, handling 60 min, 0.1 per package) → D (delivery station).
// Lanes: O>S departs 60, transit 120, 100 per trip; S>D departs 300 and 600, transit 120,
// 200 per trip. Trucks hold 100 m³ and 10,000 kg. Packages are 0.05 m³ and 1 kg each, so a
// truck holds 2,000 packages. Unserved penalty 50 per package (late: 25 by default).
#pragma once

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/ten_solution.h"
#include "network/instance.h"
#include "network/instance_json.h"
#include "network/plan.h"
#include "network/time_expanded_network.h"

namespace mm::simulation_test {

// `sort_capacity` (packages per hour at S, 0 = none); demands as JSON items.
inline std::string hand_instance_json(double sort_capacity, const std::string& demands) {
  const std::string capacity =
      sort_capacity > 0 ? ", \"sort_capacity_per_hour\": " + std::to_string(sort_capacity) : "";
  return R"({"format": "middlemile-instance/1", "name": "hand", "horizon_minutes": 1440,
    "unserved_penalty_per_package": 50,
    "vehicle_types": [{"id": "truck", "mode": "truck",
       "capacity": {"cube_m3": 100, "weight_kg": 10000}, "cost_per_trip": 0, "speed_kmh": 60}],
    "facilities": [
      {"id": "O", "kind": "origin", "lon": 0, "lat": 0},
      {"id": "S", "kind": "sort_center", "lon": 1, "lat": 0, "handling_minutes": 60,
       "handling_cost_per_package": 0.1)" +
         capacity + R"(},
      {"id": "D", "kind": "delivery_station", "lon": 2, "lat": 0}],
    "lanes": [
      {"id": "OS", "from": "O", "to": "S", "vehicle_type": "truck", "distance_km": 100,
       "transit_minutes": 120, "departures": [60], "cost_per_trip": 100},
      {"id": "SD", "from": "S", "to": "D", "vehicle_type": "truck", "distance_km": 100,
       "transit_minutes": 120, "departures": [300, 600], "cost_per_trip": 200}],
    "demand": [)" +
         demands + "]}";
}

// A demand O → D of `packages` packages (0.05 m³, 1 kg each), ready at 0.
inline std::string hand_demand(const std::string& id, double packages, int due,
                               const std::string& origin = "O") {
  return R"({"id": ")" + id + R"(", "origin": ")" + origin +
         R"(", "destination": "D", "packages": )" + std::to_string(packages) +
         ", \"cube_m3\": " + std::to_string(0.05 * packages) +
         ", \"weight_kg\": " + std::to_string(packages) + R"(, "ready_minute": 0, "due_minute": )" +
         std::to_string(due) + "}";
}

struct HandDeparture {
  std::string lane;
  int minute = 0;
  int vehicles = 0;
};

struct HandRoute {
  std::string demand;
  double share = 0.0;                             // of the demand's packages
  std::vector<std::pair<std::string, int>> legs;  // (lane, departure minute)
};

inline network::Plan hand_plan(const network::Instance& instance,
                               const std::vector<HandDeparture>& departures,
                               const std::vector<HandRoute>& routes) {
  const network::TimeExpandedNetwork ten(instance);
  const auto arc = [&](const std::string& lane, int minute) {
    for (const std::size_t a : ten.arcs_of_lane(*instance.lane_index(lane)))
      if (ten.dispatch(a).departure_minute == minute) return a;
    throw std::logic_error("no such departure");
  };
  engine::TenSolution solution;
  solution.vehicles.assign(ten.dispatch_count(), 0);
  for (const HandDeparture& d : departures) solution.vehicles[arc(d.lane, d.minute)] = d.vehicles;
  for (const HandRoute& r : routes) {
    engine::PathFlow path;
    path.demand = *instance.demand_index(r.demand);
    path.fraction = r.share;
    for (const auto& [lane, minute] : r.legs) path.arcs.push_back(arc(lane, minute));
    solution.paths.push_back(path);
  }
  return engine::assemble_plan(instance, ten, solution, 0.0,
                               [](std::size_t) { return std::string("not planned"); });
}

}  // namespace mm::simulation_test
