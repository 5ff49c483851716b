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
#include "network/json_text.h"

namespace mm::loading {

namespace {

using network::in_quotes;

using Json = nlohmann::ordered_json;
using network::json_element_path;
using network::json_member_path;

constexpr const char* kFormat = "middlemile-loading/1";

// The share of a vehicle's cube that rectangular containers can occupy (door clearance, wheel
// wells, the gap above a double stack or under a contoured fuselage).
constexpr double kTruckStowage = 0.78;
constexpr double kAirStowage = 0.80;

std::string number_text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Collects every problem of one file; each reader returns a usable default when it reports.
class Reader {
 public:
  std::vector<std::string> problems;

  void add(const std::string& path, const std::string& message) {
    problems.push_back((path.empty() ? std::string("(root)") : path) + ": " + message);
  }

  bool object(const Json& value, const std::string& path,
              std::initializer_list<const char*> allowed) {
    if (!value.is_object()) {
      add(path, "must be an object");
      return false;
    }
    for (const auto& item : value.items()) {
      bool known = false;
      for (const char* name : allowed) known = known || item.key() == name;
      if (!known) add(json_member_path(path, item.key()), "unknown field");
    }
    return true;
  }

  const Json* field(const Json& object, const std::string& path, const char* name, bool required) {
    auto it = object.find(name);
    if (it == object.end()) {
      if (required) add(json_member_path(path, name), "missing required field");
      return nullptr;
    }
    return &*it;
  }

  std::string text(const Json& object, const std::string& path, const char* name) {
    const Json* value = field(object, path, name, true);
    if (!value) return {};
    if (!value->is_string() || value->get<std::string>().empty()) {
      add(json_member_path(path, name), "must be a non-empty string");
      return {};
    }
    return value->get<std::string>();
  }

  // A finite number; `positive` demands > 0, otherwise ≥ 0.
  double number(const Json& object, const std::string& path, const char* name, bool required,
                bool positive, double fallback) {
    const Json* value = field(object, path, name, required);
    if (!value) return fallback;
    const std::string where = json_member_path(path, name);
    if (!value->is_number()) {
      add(where, "must be a number");
      return fallback;
    }
    const double x = value->get<double>();
    if (!std::isfinite(x) || (positive ? x <= 0.0 : x < 0.0)) {
      add(where, std::string("must be ") + (positive ? "> 0" : ">= 0") + ", got " + number_text(x));
      return fallback;
    }
    return x;
  }

  long long integer(const Json& object, const std::string& path, const char* name, bool required,
                    long long minimum, long long fallback) {
    const Json* value = field(object, path, name, required);
    if (!value) return fallback;
    const std::string where = json_member_path(path, name);
    if (!value->is_number_integer()) {
      add(where, "must be an integer");
      return fallback;
    }
    const long long x = value->get<long long>();
    if (x < minimum || x > 1000000) {
      add(where,
          "must lie in [" + std::to_string(minimum) + ", 1000000], got " + std::to_string(x));
      return fallback;
    }
    return x;
  }
};

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
  Reader r;
  for (const std::string& duplicate : parsed.duplicate_fields) r.problems.push_back(duplicate);
  const Json& root = parsed.value;
  LoadingConfig config;
  config.source = source;
  if (!r.object(root, "", {"format", "container_types", "vehicle_types", "exact"}))
    throw network::ValidationError(source, r.problems);

  if (const Json* format = r.field(root, "", "format", true)) {
    if (!format->is_string() || format->get<std::string>() != kFormat)
      r.add("format", std::string("must be \"") + kFormat + "\"");
  }

  std::set<std::string> container_ids;
  for (const ContainerType& builtin : builtin_container_types()) container_ids.insert(builtin.id);
  if (const Json* list = r.field(root, "", "container_types", false)) {
    if (!list->is_array()) {
      r.add("container_types", "must be an array");
    } else {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = json_element_path("container_types", i);
        const Json& item = (*list)[i];
        if (!r.object(item, path, {"id", "cube_m3", "max_weight_kg", "tare_kg", "positions"}))
          continue;
        ContainerType type;
        type.id = r.text(item, path, "id");
        type.cube_m3 = r.number(item, path, "cube_m3", true, true, 1.0);
        type.max_weight_kg = r.number(item, path, "max_weight_kg", true, true, 1.0);
        type.tare_kg = r.number(item, path, "tare_kg", false, false, 0.0);
        type.positions = static_cast<int>(r.integer(item, path, "positions", false, 1, 1));
        if (!type.id.empty() && !seen.insert(type.id).second)
          r.add(json_member_path(path, "id"), "duplicate container type " + in_quotes(type.id));
        container_ids.insert(type.id);
        config.container_types.push_back(type);
      }
    }
  }

  if (const Json* list = r.field(root, "", "vehicle_types", false)) {
    if (!list->is_array()) {
      r.add("vehicle_types", "must be an array");
    } else {
      std::set<std::string> seen;
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = json_element_path("vehicle_types", i);
        const Json& item = (*list)[i];
        if (!r.object(item, path, {"vehicle_type", "positions", "container_types"})) continue;
        VehicleLoading vehicle;
        vehicle.vehicle_type = r.text(item, path, "vehicle_type");
        vehicle.positions = static_cast<int>(r.integer(item, path, "positions", true, 1, 1));
        if (!vehicle.vehicle_type.empty() && !seen.insert(vehicle.vehicle_type).second)
          r.add(json_member_path(path, "vehicle_type"),
                "duplicate vehicle type " + in_quotes(vehicle.vehicle_type));
        if (const Json* ids = r.field(item, path, "container_types", true)) {
          const std::string ids_path = json_member_path(path, "container_types");
          if (!ids->is_array() || ids->empty()) {
            r.add(ids_path, "must be a non-empty array of container type ids");
          } else {
            for (std::size_t j = 0; j < ids->size(); ++j) {
              const std::string id_path = json_element_path(ids_path, j);
              if (!(*ids)[j].is_string()) {
                r.add(id_path, "must be a string");
                continue;
              }
              const std::string id = (*ids)[j].get<std::string>();
              if (!container_ids.count(id))
                r.add(id_path, "unknown container type " + in_quotes(id));
              vehicle.container_types.push_back(id);
            }
          }
        }
        config.vehicle_types.push_back(vehicle);
      }
    }
  }

  if (const Json* exact = r.field(root, "", "exact", false)) {
    if (r.object(*exact, "exact", {"max_containers", "time_limit_seconds"})) {
      config.exact_max_containers =
          static_cast<std::size_t>(r.integer(*exact, "exact", "max_containers", false, 0,
                                             static_cast<long long>(config.exact_max_containers)));
      config.exact_time_limit_seconds = r.number(*exact, "exact", "time_limit_seconds", false, true,
                                                 config.exact_time_limit_seconds);
    }
  }

  if (!r.problems.empty()) throw network::ValidationError(source, r.problems);
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
