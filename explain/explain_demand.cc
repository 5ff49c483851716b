// explain_demand (explain/explain.h): routes, alternatives and why each loses.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>

#include "engine/ten_design.h"
#include "explain/explain.h"
#include "explain/explain_support.h"
#include "explain/plan_on_ten.h"
#include "network/errors.h"
#include "network/json_text.h"
#include "network/number_text.h"
#include "network/physical_network.h"
#include "routing/route_alternatives.h"

namespace mm::explain {

namespace {

constexpr double kTolerance = 1e-6;

// Per package on each design arc: its cost when vehicles run full, for this demand's cube and
// weight per package (the planner's first pricing); free (holding) arcs cost 0.
std::vector<double> pricing_costs(const engine::DesignProblem& problem, const network::Demand& d) {
  std::vector<double> cost(problem.graph.arc_count(), 0.0);
  const std::array<double, engine::kDimensions> per_package = {d.cube_m3 / d.packages,
                                                               d.weight_kg / d.packages};
  for (std::size_t a = 0; a < problem.design_arcs.size(); ++a)
    cost[a] = engine::full_vehicle_cost_per_package(problem.design_arcs[a], per_package);
  return cost;
}

std::vector<std::size_t> dispatch_only(const std::vector<std::size_t>& arcs, std::size_t D) {
  std::vector<std::size_t> out;
  for (std::size_t a : arcs)
    if (a < D) out.push_back(a);
  return out;
}

}  // namespace

DemandExplanation explain_demand(const network::Instance& instance, const network::Plan& plan,
                                 const std::string& demand_id, const ExplainOptions& options) {
  const auto k = instance.demand_index(demand_id);
  if (!k)
    throw network::InputError("--demand: demand " + network::in_quotes(demand_id) +
                              " is not in instance " + network::in_quotes(instance.name()));
  const network::TimeExpandedNetwork ten(instance);
  const PlanOnTen on_ten(instance, ten, plan);
  const engine::DesignProblem problem = engine::ten_design_problem(instance, ten);
  const std::size_t D = ten.dispatch_count();
  const network::Demand& d = instance.demand()[*k];
  const auto& facilities = instance.facilities();

  DemandExplanation out;
  out.demand = d.id;
  out.origin = facilities[d.origin].id;
  out.destination = facilities[d.destination].id;
  out.packages = d.packages;
  out.cube_m3 = d.cube_m3;
  out.weight_kg = d.weight_kg;
  out.ready_minute = d.ready_minute;
  out.due_minute = d.due_minute;
  out.unserved_packages = on_ten.unserved_packages(*k);

  const std::vector<double> per_package = pricing_costs(problem, d);
  auto variable_per_package = [&](const std::vector<std::size_t>& arcs) {
    double c = 0.0;
    for (std::size_t a : arcs)
      if (a < D) c += problem.design_arcs[a].unit_cost;
    return c;
  };
  auto pricing_per_package = [&](const std::vector<std::size_t>& arcs) {
    double c = 0.0;
    for (std::size_t a : arcs)
      if (a < D) c += per_package[a];
    return c;
  };

  // The planned routes.
  std::set<std::vector<std::size_t>> planned;
  double planned_variable = 0.0, planned_pricing = 0.0;
  for (std::size_t r : on_ten.routes_of(*k)) {
    const network::Route& route = plan.routes[r];
    const std::vector<std::size_t>& arcs = on_ten.route_arcs(r);
    planned.insert(arcs);
    ExplainedRoute e;
    e.packages = route.packages;
    e.arrival_minute = route.arrival_minute;
    e.slack_minutes = d.due_minute - route.arrival_minute;
    const double share_of_demand = route.packages / d.packages;
    for (std::size_t a : arcs) {
      e.legs.push_back(explain_leg(instance, ten.dispatch(a)));
      const ArcUse& use = on_ten.use(a);
      const network::Lane& lane = instance.lanes()[ten.dispatch(a).lane];
      const network::VehicleType& vt = instance.vehicle_type_of(lane);
      // The share of the departure's vehicles is the share of its load in the dimension that
      // fills the vehicles most.
      const double fill_cube = use.load.cube_m3 / vt.capacity.cube_m3;
      const double fill_weight = use.load.weight_kg / vt.capacity.weight_kg;
      double share = 0.0;
      if (fill_cube >= fill_weight && use.load.cube_m3 > 0)
        share = share_of_demand * d.cube_m3 / use.load.cube_m3;
      else if (use.load.weight_kg > 0)
        share = share_of_demand * d.weight_kg / use.load.weight_kg;
      share = std::min(1.0, share);
      e.vehicle_share.push_back(share);
      e.cost.vehicles += share * use.vehicles * lane.cost_per_trip;
      e.cost.packages += route.packages * lane.cost_per_package;
      e.cost.handling += route.packages * facilities[lane.from].handling_cost_per_package;
    }
    e.pricing_cost = route.packages * pricing_per_package(arcs);
    planned_variable += route.packages * variable_per_package(arcs);
    planned_pricing += e.pricing_cost;
    out.served_packages += route.packages;
    out.routes.push_back(std::move(e));
  }

  // What the alternatives would carry: the unserved part if any, else the whole demand (its
  // own load freed from its planned departures).
  const bool unserved = out.unserved_packages > kTolerance * std::max(1.0, d.packages);
  network::Load moved;
  moved.packages = unserved ? out.unserved_packages : d.packages;
  moved.cube_m3 = d.cube_m3 * moved.packages / d.packages;
  moved.weight_kg = d.weight_kg * moved.packages / d.packages;
  out.moved_packages = moved.packages;
  const std::map<std::size_t, network::Load> own =
      unserved ? std::map<std::size_t, network::Load>{} : on_ten.demand_load(*k);
  auto own_on = [&](std::size_t a) {
    auto it = own.find(a);
    return it == own.end() ? network::Load{} : it->second;
  };
  auto own_leaving = [&](std::size_t a) {
    const network::DispatchArc& arc = ten.dispatch(a);
    const std::size_t from = instance.lanes()[arc.lane].from;
    double p = 0.0;
    for (const auto& [b, load] : own) {
      const network::DispatchArc& other = ten.dispatch(b);
      if (instance.lanes()[other.lane].from == from &&
          other.departure_minute / 60 == arc.departure_minute / 60)
        p += load.packages;
    }
    return p;
  };

  // What the planned routes cost that moving the demand would save: its per-package costs and
  // the vehicles its departures would no longer need. Unserved packages save their penalty.
  int freed_vehicles = 0;
  double freed_vehicle_cost = 0.0;
  for (const auto& [a, load] : own) {
    const int freed = on_ten.use(a).vehicles - on_ten.vehicles_without(a, load);
    freed_vehicles += freed;
    freed_vehicle_cost += freed * instance.lanes()[ten.dispatch(a).lane].cost_per_trip;
  }
  const double now = unserved ? instance.unserved_penalty_per_package() * moved.packages
                              : planned_variable + freed_vehicle_cost;

  // Sinks: dispatch arcs into the destination leaving after ready, on time or late.
  const std::size_t source = ten.first_node_at_or_after(d.origin, d.ready_minute);
  std::vector<std::size_t> on_time, late;
  for (std::size_t a : ten.arrivals_into(d.destination)) {
    const network::DispatchArc& arc = ten.dispatch(a);
    if (arc.departure_minute < d.ready_minute) continue;
    (arc.arrival_minute <= d.due_minute ? on_time : late).push_back(a);
  }
  const std::size_t want = options.alternatives + planned.size();
  std::vector<routing::RankedPath> found_on_time, found_late;
  if (source != network::TimeExpandedNetwork::npos) {
    found_on_time = routing::k_cheapest_paths(problem.graph, source, on_time, per_package, want);
    found_late =
        routing::k_cheapest_paths(problem.graph, source, late, per_package, options.alternatives);
  }
  // Late paths matter only where they are cheaper than every on-time choice.
  double best_on_time = engine::kInfinity;
  if (!planned.empty()) best_on_time = planned_pricing / out.served_packages;
  for (const auto& p : found_on_time) best_on_time = std::min(best_on_time, p.cost);

  auto make_alternative = [&](const routing::RankedPath& path) {
    Alternative alt;
    const std::vector<std::size_t> arcs = dispatch_only(path.arcs, D);
    for (std::size_t a : arcs) alt.legs.push_back(explain_leg(instance, ten.dispatch(a)));
    alt.arrival_minute = ten.dispatch(arcs.back()).arrival_minute;
    alt.cost = moved.packages * path.cost;
    alt.variable_cost = moved.packages * variable_per_package(arcs);
    if (alt.arrival_minute > d.due_minute) {
      alt.why_not = WhyNot::arrives_late;
      alt.detail = "arrives at minute " + std::to_string(alt.arrival_minute) + ", " +
                   std::to_string(alt.arrival_minute - d.due_minute) + " min after due minute " +
                   std::to_string(d.due_minute);
      return alt;
    }
    std::vector<std::string> blocked, needs;
    for (std::size_t a : arcs) {
      const DepartureFit fit = on_ten.fit(a, moved, own_on(a), own_leaving(a));
      const std::string where = departure_name(instance, ten.dispatch(a));
      if (fit.blocked) blocked.push_back(where + " is at its " + fit.blocked_by);
      if (fit.extra_vehicles > 0) {
        alt.extra_vehicles += fit.extra_vehicles;
        alt.extra_vehicle_cost += fit.extra_cost;
        needs.push_back(std::to_string(fit.extra_vehicles) + " more on " + where + " (" +
                        network::fixed_text(fit.extra_cost, 2) + ")");
      }
    }
    const double marginal = alt.variable_cost + alt.extra_vehicle_cost;
    const std::string vs = unserved ? "the unserved penalty " + network::fixed_text(now, 2)
                                    : "the " + network::fixed_text(now, 2) +
                                          " moving it off its planned route "
                                          "would save (per-package costs " +
                                          network::fixed_text(planned_variable, 2) + " + " +
                                          std::to_string(freed_vehicles) + " vehicle(s) freed)";
    if (!blocked.empty()) {
      alt.why_not = WhyNot::no_capacity;
      alt.detail = blocked.front();
      for (std::size_t i = 1; i < blocked.size(); ++i) alt.detail += "; " + blocked[i];
    } else if (alt.extra_vehicles > 0) {
      alt.why_not = WhyNot::needs_another_vehicle;
      alt.detail = needs.front();
      for (std::size_t i = 1; i < needs.size(); ++i) alt.detail += ", " + needs[i];
      alt.detail += ": " + network::fixed_text(marginal, 2) + " in all vs " + vs;
    } else if (marginal > now + kTolerance * std::max(1.0, now)) {
      alt.why_not = WhyNot::costs_more;
      alt.detail = "fits in vehicles the plan already runs but costs " +
                   network::fixed_text(marginal - now, 2) +
                   " more: " + network::fixed_text(marginal, 2) + " vs " + vs;
    } else if (marginal >= now - kTolerance * std::max(1.0, now)) {
      alt.why_not = WhyNot::costs_the_same;
      alt.detail = "fits in vehicles the plan already runs at the same cost, " +
                   network::fixed_text(marginal, 2) + " vs " + vs + ": a tie";
    } else {
      alt.why_not = WhyNot::cheaper;
      alt.detail = "fits in vehicles the plan already runs and would save " +
                   network::fixed_text(now - marginal, 2) + " (" +
                   network::fixed_text(marginal, 2) + " vs " + vs +
                   "): the plan is not optimal here";
    }
    return alt;
  };
  for (const auto& p : found_on_time) {
    if (out.alternatives.size() >= options.alternatives) break;
    // For the unserved part, a planned route is an alternative too: why not more of it there?
    if (!unserved && planned.count(dispatch_only(p.arcs, D))) continue;
    out.alternatives.push_back(make_alternative(p));
  }
  for (const auto& p : found_late)
    if (p.cost < best_on_time - kTolerance) out.alternatives.push_back(make_alternative(p));
  std::stable_sort(out.alternatives.begin(), out.alternatives.end(),
                   [](const Alternative& x, const Alternative& y) { return x.cost < y.cost; });

  if (!unserved) return out;
  UnservedReason why;
  why.penalty = instance.unserved_penalty_per_package() * moved.packages;
  const network::PhysicalNetwork physical(instance);
  if (found_on_time.empty() && found_late.empty()) {
    why.reason = UnservedCause::no_path_in_window;
    why.detail =
        physical.can_reach(d.origin, d.destination)
            ? "no route leaves " + out.origin + " after ready minute " +
                  std::to_string(d.ready_minute) + " and reaches " + out.destination +
                  " within the horizon"
            : "no route at all: no lane path from " + out.origin + " to " + out.destination;
  } else if (found_on_time.empty()) {
    int earliest = std::numeric_limits<int>::max();
    // Reachability by a zero-cost pass: any path to a late sink's tail.
    std::vector<double> zero(problem.graph.arc_count(), 0.0);
    routing::ShortestPathTree tree;
    problem.graph.shortest_paths(source, zero, tree);
    for (std::size_t a : late)
      if (tree.distance[ten.dispatch(a).tail] != routing::kUnreachable)
        earliest = std::min(earliest, ten.dispatch(a).arrival_minute);
    why.reason = UnservedCause::no_path_in_window;
    why.detail = "every route arrives late: the earliest reaches " + out.destination +
                 " at minute " + std::to_string(earliest) + ", after due minute " +
                 std::to_string(d.due_minute);
  } else {
    // The cheapest way to carry the unserved packages on top of the plan: each departure
    // priced at its per-package costs plus the vehicles it would have to add, or closed.
    std::vector<double> marginal(problem.graph.arc_count(), 0.0);
    std::set<std::string> limits;
    for (std::size_t a = 0; a < D; ++a) {
      const DepartureFit fit = on_ten.fit(a, moved, {}, 0.0);
      if (fit.blocked) limits.insert(fit.blocked_by);
      marginal[a] = fit.blocked
                        ? engine::kInfinity
                        : moved.packages * problem.design_arcs[a].unit_cost + fit.extra_cost;
    }
    const auto best = routing::k_cheapest_paths(problem.graph, source, on_time, marginal, 1);
    if (best.empty()) {
      why.reason = UnservedCause::capacity;
      why.detail = "every on-time route is blocked by a limit the plan has reached";
      std::set<std::string> on_routes;
      for (const auto& alt : out.alternatives)
        if (alt.why_not == WhyNot::no_capacity) on_routes.insert(alt.detail);
      for (const auto& s : on_routes) why.detail += "; " + s;
    } else {
      why.cheapest_serving = best.front().cost;
      std::string route;
      for (std::size_t a : dispatch_only(best.front().arcs, D))
        route += (route.empty() ? "" : " → ") + departure_name(instance, ten.dispatch(a));
      if (best.front().cost >= why.penalty - kTolerance * std::max(1.0, why.penalty)) {
        why.reason = UnservedCause::penalty_cheaper;
        why.detail = "the cheapest way to serve " + network::fixed_text(moved.packages, 2) +
                     " packages (" + route + ") costs " +
                     network::fixed_text(best.front().cost, 2) +
                     " with the vehicles it needs, the unserved penalty " +
                     network::fixed_text(why.penalty, 2);
      } else {
        why.reason = UnservedCause::not_optimal;
        why.detail = "serving it via " + route + " would cost " +
                     network::fixed_text(best.front().cost, 2) + " < unserved penalty " +
                     network::fixed_text(why.penalty, 2) +
                     ": the plan leaves this saving (see its gap)";
      }
    }
  }
  out.unserved = why;
  return out;
}

}  // namespace mm::explain
