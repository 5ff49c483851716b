// Container types and how each vehicle type is loaded (docs/LOADING.md, "Loading configuration").
//
// A container type (a gaylord, a pallet, an air ULD) has a cube (m³: the volume packages may
// fill, which is also the volume it takes in a vehicle — walls are ignored), a maximum contents
// weight (kg), a tare weight (kg, added to the vehicle's load) and the number of vehicle floor
// positions it takes. A vehicle type takes a list of container types and has a number of
// positions; its cube and weight capacities are the instance's.
//
// The configuration comes from an optional `middlemile-loading/1` JSON file
// (`parse_loading_config`, `read_loading_config_file`, strict: unknown fields are errors, every
// problem is reported at once with its JSON path). Vehicle types it does not mention get built-in
// defaults keyed by mode and capacity (`default_vehicle_loading`): trucks take gaylords
// (1.5 m³, 450 kg, tare 30 kg) with floor(0.78 × cube / 1.5) positions — 52 for a 100 m³ 53-foot
// trailer (26 floor spots double-stacked), 20 for a 40 m³ box truck; planes take ULDs (10 m³,
// 4,500 kg, tare 110 kg) with floor(0.8 × cube / 10) positions — 32 for a 400 m³ 767 freighter.
// `resolve_loading` joins the configuration with an instance into one spec per vehicle type.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "network/instance.h"

namespace mm::loading {

struct ContainerType {
  std::string id;
  double cube_m3 = 0.0;        // contents volume, and the volume taken in a vehicle
  double max_weight_kg = 0.0;  // contents weight
  double tare_kg = 0.0;        // empty container weight, carried by the vehicle
  int positions = 1;           // vehicle floor positions taken
};

// How one vehicle type of the instance is loaded (as written in the configuration file).
struct VehicleLoading {
  std::string vehicle_type;                  // instance vehicle type id
  int positions = 0;                         // floor positions of one vehicle
  std::vector<std::string> container_types;  // ids, in order of preference for ties
};

struct LoadingConfig {
  // Container types defined by the file; they add to (or replace, by id) the built-in ones.
  std::vector<ContainerType> container_types;
  // Vehicle types configured by the file; the others get default_vehicle_loading.
  std::vector<VehicleLoading> vehicle_types;
  // The exact CBC bin-packing model runs on departures with at most this many containers whose
  // first-fit-decreasing packing is above the lower bound; 0 disables it.
  std::size_t exact_max_containers = 60;
  double exact_time_limit_seconds = 2.0;     // per departure
  std::string source = "built-in defaults";  // names the configuration in messages
};

// The built-in container types: "gaylord" (trucks) and "uld" (planes).
const std::vector<ContainerType>& builtin_container_types();

// Everything packing needs for one vehicle type.
struct VehicleLoadingSpec {
  std::string vehicle_type;
  network::Mode mode = network::Mode::truck;
  network::Capacity capacity;  // from the instance
  int positions = 0;
  std::vector<ContainerType> containers;  // in order of preference for ties
};

VehicleLoadingSpec default_vehicle_loading(const network::VehicleType& vehicle_type);

// Throws network::InputError (unreadable file, JSON syntax, naming file and line) or
// network::ValidationError (every rule broken, each "<json path>: <message>").
LoadingConfig parse_loading_config(const std::string& json_text, const std::string& source);
LoadingConfig read_loading_config_file(const std::string& path);

// One spec per instance vehicle type (same order). Throws network::ValidationError naming the
// configuration when it refers to an unknown vehicle or container type, or when a container
// cannot fit an empty vehicle (cube, tare weight or positions).
std::vector<VehicleLoadingSpec> resolve_loading(const network::Instance& instance,
                                                const LoadingConfig& config);

}  // namespace mm::loading
