#include "engine/ten_design.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace mm::engine {

DesignProblem ten_design_problem(const network::Instance& instance,
                                 const network::TimeExpandedNetwork& ten,
                                 double packing_efficiency) {
  DesignProblem problem;
  problem.name = instance.name();
  const std::size_t D = ten.dispatch_count();
  std::vector<routing::GraphArc> arcs;
  arcs.reserve(D + ten.node_count());
  std::map<std::pair<std::size_t, int>, int> resource_group;  // (facility, hour) -> group
  for (std::size_t a = 0; a < D; ++a) {
    const network::DispatchArc& arc = ten.dispatch(a);
    const network::Lane& lane = instance.lanes()[arc.lane];
    const network::VehicleType& vt = instance.vehicle_type_of(lane);
    const network::Facility& from = instance.facilities()[lane.from];
    arcs.push_back({arc.tail, arc.has_head ? arc.head : routing::kNoNode});
    DesignArc d;
    d.fixed_cost = lane.cost_per_trip;
    d.capacity = {vt.capacity.cube_m3 * packing_efficiency,
                  vt.capacity.weight_kg * packing_efficiency};
    d.max_units = lane.max_vehicles_per_departure ? *lane.max_vehicles_per_departure : kInfinity;
    d.unit_cost = lane.cost_per_package + from.handling_cost_per_package;
    if (from.sort_capacity_per_hour) {
      const auto key = std::make_pair(lane.from, arc.departure_minute / 60);
      auto [it, fresh] =
          resource_group.emplace(key, static_cast<int>(problem.resource_limits.size()));
      if (fresh) problem.resource_limits.push_back(*from.sort_capacity_per_hour);
      d.resource_group = it->second;
    }
    problem.design_arcs.push_back(d);
  }
  for (std::size_t n = 0; n < ten.node_count(); ++n)
    if (ten.next_at_facility(n) != network::TimeExpandedNetwork::npos)
      arcs.push_back({n, ten.next_at_facility(n)});  // id holding_arc_ids(ten)[n]
  problem.graph = routing::PricingGraph(ten.node_count(), std::move(arcs), true);

  for (const network::Demand& demand : instance.demand()) {
    Commodity k;
    k.packages = demand.packages;
    k.size = {demand.cube_m3, demand.weight_kg};
    k.penalty = instance.unserved_penalty_per_package() * demand.packages;
    k.origin = demand.origin;
    k.destination = demand.destination;
    k.source = ten.first_node_at_or_after(demand.origin, demand.ready_minute);
    if (k.source != network::TimeExpandedNetwork::npos) {
      for (std::size_t a : ten.arrivals_into(demand.destination)) {
        const network::DispatchArc& arc = ten.dispatch(a);
        if (arc.arrival_minute > demand.due_minute) break;  // sorted by arrival
        if (arc.departure_minute >= demand.ready_minute) k.sinks.push_back(a);
      }
    } else {
      k.source = 0;  // no node at or after ready: no sinks, so never served
    }
    problem.commodities.push_back(std::move(k));
  }

  // Fleets: at each departure minute of a type, the vehicles of that type en route.
  for (std::size_t v = 0; v < instance.vehicle_types().size(); ++v) {
    const auto& fleet = instance.vehicle_types()[v].fleet;
    if (!fleet) continue;
    std::vector<std::size_t> of_type;
    std::set<int> minutes;
    for (std::size_t a = 0; a < D; ++a)
      if (instance.lanes()[ten.dispatch(a).lane].vehicle_type == v) {
        of_type.push_back(a);
        minutes.insert(ten.dispatch(a).departure_minute);
      }
    for (int t : minutes) {
      VehiclePool pool;
      pool.limit = *fleet;
      for (std::size_t a : of_type)
        if (ten.dispatch(a).departure_minute <= t && t < ten.dispatch(a).arrival_minute)
          pool.arcs.push_back(a);
      problem.vehicle_pools.push_back(std::move(pool));
    }
  }
  return problem;
}

std::vector<std::size_t> holding_arc_ids(const network::TimeExpandedNetwork& ten) {
  std::vector<std::size_t> ids(ten.node_count(), network::TimeExpandedNetwork::npos);
  std::size_t next_id = ten.dispatch_count();
  for (std::size_t n = 0; n < ten.node_count(); ++n)
    if (ten.next_at_facility(n) != network::TimeExpandedNetwork::npos) ids[n] = next_id++;
  return ids;
}

TenSolution to_ten_solution(const DesignProblem& problem, const DesignSolution& solution,
                            std::size_t dispatch_count) {
  TenSolution ten;
  ten.vehicles.assign(dispatch_count, 0);
  for (std::size_t a = 0; a < dispatch_count && a < solution.units.size(); ++a)
    ten.vehicles[a] = static_cast<int>(std::lround(solution.units[a]));
  // Shares a hair above or below a whole demand are LP round-off: normalize per demand.
  std::vector<double> served(problem.commodities.size(), 0.0);
  for (const DesignPath& p : solution.paths) served[p.commodity] += p.share;
  for (const DesignPath& p : solution.paths) {
    PathFlow flow;
    flow.demand = p.commodity;
    for (std::size_t a : p.arcs)
      if (a < dispatch_count) flow.arcs.push_back(a);
    const double total = served[p.commodity];
    flow.fraction = total > 1.0 - 1e-7 ? p.share / total : p.share;
    if (flow.fraction > 1e-9) ten.paths.push_back(std::move(flow));
  }
  return ten;
}

}  // namespace mm::engine
