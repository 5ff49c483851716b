// explain_empty_move and explain_fleet (explain/explain.h): why a cyclic type's vehicle runs
// empty, and what its fleet is worth.
#include <algorithm>
#include <vector>

#include "explain/explain.h"
#include "explain/explain_support.h"
#include "network/errors.h"
#include "network/json_text.h"
#include "network/number_text.h"

namespace mm::explain {

namespace {

const network::VehicleType& cyclic_type(const network::Instance& instance, const std::string& id) {
  const auto t = instance.vehicle_type_index(id);
  if (!t)
    throw network::InputError("unknown vehicle type " + network::in_quotes(id) +
                              " (the instance has no such type)");
  const network::VehicleType& type = instance.vehicle_types()[*t];
  if (type.balance != network::Balance::cyclic)
    throw network::InputError("vehicle type " + network::in_quotes(id) +
                              " is not cyclic: its trips are one-way, it has no empty moves or "
                              "fleet to explain (FORMAT.md, \"Vehicle balance\")");
  return type;
}

ExplainLeg leg_of(const network::RotationLeg& leg) {
  return {leg.lane, leg.from, leg.to, leg.departure_minute, leg.arrival_minute};
}

// Loaded trips of `type` leaving and arriving at `facility` in the plan.
FacilityBalance balance_at(const network::Plan& plan, const std::string& type,
                           const std::string& facility) {
  FacilityBalance b;
  b.facility = facility;
  for (const network::PlannedDeparture& d : plan.departures) {
    if (d.vehicle_type != type) continue;
    if (d.from == facility) b.leaving += d.vehicles;
    if (d.to == facility) b.arriving += d.vehicles;
  }
  return b;
}

// The rotation's nearest loaded leg before (step −1) or after (step +1) leg k, going round.
std::optional<ExplainLeg> nearest_loaded(const network::Rotation& r, std::size_t k, int step) {
  const std::size_t n = r.legs.size();
  for (std::size_t i = 1; i < n; ++i) {
    const std::size_t j = step > 0 ? (k + i) % n : (k + n - i) % n;
    if (r.legs[j].loaded) return leg_of(r.legs[j]);
  }
  return std::nullopt;
}

}  // namespace

EmptyMoveExplanation explain_empty_move(const network::Instance& instance,
                                        const network::Plan& plan, const std::string& lane_id,
                                        int departure_minute) {
  if (!instance.lane_index(lane_id))
    throw network::InputError("unknown lane " + network::in_quotes(lane_id));
  EmptyMoveExplanation out;
  bool found = false;
  for (const network::EmptyMove& m : plan.repositioning) {
    if (m.lane != lane_id || m.departure_minute != departure_minute) continue;
    if (!found) {
      out.lane = m.lane;
      out.from = m.from;
      out.to = m.to;
      out.vehicle_type = m.vehicle_type;
      out.departure_minute = m.departure_minute;
      out.arrival_minute = m.arrival_minute;
      found = true;
    }
    if (m.from != out.from) continue;  // the other direction at the same minute: listed once
    out.vehicles += m.vehicles;
    out.cost += m.cost;
  }
  if (!found)
    throw network::InputError("the plan has no empty move on lane " + network::in_quotes(lane_id) +
                              " leaving at minute " + std::to_string(departure_minute) +
                              " (its empty moves are listed under \"repositioning\")");
  cyclic_type(instance, out.vehicle_type);
  out.at_from = balance_at(plan, out.vehicle_type, out.from);
  out.at_to = balance_at(plan, out.vehicle_type, out.to);
  for (const network::Rotation& r : plan.rotations)
    for (std::size_t k = 0; k < r.legs.size(); ++k) {
      const network::RotationLeg& leg = r.legs[k];
      if (leg.loaded || leg.lane != out.lane || leg.departure_minute != out.departure_minute ||
          leg.from != out.from)
        continue;
      out.needs.push_back({r.id, nearest_loaded(r, k, -1), nearest_loaded(r, k, +1)});
    }
  const int surplus = out.at_from.arriving - out.at_from.leaving;
  const int deficit = out.at_to.leaving - out.at_to.arriving;
  out.reason = out.vehicle_type + " vehicles arrive loaded at " + out.from + " " +
               std::to_string(out.at_from.arriving) + " times a cycle and leave loaded " +
               std::to_string(out.at_from.leaving) + " times (" +
               (surplus > 0 ? std::to_string(surplus) + " too many" : "none to spare") + "); at " +
               out.to + " they leave loaded " + std::to_string(out.at_to.leaving) +
               " times and arrive loaded " + std::to_string(out.at_to.arriving) + " times (" +
               (deficit > 0 ? std::to_string(deficit) + " short" : "none short") +
               "): this move brings " + std::to_string(out.vehicles) + " of them for " +
               network::fixed_text(out.cost, 2) +
               ", the cheapest way back the vehicle circulation found";
  return out;
}

FleetExplanation explain_fleet(const network::Instance& instance, const network::Plan& plan,
                               const std::string& vehicle_type_id, const ExplainOptions& options) {
  const network::VehicleType& type = cyclic_type(instance, vehicle_type_id);
  FleetExplanation out;
  out.vehicle_type = type.id;
  out.fleet_limit = type.fleet;
  out.cost_per_vehicle = type.cost_per_vehicle;
  for (const network::FleetUse& f : plan.fleet) {
    if (f.vehicle_type != type.id) continue;
    out.used = f.vehicles;
    out.parked_at_start = f.parked_at_start;
    out.en_route_at_start = f.en_route_at_start;
  }
  for (const network::PlannedDeparture& d : plan.departures)
    if (d.vehicle_type == type.id) out.loaded_trips += d.vehicles;
  for (const network::EmptyMove& m : plan.repositioning)
    if (m.vehicle_type == type.id) {
      out.empty_trips += m.vehicles;
      out.empty_cost += m.cost;
    }
  const std::size_t t = *instance.vehicle_type_index(type.id);
  const auto with_fleet = [&](int fleet) {
    network::InstanceData data = instance.data();
    if (fleet > 0) {
      data.vehicle_types[t].fleet = fleet;
    } else {
      // No vehicle at all (a fleet must be >= 1): the type's lanes go.
      std::vector<network::Lane> kept;
      for (network::Lane& lane : data.lanes)
        if (lane.vehicle_type != t) kept.push_back(std::move(lane));
      data.lanes = std::move(kept);
    }
    return network::Instance::create(std::move(data), instance.name() + " with a fleet of " +
                                                          std::to_string(fleet) + " " + type.id);
  };
  const auto unresolved = [&](const std::string& note) {
    ClosingCost c;
    c.plan_objective = plan.objective;
    c.plan_gap = plan.gap;
    c.closed_objective = plan.objective;
    c.note = note;
    return c;
  };

  if (out.fleet_limit && out.used >= *out.fleet_limit) {
    out.one_more = replan_against(plan, with_fleet(out.used + 1), options);
    if (out.one_more.closed_status == network::PlanStatus::no_solution)
      out.one_more.note =
          "the re-plan with one more vehicle found no solution within the time limit";
    else if (out.one_more.delta < 0)
      out.one_more.note = "one more vehicle saves " + network::fixed_text(-out.one_more.delta, 2) +
                          " a cycle (its ownership included): the fleet limit binds";
    else
      out.one_more.note =
          "the re-plan with one more vehicle is no cheaper: within these time limits the fleet "
          "limit does not cost anything";
  } else {
    out.one_more = unresolved(
        out.fleet_limit
            ? "the plan uses " + std::to_string(out.used) + " of " +
                  std::to_string(*out.fleet_limit) +
                  " vehicles: the limit does not bind, one more is worth nothing to it"
            : "the type has no fleet limit: the plan already owns the vehicles that pay");
  }
  if (out.used == 0) {
    out.one_fewer = unresolved("the plan uses no vehicle of this type");
  } else {
    out.one_fewer = replan_against(plan, with_fleet(out.used - 1), options);
    if (out.one_fewer.closed_status == network::PlanStatus::no_solution)
      out.one_fewer.note =
          "the re-plan with one fewer vehicle found no solution within the time limit";
    else if (out.one_fewer.delta < 0)
      out.one_fewer.note =
          "the re-plan with one fewer vehicle is cheaper than the plan: the plan is not optimal, "
          "and its gap bounds how far";
    else
      out.one_fewer.note = "one fewer vehicle costs " +
                           network::fixed_text(out.one_fewer.delta, 2) +
                           " a cycle more (its ownership saved included)";
  }
  return out;
}

}  // namespace mm::explain
