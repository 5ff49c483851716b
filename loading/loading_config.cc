#include "loading/loading_config.h"
#include "network/text_file.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "network/errors.h"
#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/number_text.h"

namespace mm::loading {

namespace {

using network::in_quotes;

using Json = nlohmann::ordered_json;
using network::Bound;
using network::json_element_path;
using network::json_member_path;
using network::JsonFields;
using network::JsonProblems;
using network::Need;
using network::number_text;

constexpr const char* kFormat = "middlemile-loading/1";
// Counts (positions, containers per exact model) are at most this.
constexpr double kMaxCount = 1000000;

// The share of a vehicle's cube that rectangular containers can occupy (door clearance, wheel
// wells, the gap above a double stack or under a contoured fuselage).
constexpr double kTruckStowage = 0.78;
constexpr double kAirStowage = 0.80;

}  // namespace

const std::vector<ContainerType>& builtin_container_types() {
  // A gaylord: a 1.2 m × 1.0 m × 1.25 m corrugated box on a pallet; a ULD: a contoured main-deck
  // pallet (PMC/PAG class) of about 10 m³.
  static const std::vector<ContainerType> types = {
      {"gaylord", 1.5, 450.0, 30.0, 1},
      {"uld", 10.0, 4500.0, 110.0, 1},
  };
  return types;
}

VehicleLoadingSpec default_vehicle_loading(const network::VehicleType& vehicle_type) {
  const bool air = vehicle_type.mode == network::Mode::air;
  const ContainerType& container = builtin_container_types()[air ? 1 : 0];
  const double stowage = air ? kAirStowage : kTruckStowage;
  VehicleLoadingSpec spec;
  spec.vehicle_type = vehicle_type.id;
  spec.mode = vehicle_type.mode;
  spec.capacity = vehicle_type.capacity;
  // The small epsilon keeps 0.78 × 100 / 1.5 = 52 from flooring to 51 in binary arithmetic.
  const double positions =
      std::floor(stowage * vehicle_type.capacity.cube_m3 / container.cube_m3 + 1e-9);
  spec.positions = static_cast<int>(std::max(1.0, std::min(positions, 1e6)));
  spec.containers = {container};
  return spec;
}

LoadingConfig parse_loading_config(const std::string& json_text, const std::string& source) {
  const network::JsonText parsed = network::parse_json_text(json_text, source);
  JsonProblems problems;
  problems.add_all(parsed.duplicate_fields);
  LoadingConfig config;
  config.source = source;
  if (!network::check_object(parsed.value, "", problems)) problems.throw_if_any(source);
  JsonFields root(parsed.value, "", problems);
  root.format("format", kFormat);

  std::set<std::string> container_ids;
  for (const ContainerType& builtin : builtin_container_types()) container_ids.insert(builtin.id);
  std::set<std::string> seen_containers;
  const Json* containers = root.array("container_types", Need::optional);
  network::for_each_object(
      containers, "container_types", problems, [&](JsonFields& item, std::size_t) {
        ContainerType type;
        type.id = item.string("id", Need::required).value_or("");
        type.cube_m3 =
            item.number("cube_m3", Need::required, Bound::positive().amount()).value_or(1.0);
        type.max_weight_kg =
            item.number("max_weight_kg", Need::required, Bound::positive().amount()).value_or(1.0);
        type.tare_kg =
            item.number("tare_kg", Need::optional, Bound::non_negative().amount()).value_or(0.0);
        type.positions =
            item.integer("positions", Need::optional, Bound::between(1, kMaxCount)).value_or(1);
        if (!type.id.empty() && !seen_containers.insert(type.id).second)
          problems.add(item.path_of("id"), "duplicate container type " + in_quotes(type.id));
        container_ids.insert(type.id);
        config.container_types.push_back(type);
        item.report_unknown();
      });

  std::set<std::string> seen_vehicles;
  const Json* vehicles = root.array("vehicle_types", Need::optional);
  network::for_each_object(vehicles, "vehicle_types", problems, [&](JsonFields& item, std::size_t) {
    VehicleLoading vehicle;
    vehicle.vehicle_type = item.string("vehicle_type", Need::required).value_or("");
    vehicle.positions =
        item.integer("positions", Need::required, Bound::between(1, kMaxCount)).value_or(1);
    if (!vehicle.vehicle_type.empty() && !seen_vehicles.insert(vehicle.vehicle_type).second)
      problems.add(item.path_of("vehicle_type"),
                   "duplicate vehicle type " + in_quotes(vehicle.vehicle_type));
    if (const Json* ids = item.non_empty_array("container_types", Need::required)) {
      for (std::size_t j = 0; j < ids->size(); ++j) {
        const std::string id_path = json_element_path(item.path_of("container_types"), j);
        const auto id = network::check_string((*ids)[j], id_path, problems);
        if (!id) continue;
        if (!container_ids.count(*id))
          problems.add(id_path, "unknown container type " + in_quotes(*id));
        vehicle.container_types.push_back(*id);
      }
    }
    config.vehicle_types.push_back(vehicle);
    item.report_unknown();
  });

  if (const Json* exact = root.object("exact", Need::optional)) {
    JsonFields fields(*exact, "exact", problems);
    config.exact_max_containers = static_cast<std::size_t>(
        fields.integer("max_containers", Need::optional, Bound::between(0, kMaxCount))
            .value_or(static_cast<int>(config.exact_max_containers)));
    config.exact_time_limit_seconds =
        fields.number("time_limit_seconds", Need::optional, Bound::positive().amount())
            .value_or(config.exact_time_limit_seconds);
    fields.report_unknown();
  }
  root.report_unknown();
  problems.throw_if_any(source);
  return config;
}

LoadingConfig read_loading_config_file(const std::string& path) {
  return parse_loading_config(network::read_text_file(path), path);
}

std::vector<VehicleLoadingSpec> resolve_loading(const network::Instance& instance,
                                                const LoadingConfig& config) {
  std::map<std::string, ContainerType> containers;
  for (const ContainerType& type : builtin_container_types()) containers[type.id] = type;
  for (const ContainerType& type : config.container_types) containers[type.id] = type;

  std::vector<std::string> problems;
  std::vector<VehicleLoadingSpec> specs;
  for (const network::VehicleType& vt : instance.vehicle_types())
    specs.push_back(default_vehicle_loading(vt));
  for (std::size_t i = 0; i < config.vehicle_types.size(); ++i) {
    const VehicleLoading& vehicle = config.vehicle_types[i];
    const std::string path = json_element_path("vehicle_types", i);
    const auto index = instance.vehicle_type_index(vehicle.vehicle_type);
    if (!index) {
      problems.push_back(path + ".vehicle_type: unknown vehicle type " +
                         in_quotes(vehicle.vehicle_type) + " in instance " +
                         in_quotes(instance.name()));
      continue;
    }
    VehicleLoadingSpec& spec = specs[*index];
    spec.positions = vehicle.positions;
    spec.containers.clear();
    for (std::size_t j = 0; j < vehicle.container_types.size(); ++j) {
      const auto it = containers.find(vehicle.container_types[j]);
      const std::string where = path + ".container_types[" + std::to_string(j) + "]";
      if (it == containers.end()) {
        problems.push_back(where + ": unknown container type " +
                           in_quotes(vehicle.container_types[j]));
        continue;
      }
      const ContainerType& c = it->second;
      const network::Capacity& cap = spec.capacity;
      if (c.cube_m3 > cap.cube_m3 || c.tare_kg > cap.weight_kg || c.positions > spec.positions)
        problems.push_back(where + ": container type " + in_quotes(c.id) + " (" +
                           number_text(c.cube_m3) + " m3, tare " + number_text(c.tare_kg) +
                           " kg, " + std::to_string(c.positions) +
                           " positions) does not fit an empty " + in_quotes(spec.vehicle_type) +
                           " (" + number_text(cap.cube_m3) + " m3, " + number_text(cap.weight_kg) +
                           " kg, " + std::to_string(spec.positions) + " positions)");
      spec.containers.push_back(c);
    }
  }
  // Defaults can be unusable too (a tiny vehicle type with a 1.5 m³ gaylord): say so up front.
  for (std::size_t v = 0; v < specs.size(); ++v) {
    for (const ContainerType& c : specs[v].containers) {
      if (c.cube_m3 <= specs[v].capacity.cube_m3 && c.tare_kg <= specs[v].capacity.weight_kg)
        continue;
      bool configured = false;
      for (const VehicleLoading& vehicle : config.vehicle_types)
        configured = configured || vehicle.vehicle_type == specs[v].vehicle_type;
      if (!configured)
        problems.push_back("vehicle type " + in_quotes(specs[v].vehicle_type) +
                           ": the default container " + in_quotes(c.id) + " (" +
                           number_text(c.cube_m3) + " m3) does not fit it (" +
                           number_text(specs[v].capacity.cube_m3) +
                           " m3); configure its containers in the loading file");
    }
  }
  if (!problems.empty()) throw network::ValidationError(config.source, problems);
  return specs;
}

}  // namespace mm::loading
