#include "engine/vehicle_balance.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "engine/drop_vehicle_search.h"
#include "engine/insertion.h"
#include "engine/local_search.h"
#include "engine/plan_state.h"
#include "network/derived_values.h"
#include "network/gap.h"

namespace mm::engine {

VehicleBalance::VehicleBalance(const network::Instance& instance)
    : instance_(instance),
      links_(instance.vehicle_types().size()),
      link_lane_(instance.vehicle_types().size()) {
  for (std::size_t t = 0; t < instance.vehicle_types().size(); ++t)
    if (instance.vehicle_types()[t].balance == network::Balance::cyclic) cyclic_.push_back(t);
  for (std::size_t l = 0; l < instance.lanes().size(); ++l) {
    const network::Lane& lane = instance.lanes()[l];
    const network::VehicleType& type = instance.vehicle_type_of(lane);
    if (type.balance != network::Balance::cyclic) continue;
    const std::int64_t duration = std::int64_t{lane.transit_minutes} + type.turn_minutes;
    const double cost = network::empty_move_cost(type, lane.distance_km);
    links_[lane.vehicle_type].push_back({lane.from, lane.to, duration, cost});
    links_[lane.vehicle_type].push_back({lane.to, lane.from, duration, cost});
    link_lane_[lane.vehicle_type].push_back(l);
    link_lane_[lane.vehicle_type].push_back(l);
  }
}

BalanceEvaluation VehicleBalance::evaluate(const std::vector<RunningDeparture>& departures,
                                           bool rotations) const {
  BalanceEvaluation result;
  result.types.resize(instance_.vehicle_types().size());
  const std::int64_t cycle = instance_.cycle_minutes();
  std::vector<CirculationProblem> problems(instance_.vehicle_types().size());
  for (const RunningDeparture& d : departures) {
    const network::Lane& lane = instance_.lanes()[d.lane];
    const network::VehicleType& type = instance_.vehicle_type_of(lane);
    if (type.balance != network::Balance::cyclic || d.vehicles <= 0) continue;
    problems[lane.vehicle_type].loaded.push_back(
        {lane.from, lane.to, fold(d.minute, cycle),
         std::int64_t{lane.transit_minutes} + type.turn_minutes, d.vehicles});
  }
  for (std::size_t t : cyclic_) {
    CirculationProblem& p = problems[t];
    const network::VehicleType& type = instance_.vehicle_types()[t];
    p.cycle = cycle;
    p.cost_per_vehicle = type.cost_per_vehicle;
    if (type.fleet) p.fleet = *type.fleet;
    p.links = links_[t];
    result.types[t] = solve_circulation(p, rotations);
    if (!result.types[t].feasible) result.over_fleet.push_back(t);
    result.cost += result.types[t].cost();
  }
  return result;
}

bool VehicleBalance::complete_plan(network::Plan& plan) const {
  const auto& facilities = instance_.facilities();
  std::vector<RunningDeparture> running;
  for (const network::PlannedDeparture& d : plan.departures)
    if (auto l = instance_.lane_index(d.lane))
      running.push_back({*l, d.departure_minute, d.vehicles});
  const BalanceEvaluation balance = evaluate(running, true);
  if (!balance.over_fleet.empty()) return false;
  // The loaded trips of each type in the order evaluate() made them.
  std::vector<std::vector<const RunningDeparture*>> trips(instance_.vehicle_types().size());
  for (const RunningDeparture& d : running) {
    const network::Lane& lane = instance_.lanes()[d.lane];
    if (instance_.vehicle_type_of(lane).balance == network::Balance::cyclic && d.vehicles > 0)
      trips[lane.vehicle_type].push_back(&d);
  }
  plan.repositioning.clear();
  plan.fleet.clear();
  plan.rotations.clear();
  plan.cost.repositioning = plan.cost.fleet = 0.0;
  for (std::size_t t : cyclic_) {
    const CirculationResult& r = balance.types[t];
    const network::VehicleType& type = instance_.vehicle_types()[t];
    if (trips[t].empty()) continue;
    auto link_ends = [&](std::size_t link) { return links_[t][link]; };
    for (const CirculationMove& m : r.moves) {
      const network::Lane& lane = instance_.lanes()[link_lane_[t][m.link]];
      const EmptyLink ends = link_ends(m.link);
      network::EmptyMove move;
      move.lane = lane.id;
      move.from = facilities[ends.from].id;
      move.to = facilities[ends.to].id;
      move.vehicle_type = type.id;
      move.departure_minute = static_cast<int>(m.departure);
      move.arrival_minute = static_cast<int>(m.departure + lane.transit_minutes);
      move.vehicles = static_cast<int>(m.vehicles);
      move.cost = move.vehicles * network::empty_move_cost(type, lane.distance_km);
      plan.cost.repositioning += move.cost;
      plan.repositioning.push_back(std::move(move));
    }
    network::FleetUse use;
    use.vehicle_type = type.id;
    use.vehicles = static_cast<int>(r.vehicles);
    for (const auto& [f, n] : r.parked_at_start)
      if (n > 0) use.parked_at_start[facilities[f].id] = static_cast<int>(n);
    use.en_route_at_start = static_cast<int>(r.en_route_at_start);
    use.cost = use.vehicles * type.cost_per_vehicle;
    plan.cost.fleet += use.cost;
    plan.fleet.push_back(std::move(use));
    int number = 0;
    for (const CirculationRotation& rotation : r.rotations) {
      network::Rotation out;
      out.id = type.id + "-" + std::to_string(++number);
      out.vehicle_type = type.id;
      out.cycles = static_cast<int>(rotation.cycles);
      for (const CirculationLeg& leg : rotation.legs) {
        network::RotationLeg item;
        item.loaded = leg.loaded;
        if (leg.loaded) {
          const RunningDeparture& d = *trips[t][leg.index];
          const network::Lane& lane = instance_.lanes()[d.lane];
          item.lane = lane.id;
          item.from = facilities[lane.from].id;
          item.to = facilities[lane.to].id;
          item.departure_minute = d.minute;
          item.arrival_minute = d.minute + lane.transit_minutes;
        } else {
          const network::Lane& lane = instance_.lanes()[link_lane_[t][leg.index]];
          const EmptyLink ends = link_ends(leg.index);
          item.lane = lane.id;
          item.from = facilities[ends.from].id;
          item.to = facilities[ends.to].id;
          item.departure_minute = static_cast<int>(leg.departure);
          item.arrival_minute = static_cast<int>(leg.departure + lane.transit_minutes);
        }
        out.legs.push_back(std::move(item));
      }
      plan.rotations.push_back(std::move(out));
    }
  }
  plan.objective = plan.cost.total();
  if (plan.lower_bound) {
    plan.lower_bound = std::min(*plan.lower_bound, plan.objective);
    const double gap = network::relative_gap(plan.objective, *plan.lower_bound,
                                             plan.unavoidable_penalty.value_or(0.0));
    if (std::isfinite(gap)) plan.gap = gap;
  }
  return true;
}

bool balance_plan(const network::Instance& instance, network::Plan& plan) {
  if (!instance.has_cyclic_types()) return true;
  return VehicleBalance(instance).complete_plan(plan);
}

// --- the design solver's view ---------------------------------------------------------------

TenBalanceCost::TenBalanceCost(const network::Instance& instance,
                               const network::TimeExpandedNetwork& ten,
                               const DesignProblem& problem, int improve_trials)
    : ten_(ten),
      problem_(problem),
      balance_(instance),
      arc_type_(problem.design_arcs.size(), -1),
      improve_trials_(static_cast<std::size_t>(std::max(0, improve_trials))) {
  for (std::size_t a = 0; a < problem.design_arcs.size() && a < ten.dispatch_count(); ++a) {
    const network::Lane& lane = instance.lanes()[ten.dispatch(a).lane];
    if (instance.vehicle_type_of(lane).balance == network::Balance::cyclic)
      arc_type_[a] = static_cast<int>(lane.vehicle_type);
  }
}

std::vector<RunningDeparture> TenBalanceCost::departures(const std::vector<double>& units) const {
  std::vector<RunningDeparture> out;
  for (std::size_t a = 0; a < units.size() && a < arc_type_.size(); ++a)
    if (arc_type_[a] >= 0 && units[a] > 0.5)
      out.push_back({ten_.dispatch(a).lane, ten_.dispatch(a).departure_minute,
                     static_cast<int>(std::lround(units[a]))});
  return out;
}

double TenBalanceCost::cost(const DesignSolution& solution) const {
  const BalanceEvaluation e = balance_.evaluate(departures(solution.units));
  return e.over_fleet.empty() ? e.cost : kInfinity;
}

DesignSolution TenBalanceCost::repair(const DesignSolution& solution) const {
  PlanState state(problem_);
  state.assign(solution);
  Inserter inserter(problem_);
  // Each round lowers one departure's vehicle cap by one, so the rounds end.
  while (true) {
    std::vector<double> units(problem_.design_arcs.size());
    for (std::size_t a = 0; a < units.size(); ++a) units[a] = state.units(a);
    const BalanceEvaluation e = balance_.evaluate(departures(units));
    if (e.over_fleet.empty()) break;
    const int type = static_cast<int>(e.over_fleet.front());
    std::size_t worst = units.size();
    for (std::size_t a = 0; a < units.size(); ++a)
      if (arc_type_[a] == type && units[a] > 0.5 &&
          (worst == units.size() || state.last_vehicle_fill(a) < state.last_vehicle_fill(worst)))
        worst = a;
    if (worst == units.size()) break;  // nothing of the type runs: cannot happen when over fleet
    const std::vector<std::size_t> users = state.users(worst);
    const std::set<std::size_t> riders(users.begin(), users.end());
    for (std::size_t k : riders) state.remove(k);
    state.set_unit_cap(worst, std::max(0.0, units[worst] - 1.0));
    for (std::size_t k :
         inserter.largest_first(std::vector<std::size_t>(riders.begin(), riders.end())))
      inserter.insert(state, k);
  }
  improve(state, inserter);
  return state.solution();
}

void TenBalanceCost::improve(PlanState& state, Inserter& inserter) const {
  std::vector<std::size_t> candidates;
  for (std::size_t a = 0; a < arc_type_.size(); ++a)
    if (arc_type_[a] >= 0) candidates.push_back(a);
  drop_vehicle_descent(state, inserter, std::move(candidates), improve_trials_,
                       [&](const PlanState& s) {
                         std::vector<double> units(problem_.design_arcs.size());
                         for (std::size_t a = 0; a < units.size(); ++a) units[a] = s.units(a);
                         const BalanceEvaluation e = balance_.evaluate(departures(units));
                         return e.over_fleet.empty() ? s.objective() + e.cost : kInfinity;
                       });
}

}  // namespace mm::engine
