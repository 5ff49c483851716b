#include "report/plan_figures.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

namespace mm::report {

namespace {
double ratio(double load, double capacity) {
  return capacity > 0.0 ? load / capacity : 0.0;
}

int bucket_of(int minute, const PlanFigures& figures) {
  const int b = minute / figures.bucket_minutes;
  return std::clamp(b, 0, figures.buckets - 1);
}
}  // namespace

double ModeFigures::fill_cube() const {
  return ratio(load_cube_m3, capacity_cube_m3);
}
double ModeFigures::fill_weight() const {
  return ratio(load_weight_kg, capacity_weight_kg);
}
double LaneFigures::fill_cube() const {
  return ratio(load.cube_m3, capacity_cube_m3);
}
double LaneFigures::fill_weight() const {
  return ratio(load.weight_kg, capacity_weight_kg);
}
double KpiFigures::on_time_share() const {
  return demand_packages > 0.0 ? on_time_packages / demand_packages : 0.0;
}

PlanFigures plan_figures(const network::Instance& instance, const network::Plan& plan) {
  PlanFigures figures;
  KpiFigures& kpis = figures.kpis;
  kpis.status = network::to_string(plan.status);
  kpis.objective = plan.objective;
  kpis.cost = plan.cost;
  kpis.lower_bound = plan.lower_bound;
  kpis.gap = plan.gap;

  // About 48 buckets, each a whole number of time steps.
  const int step = std::max(1, instance.time_step_minutes());
  const int steps = std::max(1, (instance.horizon_minutes() + step - 1) / step);
  figures.bucket_minutes = step * std::max(1, (steps + 47) / 48);
  figures.buckets = std::max(
      1, (instance.horizon_minutes() + figures.bucket_minutes - 1) / figures.bucket_minutes);
  figures.facilities.resize(instance.facilities().size());
  for (std::size_t f = 0; f < figures.facilities.size(); ++f) {
    FacilityActivity& a = figures.facilities[f];
    a.facility = f;
    a.packages_out_by_bucket.assign(figures.buckets, 0.0);
    a.vehicles_out_by_bucket.assign(figures.buckets, 0);
    a.vehicles_in_by_bucket.assign(figures.buckets, 0);
  }

  std::map<std::size_t, LaneFigures> lanes;
  for (const network::PlannedDeparture& dep : plan.departures) {
    const auto lane_index = instance.lane_index(dep.lane);
    if (!lane_index) continue;  // plan_match refuses such plans; never drawn
    const network::Lane& lane = instance.lanes()[*lane_index];
    const network::VehicleType& type = instance.vehicle_type_of(lane);
    const std::string mode = network::to_string(type.mode);
    const double cap_cube = dep.vehicles * type.capacity.cube_m3;
    const double cap_weight = dep.vehicles * type.capacity.weight_kg;

    ModeFigures& m = kpis.modes[mode];
    m.vehicle_trips += dep.vehicles;
    m.departures += 1;
    m.load_cube_m3 += dep.load.cube_m3;
    m.load_weight_kg += dep.load.weight_kg;
    m.capacity_cube_m3 += cap_cube;
    m.capacity_weight_kg += cap_weight;

    LaneFigures& l = lanes[*lane_index];
    l.lane = *lane_index;
    l.mode = mode;
    l.departures += 1;
    l.vehicle_trips += dep.vehicles;
    l.load.packages += dep.load.packages;
    l.load.cube_m3 += dep.load.cube_m3;
    l.load.weight_kg += dep.load.weight_kg;
    l.capacity_cube_m3 += cap_cube;
    l.capacity_weight_kg += cap_weight;

    if (dep.vehicles > 0)
      figures.departures.push_back(
          {mode, dep.vehicles,
           std::max(ratio(dep.load.cube_m3, cap_cube), ratio(dep.load.weight_kg, cap_weight))});

    FacilityActivity& from = figures.facilities[lane.from];
    FacilityActivity& to = figures.facilities[lane.to];
    from.packages_out += dep.load.packages;
    to.packages_in += dep.load.packages;
    from.packages_out_by_bucket[bucket_of(dep.departure_minute, figures)] += dep.load.packages;
    from.vehicles_out_by_bucket[bucket_of(dep.departure_minute, figures)] += dep.vehicles;
    to.vehicles_in_by_bucket[bucket_of(lane.transit_minutes + dep.departure_minute, figures)] +=
        dep.vehicles;
  }
  for (auto& [index, lane] : lanes) figures.lanes.push_back(lane);

  for (const network::Demand& d : instance.demand()) kpis.demand_packages += d.packages;
  for (const network::Route& route : plan.routes) {
    const auto d = instance.demand_index(route.demand);
    if (!d) continue;
    if (route.arrival_minute <= instance.demand()[*d].due_minute)
      kpis.on_time_packages += route.packages;
    else
      kpis.late_packages += route.packages;
  }
  for (const network::UnservedDemand& u : plan.unserved) {
    kpis.unserved_packages += u.packages;
    if (u.packages > 0.0) ++kpis.unserved_demands;
  }
  std::map<std::tuple<std::size_t, std::size_t, std::string>, EmptyMoveFigures> empty;
  for (const network::EmptyMove& m : plan.repositioning) {
    const auto from = instance.facility_index(m.from), to = instance.facility_index(m.to);
    const auto type = instance.vehicle_type_index(m.vehicle_type);
    if (!from || !to || !type) continue;  // plan_match refuses such plans; never drawn
    EmptyMoveFigures& e = empty[{*from, *to, m.vehicle_type}];
    e.from = *from;
    e.to = *to;
    e.vehicle_type = m.vehicle_type;
    e.mode = network::to_string(instance.vehicle_types()[*type].mode);
    e.vehicles += m.vehicles;
    e.cost += m.cost;
  }
  for (auto& [key, e] : empty) figures.empty_moves.push_back(std::move(e));
  return figures;
}

}  // namespace mm::report
