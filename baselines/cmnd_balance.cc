#include "baselines/cmnd_balance.h"

#include "engine/drop_vehicle_search.h"
#include "engine/insertion.h"
#include "engine/plan_state.h"

#include <cmath>
#include <cstdint>
#include <optional>

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

namespace mm::baselines {

namespace {

std::vector<bool> open_of(const engine::DesignSolution& solution) {
  std::vector<bool> open(solution.units.size());
  for (std::size_t a = 0; a < open.size(); ++a) open[a] = solution.units[a] > 0.5;
  return open;
}

}  // namespace

std::optional<std::vector<std::size_t>> balancing_arcs(const CmndInstance& instance,
                                                       const std::vector<bool>& open) {
  using Solver = lemon::NetworkSimplex<lemon::ListDigraph, std::int64_t, std::int64_t>;
  lemon::ListDigraph graph;
  std::vector<lemon::ListDigraph::Node> nodes(instance.nodes);
  for (auto& n : nodes) n = graph.addNode();
  lemon::ListDigraph::NodeMap<std::int64_t> supply(graph, 0);
  lemon::ListDigraph::ArcMap<std::int64_t> upper(graph);
  lemon::ListDigraph::ArcMap<std::int64_t> cost(graph);  // hundredths (integer data)
  std::vector<std::pair<std::size_t, lemon::ListDigraph::Arc>> closed;
  bool balanced = true;
  for (std::size_t a = 0; a < instance.arcs.size(); ++a) {
    const CmndArc& arc = instance.arcs[a];
    if (a < open.size() && open[a]) {
      // A node with more open arcs in than out must open arcs out: it supplies the flow.
      supply[nodes[arc.head]] += 1;
      supply[nodes[arc.tail]] -= 1;
      continue;
    }
    const lemon::ListDigraph::Arc id = graph.addArc(nodes[arc.tail], nodes[arc.head]);
    upper[id] = 1;
    cost[id] = static_cast<std::int64_t>(std::llround(arc.fixed_cost * 100.0));
    closed.push_back({a, id});
  }
  for (std::size_t n = 0; n < instance.nodes; ++n) balanced &= supply[nodes[n]] == 0;
  if (balanced) return std::vector<std::size_t>{};
  Solver solver(graph);
  solver.upperMap(upper).costMap(cost).supplyMap(supply);
  if (solver.run() != Solver::OPTIMAL) return std::nullopt;
  std::vector<std::size_t> added;
  for (const auto& [a, id] : closed)
    if (solver.flow(id) > 0) added.push_back(a);
  return added;
}

double CmndBalance::cost(const engine::DesignSolution& solution) const {
  const auto added = balancing_arcs(instance_, open_of(solution));
  if (!added) return engine::kInfinity;
  double cost = 0.0;
  for (std::size_t a : *added) cost += instance_.arcs[a].fixed_cost;
  return cost;
}

engine::DesignSolution CmndBalance::repair(const engine::DesignSolution& solution) const {
  engine::DesignSolution improved = solution;
  if (improve_trials_ > 0 && !solution.paths.empty()) {
    engine::PlanState state(problem_);
    state.assign(solution);
    engine::Inserter inserter(problem_);
    std::vector<std::size_t> open;
    for (std::size_t a = 0; a < problem_.design_arcs.size(); ++a) open.push_back(a);
    engine::drop_vehicle_descent(state, inserter, std::move(open),
                                 static_cast<std::size_t>(improve_trials_),
                                 [&](const engine::PlanState& s) {
                                   engine::DesignSolution d;
                                   d.units.resize(problem_.design_arcs.size());
                                   for (std::size_t a = 0; a < d.units.size(); ++a)
                                     d.units[a] = s.units(a);
                                   return s.objective() + cost(d);
                                 });
    improved = state.solution();
  }
  const auto added = balancing_arcs(instance_, open_of(improved));
  if (!added || added->empty()) return improved;
  engine::DesignSolution balanced = improved;
  for (std::size_t a : *added) balanced.units[a] = 1.0;
  return balanced;
}

}  // namespace mm::baselines
