#include "network/plan_verifier.h"

#include "network/balance_check.h"
#include "network/gap.h"
#include "network/json_text.h"
#include "network/number_text.h"
#include "network/on_time_paths.h"
#include "network/referee_tolerance.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

namespace mm::network {

namespace {

// Values this close to zero are equal whatever the relative tolerance says.
constexpr double kAbsoluteTolerance = kRefereeAbsoluteTolerance;

std::string indexed(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

int floor_div(int a, int b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// A departure slot of the instance: a lane and one of its minutes.
using Slot = std::pair<std::size_t, int>;

class Referee {
 public:
  Referee(const Instance& instance, const Plan& plan, double tolerance)
      : in_(instance),
        plan_(plan),
        tolerance_(tolerance),
        served_(instance.demand().size(), 0.0),
        unserved_(instance.demand().size(), 0.0) {}

  PlanVerification run() {
    check_header();
    check_routes();
    check_unserved();
    check_demand_accounting();
    check_departures();
    check_route_legs_have_vehicles();
    check_sort_capacity();
    check_fleet();
    check_balance();
    check_objective();
    check_kpis();
    result_.recomputed_objective = result_.recomputed_cost.total();
    result_.reported_objective = plan_.objective;
    return std::move(result_);
  }

 private:
  void add(std::string where, std::string message) {
    result_.violations.push_back({std::move(where), std::move(message)});
  }

  bool close(double a, double b) const { return referee_agrees(a, b, tolerance_); }

  // Ratios (fill, gap, shares) are already relative: they agree within max(1e-6, tolerance).
  bool close_ratio(double a, double b) const {
    if (!std::isfinite(a) || !std::isfinite(b)) return false;
    return std::fabs(a - b) <= std::max(kAbsoluteTolerance, tolerance_);
  }

  bool within(double value, double limit) const {
    if (!std::isfinite(value)) return false;
    return value <= limit + std::max(kAbsoluteTolerance, tolerance_ * std::fabs(limit));
  }

  const std::string& facility_id(std::size_t f) const { return in_.facilities()[f].id; }

  bool lane_departs_at(const Lane& lane, int minute) const {
    return std::binary_search(lane.departures.begin(), lane.departures.end(), minute);
  }

  void check_header() {
    if (plan_.instance != in_.name())
      add("instance", "plan is for instance " + in_quotes(plan_.instance) +
                          " but the instance is " + in_quotes(in_.name()));
  }

  void check_routes() {
    for (std::size_t r = 0; r < plan_.routes.size(); ++r) check_route(r);
  }

  void check_route(std::size_t r) {
    const Route& route = plan_.routes[r];
    const std::string where = indexed("routes", r);
    std::optional<std::size_t> demand_index = in_.demand_index(route.demand);
    if (!demand_index) add(where + ".demand", "unknown demand " + in_quotes(route.demand));
    const Demand* demand = demand_index ? &in_.demand()[*demand_index] : nullptr;

    const bool packages_usable = std::isfinite(route.packages);
    if (!packages_usable || route.packages <= 0.0)
      add(where + ".packages", "must be a number > 0, got " + number_text(route.packages, 10));
    if (packages_usable && demand) served_[*demand_index] += route.packages;
    if (route.legs.empty()) {
      add(where + ".legs", "a route needs at least one leg");
      return;
    }

    // The previous leg's lane, when known, sets where and when the next leg may leave.
    const Lane* previous = nullptr;
    // Minutes of a plan are any int: sums are formed in 64 bits so they cannot overflow.
    std::int64_t previous_arrival = 0;
    for (std::size_t l = 0; l < route.legs.size(); ++l) {
      const RouteLeg& leg = route.legs[l];
      const std::string leg_where = where + ".legs[" + std::to_string(l) + "]";
      std::optional<std::size_t> lane_index = in_.lane_index(leg.lane);
      if (!lane_index) {
        add(leg_where + ".lane", "unknown lane " + in_quotes(leg.lane));
        previous = nullptr;
        continue;
      }
      const Lane& lane = in_.lanes()[*lane_index];
      const int minute = leg.departure_minute;
      if (!lane_departs_at(lane, minute))
        add(leg_where + ".departure_minute",
            "lane " + in_quotes(lane.id) + " has no departure at minute " + std::to_string(minute));

      if (l == 0) {
        if (demand && lane.from != demand->origin)
          add(leg_where, "leaves " + facility_id(lane.from) + " but demand " + demand->id +
                             " starts at " + facility_id(demand->origin));
        else if (demand && minute < demand->ready_minute)
          add(leg_where, "departs " + facility_id(lane.from) + " at minute " +
                             std::to_string(minute) + " but demand " + demand->id +
                             " is ready only at minute " + std::to_string(demand->ready_minute));
      } else if (previous) {
        const Facility& at = in_.facilities()[previous->to];
        const std::int64_t available = previous_arrival + at.handling_minutes;
        if (lane.from != previous->to)
          add(leg_where,
              "leaves " + facility_id(lane.from) + " but the previous leg arrives at " + at.id);
        else if (minute < available)
          add(leg_where, "departs " + at.id + " at minute " + std::to_string(minute) +
                             " but package is available only at " + std::to_string(available) +
                             " (arrival " + std::to_string(previous_arrival) + " + handling " +
                             std::to_string(at.handling_minutes) + ")");
      }

      if (packages_usable) {
        const Slot slot{*lane_index, minute};
        Load& load = route_load_[slot];
        load.packages += route.packages;
        if (demand) {
          const double share = route.packages / demand->packages;
          load.cube_m3 += share * demand->cube_m3;
          load.weight_kg += share * demand->weight_kg;
        }
        leaving_[{lane.from, floor_div(minute, 60)}] += route.packages;
        result_.recomputed_cost.packages += route.packages * lane.cost_per_package;
        result_.recomputed_cost.handling +=
            route.packages * in_.facilities()[lane.from].handling_cost_per_package;
      }
      legs_by_slot_[{*lane_index, minute}].push_back(leg_where);
      previous = &lane;
      previous_arrival = std::int64_t{minute} + lane.transit_minutes;
    }

    if (!previous) return;  // the last leg's lane is unknown: no arrival to check
    const int last_departure = route.legs.back().departure_minute;
    if (route.arrival_minute != previous_arrival)
      add(where + ".arrival_minute",
          "is " + std::to_string(route.arrival_minute) + " but the last leg arrives at " +
              std::to_string(previous_arrival) + " (departure " + std::to_string(last_departure) +
              " + transit " + std::to_string(previous->transit_minutes) + ")");
    if (demand && previous->to != demand->destination)
      add(where, "ends at " + facility_id(previous->to) + " but demand " + demand->id +
                     " goes to " + facility_id(demand->destination));
    if (demand && previous_arrival > demand->due_minute)
      add(where, "arrives at minute " + std::to_string(previous_arrival) + ", after demand " +
                     demand->id + "'s due minute " + std::to_string(demand->due_minute));
    if (previous_arrival > in_.horizon_minutes())
      add(where, "arrives at minute " + std::to_string(previous_arrival) + ", after the horizon " +
                     std::to_string(in_.horizon_minutes()));
    if (demand && packages_usable && previous->to == demand->destination &&
        previous_arrival <= demand->due_minute)
      on_time_packages_ += route.packages;
  }

  void check_unserved() {
    for (std::size_t u = 0; u < plan_.unserved.size(); ++u) {
      const UnservedDemand& item = plan_.unserved[u];
      const std::string where = indexed("unserved", u);
      std::optional<std::size_t> demand_index = in_.demand_index(item.demand);
      if (!demand_index) add(where + ".demand", "unknown demand " + in_quotes(item.demand));
      if (!std::isfinite(item.packages) || item.packages < 0.0)
        add(where + ".packages", "must be a number >= 0, got " + number_text(item.packages, 10));
      else {
        if (demand_index) unserved_[*demand_index] += item.packages;
        result_.recomputed_cost.unserved += item.packages * in_.unserved_penalty_per_package();
      }
      if (item.reason.empty()) add(where + ".reason", "must say why the demand is unserved");
    }
  }

  void check_demand_accounting() {
    for (std::size_t d = 0; d < in_.demand().size(); ++d) {
      const Demand& demand = in_.demand()[d];
      const std::string where = "demand " + in_quotes(demand.id);
      const double accounted = served_[d] + unserved_[d];
      if (!within(served_[d], demand.packages))
        add(where, "routes carry " + number_text(served_[d], 10) +
                       " packages but the demand has only " + number_text(demand.packages, 10));
      else if (!close(accounted, demand.packages))
        add(where, "routes carry " + number_text(served_[d], 10) + " and unserved lists " +
                       number_text(unserved_[d], 10) + " packages, together " +
                       number_text(accounted, 10) + ", but the demand has " +
                       number_text(demand.packages, 10));
    }
  }

  void check_departures() {
    std::map<Slot, std::size_t> first_entry;
    for (std::size_t j = 0; j < plan_.departures.size(); ++j) {
      const PlannedDeparture& dep = plan_.departures[j];
      const std::string where = indexed("departures", j);
      std::optional<std::size_t> lane_index = in_.lane_index(dep.lane);
      if (!lane_index) {
        add(where + ".lane", "unknown lane " + in_quotes(dep.lane));
        continue;
      }
      const Lane& lane = in_.lanes()[*lane_index];
      const VehicleType& type = in_.vehicle_type_of(lane);
      if (dep.from != facility_id(lane.from))
        add(where + ".from", "is " + in_quotes(dep.from) + " but lane " + in_quotes(lane.id) +
                                 " leaves " + in_quotes(facility_id(lane.from)));
      if (dep.to != facility_id(lane.to))
        add(where + ".to", "is " + in_quotes(dep.to) + " but lane " + in_quotes(lane.id) +
                               " goes to " + in_quotes(facility_id(lane.to)));
      if (dep.vehicle_type != type.id)
        add(where + ".vehicle_type", "is " + in_quotes(dep.vehicle_type) + " but lane " +
                                         in_quotes(lane.id) + " uses " + in_quotes(type.id));
      if (!lane_departs_at(lane, dep.departure_minute))
        add(where + ".departure_minute", "lane " + in_quotes(lane.id) +
                                             " has no departure at minute " +
                                             std::to_string(dep.departure_minute));
      const std::int64_t arrival = std::int64_t{dep.departure_minute} + lane.transit_minutes;
      if (dep.arrival_minute != arrival)
        add(where + ".arrival_minute",
            "is " + std::to_string(dep.arrival_minute) + " but departure " +
                std::to_string(dep.departure_minute) + " + transit " +
                std::to_string(lane.transit_minutes) + " = " + std::to_string(arrival));
      if (dep.vehicles < 0)
        add(where + ".vehicles", "must be >= 0, got " + std::to_string(dep.vehicles));
      if (lane.max_vehicles_per_departure && dep.vehicles > *lane.max_vehicles_per_departure)
        add(where + ".vehicles", std::to_string(dep.vehicles) + " vehicles exceed lane " +
                                     in_quotes(lane.id) + "'s max_vehicles_per_departure " +
                                     std::to_string(*lane.max_vehicles_per_departure));

      result_.recomputed_cost.vehicles += dep.vehicles * lane.cost_per_trip;
      trips_by_mode_[to_string(type.mode)] += dep.vehicles;
      const Slot slot{*lane_index, dep.departure_minute};
      vehicles_by_slot_[slot] += dep.vehicles;
      if (dep.vehicles > 0)
        en_route_[lane.vehicle_type].push_back({dep.departure_minute, arrival, dep.vehicles});

      auto [it, inserted] = first_entry.emplace(slot, j);
      if (!inserted) {
        // The load of a slot is compared with its first entry only; a second one is an error.
        add(where, "duplicates " + indexed("departures", it->second) + " (lane " +
                       in_quotes(lane.id) + " at minute " + std::to_string(dep.departure_minute) +
                       ")");
        continue;
      }
      check_departure_load(where, dep, lane, type, slot);
    }
  }

  void check_departure_load(const std::string& where, const PlannedDeparture& dep, const Lane& lane,
                            const VehicleType& type, const Slot& slot) {
    auto found = route_load_.find(slot);
    const Load carried = found == route_load_.end() ? Load{} : found->second;
    if (!close(dep.load.packages, carried.packages))
      add(where + ".load.packages", "is " + number_text(dep.load.packages, 10) +
                                        " but the routes on this departure carry " +
                                        number_text(carried.packages, 10));
    if (!close(dep.load.cube_m3, carried.cube_m3))
      add(where + ".load.cube_m3", "is " + number_text(dep.load.cube_m3, 10) +
                                       " but the routes on this departure carry " +
                                       number_text(carried.cube_m3, 10));
    if (!close(dep.load.weight_kg, carried.weight_kg))
      add(where + ".load.weight_kg", "is " + number_text(dep.load.weight_kg, 10) +
                                         " but the routes on this departure carry " +
                                         number_text(carried.weight_kg, 10));

    const double vehicles = std::max(0, dep.vehicles);
    const double cube_capacity = vehicles * type.capacity.cube_m3;
    const double weight_capacity = vehicles * type.capacity.weight_kg;
    const std::string fleet_text = std::to_string(std::max(0, dep.vehicles)) + " vehicle(s) of " +
                                   in_quotes(type.id) + " on " + in_quotes(lane.id);
    if (!within(carried.cube_m3, cube_capacity))
      add(where, "routes load " + number_text(carried.cube_m3, 10) + " m3 but " + fleet_text +
                     " carry at most " + number_text(cube_capacity, 10) + " m3");
    if (!within(carried.weight_kg, weight_capacity))
      add(where, "routes load " + number_text(carried.weight_kg, 10) + " kg but " + fleet_text +
                     " carry at most " + number_text(weight_capacity, 10) + " kg");

    // Fill is a ratio of the reported load (a wrong load is reported above, not twice).
    const double fill_cube = cube_capacity > 0 ? dep.load.cube_m3 / cube_capacity : 0.0;
    const double fill_weight = weight_capacity > 0 ? dep.load.weight_kg / weight_capacity : 0.0;
    if (!close_ratio(dep.fill_cube, fill_cube))
      add(where + ".fill.cube", "is " + number_text(dep.fill_cube, 10) + " but load " +
                                    number_text(dep.load.cube_m3, 10) + " / capacity " +
                                    number_text(cube_capacity, 10) + " = " +
                                    number_text(fill_cube, 10));
    if (!close_ratio(dep.fill_weight, fill_weight))
      add(where + ".fill.weight", "is " + number_text(dep.fill_weight, 10) + " but load " +
                                      number_text(dep.load.weight_kg, 10) + " / capacity " +
                                      number_text(weight_capacity, 10) + " = " +
                                      number_text(fill_weight, 10));
  }

  void check_route_legs_have_vehicles() {
    for (const auto& [slot, legs] : legs_by_slot_) {
      auto found = vehicles_by_slot_.find(slot);
      if (found != vehicles_by_slot_.end() && found->second > 0) continue;
      const std::string why = found == vehicles_by_slot_.end()
                                  ? "there is no departures entry for it"
                                  : "its departures entry has no vehicles";
      for (const std::string& leg_where : legs)
        add(leg_where, "rides lane " + in_quotes(in_.lanes()[slot.first].id) + " at minute " +
                           std::to_string(slot.second) + " but " + why);
    }
  }

  void check_sort_capacity() {
    for (const auto& [facility_hour, packages] : leaving_) {
      const Facility& facility = in_.facilities()[facility_hour.first];
      if (!facility.sort_capacity_per_hour) continue;
      const int hour = facility_hour.second;
      if (!within(packages, *facility.sort_capacity_per_hour))
        add("facility " + in_quotes(facility.id) + " hour " + std::to_string(hour),
            number_text(packages, 10) + " packages leave during minutes [" +
                std::to_string(60 * std::int64_t{hour}) + ", " +
                std::to_string(60 * std::int64_t{hour} + 60) + ") but the sort capacity is " +
                number_text(*facility.sort_capacity_per_hour, 10) + " per hour");
    }
  }

  void check_fleet() {
    for (const auto& [type_index, trips] : en_route_) {
      const VehicleType& type = in_.vehicle_types()[type_index];
      // A cyclic type's fleet counts parked vehicles too (network/balance_check.h).
      if (!type.fleet || type.balance == Balance::cyclic) continue;
      // Sweep over departure and arrival minutes, applying every event of a minute before
      // checking: a vehicle arriving at minute t is no longer en route at t (half-open).
      std::vector<std::pair<std::int64_t, std::int64_t>> events;
      for (const Trip& trip : trips) {
        events.push_back({trip.departure, trip.vehicles});
        events.push_back({trip.arrival, -trip.vehicles});
      }
      std::sort(events.begin(), events.end());
      std::int64_t en_route = 0;
      std::int64_t peak = 0;
      std::optional<std::int64_t> excess_since;
      for (std::size_t e = 0; e < events.size();) {
        const std::int64_t minute = events[e].first;
        for (; e < events.size() && events[e].first == minute; ++e) en_route += events[e].second;
        if (en_route > *type.fleet) {
          if (!excess_since) excess_since = minute;
          peak = std::max(peak, en_route);
        } else if (excess_since) {
          add("vehicle_type " + in_quotes(type.id),
              "up to " + std::to_string(peak) + " vehicles en route during minutes [" +
                  std::to_string(*excess_since) + ", " + std::to_string(minute) +
                  ") but the fleet is " + std::to_string(*type.fleet));
          excess_since.reset();
          peak = 0;
        }
      }
    }
  }

  void check_balance() {
    BalanceCheck balance = check_vehicle_balance(in_, plan_, tolerance_);
    for (Violation& v : balance.violations) result_.violations.push_back(std::move(v));
    result_.recomputed_cost.repositioning = balance.repositioning;
    result_.recomputed_cost.fleet = balance.fleet;
  }

  void check_objective() {
    const CostSplit& mine = result_.recomputed_cost;
    const double total = mine.total();
    const std::pair<const char*, std::pair<double, double>> parts[] = {
        {"cost.vehicles", {plan_.cost.vehicles, mine.vehicles}},
        {"cost.packages", {plan_.cost.packages, mine.packages}},
        {"cost.handling", {plan_.cost.handling, mine.handling}},
        {"cost.unserved", {plan_.cost.unserved, mine.unserved}},
        {"cost.repositioning", {plan_.cost.repositioning, mine.repositioning}},
        {"cost.fleet", {plan_.cost.fleet, mine.fleet}},
        {"objective", {plan_.objective, total}},
    };
    for (const auto& [where, values] : parts)
      if (!close(values.first, values.second))
        add(where, "is " + number_text(values.first, 10) + " but recomputed " +
                       number_text(values.second, 10));

    if (plan_.lower_bound && !within(*plan_.lower_bound, total))
      add("lower_bound", "is " + number_text(*plan_.lower_bound, 10) +
                             ", above the recomputed objective " + number_text(total, 10));
    // The unavoidable penalty: demand with no on-time path at all, found here from the lanes
    // and their departures (network/on_time_paths.h), not taken from the planner.
    double unavoidable = 0.0;
    const std::vector<bool> on_time = has_on_time_path(in_);
    for (std::size_t d = 0; d < on_time.size(); ++d)
      if (!on_time[d]) unavoidable += in_.demand()[d].packages * in_.unserved_penalty_per_package();
    if (plan_.unavoidable_penalty && !close(*plan_.unavoidable_penalty, unavoidable))
      add("unavoidable_penalty", "is " + number_text(*plan_.unavoidable_penalty, 10) +
                                     " but the demand with no on-time path costs " +
                                     number_text(unavoidable, 10));
    if (plan_.lower_bound && plan_.gap) {
      // network/gap.h; a plan that does not state its unavoidable penalty means FORMAT's
      // (objective − lower_bound) / objective.
      const double expected = relative_gap(plan_.objective, *plan_.lower_bound,
                                           plan_.unavoidable_penalty ? unavoidable : 0.0);
      if (!close_ratio(*plan_.gap, expected))
        add("gap", "is " + number_text(*plan_.gap, 10) + " but (objective " +
                       number_text(plan_.objective, 10) + " - lower_bound " +
                       number_text(*plan_.lower_bound, 10) + ") / (objective - unavoidable " +
                       number_text(plan_.unavoidable_penalty ? unavoidable : 0.0, 10) +
                       ") = " + number_text(expected, 10));
    }
  }

  // KPIs are optional in a plan: an all-default block means "not reported".
  void check_kpis() {
    const PlanKpis& kpis = plan_.kpis;
    const bool present = !kpis.vehicle_trips.empty() || !kpis.fill_cube.empty() ||
                         !kpis.fill_weight.empty() || kpis.on_time_share != 0.0 ||
                         kpis.solve_seconds != 0.0;
    if (!present) return;
    double all_packages = 0.0;
    for (const Demand& demand : in_.demand()) all_packages += demand.packages;
    // Without demand no package is late: the share is 1, as the planner reports it.
    const double share = all_packages > 0 ? on_time_packages_ / all_packages : 1.0;
    if (!close_ratio(kpis.on_time_share, share))
      add("kpis.on_time_share",
          "is " + number_text(kpis.on_time_share, 10) + " but on-time routes carry " +
              number_text(on_time_packages_, 10) + " of " + number_text(all_packages, 10) +
              " packages = " + number_text(share, 10));
    if (!kpis.vehicle_trips.empty()) {
      for (const auto& [mode, trips] : kpis.vehicle_trips) {
        auto found = trips_by_mode_.find(mode);
        if (mode != "truck" && mode != "air")
          add("kpis.vehicle_trips." + mode, "unknown mode " + in_quotes(mode));
        else if (trips != (found == trips_by_mode_.end() ? 0 : found->second))
          add("kpis.vehicle_trips." + mode,
              "is " + std::to_string(trips) + " but the departures run " +
                  std::to_string(found == trips_by_mode_.end() ? 0 : found->second));
      }
      for (const auto& [mode, trips] : trips_by_mode_)
        if (trips != 0 && !kpis.vehicle_trips.count(mode))
          add("kpis.vehicle_trips",
              "has no entry for " + mode + " but the departures run " + std::to_string(trips));
    }
    // The per-mode fill averages are not defined precisely by FORMAT.md; only their range is.
    for (const auto* fills : {&kpis.fill_cube, &kpis.fill_weight})
      for (const auto& [mode, fill] : *fills)
        if (!(fill >= -kAbsoluteTolerance && fill <= 1.0 + kAbsoluteTolerance))
          add(std::string(fills == &kpis.fill_cube ? "kpis.fill_cube." : "kpis.fill_weight.") +
                  mode,
              "is " + number_text(fill, 10) + ", outside [0, 1]");
  }

  struct Trip {
    std::int64_t departure;
    std::int64_t arrival;
    std::int64_t vehicles;
  };

  const Instance& in_;
  const Plan& plan_;
  double tolerance_;
  PlanVerification result_;
  std::vector<double> served_;    // route packages per demand
  std::vector<double> unserved_;  // unserved packages per demand
  double on_time_packages_ = 0.0;
  std::map<Slot, Load> route_load_;                        // rebuilt from the routes
  std::map<Slot, std::vector<std::string>> legs_by_slot_;  // route legs riding each slot
  std::map<Slot, std::int64_t> vehicles_by_slot_;          // from the departures entries
  std::map<std::pair<std::size_t, int>, double> leaving_;  // (facility, clock hour) -> packages
  std::map<std::size_t, std::vector<Trip>> en_route_;      // vehicle type -> trips with vehicles
  std::map<std::string, std::int64_t> trips_by_mode_;
};

}  // namespace

PlanVerification check_plan(const Instance& instance, const Plan& plan, double tolerance) {
  return Referee(instance, plan, tolerance).run();
}

std::vector<Violation> verify_plan(const Instance& instance, const Plan& plan, double tolerance) {
  return check_plan(instance, plan, tolerance).violations;
}

}  // namespace mm::network
