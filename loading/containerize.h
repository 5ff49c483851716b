// Containerization: the packages of one container group (one departure, one next stop) go into
// containers of one type, and the type is chosen per group.
//
// Packages are whole for space: a demand's share on a departure may be fractional (FORMAT.md
// allows split routes), and the fraction travels with its demand's whole packages, but a
// container reserves ceil(p) packages of space for a demand portion of p packages. Reported
// packages, cube and weight are the true (possibly fractional) shares, so manifests add up to
// the plan's load exactly.
//
// Filling: portions in the given order; each container takes as many whole packages of the
// current portion as fit its remaining cube and weight, then the next container is opened. A
// single package that does not fit an empty container is an error (std::invalid_argument).
//
// Choice of type (when a vehicle takes several): the type whose containers take the smallest
// share of one vehicle in its binding dimension — max(positions / vehicle positions, container
// cube / vehicle cube, (contents + tare) / vehicle weight) — ties to fewer containers, then to
// the earlier type in the vehicle's list.
#pragma once

#include <cstddef>
#include <vector>

#include "loading/loading_config.h"

namespace mm::loading {

// One demand's share of a container group.
struct GroupPortion {
  std::size_t demand = 0;  // instance demand index (or any caller key)
  double packages = 0.0;
  double cube_per_package = 0.0;    // m³
  double weight_per_package = 0.0;  // kg
};

struct FilledContainer {
  std::size_t type = 0;  // index into VehicleLoadingSpec::containers
  struct Content {
    std::size_t demand = 0;
    double packages = 0.0;
  };
  std::vector<Content> contents;
  double contents_cube_m3 = 0.0;    // true contents (not the reserved whole-package space)
  double contents_weight_kg = 0.0;  // true contents, without tare
};

// Fills containers of `type` only.
std::vector<FilledContainer> fill_containers(const std::vector<GroupPortion>& group,
                                             const ContainerType& type, std::size_t type_index);

// Fills the group with the best of the vehicle's container types (see above).
std::vector<FilledContainer> containerize_group(const std::vector<GroupPortion>& group,
                                                const VehicleLoadingSpec& vehicle);

}  // namespace mm::loading
