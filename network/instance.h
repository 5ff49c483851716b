// The middlemile-instance/1 model: facilities, vehicle types, lanes and demand (FORMAT.md).
//
// An Instance is immutable and valid by construction. It is built in one of two ways, and both
// check every rule of the format, reporting every problem at once with its JSON path:
// `parse_instance` / `read_instance_file` (network/instance_json.h) read a file, resolve ids to
// dense indices and derive the optional values (network/derived_values.h) exactly once;
// `Instance::create` takes resolved data built in code (a variant of another instance, a
// generated sample) and checks it (network/instance_rules.h). Code downstream indexes vectors;
// it never looks up strings.
//
// Units: minutes from the start of the horizon (int), km, m³, kg, packages, one currency.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mm::network {

enum class FacilityKind { origin, sort_center, air_hub, delivery_station };
enum class Mode { truck, air };
// How a vehicle type's trips go together (FORMAT.md, "Vehicle balance"): `none`, one-way trips;
// `cyclic`, a schedule repeating every cycle_minutes in which vehicles come back.
enum class Balance { none, cyclic };

const char* to_string(FacilityKind kind);
const char* to_string(Mode mode);
const char* to_string(Balance balance);

// Cube and weight: the two dimensions every capacity and load is measured in.
struct Capacity {
  double cube_m3 = 0.0;
  double weight_kg = 0.0;
};

struct VehicleType {
  std::string id;
  Mode mode = Mode::truck;
  Capacity capacity;
  double cost_per_trip = 0.0;
  double cost_per_km = 0.0;
  double speed_kmh = 0.0;
  double circuity = 1.0;
  // none: vehicles en route at any minute; cyclic: vehicles owned (en route and parked). None =
  // unlimited.
  std::optional<int> fleet;
  Balance balance = Balance::none;
  // Cyclic types only (the rules refuse them otherwise):
  int turn_minutes = 0;                     // from arrival until the vehicle may leave again
  double cost_per_vehicle = 0.0;            // ownership, per vehicle per cycle
  std::optional<double> empty_cost_per_km;  // none = cost_per_km (derived_values.h)
  double empty_cost_per_trip = 0.0;
};

struct Facility {
  std::string id;
  FacilityKind kind = FacilityKind::origin;
  double lon = 0.0;
  double lat = 0.0;
  int handling_minutes = 0;
  std::optional<double> sort_capacity_per_hour;  // packages leaving per clock hour
  double handling_cost_per_package = 0.0;        // paid by every package leaving the facility
  // A group of facilities whose demand rises and falls together (simulation, docs/SIMULATION.md);
  // none = the facility is a region of its own.
  std::optional<std::string> region;
};

struct Lane {
  std::string id;
  std::size_t from = 0;          // facility index
  std::size_t to = 0;            // facility index
  std::size_t vehicle_type = 0;  // vehicle type index
  double distance_km = 0.0;
  int transit_minutes = 0;
  std::vector<int> departures;  // sorted, distinct, each in [0, horizon)
  std::optional<int> max_vehicles_per_departure;
  double cost_per_trip = 0.0;     // per vehicle per departure
  double cost_per_package = 0.0;  // per package carried
};

struct Demand {
  std::string id;
  std::size_t origin = 0;       // facility index
  std::size_t destination = 0;  // facility index
  double packages = 0.0;
  double cube_m3 = 0.0;
  double weight_kg = 0.0;
  int ready_minute = 0;
  int due_minute = 0;
  // How uncertain `packages` is (simulation and quantile plans, docs/SIMULATION.md): a
  // coefficient of variation, or the 10% and 90% quantiles (then p10 <= packages <= p90). At
  // most one of the two forms; none = the command's --demand-cv applies.
  std::optional<double> packages_cv;
  std::optional<double> packages_p10;
  std::optional<double> packages_p90;
};

// The raw parts of an instance, ids resolved to indices and optional values derived. Anything
// may fill one; only Instance::create turns it into an Instance, after checking it.
struct InstanceData {
  std::string name;
  int horizon_minutes = 0;
  int time_step_minutes = 30;
  double unserved_penalty_per_package = 0.0;
  std::vector<VehicleType> vehicle_types;
  std::vector<Facility> facilities;
  std::vector<Lane> lanes;
  std::vector<Demand> demand;
  std::string loading_json;  // the optional "loading" section as JSON text, or empty
  // The period of cyclic vehicle types' schedules; none = the horizon. (Last, so that data
  // built positionally before vehicle balance still builds.)
  std::optional<int> cycle_minutes;
};

class Instance {
 public:
  // Checks `data` against every rule of the format and builds the id indexes; throws
  // ValidationError(source, every problem) when it breaks any.
  static Instance create(InstanceData data, const std::string& source);

  const std::string& name() const { return data_.name; }
  int horizon_minutes() const { return data_.horizon_minutes; }
  int time_step_minutes() const { return data_.time_step_minutes; }
  int cycle_minutes() const { return data_.cycle_minutes.value_or(data_.horizon_minutes); }
  // Whether any vehicle type is cyclic.
  bool has_cyclic_types() const;
  double unserved_penalty_per_package() const { return data_.unserved_penalty_per_package; }

  const std::vector<VehicleType>& vehicle_types() const { return data_.vehicle_types; }
  const std::vector<Facility>& facilities() const { return data_.facilities; }
  const std::vector<Lane>& lanes() const { return data_.lanes; }
  const std::vector<Demand>& demand() const { return data_.demand; }
  // The optional container configuration ("loading" section, docs/LOADING.md), as JSON text;
  // empty when the instance has none.
  const std::string& loading_json() const { return data_.loading_json; }

  // All of it, for code that derives a variant (a departure removed): copy, change, and
  // Instance::create the variant.
  const InstanceData& data() const { return data_; }

  const VehicleType& vehicle_type_of(const Lane& lane) const {
    return data_.vehicle_types[lane.vehicle_type];
  }

  // Index lookups by id; std::nullopt when absent.
  std::optional<std::size_t> facility_index(const std::string& id) const;
  std::optional<std::size_t> lane_index(const std::string& id) const;
  std::optional<std::size_t> demand_index(const std::string& id) const;
  std::optional<std::size_t> vehicle_type_index(const std::string& id) const;

 private:
  explicit Instance(InstanceData data);

  InstanceData data_;
  std::unordered_map<std::string, std::size_t> facility_by_id_;
  std::unordered_map<std::string, std::size_t> lane_by_id_;
  std::unordered_map<std::string, std::size_t> demand_by_id_;
  std::unordered_map<std::string, std::size_t> vehicle_type_by_id_;
};

}  // namespace mm::network
