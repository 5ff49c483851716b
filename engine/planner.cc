#include "engine/planner.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "engine/plan_invariants.h"
#include "engine/ten_design.h"
#include "engine/ten_vehicle_flow.h"
#include "engine/vehicle_balance.h"
#include "network/memory_guard.h"
#include "network/number_text.h"
#include "network/physical_network.h"
#include "network/time_expanded_network.h"

namespace mm::engine {

namespace {

// Why demand k is (partly) unserved. `full_vehicle_cost`: at least what one of its packages
// costs on any path, every vehicle full (DesignSolverResult::full_vehicle_cost): above the
// penalty, no plan can serve it at a profit; below it, what leaves it out is vehicles it would
// fill only in part or a capacity limit, which the plan's gap bounds.
std::string reason_for(const network::Instance& instance, const network::PhysicalNetwork& physical,
                       bool has_on_time_path, double full_vehicle_cost, std::size_t k) {
  const network::Demand& d = instance.demand()[k];
  const auto& f = instance.facilities();
  const double penalty = instance.unserved_penalty_per_package();
  std::ostringstream out;
  if (!physical.can_reach(d.origin, d.destination)) {
    out << "no lane path from " << f[d.origin].id << " to " << f[d.destination].id;
  } else if (!has_on_time_path) {
    out << "no path reaches " << f[d.destination].id << " by minute " << d.due_minute
        << " (ready at " << f[d.origin].id << " at minute " << d.ready_minute << ")";
  } else if (full_vehicle_cost > penalty) {
    out << "not worth serving: even with every vehicle full, its cheapest on-time path costs at "
           "least "
        << network::fixed_text(full_vehicle_cost, 2) << " per package, more than the unserved "
        << "penalty of " << network::fixed_text(penalty, 2);
  } else {
    // A lower bound (the commodity's pricing group prices its smallest package): "from".
    out << "not worth serving in this plan: with every vehicle full its cheapest on-time path "
           "costs from "
        << network::fixed_text(full_vehicle_cost, 2) << " per package, less than the unserved "
        << "penalty of " << network::fixed_text(penalty, 2)
        << ", but vehicles it would fill only in part, or capacity limits (vehicles per "
           "departure, fleet, sort capacity), leave no room for it in its window";
  }
  return out.str();
}

}  // namespace

PlannerResult plan_network(const network::Instance& instance, const PlannerOptions& options,
                           const ProgressCallback& progress) {
  PlannerResult result;
  // An Instance built in code skips the parser's guard: fail before the TEN, not in it.
  network::require_memory(network::estimate_planning_memory(network::shape_of(instance)),
                          network::available_memory_bytes(), "instance " + instance.name());
  const network::TimeExpandedNetwork ten(instance);
  const network::PhysicalNetwork physical(instance);
  result.ten_nodes = ten.node_count();
  result.ten_dispatch_arcs = ten.dispatch_count();
  DesignProblem problem = ten_design_problem(instance, ten, options.packing_efficiency);
  // Cyclic vehicle types: their vehicles' balance, empty moves and fleet in the master too.
  if (instance.has_cyclic_types() && options.engine.balance_in_search &&
      options.engine.balance_in_master)
    add_cyclic_vehicle_flow(instance, ten, problem);

  DesignSolverOptions engine;
  engine.time_limit_seconds = options.time_limit_seconds;
  engine.threads = options.threads;
  engine.seed = options.seed;
  engine.engine = options.engine;
  engine.stop = options.stop;
  engine.keep_columns = options.keep_columns;
  // Cyclic vehicle types: every candidate plan priced with its empty moves and fleet.
  const TenBalanceCost balance(instance, ten, problem, options.engine.balance_improve_trials);
  if (instance.has_cyclic_types() && options.engine.balance_in_search) engine.extra_cost = &balance;
  DesignWarmStart warm;
  if (options.warm_start) {
    const RouteColumnMapper mapper(instance, ten, problem);
    std::size_t refused_columns = 0, refused_routes = 0;
    warm.columns = map_route_columns(mapper, options.warm_start->columns, &refused_columns);
    warm.incumbent = map_route_columns(mapper, options.warm_start->routes, &refused_routes);
    result.warm_columns_mapped = warm.columns.size() + warm.incumbent.size();
    result.warm_columns_refused = refused_columns + refused_routes;
    engine.warm_start = &warm;
  }
  const DesignSolverResult solved = solve_design(problem, engine, progress);
  result.warm_start_objective = solved.warm_start_objective;
  if (options.keep_columns) {
    result.column_pool.reserve(solved.column_pool.size());
    for (const DesignPath& path : solved.column_pool)
      result.column_pool.push_back(to_route_column(instance, ten, path));
  }
  result.status = solved.status;
  result.columns = solved.columns;
  result.cg_rounds = solved.cg_rounds;
  result.epochs = solved.epochs;
  result.lp_value = solved.lp_value;
  result.lp_converged = solved.lp_converged;
  result.interrupted = solved.interrupted;
  result.gap = solved.gap;
  result.unavoidable = solved.unavoidable;

  TenSolution solution;
  if (!solved.best.empty()) solution = to_ten_solution(problem, solved.best, ten.dispatch_count());
  if (std::isfinite(solved.lower_bound)) solution.lower_bound = solved.lower_bound;
  solution.unavoidable = solved.unavoidable;
  solution.proven_optimal = solved.status == SolveStatus::optimal;
  result.plan = assemble_plan(instance, ten, solution, solved.seconds, [&](std::size_t k) {
    return reason_for(instance, physical, solved.reachable[k], solved.full_vehicle_cost[k], k);
  });
  if (solved.best.empty()) result.plan.status = network::PlanStatus::no_solution;
  // The engine's bound covers empty moves and fleet when the master states them: it is capped
  // by the objective once the plan has them (assemble_plan capped it by the design cost).
  if (instance.has_cyclic_types() && solution.lower_bound && result.plan.lower_bound)
    result.plan.lower_bound = *solution.lower_bound;
  // The best plan keeps every fleet (the pipeline repaired it), so this always balances.
  if (!balance_plan(instance, result.plan))
    throw std::logic_error("planner: a cyclic fleet cannot run the plan's departures");
  // Nothing lost: every package routed or unserved (and, in debug builds, the referee's rules).
  check_plan_invariants(instance, result.plan);
  return result;
}

}  // namespace mm::engine
