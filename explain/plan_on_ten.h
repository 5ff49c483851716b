// A plan laid onto the instance's time-expanded network, for explanations (`middlemile
// explain`): per dispatch arc the vehicles and load the plan gives it, per demand its routes (as
// dispatch arcs) and unserved packages, packages leaving each facility per clock hour, vehicles
// of each type en route — and whether one more load fits on a departure, or what it would take.
//
// Building one checks that the plan belongs to the instance: a lane, departure or demand the
// instance does not have is an InputError naming the plan item and the id (exit 2 in the CLI).
// Loads are taken from the plan's departures as written; capacities are the full vehicle
// capacities of the instance.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/time_expanded_network.h"

namespace mm::explain {

struct ArcUse {
  int vehicles = 0;
  network::Load load;
};

// What carrying one more load on a departure would take, on top of the plan.
struct DepartureFit {
  int extra_vehicles = 0;   // 0: it fits in the vehicles already running
  double extra_cost = 0.0;  // extra vehicles × the lane's cost per trip
  bool blocked = false;     // the extra vehicles are not allowed
  std::string blocked_by;   // "max vehicles per departure (2)", "fleet of b767 (4)", ...
};

class PlanOnTen {
 public:
  PlanOnTen(const network::Instance& instance, const network::TimeExpandedNetwork& ten,
            const network::Plan& plan);

  // The dispatch arc of `lane` leaving at `minute`, or npos.
  std::size_t arc_of(std::size_t lane, int minute) const;
  const ArcUse& use(std::size_t arc) const { return use_[arc]; }
  // Indices into plan.routes of a demand's routes, and each route's dispatch arcs.
  const std::vector<std::size_t>& routes_of(std::size_t demand) const { return routes_of_[demand]; }
  const std::vector<std::size_t>& route_arcs(std::size_t route) const { return route_arcs_[route]; }
  std::size_t route_demand(std::size_t route) const { return route_demand_[route]; }
  double unserved_packages(std::size_t demand) const { return unserved_[demand]; }
  // Packages leaving `facility` in clock hour `hour` (all departures of the plan).
  double leaving(std::size_t facility, int hour) const;
  const std::map<std::pair<std::size_t, int>, double>& leaving_by_hour() const { return leaving_; }
  // Vehicles of `vehicle_type` en route at `minute` (departure <= minute < arrival).
  int en_route(std::size_t vehicle_type, int minute) const;

  // The load of `demand`'s routes on each arc (what re-routing it would free).
  std::map<std::size_t, network::Load> demand_load(std::size_t demand) const;

  // Vehicles `arc` would still need if `removed` left it (whole vehicles for the rest).
  int vehicles_without(std::size_t arc, const network::Load& removed) const;

  // Whether `load` (of `demand`, whose own planned load on the arc and in the facility's hour is
  // given back first) fits on `arc`: extra vehicles needed, and whether max vehicles per
  // departure, the fleet or the origin's sort capacity forbid it.
  DepartureFit fit(std::size_t arc, const network::Load& load, const network::Load& own_on_arc,
                   double own_leaving_in_hour) const;

 private:
  const network::Instance& instance_;
  const network::TimeExpandedNetwork& ten_;
  std::vector<ArcUse> use_;
  std::vector<std::vector<std::size_t>> routes_of_;
  std::vector<std::vector<std::size_t>> route_arcs_;
  std::vector<std::size_t> route_demand_;
  std::vector<double> route_packages_;
  std::vector<double> unserved_;
  std::map<std::pair<std::size_t, int>, double> leaving_;
  mutable std::map<std::pair<std::size_t, int>, int> en_route_cache_;  // (type, minute)
  std::vector<std::vector<int>> type_minutes_;  // per vehicle type: its departure minutes, sorted
};

}  // namespace mm::explain
