#include "baselines/cmnd_design.h"

#include "baselines/cmnd_balance.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace mm::baselines {

engine::DesignProblem cmnd_design_problem(const CmndInstance& instance, bool balanced) {
  engine::DesignProblem problem;
  problem.name = instance.name;
  std::vector<routing::GraphArc> arcs;
  double fixed_total = 0.0, unit_total = 0.0;
  for (const CmndArc& a : instance.arcs) {
    arcs.push_back({a.tail, a.head});
    engine::DesignArc d;
    d.fixed_cost = a.fixed_cost;
    d.capacity = {a.capacity, engine::kInfinity};
    d.max_units = 1.0;
    d.unit_cost = a.unit_cost;
    problem.design_arcs.push_back(d);
    fixed_total += a.fixed_cost;
    unit_total += a.unit_cost;
  }
  problem.graph = routing::PricingGraph(instance.nodes, std::move(arcs), false);
  std::vector<std::vector<std::size_t>> into(instance.nodes);
  for (std::size_t a = 0; a < instance.arcs.size(); ++a) into[instance.arcs[a].head].push_back(a);
  for (const CmndCommodity& c : instance.commodities) {
    engine::Commodity k;
    k.source = c.origin;
    k.origin = c.origin;
    k.destination = c.destination;
    k.sinks = into[c.destination];
    k.packages = c.demand;
    k.size = {c.demand, 0.0};
    // More than opening every arc and sending the commodity over every arc: never worth it.
    k.penalty = fixed_total + c.demand * unit_total + 1.0;
    problem.commodities.push_back(std::move(k));
  }
  if (balanced) {
    // One row per node: open arcs out − open arcs in = 0.
    problem.design_rows.resize(instance.nodes);
    for (std::size_t a = 0; a < instance.arcs.size(); ++a) {
      problem.design_rows[instance.arcs[a].tail].arcs.emplace_back(a, 1.0);
      problem.design_rows[instance.arcs[a].head].arcs.emplace_back(a, -1.0);
    }
    problem.design_rows.erase(
        std::remove_if(problem.design_rows.begin(), problem.design_rows.end(),
                       [](const engine::DesignRow& row) { return row.arcs.empty(); }),
        problem.design_rows.end());
  }
  return problem;
}

CmndEngineResult solve_cmnd(const CmndInstance& instance,
                            const engine::DesignSolverOptions& options,
                            const engine::ProgressCallback& progress, bool balanced) {
  const engine::DesignProblem problem = cmnd_design_problem(instance, balanced);
  CmndEngineResult result;
  const CmndBalance balance(instance, problem, options.engine.balance_improve_trials);
  engine::DesignSolverOptions with_balance = options;
  if (balanced) with_balance.extra_cost = &balance;
  result.engine = engine::solve_design(problem, with_balance, progress);
  result.seconds = result.engine.seconds;
  result.lower_bound = result.engine.lower_bound;
  const engine::DesignSolution& best = result.engine.best;
  std::vector<double> served(instance.commodities.size(), 0.0);
  for (const engine::DesignPath& p : best.paths) served[p.commodity] += p.share;
  const bool all_served = !best.empty() && std::all_of(served.begin(), served.end(),
                                                       [](double s) { return s > 1.0 - 1e-6; });
  if (!all_served) {
    result.status = CmndStatus::no_solution;
    return result;
  }
  std::map<std::pair<std::size_t, std::size_t>, double> flow;  // (commodity, arc) -> flow
  for (const engine::DesignPath& p : best.paths)
    for (std::size_t a : p.arcs)
      flow[{p.commodity, a}] += p.share * instance.commodities[p.commodity].demand;
  for (std::size_t a = 0; a < best.units.size(); ++a)
    if (best.units[a] > 0.5) result.solution.open_arcs.push_back(a);
  for (const auto& [key, f] : flow) result.solution.flows.push_back({key.first, key.second, f});
  result.objective = best.objective;
  result.status = result.engine.status == engine::SolveStatus::optimal ? CmndStatus::optimal
                                                                       : CmndStatus::feasible;
  return result;
}

}  // namespace mm::baselines
