#include "loading/load_plan.h"
#include "network/json_text.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "loading/containerize.h"
#include "network/errors.h"

namespace mm::loading {

namespace {

using network::in_quotes;

constexpr std::size_t kEnds = static_cast<std::size_t>(-1);  // "no next lane" group key

std::string departure_name(const std::string& lane, int minute) {
  return "departure (lane " + in_quotes(lane) + ", minute " + std::to_string(minute) + ")";
}

// Per plan departure: next lane (or kEnds) -> demand index -> packages.
using DepartureGroups = std::map<std::size_t, std::map<std::size_t, double>>;

std::vector<DepartureGroups> collect_groups(const network::Instance& instance,
                                            const network::Plan& plan) {
  std::map<std::pair<std::string, int>, std::size_t> departure_index;
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    const auto& dep = plan.departures[i];
    if (!instance.lane_index(dep.lane))
      throw network::InputError("departures[" + std::to_string(i) + "].lane: unknown lane " +
                                in_quotes(dep.lane));
    departure_index.emplace(std::make_pair(dep.lane, dep.departure_minute), i);
  }
  std::vector<DepartureGroups> groups(plan.departures.size());
  for (std::size_t r = 0; r < plan.routes.size(); ++r) {
    const network::Route& route = plan.routes[r];
    const std::string where = "routes[" + std::to_string(r) + "]";
    const auto demand = instance.demand_index(route.demand);
    if (!demand)
      throw network::InputError(where + ".demand: unknown demand " + in_quotes(route.demand));
    if (!(route.packages > 0.0)) continue;
    for (std::size_t j = 0; j < route.legs.size(); ++j) {
      const network::RouteLeg& leg = route.legs[j];
      const std::string leg_where = where + ".legs[" + std::to_string(j) + "]";
      const auto it = departure_index.find({leg.lane, leg.departure_minute});
      if (it == departure_index.end())
        throw network::InputError(leg_where + ": " +
                                  departure_name(leg.lane, leg.departure_minute) +
                                  " is not in the plan's departures");
      std::size_t next = kEnds;
      if (j + 1 < route.legs.size()) {
        const auto lane = instance.lane_index(route.legs[j + 1].lane);
        if (!lane)
          throw network::InputError(where + ".legs[" + std::to_string(j + 1) +
                                    "].lane: unknown lane " + in_quotes(route.legs[j + 1].lane));
        next = *lane;
      }
      groups[it->second][next][*demand] += route.packages;
    }
  }
  return groups;
}

// Fails early, naming the demand, when one of its packages fits no container of the vehicle.
void check_packages_fit(const network::Demand& demand, const VehicleLoadingSpec& vehicle,
                        const std::string& departure) {
  const double cube = demand.cube_m3 / demand.packages;
  const double weight = demand.weight_kg / demand.packages;
  for (const ContainerType& c : vehicle.containers)
    if (cube <= c.cube_m3 * (1 + 1e-9) && weight <= c.max_weight_kg * (1 + 1e-9)) return;
  std::ostringstream message;
  message << "demand " << in_quotes(demand.id) << " on " << departure << ": one package (" << cube
          << " m3, " << weight << " kg) fits no container type of vehicle type "
          << in_quotes(vehicle.vehicle_type);
  throw network::InputError(message.str());
}

DepartureLoading load_departure(const network::Instance& instance,
                                const network::PlannedDeparture& planned,
                                const DepartureGroups& groups, const VehicleLoadingSpec& vehicle,
                                const PackingOptions& options) {
  const auto& lanes = instance.lanes();
  const auto& facilities = instance.facilities();
  const auto& demands = instance.demand();
  const network::Lane& lane = lanes[*instance.lane_index(planned.lane)];
  DepartureLoading out;
  out.lane = lane.id;
  out.from = facilities[lane.from].id;
  out.to = facilities[lane.to].id;
  out.vehicle_type = vehicle.vehicle_type;
  out.mode = vehicle.mode;
  out.departure_minute = planned.departure_minute;
  out.vehicles_planned = planned.vehicles;
  out.capacity = vehicle.capacity;
  out.positions = vehicle.positions;
  const std::string name = departure_name(lane.id, planned.departure_minute);

  std::vector<LoadedContainer> containers;
  for (const auto& [next, portions] : groups) {
    std::vector<GroupPortion> group;
    for (const auto& [d, packages] : portions) {
      check_packages_fit(demands[d], vehicle, name);
      group.push_back({d, packages, demands[d].cube_m3 / demands[d].packages,
                       demands[d].weight_kg / demands[d].packages});
    }
    for (const FilledContainer& filled : containerize_group(group, vehicle)) {
      const ContainerType& type = vehicle.containers[filled.type];
      LoadedContainer c;
      c.type = type.id;
      c.next_stop = next == kEnds ? out.to : facilities[lanes[next].to].id;
      if (next != kEnds) c.next_lane = lanes[next].id;
      c.cube_m3 = type.cube_m3;
      c.tare_kg = type.tare_kg;
      c.positions = type.positions;
      for (const FilledContainer::Content& content : filled.contents) {
        const network::Demand& d = demands[content.demand];
        const double share = content.packages / d.packages;
        c.demands.push_back({d.id, content.packages, share * d.cube_m3, share * d.weight_kg});
        c.contents.packages += content.packages;
        c.contents.cube_m3 += share * d.cube_m3;
        c.contents.weight_kg += share * d.weight_kg;
      }
      containers.push_back(std::move(c));
    }
  }

  std::vector<PackItem> items;
  for (const LoadedContainer& c : containers)
    items.push_back({c.cube_m3, c.contents.weight_kg + c.tare_kg, c.positions});
  const BinCapacity capacity{vehicle.capacity.cube_m3, vehicle.capacity.weight_kg,
                             vehicle.positions};
  out.packing = pack_items(items, capacity, options);

  const std::size_t count = std::max<std::size_t>(
      out.packing.bins, static_cast<std::size_t>(std::max(0, planned.vehicles)));
  out.vehicles.resize(count);
  for (std::size_t v = 0; v < count; ++v) out.vehicles[v].vehicle = static_cast<int>(v + 1);
  for (std::size_t i = 0; i < containers.size(); ++i)
    out.vehicles[out.packing.bin_of[i]].containers.push_back(std::move(containers[i]));
  for (LoadedVehicle& v : out.vehicles) {
    for (const LoadedContainer& c : v.containers) {
      v.load.packages += c.contents.packages;
      v.load.cube_m3 += c.contents.cube_m3;
      v.load.weight_kg += c.contents.weight_kg;
      v.container_cube_m3 += c.cube_m3;
      v.gross_weight_kg += c.contents.weight_kg + c.tare_kg;
      v.positions_used += c.positions;
    }
    v.fill_cube = v.load.cube_m3 / vehicle.capacity.cube_m3;
    v.fill_weight = v.load.weight_kg / vehicle.capacity.weight_kg;
    out.load.packages += v.load.packages;
    out.load.cube_m3 += v.load.cube_m3;
    out.load.weight_kg += v.load.weight_kg;
  }
  return out;
}

// Departure fills and the kpis that depend on vehicles, recomputed from the departures as the
// planner computes them (engine/plan_assembly.cc): fill by mode = Σ load / Σ capacity offered.
void refresh_plan_figures(const network::Instance& instance, network::Plan& plan) {
  std::map<std::string, double> cube_used, cube_offered, weight_used, weight_offered;
  std::map<std::string, int> trips;
  for (network::PlannedDeparture& dep : plan.departures) {
    const network::Lane& lane = instance.lanes()[*instance.lane_index(dep.lane)];
    const network::VehicleType& vt = instance.vehicle_type_of(lane);
    const double cube = dep.vehicles * vt.capacity.cube_m3;
    const double weight = dep.vehicles * vt.capacity.weight_kg;
    dep.fill_cube = cube > 0 ? dep.load.cube_m3 / cube : 0.0;
    dep.fill_weight = weight > 0 ? dep.load.weight_kg / weight : 0.0;
    const std::string mode = network::to_string(vt.mode);
    trips[mode] += dep.vehicles;
    cube_used[mode] += dep.load.cube_m3;
    cube_offered[mode] += cube;
    weight_used[mode] += dep.load.weight_kg;
    weight_offered[mode] += weight;
  }
  // An all-default kpis block means "not reported" (network/plan_verifier.h): keep it that way.
  const network::PlanKpis& k = plan.kpis;
  if (k.vehicle_trips.empty() && k.fill_cube.empty() && k.fill_weight.empty() &&
      k.on_time_share == 0.0 && k.solve_seconds == 0.0)
    return;
  plan.kpis.vehicle_trips = trips;
  plan.kpis.fill_cube.clear();
  plan.kpis.fill_weight.clear();
  for (const auto& [mode, offered] : cube_offered) {
    plan.kpis.fill_cube[mode] = offered > 0 ? cube_used[mode] / offered : 0.0;
    plan.kpis.fill_weight[mode] =
        weight_offered[mode] > 0 ? weight_used[mode] / weight_offered[mode] : 0.0;
  }
}

LoadingKpis summarize(const std::vector<DepartureLoading>& departures) {
  LoadingKpis k;
  std::map<std::string, double> cube_offered, weight_offered, container_cube, positions_used,
      positions_offered, cube_used, weight_used;
  for (const DepartureLoading& d : departures) {
    ++k.departures;
    const std::string mode = network::to_string(d.mode);
    k.departures_proven_optimal += d.packing.proven_optimal;
    k.departures_exact += d.packing.method == PackingMethod::exact;
    for (const LoadedVehicle& v : d.vehicles) {
      ++k.vehicles;
      k.vehicles_empty += v.containers.empty();
      cube_offered[mode] += d.capacity.cube_m3;
      weight_offered[mode] += d.capacity.weight_kg;
      positions_offered[mode] += d.positions;
      positions_used[mode] += v.positions_used;
      container_cube[mode] += v.container_cube_m3;
      cube_used[mode] += v.load.cube_m3;
      weight_used[mode] += v.load.weight_kg;
      for (const LoadedContainer& c : v.containers) {
        ++k.containers;
        ++k.containers_by_type[c.type];
        k.contents_cube_m3 += c.contents.cube_m3;
        k.container_cube_m3 += c.cube_m3;
      }
    }
  }
  for (const auto& [mode, offered] : cube_offered) {
    k.fill_cube[mode] = cube_used[mode] / offered;
    k.fill_weight[mode] = weight_used[mode] / weight_offered[mode];
    k.container_fill_cube[mode] = container_cube[mode] / offered;
    k.position_fill[mode] = positions_used[mode] / positions_offered[mode];
  }
  k.containerization_loss_m3 = std::max(0.0, k.container_cube_m3 - k.contents_cube_m3);
  k.containerization_loss_share =
      k.container_cube_m3 > 0 ? k.containerization_loss_m3 / k.container_cube_m3 : 0.0;
  return k;
}

}  // namespace

LoadingResult load_plan(const network::Instance& instance, network::Plan& plan,
                        const LoadingConfig& config) {
  const std::vector<VehicleLoadingSpec> specs = resolve_loading(instance, config);
  const std::vector<DepartureGroups> groups = collect_groups(instance, plan);
  const PackingOptions options{config.exact_max_containers, config.exact_time_limit_seconds};

  LoadingResult result;
  result.instance = instance.name();
  const double objective_before = plan.objective;
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    network::PlannedDeparture& dep = plan.departures[i];
    const network::Lane& lane = instance.lanes()[*instance.lane_index(dep.lane)];
    result.departures.push_back(
        load_departure(instance, dep, groups[i], specs[lane.vehicle_type], options));
    const int needed = static_cast<int>(result.departures.back().packing.bins);
    if (needed > dep.vehicles) {
      DepartureCorrection c;
      c.lane = dep.lane;
      c.departure_minute = dep.departure_minute;
      c.vehicles_before = dep.vehicles;
      c.vehicles_after = needed;
      c.cost_added = (needed - dep.vehicles) * lane.cost_per_trip;
      dep.vehicles = needed;
      plan.cost.vehicles += c.cost_added;
      result.corrections.push_back(c);
    }
  }

  refresh_plan_figures(instance, plan);
  if (!result.corrections.empty()) {
    plan.objective = plan.cost.total();
    if (plan.status == network::PlanStatus::optimal) plan.status = network::PlanStatus::feasible;
    if (plan.lower_bound && plan.gap)
      plan.gap = plan.objective > 0 ? (plan.objective - *plan.lower_bound) / plan.objective : 0.0;
  }
  result.verification = network::check_plan(instance, plan);

  result.kpis = summarize(result.departures);
  result.kpis.departures_corrected = result.corrections.size();
  for (const DepartureCorrection& c : result.corrections) {
    result.kpis.vehicles_added += c.vehicles_after - c.vehicles_before;
    result.kpis.cost_added += c.cost_added;
  }
  result.kpis.objective_before = objective_before;
  result.kpis.objective_after = plan.objective;
  return result;
}

}  // namespace mm::loading
