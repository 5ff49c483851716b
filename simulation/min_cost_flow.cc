#include "simulation/min_cost_flow.h"

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

namespace mm::simulation {

struct MinCostFlow::Impl {
  using Solver = lemon::NetworkSimplex<lemon::ListDigraph, std::int64_t, std::int64_t>;
  lemon::ListDigraph graph;
  std::vector<lemon::ListDigraph::Arc> arcs;
  std::vector<lemon::ListDigraph::Node> nodes;
  lemon::ListDigraph::ArcMap<std::int64_t> capacity{graph};
  lemon::ListDigraph::ArcMap<std::int64_t> cost{graph};
  lemon::ListDigraph::NodeMap<std::int64_t> supply{graph};
  std::unique_ptr<Solver> solver;
};

MinCostFlow::MinCostFlow(std::size_t nodes,
                         const std::vector<std::pair<std::size_t, std::size_t>>& arcs)
    : impl_(std::make_unique<Impl>()) {
  impl_->graph.reserveNode(static_cast<int>(nodes));
  impl_->graph.reserveArc(static_cast<int>(arcs.size()));
  for (std::size_t n = 0; n < nodes; ++n) impl_->nodes.push_back(impl_->graph.addNode());
  for (const auto& [tail, head] : arcs)
    impl_->arcs.push_back(impl_->graph.addArc(impl_->nodes[tail], impl_->nodes[head]));
  // Maps made before the items grow with the graph (LEMON's observers).
  impl_->solver = std::make_unique<Impl::Solver>(impl_->graph);
}

MinCostFlow::~MinCostFlow() = default;

bool MinCostFlow::solve(const std::vector<std::int64_t>& supply,
                        const std::vector<std::int64_t>& capacity,
                        const std::vector<std::int64_t>& cost, std::vector<std::int64_t>& flow) {
  Impl& m = *impl_;
  for (std::size_t a = 0; a < m.arcs.size(); ++a) {
    m.capacity[m.arcs[a]] = capacity[a];
    m.cost[m.arcs[a]] = cost[a];
  }
  for (std::size_t n = 0; n < m.nodes.size(); ++n) m.supply[m.nodes[n]] = supply[n];
  m.solver->resetParams();
  m.solver->upperMap(m.capacity).costMap(m.cost).supplyMap(m.supply);
  if (m.solver->run() != Impl::Solver::OPTIMAL) return false;
  flow.resize(m.arcs.size());
  for (std::size_t a = 0; a < m.arcs.size(); ++a) flow[a] = m.solver->flow(m.arcs[a]);
  return true;
}

}  // namespace mm::simulation
