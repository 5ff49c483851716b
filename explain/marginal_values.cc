#include "explain/marginal_values.h"

#include <algorithm>
#include <cmath>

#include "engine/column_generation.h"
#include "engine/restricted_master.h"
#include "engine/restricted_master_clp.h"
#include "engine/ten_design.h"

namespace mm::explain {

namespace {

// The sinks of a demand with another due minute, by ten_design_problem's rule.
std::vector<std::size_t> sinks_due_by(const network::Instance& instance,
                                      const network::TimeExpandedNetwork& ten, std::size_t k,
                                      int due) {
  const network::Demand& demand = instance.demand()[k];
  std::vector<std::size_t> sinks;
  if (ten.first_node_at_or_after(demand.origin, demand.ready_minute) ==
      network::TimeExpandedNetwork::npos)
    return sinks;
  for (std::size_t a : ten.arrivals_into(demand.destination)) {
    const network::DispatchArc& arc = ten.dispatch(a);
    if (arc.arrival_minute > due) break;
    if (arc.departure_minute >= demand.ready_minute) sinks.push_back(a);
  }
  return sinks;
}

}  // namespace

MarginalValues root_marginal_values(const network::Instance& instance,
                                    const network::TimeExpandedNetwork& ten,
                                    const MarginalValueOptions& options) {
  engine::DesignProblem problem = engine::ten_design_problem(instance, ten);
  for (const auto& [k, due] : options.due_overrides)
    problem.commodities.at(k).sinks = sinks_due_by(instance, ten, k, due);

  engine::RestrictedMaster master(problem);
  engine::ColumnGeneration cg(problem, master);
  cg.add_initial_paths(options.threads);
  engine::ColumnGenerationOptions cg_options;
  cg_options.threads = options.threads;
  const auto started = engine::Clock::now();
  cg_options.deadline =
      started + std::chrono::duration_cast<engine::Clock::duration>(
                    std::chrono::duration<double>(std::max(0.1, options.time_limit_seconds)));
  const engine::ColumnGenerationResult run = cg.run(cg_options, nullptr, "columns", started);
  // A run stopped by the clock may have added rows or columns after its last solve.
  if (!run.converged) master.solve(1.0);

  MarginalValues values;
  values.converged = run.converged && master.solution_optimal();
  values.lp_value = master.objective();
  values.lower_bound = run.lower_bound;
  const engine::MasterDuals duals = master.duals();
  const double* reduced = master.clp().model.dualColumnSolution();

  const std::size_t D = ten.dispatch_count();
  values.departures.resize(D);
  for (std::size_t a = 0; a < D; ++a) {
    DepartureMarginal& m = values.departures[a];
    m.in_lp = master.arc_active(a);
    if (!m.in_lp) continue;
    const engine::DesignArc& arc = problem.design_arcs[a];
    for (int r = 0; r < engine::kDimensions; ++r) {
      m.price[r] = std::max(0.0, -duals.capacity[a][r]);  // never prints -0
      if (std::isfinite(arc.capacity[r])) m.vehicle_capacity_value += m.price[r] * arc.capacity[r];
    }
    m.extra_vehicle_value = std::max(0.0, -reduced[master.y_column(a)]);
    m.lp_vehicles = master.units(a);
  }

  // Resource groups back to (facility, hour), and their load in the LP solution.
  std::vector<int> group_of_sort(problem.resource_limits.size(), -1);
  for (std::size_t a = 0; a < D; ++a) {
    const int g = problem.design_arcs[a].resource_group;
    if (g < 0 || group_of_sort[g] >= 0) continue;
    group_of_sort[g] = static_cast<int>(values.sort.size());
    SortMarginal s;
    s.facility = instance.lanes()[ten.dispatch(a).lane].from;
    s.hour = ten.dispatch(a).departure_minute / 60;
    s.per_package = std::max(0.0, -duals.resource[g]);
    values.sort.push_back(s);
  }
  const engine::DesignSolution lp = master.current_solution();
  for (const engine::DesignPath& p : lp.paths)
    for (std::size_t a : p.arcs)
      if (a < D && problem.design_arcs[a].resource_group >= 0) {
        const int g = problem.design_arcs[a].resource_group;
        values.sort[group_of_sort[g]].lp_packages +=
            p.share * problem.commodities[p.commodity].packages;
      }
  // A sort row exists once a path through its group was generated.
  for (const engine::RestrictedMaster::PathColumn& p : master.path_columns())
    for (std::size_t a : p.arcs)
      if (a < D && problem.design_arcs[a].resource_group >= 0)
        values.sort[group_of_sort[problem.design_arcs[a].resource_group]].in_lp = true;
  std::sort(values.sort.begin(), values.sort.end(),
            [](const SortMarginal& x, const SortMarginal& y) {
              return x.facility != y.facility ? x.facility < y.facility : x.hour < y.hour;
            });
  values.demand_value = duals.convexity;
  return values;
}

}  // namespace mm::explain
