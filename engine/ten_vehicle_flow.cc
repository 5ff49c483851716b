#include "engine/ten_vehicle_flow.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "engine/vehicle_circulation.h"
#include "network/derived_values.h"

namespace mm::engine {

namespace {

// The nodes of one cyclic type: per facility, its folded minutes in order, and their rows.
class TypeNodes {
 public:
  void add(std::size_t facility, std::int64_t minute) { minutes_[facility].push_back(minute); }

  // Sorts the minutes and gives every node a design row of `problem`.
  void number(DesignProblem& problem) {
    for (auto& [facility, list] : minutes_) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      std::vector<std::size_t>& rows = rows_[facility];
      for (std::size_t i = 0; i < list.size(); ++i) {
        rows.push_back(problem.design_rows.size());
        problem.design_rows.emplace_back();
      }
    }
  }

  // The row of the node at exactly `minute` (folded) at `facility`.
  std::size_t row(std::size_t facility, std::int64_t minute) const {
    const std::vector<std::int64_t>& list = minutes_.at(facility);
    return rows_.at(facility)[std::lower_bound(list.begin(), list.end(), minute) - list.begin()];
  }

  // The first node at `facility` at or after the real minute `ready` (wrapping to the next
  // cycle), as (row, real minute of that node).
  std::pair<std::size_t, std::int64_t> first_at_or_after(std::size_t facility, std::int64_t ready,
                                                         std::int64_t cycle) const {
    const std::vector<std::int64_t>& list = minutes_.at(facility);
    const std::int64_t base = ready - fold(ready, cycle);
    auto next = std::lower_bound(list.begin(), list.end(), fold(ready, cycle));
    if (next == list.end()) return {rows_.at(facility).front(), base + cycle + list.front()};
    return {rows_.at(facility)[next - list.begin()], base + *next};
  }

  bool has(std::size_t facility) const { return minutes_.count(facility) > 0; }
  const std::map<std::size_t, std::vector<std::int64_t>>& minutes() const { return minutes_; }
  const std::vector<std::size_t>& rows(std::size_t facility) const { return rows_.at(facility); }

 private:
  std::map<std::size_t, std::vector<std::int64_t>> minutes_;
  std::map<std::size_t, std::vector<std::size_t>> rows_;
};

void add_type(const network::Instance& instance, const network::TimeExpandedNetwork& ten,
              std::size_t type_index, DesignProblem& problem) {
  const network::VehicleType& type = instance.vehicle_types()[type_index];
  const std::int64_t cycle = instance.cycle_minutes();
  auto duration = [&](const network::Lane& lane) {
    return std::int64_t{lane.transit_minutes} + type.turn_minutes;
  };
  std::vector<std::size_t> trips;  // its dispatch arcs
  TypeNodes nodes;
  for (std::size_t a = 0; a < ten.dispatch_count(); ++a) {
    const network::Lane& lane = instance.lanes()[ten.dispatch(a).lane];
    if (lane.vehicle_type != type_index) continue;
    trips.push_back(a);
    const std::int64_t departure = fold(ten.dispatch(a).departure_minute, cycle);
    nodes.add(lane.from, departure);
    nodes.add(lane.to, fold(departure + duration(lane), cycle));
  }
  if (trips.empty()) return;
  nodes.number(problem);

  // Ownership: a vehicle across the cycle start, on a loaded trip (counted by one column per
  // type: own = Σ crossings × y) or waiting or moving empty (in each column's cost).
  std::vector<std::pair<std::size_t, double>> fleet_row;  // (column, vehicles) for the fleet
  std::vector<std::pair<std::size_t, double>> loaded_across;
  for (std::size_t a : trips) {
    const network::Lane& lane = instance.lanes()[ten.dispatch(a).lane];
    const std::int64_t departure = fold(ten.dispatch(a).departure_minute, cycle);
    const std::int64_t ready = departure + duration(lane);
    problem.design_rows[nodes.row(lane.from, departure)].arcs.emplace_back(a, 1.0);
    problem.design_rows[nodes.row(lane.to, fold(ready, cycle))].arcs.emplace_back(a, -1.0);
    if (ready / cycle > 0) loaded_across.emplace_back(a, static_cast<double>(ready / cycle));
  }
  auto add_column = [&](std::size_t from_row, std::size_t to_row, double cost,
                        std::int64_t crossings) {
    DesignColumn column;
    column.cost = cost + static_cast<double>(crossings) * type.cost_per_vehicle;
    if (from_row == to_row) return;  // a loop moves nothing (its vehicles would only idle)
    column.rows = {{from_row, 1.0}, {to_row, -1.0}};
    if (crossings > 0)
      fleet_row.emplace_back(problem.design_columns.size(), static_cast<double>(crossings));
    problem.design_columns.push_back(std::move(column));
  };
  // Waiting, the last node of a facility to its first across the cycle start.
  for (const auto& [facility, list] : nodes.minutes()) {
    const std::vector<std::size_t>& rows = nodes.rows(facility);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) add_column(rows[i], rows[i + 1], 0.0, 0);
    if (rows.size() >= 2) add_column(rows.back(), rows.front(), 0.0, 1);
  }
  // Empty moves on every lane of the type and its reverse, out of every node.
  for (const network::Lane& lane : instance.lanes()) {
    if (lane.vehicle_type != type_index) continue;
    const double cost = network::empty_move_cost(type, lane.distance_km);
    for (const auto& [from, to] : {std::pair{lane.from, lane.to}, std::pair{lane.to, lane.from}}) {
      if (!nodes.has(from) || !nodes.has(to)) continue;
      const std::vector<std::int64_t>& list = nodes.minutes().at(from);
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto [head, at] = nodes.first_at_or_after(to, list[i] + duration(lane), cycle);
        add_column(nodes.rows(from)[i], head, cost, at / cycle);
      }
    }
  }
  // Vehicles on loaded trips across the cycle start: one column, own = Σ crossings × y.
  if (!loaded_across.empty() && (type.cost_per_vehicle > 0.0 || type.fleet)) {
    const std::size_t own_row = problem.design_rows.size();
    DesignRow own;
    for (const auto& [a, crossings] : loaded_across) own.arcs.emplace_back(a, -crossings);
    problem.design_rows.push_back(std::move(own));
    DesignColumn column;
    column.cost = type.cost_per_vehicle;
    column.rows = {{own_row, 1.0}};
    fleet_row.emplace_back(problem.design_columns.size(), 1.0);
    problem.design_columns.push_back(std::move(column));
  }
  if (type.fleet) {
    const std::size_t row = problem.design_rows.size();
    DesignRow fleet;
    fleet.lower = 0.0;
    fleet.upper = *type.fleet;
    problem.design_rows.push_back(std::move(fleet));
    for (const auto& [c, vehicles] : fleet_row)
      problem.design_columns[c].rows.emplace_back(row, vehicles);
  }
}

}  // namespace

void add_cyclic_vehicle_flow(const network::Instance& instance,
                             const network::TimeExpandedNetwork& ten, DesignProblem& problem) {
  for (std::size_t t = 0; t < instance.vehicle_types().size(); ++t)
    if (instance.vehicle_types()[t].balance == network::Balance::cyclic)
      add_type(instance, ten, t, problem);
}

}  // namespace mm::engine
