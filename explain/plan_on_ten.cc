#include "explain/plan_on_ten.h"

#include <algorithm>
#include <cmath>

#include "network/errors.h"
#include "network/json_text.h"

namespace mm::explain {

namespace {

std::string not_in_instance(const std::string& where, const std::string& what,
                            const std::string& id, const network::Instance& instance) {
  return "plan " + where + ": " + what + " " + network::in_quotes(id) + " is not in instance " +
         network::in_quotes(instance.name());
}

}  // namespace

PlanOnTen::PlanOnTen(const network::Instance& instance, const network::TimeExpandedNetwork& ten,
                     const network::Plan& plan)
    : instance_(instance),
      ten_(ten),
      use_(ten.dispatch_count()),
      routes_of_(instance.demand().size()),
      unserved_(instance.demand().size(), 0.0) {
  auto lane_arc = [&](const std::string& where, const std::string& lane_id, int minute) {
    const auto lane = instance.lane_index(lane_id);
    if (!lane) throw network::InputError(not_in_instance(where, "lane", lane_id, instance));
    const std::size_t a = arc_of(*lane, minute);
    if (a == network::TimeExpandedNetwork::npos)
      throw network::InputError("plan " + where + ": lane " + network::in_quotes(lane_id) +
                                " has no departure at minute " + std::to_string(minute) +
                                " in instance " + network::in_quotes(instance.name()));
    return a;
  };
  type_minutes_.resize(instance.vehicle_types().size());
  for (const network::DispatchArc& arc : ten.dispatch_arcs())
    type_minutes_[instance.lanes()[arc.lane].vehicle_type].push_back(arc.departure_minute);
  for (auto& minutes : type_minutes_) {
    std::sort(minutes.begin(), minutes.end());
    minutes.erase(std::unique(minutes.begin(), minutes.end()), minutes.end());
  }
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    const network::PlannedDeparture& d = plan.departures[i];
    const std::size_t a =
        lane_arc("departures[" + std::to_string(i) + "]", d.lane, d.departure_minute);
    use_[a].vehicles += d.vehicles;
    use_[a].load.packages += d.load.packages;
    use_[a].load.cube_m3 += d.load.cube_m3;
    use_[a].load.weight_kg += d.load.weight_kg;
    const std::size_t from = instance.lanes()[ten.dispatch(a).lane].from;
    leaving_[{from, d.departure_minute / 60}] += d.load.packages;
  }
  for (std::size_t r = 0; r < plan.routes.size(); ++r) {
    const network::Route& route = plan.routes[r];
    const std::string where = "routes[" + std::to_string(r) + "]";
    const auto k = instance.demand_index(route.demand);
    if (!k) throw network::InputError(not_in_instance(where, "demand", route.demand, instance));
    std::vector<std::size_t> arcs;
    for (std::size_t l = 0; l < route.legs.size(); ++l)
      arcs.push_back(lane_arc(where + ".legs[" + std::to_string(l) + "]", route.legs[l].lane,
                              route.legs[l].departure_minute));
    routes_of_[*k].push_back(r);
    route_arcs_.push_back(std::move(arcs));
    route_demand_.push_back(*k);
    route_packages_.push_back(route.packages);
  }
  for (std::size_t u = 0; u < plan.unserved.size(); ++u) {
    const auto k = instance.demand_index(plan.unserved[u].demand);
    if (!k)
      throw network::InputError(not_in_instance("unserved[" + std::to_string(u) + "]", "demand",
                                                plan.unserved[u].demand, instance));
    unserved_[*k] += plan.unserved[u].packages;
  }
}

std::size_t PlanOnTen::arc_of(std::size_t lane, int minute) const {
  for (std::size_t a : ten_.arcs_of_lane(lane))
    if (ten_.dispatch(a).departure_minute == minute) return a;
  return network::TimeExpandedNetwork::npos;
}

double PlanOnTen::leaving(std::size_t facility, int hour) const {
  auto it = leaving_.find({facility, hour});
  return it == leaving_.end() ? 0.0 : it->second;
}

int PlanOnTen::en_route(std::size_t vehicle_type, int minute) const {
  auto cached = en_route_cache_.find({vehicle_type, minute});
  if (cached != en_route_cache_.end()) return cached->second;
  int n = 0;
  for (std::size_t a = 0; a < use_.size(); ++a) {
    if (use_[a].vehicles == 0) continue;
    const network::DispatchArc& arc = ten_.dispatch(a);
    if (instance_.lanes()[arc.lane].vehicle_type == vehicle_type &&
        arc.departure_minute <= minute && minute < arc.arrival_minute)
      n += use_[a].vehicles;
  }
  en_route_cache_[{vehicle_type, minute}] = n;
  return n;
}

std::map<std::size_t, network::Load> PlanOnTen::demand_load(std::size_t demand) const {
  const network::Demand& d = instance_.demand()[demand];
  std::map<std::size_t, network::Load> load;
  for (std::size_t r : routes_of_[demand]) {
    const double share = route_packages_[r] / d.packages;
    for (std::size_t a : route_arcs_[r]) {
      load[a].packages += route_packages_[r];
      load[a].cube_m3 += share * d.cube_m3;
      load[a].weight_kg += share * d.weight_kg;
    }
  }
  return load;
}

int PlanOnTen::vehicles_without(std::size_t arc, const network::Load& removed) const {
  const network::VehicleType& vt =
      instance_.vehicle_type_of(instance_.lanes()[ten_.dispatch(arc).lane]);
  const ArcUse& u = use_[arc];
  const double rest[2] = {u.load.cube_m3 - removed.cube_m3, u.load.weight_kg - removed.weight_kg};
  const double cap[2] = {vt.capacity.cube_m3, vt.capacity.weight_kg};
  int vehicles = 0;
  for (int r = 0; r < 2; ++r)
    if (cap[r] > 0)
      vehicles = std::max(vehicles, static_cast<int>(std::ceil(rest[r] / cap[r] - 1e-6)));
  return std::min(u.vehicles, vehicles);
}

DepartureFit PlanOnTen::fit(std::size_t arc, const network::Load& load,
                            const network::Load& own_on_arc, double own_leaving_in_hour) const {
  constexpr double kSlack = 1e-6;
  const network::DispatchArc& d = ten_.dispatch(arc);
  const network::Lane& lane = instance_.lanes()[d.lane];
  const network::VehicleType& vt = instance_.vehicle_type_of(lane);
  const ArcUse& u = use_[arc];
  DepartureFit fit;
  const double need[2] = {u.load.cube_m3 - own_on_arc.cube_m3 + load.cube_m3,
                          u.load.weight_kg - own_on_arc.weight_kg + load.weight_kg};
  const double cap[2] = {vt.capacity.cube_m3, vt.capacity.weight_kg};
  int vehicles = 0;
  for (int r = 0; r < 2; ++r)
    if (cap[r] > 0)
      vehicles = std::max(vehicles, static_cast<int>(std::ceil(need[r] / cap[r] - kSlack)));
  fit.extra_vehicles = std::max(0, vehicles - u.vehicles);
  fit.extra_cost = fit.extra_vehicles * lane.cost_per_trip;
  if (fit.extra_vehicles > 0 && lane.max_vehicles_per_departure &&
      vehicles > *lane.max_vehicles_per_departure) {
    fit.blocked = true;
    fit.blocked_by =
        "max vehicles per departure (" + std::to_string(*lane.max_vehicles_per_departure) + ")";
    return fit;
  }
  if (fit.extra_vehicles > 0 && vt.fleet) {
    // The fleet is counted at every minute a vehicle of the type departs while this one is out.
    int peak = en_route(lane.vehicle_type, d.departure_minute);
    const auto& minutes = type_minutes_[lane.vehicle_type];
    for (auto t = std::upper_bound(minutes.begin(), minutes.end(), d.departure_minute);
         t != minutes.end() && *t < d.arrival_minute; ++t)
      peak = std::max(peak, en_route(lane.vehicle_type, *t));
    if (peak + fit.extra_vehicles > *vt.fleet) {
      fit.blocked = true;
      fit.blocked_by = "fleet of " + vt.id + " (" + std::to_string(*vt.fleet) + ")";
      return fit;
    }
  }
  const network::Facility& from = instance_.facilities()[lane.from];
  if (from.sort_capacity_per_hour) {
    const double after =
        leaving(lane.from, d.departure_minute / 60) - own_leaving_in_hour + load.packages;
    if (after > *from.sort_capacity_per_hour * (1.0 + kSlack) + kSlack) {
      fit.blocked = true;
      fit.blocked_by = "sort capacity of " + from.id + " in hour " +
                       std::to_string(d.departure_minute / 60) + " (" +
                       std::to_string(static_cast<long long>(*from.sort_capacity_per_hour)) +
                       " packages)";
    }
  }
  return fit;
}

}  // namespace mm::explain
