// The physical network: facilities are nodes, lanes are arcs (parallel lanes between the same
// two facilities, e.g. a truck and a flight, are separate arcs). Built once from a validated
// Instance and immutable afterwards.
//
// The graph is a LEMON ListDigraph whose arc maps hold each lane's index into
// Instance::lanes(); it stays behind a pointer to an implementation so that no LEMON type
// reaches code outside `network`. Reachability is a breadth-first search over lanes, ignoring
// time: "no lane path from A to B" is the first explanation the planner gives for an unserved
// demand, before any time window is considered.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "network/instance.h"

namespace mm::network {

class PhysicalNetwork {
 public:
  explicit PhysicalNetwork(const Instance& instance);
  ~PhysicalNetwork();
  PhysicalNetwork(PhysicalNetwork&&) noexcept;
  PhysicalNetwork& operator=(PhysicalNetwork&&) noexcept;
  PhysicalNetwork(const PhysicalNetwork&) = delete;
  PhysicalNetwork& operator=(const PhysicalNetwork&) = delete;

  std::size_t facility_count() const;
  std::size_t lane_count() const;

  // Indices of the lanes leaving / entering `facility`, ascending. Throws std::out_of_range
  // for a facility index that does not exist.
  std::vector<std::size_t> out_lanes(std::size_t facility) const;
  std::vector<std::size_t> in_lanes(std::size_t facility) const;

  // reachable_from(f)[g] is true when some chain of lanes leads from f to g (f reaches
  // itself). Throws std::out_of_range like out_lanes.
  std::vector<bool> reachable_from(std::size_t facility) const;
  bool can_reach(std::size_t from, std::size_t to) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mm::network
