// The cheapest way to bring back the vehicles of one cyclic vehicle type: a minimum-cost
// circulation on its event network (DESIGN.md, "Vehicle balance"; FORMAT.md, "Vehicle
// balance").
//
// For a fixed set of loaded trips (each a folded departure minute in [0, C) and a duration =
// transit + turn minutes), the nodes are (facility, minute) at every minute a trip leaves or a
// vehicle becomes ready; the arcs are the loaded trips with their vehicles as fixed flow (lower
// = upper bound), the possible empty moves (each link — a lane or its reverse — out of every
// node, into the first node at its head at or after the vehicle is ready), and waiting arcs
// between consecutive nodes of a facility, the last wrapping to the first. An arc whose span
// (tail minute to head minute, in real minutes) contains the cycle start k times carries k
// vehicles of the fleet per unit of flow, and costs k × cost_per_vehicle: the fleet is the flow
// across the cycle start (Gertsbakh & Gurevich). Costs are in hundredths of the currency for
// LEMON's NetworkSimplex (integer data), with one hundredth per fleet vehicle as a tie-break so
// that free vehicles are not kept idle; the result reports the costs unrounded.
//
// A fleet limit is one side constraint (the flow across the cycle start of all arcs together),
// handled by Lagrangian pricing: when the cheapest circulation needs more vehicles than the
// fleet, the price of a vehicle is raised (geometric bisection) to the cheapest circulation
// that fits; when even the smallest fleet (a very high price) does not fit, the trips cannot
// run and `feasible` is false.
//
// Rotations are the circulation's cycle decomposition: repeatedly follow arcs with flow from a
// node until a node repeats, take the cycle found off the flow (as many units as it carries;
// one rotation per unit), and go on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace mm::engine {

// A minute of the horizon as a minute of the cycle, in [0, cycle).
inline std::int64_t fold(std::int64_t minute, std::int64_t cycle) {
  return ((minute % cycle) + cycle) % cycle;
}

struct CirculationTrip {
  std::size_t from = 0;
  std::size_t to = 0;
  std::int64_t departure = 0;  // folded: in [0, cycle)
  std::int64_t duration = 0;   // transit + turn minutes, >= 0
  std::int64_t vehicles = 0;   // >= 1
};

// A way to move empty: a lane, or the reverse of one.
struct EmptyLink {
  std::size_t from = 0;
  std::size_t to = 0;
  std::int64_t duration = 0;  // transit + turn minutes
  double cost = 0.0;          // per vehicle
};

struct CirculationProblem {
  std::int64_t cycle = 1440;
  double cost_per_vehicle = 0.0;
  std::optional<std::int64_t> fleet;
  std::vector<CirculationTrip> loaded;
  std::vector<EmptyLink> links;
};

struct CirculationMove {
  std::size_t link = 0;
  std::int64_t departure = 0;  // folded
  std::int64_t vehicles = 0;
};

struct CirculationLeg {
  bool loaded = true;
  std::size_t index = 0;       // into CirculationProblem::loaded, or ::links
  std::int64_t departure = 0;  // folded
};

struct CirculationRotation {
  std::int64_t cycles = 1;
  std::vector<CirculationLeg> legs;
};

struct CirculationResult {
  bool feasible = true;       // false: not even the smallest fleet fits the limit
  std::int64_t vehicles = 0;  // the fleet used (when infeasible: the smallest fleet)
  double empty_cost = 0.0;
  double fleet_cost = 0.0;  // vehicles × cost_per_vehicle
  std::vector<CirculationMove> moves;
  std::map<std::size_t, std::int64_t> parked_at_start;  // facility -> vehicles (> 0)
  std::int64_t en_route_at_start = 0;
  std::vector<CirculationRotation> rotations;  // with `rotations`
  double cost() const { return empty_cost + fleet_cost; }
};

CirculationResult solve_circulation(const CirculationProblem& problem, bool rotations);

}  // namespace mm::engine
