// assemble_plan: a TenSolution in the words of FORMAT.md (see ten_solution.h).
#include <algorithm>
#include <cmath>
#include <map>

#include "engine/ten_solution.h"

#include <cmath>

#include "network/gap.h"

namespace mm::engine {

network::Plan assemble_plan(const network::Instance& instance,
                            const network::TimeExpandedNetwork& ten, const TenSolution& solution,
                            double solve_seconds,
                            const std::function<std::string(std::size_t)>& unserved_reason) {
  network::Plan plan;
  plan.instance = instance.name();
  const auto& lanes = instance.lanes();
  const auto& demand = instance.demand();
  const auto& facilities = instance.facilities();

  std::vector<network::Load> load(ten.dispatch_count());
  std::vector<double> served(demand.size(), 0.0);
  for (const PathFlow& path : solution.paths) {
    if (path.fraction <= 1e-9 || path.arcs.empty()) continue;
    const network::Demand& d = demand[path.demand];
    network::Route route;
    route.demand = d.id;
    route.packages = path.fraction * d.packages;
    for (std::size_t a : path.arcs) {
      const network::DispatchArc& arc = ten.dispatch(a);
      const network::Lane& lane = lanes[arc.lane];
      route.legs.push_back({lane.id, arc.departure_minute});
      load[a].packages += route.packages;
      load[a].cube_m3 += path.fraction * d.cube_m3;
      load[a].weight_kg += path.fraction * d.weight_kg;
      plan.cost.packages += route.packages * lane.cost_per_package;
      plan.cost.handling += route.packages * facilities[lane.from].handling_cost_per_package;
    }
    route.arrival_minute = ten.dispatch(path.arcs.back()).arrival_minute;
    served[path.demand] += route.packages;
    plan.routes.push_back(std::move(route));
  }

  std::map<std::string, double> cube_used, cube_offered, weight_used, weight_offered;
  for (std::size_t a = 0; a < ten.dispatch_count(); ++a) {
    const int vehicles = a < solution.vehicles.size() ? solution.vehicles[a] : 0;
    if (vehicles <= 0) continue;
    const network::DispatchArc& arc = ten.dispatch(a);
    const network::Lane& lane = lanes[arc.lane];
    const network::VehicleType& vt = instance.vehicle_type_of(lane);
    network::PlannedDeparture dep;
    dep.lane = lane.id;
    dep.from = facilities[lane.from].id;
    dep.to = facilities[lane.to].id;
    dep.vehicle_type = vt.id;
    dep.departure_minute = arc.departure_minute;
    dep.arrival_minute = arc.arrival_minute;
    dep.vehicles = vehicles;
    dep.load = load[a];
    dep.fill_cube = load[a].cube_m3 / (vehicles * vt.capacity.cube_m3);
    dep.fill_weight = load[a].weight_kg / (vehicles * vt.capacity.weight_kg);
    plan.cost.vehicles += vehicles * lane.cost_per_trip;
    const std::string mode = network::to_string(vt.mode);
    plan.kpis.vehicle_trips[mode] += vehicles;
    cube_used[mode] += load[a].cube_m3;
    cube_offered[mode] += vehicles * vt.capacity.cube_m3;
    weight_used[mode] += load[a].weight_kg;
    weight_offered[mode] += vehicles * vt.capacity.weight_kg;
    plan.departures.push_back(std::move(dep));
  }
  std::sort(plan.departures.begin(), plan.departures.end(),
            [](const network::PlannedDeparture& l, const network::PlannedDeparture& r) {
              return std::tie(l.departure_minute, l.lane) < std::tie(r.departure_minute, r.lane);
            });
  for (const auto& [mode, offered] : cube_offered) {
    plan.kpis.fill_cube[mode] = offered > 0 ? cube_used[mode] / offered : 0.0;
    plan.kpis.fill_weight[mode] =
        weight_offered[mode] > 0 ? weight_used[mode] / weight_offered[mode] : 0.0;
  }

  double total_packages = 0.0, served_packages = 0.0;
  for (std::size_t k = 0; k < demand.size(); ++k) {
    total_packages += demand[k].packages;
    const double rest = demand[k].packages - served[k];
    if (rest > 1e-9 * std::max(1.0, demand[k].packages)) {
      plan.unserved.push_back({demand[k].id, rest, unserved_reason(k)});
      plan.cost.unserved += rest * instance.unserved_penalty_per_package();
    }
    served_packages += std::min(served[k], demand[k].packages);
  }
  plan.objective = plan.cost.total();
  plan.kpis.on_time_share = total_packages > 0 ? served_packages / total_packages : 1.0;
  plan.kpis.solve_seconds = solve_seconds;
  plan.status = network::PlanStatus::feasible;
  plan.unavoidable_penalty = solution.unavoidable;
  if (solution.lower_bound) {
    plan.lower_bound = std::min(*solution.lower_bound, plan.objective);
    const double gap =
        network::relative_gap(plan.objective, *plan.lower_bound, solution.unavoidable.value_or(0));
    if (std::isfinite(gap)) plan.gap = gap;
  }
  if (solution.proven_optimal) plan.status = network::PlanStatus::optimal;
  return plan;
}

}  // namespace mm::engine
