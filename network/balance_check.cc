#include "network/balance_check.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>

#include "network/derived_values.h"
#include "network/json_text.h"
#include "network/number_text.h"
#include "network/referee_tolerance.h"

namespace mm::network {

namespace {

std::int64_t fold(std::int64_t minute, std::int64_t cycle) {
  return ((minute % cycle) + cycle) % cycle;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

std::string indexed(const char* list, std::size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

std::string type_where(const VehicleType& type) {
  return "vehicle_type " + in_quotes(type.id);
}

// A vehicle movement of a cyclic type folded onto the cycle.
struct Trip {
  std::size_t from = 0;
  std::size_t to = 0;
  std::int64_t departure = 0;  // folded, in [0, C)
  std::int64_t ready = 0;      // departure + transit + turn, not folded
  std::int64_t vehicles = 0;
};

class BalanceReferee {
 public:
  BalanceReferee(const Instance& instance, const Plan& plan, double tolerance)
      : in_(instance), plan_(plan), tolerance_(tolerance), cycle_(instance.cycle_minutes()) {}

  BalanceCheck run() {
    const std::size_t types = in_.vehicle_types().size();
    trips_.resize(types);
    fleet_vehicles_.assign(types, 0);
    loaded_trips();
    empty_moves();
    fleet_entries();
    for (std::size_t t = 0; t < types; ++t)
      if (cyclic(t)) check_type(t);
    rotations();
    return std::move(result_);
  }

 private:
  void add(std::string where, std::string message) {
    result_.violations.push_back({std::move(where), std::move(message)});
  }

  bool close(double a, double b) const { return referee_agrees(a, b, tolerance_); }

  bool cyclic(std::size_t type) const {
    return in_.vehicle_types()[type].balance == Balance::cyclic;
  }

  std::int64_t duration(const Lane& lane) const {
    return std::int64_t{lane.transit_minutes} + in_.vehicle_type_of(lane).turn_minutes;
  }

  void loaded_trips() {
    for (const PlannedDeparture& dep : plan_.departures) {
      const std::optional<std::size_t> l = in_.lane_index(dep.lane);
      if (!l || dep.vehicles <= 0) continue;  // the departure rules report those
      const Lane& lane = in_.lanes()[*l];
      if (!cyclic(lane.vehicle_type)) continue;
      const std::int64_t d = fold(dep.departure_minute, cycle_);
      trips_[lane.vehicle_type].push_back(
          {lane.from, lane.to, d, d + duration(lane), dep.vehicles});
      expected_loaded_[{*l, dep.departure_minute}] += dep.vehicles;
    }
  }

  void empty_moves() {
    for (std::size_t i = 0; i < plan_.repositioning.size(); ++i) {
      const EmptyMove& move = plan_.repositioning[i];
      const std::string where = indexed("repositioning", i);
      const std::optional<std::size_t> l = in_.lane_index(move.lane);
      if (!l) {
        add(where + ".lane", "unknown lane " + in_quotes(move.lane));
        continue;
      }
      const Lane& lane = in_.lanes()[*l];
      const VehicleType& type = in_.vehicle_type_of(lane);
      const std::string& a = in_.facilities()[lane.from].id;
      const std::string& b = in_.facilities()[lane.to].id;
      if (type.balance != Balance::cyclic)
        add(where, "lane " + in_quotes(lane.id) + " uses vehicle type " + in_quotes(type.id) +
                       ", which is not cyclic: it has no empty moves");
      if (move.vehicle_type != type.id)
        add(where + ".vehicle_type", "is " + in_quotes(move.vehicle_type) + " but lane " +
                                         in_quotes(lane.id) + " uses " + in_quotes(type.id));
      const bool forward = move.from == a && move.to == b;
      const bool reverse = move.from == b && move.to == a;
      if (!forward && !reverse)
        add(where, "goes from " + in_quotes(move.from) + " to " + in_quotes(move.to) +
                       " but lane " + in_quotes(lane.id) + " joins " + in_quotes(a) + " and " +
                       in_quotes(b));
      if (move.departure_minute < 0 || move.departure_minute >= cycle_)
        add(where + ".departure_minute", "must be in [0, " + std::to_string(cycle_) +
                                             ") (the cycle), got " +
                                             std::to_string(move.departure_minute));
      const std::int64_t arrival = std::int64_t{move.departure_minute} + lane.transit_minutes;
      if (move.arrival_minute != arrival)
        add(where + ".arrival_minute", "is " + std::to_string(move.arrival_minute) +
                                           " but departure + transit = " + std::to_string(arrival));
      if (move.vehicles < 1)
        add(where + ".vehicles", "must be >= 1, got " + std::to_string(move.vehicles));
      const double cost = std::max(0, move.vehicles) * empty_move_cost(type, lane.distance_km);
      if (!close(move.cost, cost))
        add(where + ".cost", "is " + number_text(move.cost, 10) + " but " +
                                 std::to_string(move.vehicles) + " empty move(s) of " +
                                 number_text(lane.distance_km, 10) + " km cost " +
                                 number_text(cost, 10));
      result_.repositioning += cost;
      if ((!forward && !reverse) || move.vehicles < 1 || type.balance != Balance::cyclic) continue;
      const std::size_t from = forward ? lane.from : lane.to;
      const std::size_t to = forward ? lane.to : lane.from;
      const std::int64_t d = fold(move.departure_minute, cycle_);
      trips_[lane.vehicle_type].push_back({from, to, d, d + duration(lane), move.vehicles});
      expected_empty_[{*l, from, move.departure_minute}] += move.vehicles;
    }
  }

  void fleet_entries() {
    for (std::size_t i = 0; i < plan_.fleet.size(); ++i) {
      const FleetUse& use = plan_.fleet[i];
      const std::string where = indexed("fleet", i);
      const std::optional<std::size_t> t = in_.vehicle_type_index(use.vehicle_type);
      if (!t) {
        add(where + ".vehicle_type", "unknown vehicle type " + in_quotes(use.vehicle_type));
        continue;
      }
      if (!cyclic(*t)) {
        add(where + ".vehicle_type", in_quotes(use.vehicle_type) + " is not cyclic");
        continue;
      }
      auto [it, inserted] = fleet_entry_.emplace(*t, i);
      if (!inserted) add(where, "repeats " + indexed("fleet", it->second));
      for (const auto& [facility, n] : use.parked_at_start) {
        if (!in_.facility_index(facility))
          add(where + ".parked_at_start", "unknown facility " + in_quotes(facility));
        if (n < 0)
          add(json_member_path(where + ".parked_at_start", facility),
              "must be >= 0, got " + std::to_string(n));
      }
    }
  }

  void check_type(std::size_t t) {
    const VehicleType& type = in_.vehicle_types()[t];
    const std::vector<Trip>& trips = trips_[t];
    auto entry = fleet_entry_.find(t);
    const FleetUse* use = entry == fleet_entry_.end() ? nullptr : &plan_.fleet[entry->second];
    const std::string where = use ? indexed("fleet", entry->second) : type_where(type);
    if (!use) {
      if (!trips.empty())
        add(type_where(type), "is cyclic and runs trips, but the plan has no fleet entry for it");
      return;
    }
    // (minute, +ready / −leaving) per facility.
    std::map<std::size_t, std::vector<std::pair<std::int64_t, std::int64_t>>> events;
    std::int64_t en_route = 0;
    for (const Trip& trip : trips) {
      events[trip.from].push_back({trip.departure, -trip.vehicles});
      events[trip.to].push_back({fold(trip.ready, cycle_), trip.vehicles});
      en_route += trip.vehicles * floor_div(trip.ready, cycle_);
    }
    std::int64_t parked_total = 0;
    for (const auto& [facility, n] : use->parked_at_start) parked_total += std::max(0, n);
    for (auto& [f, list] : events) {
      const std::string& id = in_.facilities()[f].id;
      std::int64_t net = 0;
      for (const auto& e : list) net += e.second;
      if (net != 0) {
        add(type_where(type) + " at " + in_quotes(id),
            "over the cycle " + std::to_string(net > 0 ? net : -net) + " more vehicle(s) " +
                (net > 0 ? "become ready than leave" : "leave than become ready") +
                " (a cyclic schedule must bring every vehicle back)");
        continue;
      }
      // Ready vehicles of a minute before its departures.
      std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first < y.first : x.second > y.second;
      });
      auto parked = use->parked_at_start.find(id);
      std::int64_t level = parked == use->parked_at_start.end() ? 0 : parked->second;
      for (const auto& [minute, delta] : list) {
        level += delta;
        if (level < 0) {
          add(where + ".parked_at_start",
              "at minute " + std::to_string(minute) + " of the cycle a vehicle of " +
                  in_quotes(type.id) + " leaves " + in_quotes(id) +
                  " but none is there (vehicles parked there at the start: " +
                  std::to_string(parked == use->parked_at_start.end() ? 0 : parked->second) + ")");
          break;
        }
      }
    }
    if (use->en_route_at_start != en_route)
      add(where + ".en_route_at_start", "is " + std::to_string(use->en_route_at_start) +
                                            " but the trips across the cycle start carry " +
                                            std::to_string(en_route));
    const std::int64_t vehicles = parked_total + en_route;
    fleet_vehicles_[t] = vehicles;
    if (use->vehicles != vehicles)
      add(where + ".vehicles", "is " + std::to_string(use->vehicles) + " but parked " +
                                   std::to_string(parked_total) + " + en route " +
                                   std::to_string(en_route) + " = " + std::to_string(vehicles));
    if (type.fleet && vehicles > *type.fleet)
      add(type_where(type), "the schedule needs " + std::to_string(vehicles) +
                                " vehicles (parked and en route) but the fleet is " +
                                std::to_string(*type.fleet));
    const double cost = static_cast<double>(vehicles) * type.cost_per_vehicle;
    if (!close(use->cost, cost))
      add(where + ".cost", "is " + number_text(use->cost, 10) + " but " + std::to_string(vehicles) +
                               " vehicles × " + number_text(type.cost_per_vehicle, 10) + " = " +
                               number_text(cost, 10));
    result_.fleet += cost;
  }

  void rotations() {
    std::map<std::pair<std::size_t, int>, std::int64_t> loaded;
    std::map<std::tuple<std::size_t, std::size_t, int>, std::int64_t> empty;
    std::vector<std::int64_t> cycles(in_.vehicle_types().size(), 0);
    for (std::size_t r = 0; r < plan_.rotations.size(); ++r) {
      const Rotation& rotation = plan_.rotations[r];
      const std::string where = indexed("rotations", r);
      const std::optional<std::size_t> t = in_.vehicle_type_index(rotation.vehicle_type);
      if (!t || !cyclic(*t)) {
        add(where + ".vehicle_type",
            in_quotes(rotation.vehicle_type) + " is not a cyclic vehicle type of the instance");
        continue;
      }
      if (rotation.legs.empty()) {
        add(where + ".legs", "a rotation needs at least one leg");
        continue;
      }
      if (rotation.cycles < 1)
        add(where + ".cycles", "must be >= 1, got " + std::to_string(rotation.cycles));
      cycles[*t] += std::max(0, rotation.cycles);
      // Walk the legs in real minutes from the first departure (folded): each leg leaves at the
      // first minute of its folded departure at or after the vehicle is ready.
      std::int64_t clock = 0;
      bool timed = true;
      const Lane* previous = nullptr;
      std::size_t previous_to = 0;
      for (std::size_t i = 0; i < rotation.legs.size() && timed; ++i) {
        const RotationLeg& leg = rotation.legs[i];
        const std::string leg_where = where + ".legs[" + std::to_string(i) + "]";
        const std::optional<std::size_t> l = in_.lane_index(leg.lane);
        const std::optional<std::size_t> from = in_.facility_index(leg.from);
        const std::optional<std::size_t> to = in_.facility_index(leg.to);
        if (!l || !from || !to || in_.lanes()[*l].vehicle_type != *t) {
          add(leg_where,
              "needs a lane of " + in_quotes(rotation.vehicle_type) + " and known facilities");
          timed = false;
          break;
        }
        const Lane& lane = in_.lanes()[*l];
        const bool forward = *from == lane.from && *to == lane.to;
        const bool reverse = *from == lane.to && *to == lane.from;
        if (!(forward || (!leg.loaded && reverse)))
          add(leg_where, "goes from " + in_quotes(leg.from) + " to " + in_quotes(leg.to) +
                             ", not along lane " + in_quotes(lane.id));
        if (leg.arrival_minute != std::int64_t{leg.departure_minute} + lane.transit_minutes)
          add(leg_where + ".arrival_minute", "is not departure + transit");
        if (leg.loaded)
          ++loaded[{*l, leg.departure_minute}];
        else
          ++empty[{*l, *from, leg.departure_minute}];
        const std::int64_t departure = fold(leg.departure_minute, cycle_);
        if (i == 0) {
          clock = departure;
        } else {
          if (*from != previous_to)
            add(leg_where, "leaves " + in_quotes(leg.from) + " but the leg before ends at " +
                               in_quotes(in_.facilities()[previous_to].id));
          clock += fold(departure - clock, cycle_);
        }
        clock += duration(lane);
        previous = &lane;
        previous_to = *to;
      }
      if (!timed || !previous) continue;
      const RotationLeg& first = rotation.legs.front();
      if (in_.facility_index(first.from) != previous_to)
        add(where, "ends at " + in_quotes(in_.facilities()[previous_to].id) + " but begins at " +
                       in_quotes(first.from));
      const std::int64_t start = fold(first.departure_minute, cycle_);
      clock += fold(start - clock, cycle_);
      if (clock - start != std::int64_t{rotation.cycles} * cycle_)
        add(where + ".cycles",
            "is " + std::to_string(rotation.cycles) +
                " but the legs, their turn times and waits take " + std::to_string(clock - start) +
                " minutes = " + number_text(static_cast<double>(clock - start) / cycle_, 10) +
                " cycles of " + std::to_string(cycle_));
    }
    for (const auto& [key, n] : expected_loaded_) {
      auto found = loaded.find(key);
      const std::int64_t got = found == loaded.end() ? 0 : found->second;
      if (got != n)
        add("rotations", "cover lane " + in_quotes(in_.lanes()[key.first].id) + " at minute " +
                             std::to_string(key.second) + " " + std::to_string(got) +
                             " time(s) but it runs " + std::to_string(n) + " vehicle(s)");
    }
    for (const auto& [key, n] : loaded)
      if (!expected_loaded_.count(key))
        add("rotations", "ride lane " + in_quotes(in_.lanes()[key.first].id) + " at minute " +
                             std::to_string(key.second) + ", which is no departure of the plan");
    for (const auto& [key, n] : expected_empty_) {
      auto found = empty.find(key);
      const std::int64_t got = found == empty.end() ? 0 : found->second;
      if (got != n)
        add("rotations", "cover the empty move on lane " +
                             in_quotes(in_.lanes()[std::get<0>(key)].id) + " from " +
                             in_quotes(in_.facilities()[std::get<1>(key)].id) + " at minute " +
                             std::to_string(std::get<2>(key)) + " " + std::to_string(got) +
                             " time(s) but it moves " + std::to_string(n) + " vehicle(s)");
    }
    for (const auto& [key, n] : empty)
      if (!expected_empty_.count(key))
        add("rotations", "run an empty move on lane " +
                             in_quotes(in_.lanes()[std::get<0>(key)].id) + " at minute " +
                             std::to_string(std::get<2>(key)) + " that repositioning lacks");
    for (std::size_t t = 0; t < cycles.size(); ++t)
      if (cyclic(t) && fleet_entry_.count(t) && cycles[t] != fleet_vehicles_[t])
        add("rotations", "of " + in_quotes(in_.vehicle_types()[t].id) + " span " +
                             std::to_string(cycles[t]) + " cycles but the type uses " +
                             std::to_string(fleet_vehicles_[t]) + " vehicles");
  }

  const Instance& in_;
  const Plan& plan_;
  double tolerance_;
  std::int64_t cycle_;
  BalanceCheck result_;
  std::vector<std::vector<Trip>> trips_;  // per vehicle type
  std::vector<std::int64_t> fleet_vehicles_;
  std::map<std::size_t, std::size_t> fleet_entry_;  // vehicle type -> index in plan.fleet
  std::map<std::pair<std::size_t, int>, std::int64_t> expected_loaded_;  // (lane, minute)
  std::map<std::tuple<std::size_t, std::size_t, int>, std::int64_t> expected_empty_;
};

}  // namespace

BalanceCheck check_vehicle_balance(const Instance& instance, const Plan& plan, double tolerance) {
  return BalanceReferee(instance, plan, tolerance).run();
}

}  // namespace mm::network
