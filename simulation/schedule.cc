#include "simulation/schedule.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "network/errors.h"
#include "network/json_text.h"

namespace mm::simulation {

namespace {
// Clock hour of a minute (minutes are >= 0 in a valid instance).
int hour_of(int minute) {
  return minute / 60;
}
}  // namespace

Schedule::Schedule(const network::Instance& instance, const network::Plan& plan) {
  const auto& facilities = instance.facilities();
  std::map<std::pair<std::size_t, int>, std::size_t> slot_index;
  std::map<std::pair<std::size_t, int>, std::size_t> departure_index;  // (lane, minute)
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    const network::PlannedDeparture& p = plan.departures[i];
    const auto lane_index = instance.lane_index(p.lane);
    if (!lane_index)
      throw network::InputError("departures[" + std::to_string(i) + "].lane: unknown lane " +
                                network::in_quotes(p.lane));
    const network::Lane& lane = instance.lanes()[*lane_index];
    const network::VehicleType& vehicle = instance.vehicle_type_of(lane);
    ScheduledDeparture d;
    d.plan_index = i;
    d.lane = *lane_index;
    d.from = lane.from;
    d.to = lane.to;
    d.departure_minute = p.departure_minute;
    d.arrival_minute = p.departure_minute + lane.transit_minutes;
    d.vehicles = p.vehicles;
    d.max_vehicles = lane.max_vehicles_per_departure;
    d.capacity = vehicle.capacity;
    d.cost_per_trip = lane.cost_per_trip;
    d.lane_cost_per_package = lane.cost_per_package;
    d.handling_cost_per_package = facilities[lane.from].handling_cost_per_package;
    if (const auto& capacity = facilities[lane.from].sort_capacity_per_hour) {
      const auto key = std::make_pair(lane.from, hour_of(d.departure_minute));
      auto [it, inserted] = slot_index.emplace(key, slots_.size());
      if (inserted) slots_.push_back({lane.from, key.second, *capacity});
      d.sort_slot = it->second;
    }
    if (!departure_index.emplace(std::make_pair(d.lane, d.departure_minute), departures_.size())
             .second)
      throw network::InputError("departures[" + std::to_string(i) + "]: departure " +
                                network::in_quotes(p.lane) + " at minute " +
                                std::to_string(p.departure_minute) + " is listed twice");
    planned_vehicle_cost_ += d.vehicles * d.cost_per_trip;
    departures_.push_back(d);
  }

  demands_.resize(instance.demand().size());
  for (std::size_t k = 0; k < instance.demand().size(); ++k) {
    const network::Demand& d = instance.demand()[k];
    PlannedDemand& p = demands_[k];
    p.forecast = d.packages;
    p.cube_per_package = d.cube_m3 / d.packages;
    p.weight_per_package = d.weight_kg / d.packages;
  }
  std::vector<double> routed(demands_.size(), 0.0);
  for (std::size_t r = 0; r < plan.routes.size(); ++r) {
    const network::Route& route = plan.routes[r];
    const auto k = instance.demand_index(route.demand);
    if (!k)
      throw network::InputError("routes[" + std::to_string(r) + "].demand: unknown demand " +
                                network::in_quotes(route.demand));
    PlannedDemand& p = demands_[*k];
    routed[*k] += route.packages;
    for (std::size_t l = 0; l < route.legs.size(); ++l) {
      const network::RouteLeg& leg = route.legs[l];
      const auto lane = instance.lane_index(leg.lane);
      const auto it =
          lane ? departure_index.find({*lane, leg.departure_minute}) : departure_index.end();
      if (it == departure_index.end())
        throw network::InputError("routes[" + std::to_string(r) + "].legs[" + std::to_string(l) +
                                  "]: no planned departure " + network::in_quotes(leg.lane) +
                                  " at minute " + std::to_string(leg.departure_minute));
      const ScheduledDeparture& dep = departures_[it->second];
      p.package_cost += route.packages * dep.lane_cost_per_package;
      p.handling_cost += route.packages * dep.handling_cost_per_package;
      auto share = std::find_if(p.shares.begin(), p.shares.end(),
                                [&](const PlannedShare& s) { return s.departure == it->second; });
      if (share == p.shares.end())
        p.shares.push_back({it->second, route.packages});
      else
        share->packages += route.packages;
    }
  }
  std::map<std::pair<std::size_t, int>, std::size_t> group_index;
  for (std::size_t k = 0; k < demands_.size(); ++k) {
    PlannedDemand& p = demands_[k];
    p.served_share = std::clamp(routed[k] / p.forecast, 0.0, 1.0);
    const network::Demand& d = instance.demand()[k];
    auto [it, inserted] =
        group_index.emplace(std::make_pair(d.destination, d.due_minute), groups_.size());
    if (inserted)
      groups_.push_back({d.destination, d.due_minute, d.due_minute - d.ready_minute, {}, {}});
    DemandGroup& g = groups_[it->second];
    g.slack_minutes = std::min(g.slack_minutes, d.due_minute - d.ready_minute);
    g.demands.push_back(k);
  }
  for (DemandGroup& g : groups_) {
    for (std::size_t m = 0; m < g.demands.size(); ++m) g.routing_order.push_back(m);
    std::stable_sort(g.routing_order.begin(), g.routing_order.end(),
                     [&](std::size_t a, std::size_t b) {
                       return instance.demand()[g.demands[a]].ready_minute >
                              instance.demand()[g.demands[b]].ready_minute;
                     });
  }
  std::stable_sort(groups_.begin(), groups_.end(), [](const DemandGroup& a, const DemandGroup& b) {
    return std::tie(a.slack_minutes, a.due_minute, a.destination) <
           std::tie(b.slack_minutes, b.due_minute, b.destination);
  });
  for (std::size_t f = 0; f < facilities.size(); ++f)
    if (facilities[f].sort_capacity_per_hour) capacitated_.push_back(f);
}

}  // namespace mm::simulation
