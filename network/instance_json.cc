// Reads, validates and writes middlemile-instance/1 (FORMAT.md, "Instance").
//
// Parsing happens in two passes over the DOM. The first checks every item on its own (types,
// ranges, unknown fields) and every reference and id, collecting one message per problem and
// never stopping early, so a user fixes a file in one pass. Only when that pass found nothing
// does the second derive the optional values (distances, transit times, trip costs, default
// departures, the unserved penalty) and build the Instance.
#include "network/instance_json.h"
#include "network/text_file.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "network/derived_values.h"
#include "network/errors.h"
#include "network/instance_rules.h"
#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/memory_guard.h"
#include "network/number_text.h"

namespace mm::network {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kInstanceFormat = "middlemile-instance/1";

// First index of each id in one list; reports repeats.
class IdRegistry {
 public:
  explicit IdRegistry(std::string list) : list_(std::move(list)) {}

  // `where` is the path the message is reported at; `note` is added to the message.
  void add(const std::string& id, std::size_t index, const std::string& where,
           JsonProblems& problems, const std::string& note = "") {
    auto [it, inserted] = first_.emplace(id, index);
    if (!inserted) {
      problems.add(where, "duplicate id " + in_quotes(id) + " (" + note + "first at " +
                              json_element_path(list_, it->second) + ")");
    }
  }

  std::optional<std::size_t> find(const std::string& id) const {
    auto it = first_.find(id);
    if (it == first_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::string list_;
  std::map<std::string, std::size_t> first_;
};

// Which optional lane values the file gave; the rest are derived in the second pass.
struct LaneGiven {
  bool distance = false;
  bool transit = false;
  bool departures = false;
  bool cost_per_trip = false;
};

class InstanceReader {
 public:
  explicit InstanceReader(const std::string& source) : source_(source) {}

  InstanceData read(const Json& root) {
    if (!check_object(root, "", problems_)) return {};
    JsonFields top(root, "", problems_);
    top.format("format", kInstanceFormat);
    auto name = top.string("name", Need::optional);
    // A file name need not be UTF-8, and the name goes into JSON: replace what is not.
    data_.name = name ? *name : utf8_or_replaced(std::filesystem::path(source_).stem().string());
    horizon_ = top.integer("horizon_minutes", Need::required, Bound::positive().minutes());
    time_step_ = top.integer("time_step_minutes", Need::optional, Bound::positive().minutes());
    data_.cycle_minutes = top.integer("cycle_minutes", Need::optional, Bound::positive().minutes());
    penalty_ =
        top.number("unserved_penalty_per_package", Need::optional, Bound::non_negative().amount());
    const Json* vehicle_types = top.array("vehicle_types", Need::required);
    const Json* facilities = top.array("facilities", Need::required);
    const Json* lanes = top.array("lanes", Need::required);
    const Json* demand = top.array("demand", Need::required);
    // Optional container configuration for loading (docs/LOADING.md); the loading module
    // validates its content, so it is kept here as JSON text.
    if (const Json* loading = top.object("loading", Need::optional))
      data_.loading_json = loading->dump();
    top.report_unknown();

    // Referenced lists first, so references resolve whatever the order in the file.
    if (vehicle_types) for_each_item(*vehicle_types, "vehicle_types", &InstanceReader::vehicle);
    if (facilities) for_each_item(*facilities, "facilities", &InstanceReader::facility);
    if (lanes) for_each_item(*lanes, "lanes", &InstanceReader::lane);
    if (demand) for_each_item(*demand, "demand", &InstanceReader::demand);
    check_lane_ids();

    if (problems_.count() == 0) derive();
    return std::move(data_);
  }

  const std::vector<std::string>& problems() const { return problems_.list(); }

 private:
  using ItemReader = void (InstanceReader::*)(JsonFields&, std::size_t);

  void for_each_item(const Json& list, const char* name, ItemReader read_item) {
    for_each_object(&list, name, problems_, [&](JsonFields& fields, std::size_t i) {
      (this->*read_item)(fields, i);
      fields.report_unknown();
    });
  }

  // Reads an item's id and registers it, so references to it resolve even when the item's
  // other fields are wrong.
  std::string item_id(JsonFields& fields, std::size_t index, IdRegistry& registry) {
    auto id = fields.string("id", Need::required);
    if (!id) return {};
    registry.add(*id, index, fields.path_of("id"), problems_);
    return *id;
  }

  void vehicle(JsonFields& fields, std::size_t index) {
    VehicleType v;
    v.id = item_id(fields, index, vehicle_ids_);
    if (auto mode = fields.choice("mode", Need::required, {"truck", "air"}))
      v.mode = *mode == 0 ? Mode::truck : Mode::air;
    if (const Json* capacity = fields.object("capacity", Need::required)) {
      JsonFields cap(*capacity, fields.path_of("capacity"), problems_);
      v.capacity.cube_m3 =
          cap.number("cube_m3", Need::required, Bound::positive().amount()).value_or(0);
      v.capacity.weight_kg =
          cap.number("weight_kg", Need::required, Bound::positive().amount()).value_or(0);
      cap.report_unknown();
    }
    v.cost_per_trip =
        fields.number("cost_per_trip", Need::required, Bound::non_negative().amount()).value_or(0);
    v.cost_per_km =
        fields.number("cost_per_km", Need::optional, Bound::non_negative().amount()).value_or(0);
    v.speed_kmh =
        fields.number("speed_kmh", Need::required, Bound::positive().amount()).value_or(0);
    v.circuity =
        fields.number("circuity", Need::optional, Bound::positive().amount()).value_or(1.0);
    v.fleet = fields.integer("fleet", Need::optional, Bound::at_least_one());
    if (auto balance = fields.choice("balance", Need::optional, {"none", "cyclic"}))
      v.balance = static_cast<Balance>(*balance);
    // Whether these fit the balance is a rule of the resolved data (network/instance_rules.h).
    v.turn_minutes =
        fields.integer("turn_minutes", Need::optional, Bound::non_negative().minutes()).value_or(0);
    v.cost_per_vehicle =
        fields.number("cost_per_vehicle", Need::optional, Bound::non_negative().amount())
            .value_or(0);
    v.empty_cost_per_km =
        fields.number("empty_cost_per_km", Need::optional, Bound::non_negative().amount());
    v.empty_cost_per_trip =
        fields.number("empty_cost_per_trip", Need::optional, Bound::non_negative().amount())
            .value_or(0);
    data_.vehicle_types.push_back(std::move(v));
  }

  void facility(JsonFields& fields, std::size_t index) {
    Facility f;
    f.id = item_id(fields, index, facility_ids_);
    if (auto kind = fields.choice("kind", Need::required,
                                  {"origin", "sort_center", "air_hub", "delivery_station"}))
      f.kind = static_cast<FacilityKind>(*kind);
    f.lon = fields.number("lon", Need::required, Bound::between(-180, 180)).value_or(0);
    f.lat = fields.number("lat", Need::required, Bound::between(-90, 90)).value_or(0);
    f.handling_minutes =
        fields.integer("handling_minutes", Need::optional, Bound::non_negative().minutes())
            .value_or(0);
    f.sort_capacity_per_hour =
        fields.number("sort_capacity_per_hour", Need::optional, Bound::positive().amount());
    f.handling_cost_per_package =
        fields.number("handling_cost_per_package", Need::optional, Bound::non_negative().amount())
            .value_or(0);
    f.region = fields.string("region", Need::optional);
    data_.facilities.push_back(std::move(f));
  }

  // Resolves a facility reference; returns its index.
  std::optional<std::size_t> facility_reference(JsonFields& fields, const char* key,
                                                std::optional<std::string>* id) {
    *id = fields.string(key, Need::required);
    if (!*id) return std::nullopt;
    auto index = facility_ids_.find(**id);
    if (!index) problems_.add(fields.path_of(key), "unknown facility " + in_quotes(**id));
    return index;
  }

  void check_distinct(JsonFields& fields, const char* first_key, const char* second_key,
                      const std::optional<std::string>& first,
                      const std::optional<std::string>& second) {
    if (first && second && *first == *second)
      problems_.add(fields.path_of(second_key), "must differ from " + in_quotes(first_key) +
                                                    " (both " + in_quotes(*first) + ")");
  }

  void lane(JsonFields& fields, std::size_t) {
    Lane l;
    LaneGiven given;
    const bool has_id = fields.get("id", Need::optional) != nullptr;
    std::optional<std::string> explicit_id = fields.string("id", Need::optional);
    std::optional<std::string> from, to;
    l.from = facility_reference(fields, "from", &from).value_or(0);
    l.to = facility_reference(fields, "to", &to).value_or(0);
    check_distinct(fields, "from", "to", from, to);
    auto vehicle = fields.string("vehicle_type", Need::required);
    if (vehicle) {
      auto index = vehicle_ids_.find(*vehicle);
      if (!index)
        problems_.add(fields.path_of("vehicle_type"),
                      "unknown vehicle type " + in_quotes(*vehicle));
      l.vehicle_type = index.value_or(0);
    }
    if (auto distance =
            fields.number("distance_km", Need::optional, Bound::non_negative().amount())) {
      l.distance_km = *distance;
      given.distance = true;
    }
    if (auto transit =
            fields.integer("transit_minutes", Need::optional, Bound::non_negative().minutes())) {
      l.transit_minutes = *transit;
      given.transit = true;
    }
    if (const Json* departures = fields.array("departures", Need::optional)) {
      l.departures = departure_list(*departures, fields.path_of("departures"));
      given.departures = true;
    }
    l.max_vehicles_per_departure =
        fields.integer("max_vehicles_per_departure", Need::optional, Bound::at_least_one());
    if (auto cost =
            fields.number("cost_per_trip", Need::optional, Bound::non_negative().amount())) {
      l.cost_per_trip = *cost;
      given.cost_per_trip = true;
    }
    l.cost_per_package =
        fields.number("cost_per_package", Need::optional, Bound::non_negative().amount())
            .value_or(0);

    // The id is known when given, or when its three parts are (FORMAT.md: FROM>TO:VEHICLE).
    lane_id_paths_.push_back(fields.path_of("id"));
    lane_id_defaulted_.push_back(!has_id);
    if (explicit_id)
      l.id = *explicit_id;
    else if (!has_id && from && to && vehicle)
      l.id = default_lane_id(*from, *to, *vehicle);
    data_.lanes.push_back(std::move(l));
    lane_given_.push_back(given);
  }

  std::vector<int> departure_list(const Json& list, const std::string& path) {
    std::vector<int> minutes;
    std::map<int, std::size_t> first;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string item_path = json_element_path(path, i);
      auto minute = check_integer(list[i], item_path, Bound::none(), problems_);
      if (!minute) continue;
      if (*minute < 0 || (horizon_ && *minute >= *horizon_)) {
        std::string range = horizon_ ? "[0, " + std::to_string(*horizon_) + ")" : "[0, horizon)";
        problems_.add(item_path, "must be in " + range + " (got " + list[i].dump() + ")");
        continue;
      }
      auto [it, inserted] = first.emplace(*minute, i);
      if (!inserted) {
        problems_.add(item_path, "duplicate departure " + std::to_string(*minute) + " (first at " +
                                     json_element_path(path, it->second) + ")");
        continue;
      }
      minutes.push_back(*minute);
    }
    std::sort(minutes.begin(), minutes.end());
    return minutes;
  }

  void demand(JsonFields& fields, std::size_t index) {
    Demand d;
    d.id = item_id(fields, index, demand_ids_);
    std::optional<std::string> origin, destination;
    d.origin = facility_reference(fields, "origin", &origin).value_or(0);
    d.destination = facility_reference(fields, "destination", &destination).value_or(0);
    check_distinct(fields, "origin", "destination", origin, destination);
    d.packages = fields.number("packages", Need::required, Bound::positive().amount()).value_or(0);
    d.cube_m3 =
        fields.number("cube_m3", Need::required, Bound::non_negative().amount()).value_or(0);
    d.weight_kg =
        fields.number("weight_kg", Need::required, Bound::non_negative().amount()).value_or(0);
    auto ready = fields.integer("ready_minute", Need::required, Bound::non_negative().minutes());
    auto due = fields.integer("due_minute", Need::required, Bound::non_negative().minutes());
    if (ready && due && *due <= *ready) {
      problems_.add(fields.path_of("due_minute"), "must be > ready_minute " +
                                                      std::to_string(*ready) + " (got " +
                                                      std::to_string(*due) + ")");
    }
    if (due && horizon_ && *due > *horizon_) {
      problems_.add(fields.path_of("due_minute"), "must be <= horizon_minutes " +
                                                      std::to_string(*horizon_) + " (got " +
                                                      std::to_string(*due) + ")");
    }
    d.ready_minute = ready.value_or(0);
    d.due_minute = due.value_or(0);
    demand_spread(fields, d);
    data_.demand.push_back(std::move(d));
  }

  // The optional uncertainty of a demand's packages (docs/SIMULATION.md); how the three fields
  // go together is checked once they are valid numbers (network/instance_rules.h).
  void demand_spread(JsonFields& fields, Demand& d) {
    const std::size_t before = problems_.count();
    d.packages_cv = fields.number("packages_cv", Need::optional, packages_cv_bound());
    d.packages_p10 = fields.number("packages_p10", Need::optional, Bound::positive().amount());
    d.packages_p90 = fields.number("packages_p90", Need::optional, Bound::positive().amount());
    if (problems_.count() == before) problems_.add_all(demand_spread_problems(d, fields.path()));
  }

  // Lane ids, explicit or default, are unique together; a default id that repeats another
  // lane's id is reported at the lane (it has no "id" field to point at).
  void check_lane_ids() {
    IdRegistry lane_ids("lanes");
    for (std::size_t i = 0; i < data_.lanes.size(); ++i) {
      const std::string& id = data_.lanes[i].id;
      if (id.empty()) continue;
      if (lane_id_defaulted_[i]) {
        lane_ids.add(id, i, json_element_path("lanes", i), problems_, "default id; ");
      } else {
        lane_ids.add(id, i, lane_id_paths_[i], problems_);
      }
    }
  }

  void derive() {
    data_.horizon_minutes = *horizon_;
    data_.time_step_minutes = time_step_.value_or(kDefaultTimeStepMinutes);
    // Lanes without departures get every time step of the horizon.
    const std::uint64_t steps =
        (static_cast<std::uint64_t>(data_.horizon_minutes) + data_.time_step_minutes - 1) /
        data_.time_step_minutes;
    InstanceShape shape;
    shape.facilities = data_.facilities.size();
    shape.demands = data_.demand.size();
    shape.time_step_minutes = data_.time_step_minutes;
    for (std::size_t i = 0; i < data_.lanes.size(); ++i) {
      Lane& lane = data_.lanes[i];
      const LaneGiven& given = lane_given_[i];
      const VehicleType& vehicle = data_.vehicle_types[lane.vehicle_type];
      std::string path = json_element_path("lanes", i);
      if (!given.distance) {
        lane.distance_km =
            derived_distance_km(data_.facilities[lane.from], data_.facilities[lane.to], vehicle);
        if (!(lane.distance_km <= kMaxAmount))
          problems_.add(path, "derived distance_km " + number_text(lane.distance_km, 15) +
                                  " is more than " + kMaxAmountText + " (geodesic km × circuity)");
      }
      if (!given.transit) {
        const double rounded = derived_transit_minutes(lane.distance_km, vehicle.speed_kmh);
        if (!(rounded <= kMaxMinutes)) {
          problems_.add(path, "derived transit_minutes " + number_text(rounded, 15) +
                                  " is more than " + std::to_string(kMaxMinutes) +
                                  " (distance_km / speed_kmh)");
        } else {
          lane.transit_minutes = static_cast<int>(rounded);
        }
      }
      if (!given.cost_per_trip) {
        lane.cost_per_trip = derived_trip_cost(vehicle, lane.distance_km);
        if (!(lane.cost_per_trip <= kMaxAmount))
          problems_.add(path, "derived cost_per_trip " + number_text(lane.cost_per_trip, 15) +
                                  " is more than " + kMaxAmountText +
                                  " (cost_per_trip + cost_per_km × distance_km)");
      }
      shape.lanes.push_back({given.departures ? lane.departures.size() : steps,
                             lane.transit_minutes, vehicle.fleet.has_value()});
    }
    if (problems_.count() != 0) return;
    // Before the default departures are materialized: an instance far beyond memory fails here,
    // naming its size, rather than in an allocation (network/memory_guard.h).
    require_memory(estimate_planning_memory(shape), available_memory_bytes(),
                   source_ + ": instance");
    std::vector<int> every_step;
    every_step.reserve(steps);
    for (std::uint64_t s = 0; s < steps; ++s)
      every_step.push_back(static_cast<int>(s * data_.time_step_minutes));
    for (std::size_t i = 0; i < data_.lanes.size(); ++i)
      if (!lane_given_[i].departures) data_.lanes[i].departures = every_step;
    data_.unserved_penalty_per_package =
        penalty_ ? *penalty_ : default_unserved_penalty(data_.vehicle_types, data_.lanes);
  }

  std::string source_;
  JsonProblems problems_;
  InstanceData data_;
  std::optional<int> horizon_;
  std::optional<int> time_step_;
  std::optional<double> penalty_;
  IdRegistry vehicle_ids_{"vehicle_types"};
  IdRegistry facility_ids_{"facilities"};
  IdRegistry demand_ids_{"demand"};
  std::vector<LaneGiven> lane_given_;
  std::vector<std::string> lane_id_paths_;
  std::vector<bool> lane_id_defaulted_;
};

// --- writing -------------------------------------------------------------------------------

Json vehicle_json(const VehicleType& v) {
  Json j;
  j["id"] = v.id;
  j["mode"] = to_string(v.mode);
  j["capacity"] = {{"cube_m3", v.capacity.cube_m3}, {"weight_kg", v.capacity.weight_kg}};
  j["cost_per_trip"] = v.cost_per_trip;
  j["cost_per_km"] = v.cost_per_km;
  j["speed_kmh"] = v.speed_kmh;
  j["circuity"] = v.circuity;
  if (v.fleet) j["fleet"] = *v.fleet;
  if (v.balance == Balance::cyclic) {
    j["balance"] = to_string(v.balance);
    j["turn_minutes"] = v.turn_minutes;
    j["cost_per_vehicle"] = v.cost_per_vehicle;
    if (v.empty_cost_per_km) j["empty_cost_per_km"] = *v.empty_cost_per_km;
    j["empty_cost_per_trip"] = v.empty_cost_per_trip;
  }
  return j;
}

Json facility_json(const Facility& f) {
  Json j;
  j["id"] = f.id;
  j["kind"] = to_string(f.kind);
  j["lon"] = f.lon;
  j["lat"] = f.lat;
  j["handling_minutes"] = f.handling_minutes;
  if (f.sort_capacity_per_hour) j["sort_capacity_per_hour"] = *f.sort_capacity_per_hour;
  j["handling_cost_per_package"] = f.handling_cost_per_package;
  if (f.region) j["region"] = *f.region;
  return j;
}

Json lane_json(const Instance& instance, const Lane& l) {
  Json j;
  j["id"] = l.id;
  j["from"] = instance.facilities()[l.from].id;
  j["to"] = instance.facilities()[l.to].id;
  j["vehicle_type"] = instance.vehicle_types()[l.vehicle_type].id;
  j["distance_km"] = l.distance_km;
  j["transit_minutes"] = l.transit_minutes;
  j["departures"] = l.departures;
  if (l.max_vehicles_per_departure) j["max_vehicles_per_departure"] = *l.max_vehicles_per_departure;
  j["cost_per_trip"] = l.cost_per_trip;
  j["cost_per_package"] = l.cost_per_package;
  return j;
}

Json demand_json(const Instance& instance, const Demand& d) {
  Json j;
  j["id"] = d.id;
  j["origin"] = instance.facilities()[d.origin].id;
  j["destination"] = instance.facilities()[d.destination].id;
  j["packages"] = d.packages;
  j["cube_m3"] = d.cube_m3;
  j["weight_kg"] = d.weight_kg;
  j["ready_minute"] = d.ready_minute;
  j["due_minute"] = d.due_minute;
  if (d.packages_cv) j["packages_cv"] = *d.packages_cv;
  if (d.packages_p10) j["packages_p10"] = *d.packages_p10;
  if (d.packages_p90) j["packages_p90"] = *d.packages_p90;
  return j;
}

// One list item per line: diffs of instance files stay readable.
template <typename T, typename ToJson>
void write_list(std::ostream& out, const char* key, const std::vector<T>& items, ToJson to_json,
                bool last) {
  out << "  " << in_quotes(key) << ": [";
  for (std::size_t i = 0; i < items.size(); ++i)
    out << (i == 0 ? "\n    " : ",\n    ") << to_json(items[i]).dump();
  out << (items.empty() ? "]" : "\n  ]") << (last ? "\n" : ",\n");
}

}  // namespace

Instance parse_instance(const std::string& json_text, const std::string& source) {
  JsonText text = parse_json_text(json_text, source);
  InstanceReader reader(source);
  InstanceData data = reader.read(text.value);
  if (!text.duplicate_fields.empty() || !reader.problems().empty()) {
    std::vector<std::string> problems = std::move(text.duplicate_fields);
    problems.insert(problems.end(), reader.problems().begin(), reader.problems().end());
    throw ValidationError(source, std::move(problems));
  }
  return Instance::create(std::move(data), source);
}

Instance read_instance_file(const std::string& path) {
  return parse_instance(read_text_file(path), path);
}

std::string write_instance_json(const Instance& instance) {
  std::ostringstream out;
  out << "{\n";
  out << "  \"format\": " << in_quotes(kInstanceFormat) << ",\n";
  out << "  \"name\": " << in_quotes(instance.name()) << ",\n";
  out << "  \"horizon_minutes\": " << instance.horizon_minutes() << ",\n";
  out << "  \"time_step_minutes\": " << instance.time_step_minutes() << ",\n";
  if (instance.data().cycle_minutes)
    out << "  \"cycle_minutes\": " << *instance.data().cycle_minutes << ",\n";
  out << "  \"unserved_penalty_per_package\": " << Json(instance.unserved_penalty_per_package())
      << ",\n";
  write_list(out, "vehicle_types", instance.vehicle_types(), vehicle_json, false);
  write_list(out, "facilities", instance.facilities(), facility_json, false);
  write_list(
      out, "lanes", instance.lanes(), [&](const Lane& l) { return lane_json(instance, l); }, false);
  const bool has_loading = !instance.loading_json().empty();
  write_list(
      out, "demand", instance.demand(), [&](const Demand& d) { return demand_json(instance, d); },
      !has_loading);
  if (has_loading) out << "  \"loading\": " << instance.loading_json() << "\n";
  out << "}\n";
  return out.str();
}

}  // namespace mm::network
