#include "network/instance_rules.h"

#include <cmath>
#include <set>

#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/number_text.h"

namespace mm::network {

namespace {

class Checker {
 public:
  std::vector<std::string> problems;

  void add(const std::string& path, const std::string& message) {
    problems.push_back(path + ": " + message);
  }

  // A finite number within `bound` (json_fields.h's bounds, so the words are the reader's).
  void number(const std::string& path, double value, const Bound& bound) {
    if (!std::isfinite(value))
      add(path, "must be finite (got " + number_text(value, 15) + ")");
    else if (!bound.holds(value))
      add(path, bound.describe() + " (got " + number_text(value, 15) + ")");
    else if (!bound.within_limit(value))
      add(path, "must be at most " + bound.limit_text + " (got " + number_text(value, 15) + ")");
  }

  void index(const std::string& path, std::size_t value, std::size_t size, const char* list) {
    if (value >= size)
      add(path, "index " + std::to_string(value) + " is not in " + list + " (" +
                    std::to_string(size) + " items)");
  }

  // Two facility references of one item (a lane's ends, a demand's origin and destination):
  // both facilities, and different.
  void ends(const std::string& path, const char* first_key, std::size_t first,
            const char* second_key, std::size_t second, std::size_t facilities) {
    index(path + "." + first_key, first, facilities, "facilities");
    index(path + "." + second_key, second, facilities, "facilities");
    if (first == second)
      add(path + "." + second_key, std::string("must differ from \"") + first_key + "\"");
  }

  template <typename T>
  void ids(const std::vector<T>& items, const char* list) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string path = json_member_path(json_element_path(list, i), "id");
      if (items[i].id.empty())
        add(path, "must not be empty");
      else if (!seen.insert(items[i].id).second)
        add(path, "duplicate id " + in_quotes(items[i].id));
    }
  }
};

constexpr double kMaxPackagesCv = 10.0;

}  // namespace

Bound packages_cv_bound() {
  return Bound::non_negative().capped(kMaxPackagesCv, number_text(kMaxPackagesCv, 15));
}

std::vector<std::string> demand_spread_problems(const Demand& d, const std::string& path) {
  Checker check;
  const std::string p10_path = json_member_path(path, "packages_p10");
  if (d.packages_p10.has_value() != d.packages_p90.has_value()) {
    check.add(path, std::string("packages_p10 and packages_p90 go together (missing ") +
                        in_quotes(d.packages_p10 ? "packages_p90" : "packages_p10") + ")");
    return check.problems;
  }
  if (!d.packages_p10) return check.problems;
  const double p10 = *d.packages_p10;
  const double p90 = *d.packages_p90;
  if (d.packages_cv)
    check.add(json_member_path(path, "packages_cv"),
              "give packages_cv or packages_p10 and packages_p90, not both");
  if (p10 > p90) {
    check.add(p10_path, "must be <= packages_p90 " + number_text(p90, 15) + " (got " +
                            number_text(p10, 15) + ")");
    return check.problems;
  }
  if (d.packages > 0 && p10 > d.packages)
    check.add(p10_path, "must be <= packages " + number_text(d.packages, 15) + " (got " +
                            number_text(p10, 15) + ")");
  if (d.packages > 0 && p90 < d.packages)
    check.add(json_member_path(path, "packages_p90"), "must be >= packages " +
                                                          number_text(d.packages, 15) + " (got " +
                                                          number_text(p90, 15) + ")");
  return check.problems;
}

std::vector<std::string> instance_problems(const InstanceData& data) {
  Checker check;
  const Bound positive = Bound::positive().amount();
  const Bound non_negative = Bound::non_negative().amount();
  const Bound minutes = Bound::non_negative().minutes();
  check.number("horizon_minutes", data.horizon_minutes, Bound::positive().minutes());
  check.number("time_step_minutes", data.time_step_minutes, Bound::positive().minutes());
  check.number("unserved_penalty_per_package", data.unserved_penalty_per_package, non_negative);
  if (data.cycle_minutes)
    check.number("cycle_minutes", *data.cycle_minutes, Bound::positive().minutes());

  check.ids(data.vehicle_types, "vehicle_types");
  for (std::size_t i = 0; i < data.vehicle_types.size(); ++i) {
    const VehicleType& v = data.vehicle_types[i];
    const std::string path = json_element_path("vehicle_types", i);
    check.number(path + ".capacity.cube_m3", v.capacity.cube_m3, positive);
    check.number(path + ".capacity.weight_kg", v.capacity.weight_kg, positive);
    check.number(path + ".cost_per_trip", v.cost_per_trip, non_negative);
    check.number(path + ".cost_per_km", v.cost_per_km, non_negative);
    check.number(path + ".speed_kmh", v.speed_kmh, positive);
    check.number(path + ".circuity", v.circuity, positive);
    if (v.fleet) check.number(path + ".fleet", *v.fleet, Bound::at_least_one());
    check.number(path + ".turn_minutes", v.turn_minutes, minutes);
    check.number(path + ".cost_per_vehicle", v.cost_per_vehicle, non_negative);
    if (v.empty_cost_per_km)
      check.number(path + ".empty_cost_per_km", *v.empty_cost_per_km, non_negative);
    check.number(path + ".empty_cost_per_trip", v.empty_cost_per_trip, non_negative);
    // The fields of vehicle balance mean nothing for one-way trips: say so, not ignore them.
    if (v.balance == Balance::none) {
      const std::pair<const char*, bool> cyclic_only[] = {
          {"turn_minutes", v.turn_minutes != 0},
          {"cost_per_vehicle", v.cost_per_vehicle != 0.0},
          {"empty_cost_per_km", v.empty_cost_per_km.has_value()},
          {"empty_cost_per_trip", v.empty_cost_per_trip != 0.0}};
      for (const auto& [key, given] : cyclic_only)
        if (given)
          check.add(path + "." + key, "only a vehicle type with balance \"cyclic\" has it");
    }
  }

  check.ids(data.facilities, "facilities");
  for (std::size_t i = 0; i < data.facilities.size(); ++i) {
    const Facility& f = data.facilities[i];
    const std::string path = json_element_path("facilities", i);
    check.number(path + ".lon", f.lon, Bound::between(-180, 180));
    check.number(path + ".lat", f.lat, Bound::between(-90, 90));
    check.number(path + ".handling_minutes", f.handling_minutes, minutes);
    if (f.sort_capacity_per_hour)
      check.number(path + ".sort_capacity_per_hour", *f.sort_capacity_per_hour, positive);
    check.number(path + ".handling_cost_per_package", f.handling_cost_per_package, non_negative);
    if (f.region && f.region->empty()) check.add(path + ".region", "must not be empty");
  }

  check.ids(data.lanes, "lanes");
  for (std::size_t i = 0; i < data.lanes.size(); ++i) {
    const Lane& l = data.lanes[i];
    const std::string path = json_element_path("lanes", i);
    check.ends(path, "from", l.from, "to", l.to, data.facilities.size());
    check.index(path + ".vehicle_type", l.vehicle_type, data.vehicle_types.size(), "vehicle_types");
    check.number(path + ".distance_km", l.distance_km, non_negative);
    check.number(path + ".transit_minutes", l.transit_minutes, minutes);
    for (std::size_t k = 0; k < l.departures.size(); ++k) {
      const int minute = l.departures[k];
      const std::string at = json_element_path(path + ".departures", k);
      if (minute < 0 || minute >= data.horizon_minutes)
        check.add(at, "must be in [0, " + std::to_string(data.horizon_minutes) + ") (got " +
                          std::to_string(minute) + ")");
      else if (k > 0 && minute <= l.departures[k - 1])
        check.add(at, "must be later than the departure before it, " +
                          std::to_string(l.departures[k - 1]) + " (got " + std::to_string(minute) +
                          ")");
    }
    if (l.max_vehicles_per_departure)
      check.number(path + ".max_vehicles_per_departure", *l.max_vehicles_per_departure,
                   Bound::at_least_one());
    check.number(path + ".cost_per_trip", l.cost_per_trip, non_negative);
    check.number(path + ".cost_per_package", l.cost_per_package, non_negative);
  }

  check.ids(data.demand, "demand");
  for (std::size_t i = 0; i < data.demand.size(); ++i) {
    const Demand& d = data.demand[i];
    const std::string path = json_element_path("demand", i);
    check.ends(path, "origin", d.origin, "destination", d.destination, data.facilities.size());
    check.number(path + ".packages", d.packages, positive);
    check.number(path + ".cube_m3", d.cube_m3, non_negative);
    check.number(path + ".weight_kg", d.weight_kg, non_negative);
    check.number(path + ".ready_minute", d.ready_minute, minutes);
    if (d.due_minute <= d.ready_minute)
      check.add(path + ".due_minute", "must be > ready_minute " + std::to_string(d.ready_minute) +
                                          " (got " + std::to_string(d.due_minute) + ")");
    if (d.due_minute > data.horizon_minutes)
      check.add(path + ".due_minute", "must be <= horizon_minutes " +
                                          std::to_string(data.horizon_minutes) + " (got " +
                                          std::to_string(d.due_minute) + ")");
    // How the spread goes together once its numbers are valid, as the reader checks it.
    const std::size_t before = check.problems.size();
    if (d.packages_cv) check.number(path + ".packages_cv", *d.packages_cv, packages_cv_bound());
    if (d.packages_p10) check.number(path + ".packages_p10", *d.packages_p10, positive);
    if (d.packages_p90) check.number(path + ".packages_p90", *d.packages_p90, positive);
    if (check.problems.size() == before) {
      const std::vector<std::string> spread = demand_spread_problems(d, path);
      check.problems.insert(check.problems.end(), spread.begin(), spread.end());
    }
  }

  if (!data.loading_json.empty()) {
    try {
      if (!parse_json_text(data.loading_json, "loading").value.is_object())
        check.add("loading", "must be an object");
    } catch (const std::exception& e) {
      check.add("loading", e.what());
    }
  }
  return check.problems;
}

}  // namespace mm::network
