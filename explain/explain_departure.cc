// explain_departure (explain/explain.h): riders, fill, the cost of closing it (a re-plan
// without it) and its LP shadow prices.
#include <algorithm>
#include <cmath>

#include "explain/explain.h"
#include "explain/explain_support.h"
#include "explain/plan_on_ten.h"
#include "network/errors.h"
#include "network/json_text.h"

namespace mm::explain {

DepartureExplanation explain_departure(const network::Instance& instance, const network::Plan& plan,
                                       const std::string& lane_id, int departure_minute,
                                       const ExplainOptions& options) {
  const auto lane_index = instance.lane_index(lane_id);
  if (!lane_index)
    throw network::InputError("--departure: lane " + network::in_quotes(lane_id) +
                              " is not in instance " + network::in_quotes(instance.name()));
  const network::TimeExpandedNetwork ten(instance);
  const PlanOnTen on_ten(instance, ten, plan);
  const std::size_t arc = on_ten.arc_of(*lane_index, departure_minute);
  if (arc == network::TimeExpandedNetwork::npos)
    throw network::InputError("--departure: lane " + network::in_quotes(lane_id) +
                              " has no departure at minute " + std::to_string(departure_minute) +
                              " (within the horizon) in instance " +
                              network::in_quotes(instance.name()));
  const network::Lane& lane = instance.lanes()[*lane_index];
  const network::VehicleType& vt = instance.vehicle_type_of(lane);
  const network::DispatchArc& dispatch = ten.dispatch(arc);

  DepartureExplanation out;
  out.lane = lane.id;
  out.from = instance.facilities()[lane.from].id;
  out.to = instance.facilities()[lane.to].id;
  out.vehicle_type = vt.id;
  out.departure_minute = dispatch.departure_minute;
  out.arrival_minute = dispatch.arrival_minute;
  out.max_vehicles = lane.max_vehicles_per_departure;
  out.vehicle_capacity = vt.capacity;
  const ArcUse& use = on_ten.use(arc);
  out.vehicles = use.vehicles;
  out.load = use.load;
  if (use.vehicles > 0) {
    out.fill_cube = use.load.cube_m3 / (use.vehicles * vt.capacity.cube_m3);
    out.fill_weight = use.load.weight_kg / (use.vehicles * vt.capacity.weight_kg);
  }
  // One line per demand: a demand split over several routes may ride the departure on more
  // than one of them.
  for (std::size_t r = 0; r < plan.routes.size(); ++r) {
    const auto& arcs = on_ten.route_arcs(r);
    if (std::find(arcs.begin(), arcs.end(), arc) == arcs.end()) continue;
    const network::Demand& d = instance.demand()[on_ten.route_demand(r)];
    const double share = plan.routes[r].packages / d.packages;
    auto rider = std::find_if(out.riders.begin(), out.riders.end(),
                              [&](const Rider& x) { return x.demand == d.id; });
    if (rider == out.riders.end()) rider = out.riders.insert(out.riders.end(), Rider{d.id});
    rider->packages += plan.routes[r].packages;
    rider->cube_m3 += share * d.cube_m3;
    rider->weight_kg += share * d.weight_kg;
  }
  std::sort(out.riders.begin(), out.riders.end(),
            [](const Rider& x, const Rider& y) { return x.cube_m3 > y.cube_m3; });

  ClosingCost& closing = out.closing;
  closing.plan_objective = plan.objective;
  closing.plan_gap = plan.gap;
  if (use.vehicles == 0 && out.riders.empty()) {
    closing.resolved = false;
    closing.closed_objective = plan.objective;
    closing.note =
        "the plan does not run this departure: it stays feasible without it, so "
        "closing costs nothing";
  } else {
    const network::Instance closed = without_departure(instance, *lane_index, departure_minute);
    closing = replan_against(plan, closed, options);
    if (closing.closed_status == network::PlanStatus::no_solution) {
      closing.note = "the re-plan without it found no solution within the time limit";
    } else {
      if (closing.delta < 0)
        closing.note =
            "the re-plan without this departure is cheaper than the plan: the plan is not "
            "optimal, and its gap bounds how far";
      else if (closing.delta_low && *closing.delta_low < 0)
        closing.note =
            "both plans have gaps: closing costs at most the difference; the re-plan's bound "
            "cannot rule out that it costs nothing against an optimal plan";
      else
        closing.note = "closing costs at least the bound difference and at most the re-plan's";
    }
  }

  MarginalValueOptions lp;
  lp.threads = options.threads;
  lp.time_limit_seconds = options.time_limit_seconds;
  const MarginalValues values = root_marginal_values(instance, ten, lp);
  out.marginal = values.departures[arc];
  out.lp_converged = values.converged;
  out.lp_value = values.lp_value;
  return out;
}

}  // namespace mm::explain
