// A plan's schedule, resolved against its instance, as the simulation uses it: the departures
// the plan runs (with vehicles, capacity and costs, by index), each demand's planned load on
// them, the sort-capacity slots (facility, clock hour), and the demands grouped by destination
// and due minute, in the order the recourse routes them.
//
// Built once per simulation; read-only afterwards, so every sample and thread shares it.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"

namespace mm::simulation {

struct ScheduledDeparture {
  std::size_t plan_index = 0;  // in plan.departures
  std::size_t lane = 0;
  std::size_t from = 0;
  std::size_t to = 0;
  int departure_minute = 0;
  int arrival_minute = 0;
  int vehicles = 0;                        // planned
  std::optional<int> max_vehicles;         // the lane's max vehicles per departure
  network::Capacity capacity;              // of one vehicle
  double cost_per_trip = 0.0;              // the lane's
  double lane_cost_per_package = 0.0;      // the lane's
  double handling_cost_per_package = 0.0;  // at `from`
  std::size_t sort_slot = kNone;           // the (from, hour) slot, or kNone
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
};

// Packages leaving `facility` on departures whose minute lies in [60·hour, 60·hour + 60).
struct SortSlot {
  std::size_t facility = 0;
  int hour = 0;
  double capacity = 0.0;
};

struct PlannedShare {
  std::size_t departure = 0;  // index into Schedule::departures()
  double packages = 0.0;      // of the forecast, summed over the demand's routes through it
};

struct PlannedDemand {
  double forecast = 0.0;      // the instance's packages
  double served_share = 0.0;  // routed packages / forecast; the rest the plan leaves unserved
  double cube_per_package = 0.0;
  double weight_per_package = 0.0;
  double package_cost = 0.0;   // of the planned routes, at the forecast: lane cost per package
  double handling_cost = 0.0;  // and handling cost per package at every facility left
  std::vector<PlannedShare> shares;
};

// Demands with one destination and due minute, in instance order: they share the part of the
// recourse network they can use (simulation/recourse_network.h).
struct DemandGroup {
  std::size_t destination = 0;
  int due_minute = 0;
  int slack_minutes = 0;  // least due − ready of its demands
  std::vector<std::size_t> demands;
  // Positions in `demands`, least slack (latest ready) first: the order the recourse routes them.
  std::vector<std::size_t> routing_order;
};

class Schedule {
 public:
  // `plan` must pass the referee against `instance` (the caller checks); a departure or route
  // leg that names no departure of the instance or of the plan throws network::InputError.
  Schedule(const network::Instance& instance, const network::Plan& plan);

  const std::vector<ScheduledDeparture>& departures() const { return departures_; }
  const std::vector<SortSlot>& slots() const { return slots_; }
  const std::vector<PlannedDemand>& demands() const { return demands_; }
  // Most constrained first: least slack, then earliest due, then destination.
  const std::vector<DemandGroup>& groups() const { return groups_; }
  // Facilities with a sort capacity, in instance order.
  const std::vector<std::size_t>& capacitated_facilities() const { return capacitated_; }
  // Σ planned vehicles × lane cost per trip: paid whatever the day brings.
  double planned_vehicle_cost() const { return planned_vehicle_cost_; }

 private:
  std::vector<ScheduledDeparture> departures_;
  std::vector<SortSlot> slots_;
  std::vector<PlannedDemand> demands_;
  std::vector<DemandGroup> groups_;
  std::vector<std::size_t> capacitated_;
  double planned_vehicle_cost_ = 0.0;
};

}  // namespace mm::simulation
