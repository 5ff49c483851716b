#include "routing/pricing_graph.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

#include <lemon/dijkstra.h>
#include <lemon/static_graph.h>

namespace mm::routing {

struct PricingGraph::LemonGraph {
  lemon::StaticDigraph graph;
  std::vector<std::size_t> our_arc;  // StaticDigraph arc index -> PricingGraph arc id
};

PricingGraph::PricingGraph(std::size_t node_count, std::vector<GraphArc> arcs,
                           bool topologically_ordered)
    : node_count_(node_count), arcs_(std::move(arcs)), topological_(topologically_ordered) {
  out_offset_.assign(node_count_ + 1, 0);
  for (const auto& arc : arcs_) {
    if (arc.tail >= node_count_ || (arc.head != kNoNode && arc.head >= node_count_))
      throw std::invalid_argument("PricingGraph: arc endpoint out of range");
    if (topological_ && arc.head != kNoNode && arc.head <= arc.tail)
      throw std::invalid_argument("PricingGraph: arc goes backwards in a topological order");
    ++out_offset_[arc.tail + 1];
  }
  std::partial_sum(out_offset_.begin(), out_offset_.end(), out_offset_.begin());
  out_arcs_.resize(arcs_.size());
  std::vector<std::size_t> fill(out_offset_.begin(), out_offset_.end() - 1);
  for (std::size_t a = 0; a < arcs_.size(); ++a) out_arcs_[fill[arcs_[a].tail]++] = a;

  if (!topological_) {
    lemon_ = std::make_unique<LemonGraph>();
    std::vector<std::pair<int, int>> list;
    for (std::size_t n = 0; n < node_count_; ++n) {
      for (std::size_t i = out_offset_[n]; i < out_offset_[n + 1]; ++i) {
        const auto& arc = arcs_[out_arcs_[i]];
        if (arc.head == kNoNode) continue;
        list.emplace_back(static_cast<int>(arc.tail), static_cast<int>(arc.head));
        lemon_->our_arc.push_back(out_arcs_[i]);
      }
    }
    lemon_->graph.build(static_cast<int>(node_count_), list.begin(), list.end());
  }
}

PricingGraph::~PricingGraph() = default;
PricingGraph::PricingGraph(PricingGraph&&) noexcept = default;
PricingGraph& PricingGraph::operator=(PricingGraph&&) noexcept = default;

void PricingGraph::shortest_paths(std::size_t source, const std::vector<double>& arc_cost,
                                  ShortestPathTree& tree) const {
  tree.distance.assign(node_count_, kUnreachable);
  tree.pred_arc.assign(node_count_, kNoNode);
  if (source >= node_count_) return;
  if (topological_)
    dag_pass(source, arc_cost, tree);
  else
    dijkstra_pass(source, arc_cost, tree);
}

namespace {

// A LEMON length map whose values are computed when Dijkstra asks for them.
class LazyLengthMap {
 public:
  using Key = lemon::StaticDigraph::Arc;
  using Value = double;
  LazyLengthMap(const PricingGraph::ArcCost& cost, const std::vector<std::size_t>& our_arc)
      : cost_(cost), our_arc_(our_arc) {}
  Value operator[](const Key& arc) const {
    return cost_(our_arc_[lemon::StaticDigraph::index(arc)]);
  }

 private:
  const PricingGraph::ArcCost& cost_;
  const std::vector<std::size_t>& our_arc_;
};

}  // namespace

void PricingGraph::shortest_paths(std::size_t source, const ArcCost& arc_cost,
                                  ShortestPathTree& tree, std::size_t last_node) const {
  tree.distance.assign(node_count_, kUnreachable);
  tree.pred_arc.assign(node_count_, kNoNode);
  if (source >= node_count_) return;
  if (topological_) {
    tree.distance[source] = 0.0;
    const std::size_t end = last_node == kNoNode ? node_count_ : std::min(node_count_, last_node + 1);
    for (std::size_t n = source; n < end; ++n) {
      const double base = tree.distance[n];
      if (base == kUnreachable) continue;
      for (std::size_t i = out_offset_[n]; i < out_offset_[n + 1]; ++i) {
        const std::size_t a = out_arcs_[i];
        const std::size_t head = arcs_[a].head;
        if (head == kNoNode || head >= end) continue;
        const double candidate = base + arc_cost(a);
        if (candidate < tree.distance[head]) {
          tree.distance[head] = candidate;
          tree.pred_arc[head] = a;
        }
      }
    }
    return;
  }
  using Graph = lemon::StaticDigraph;
  const Graph& g = lemon_->graph;
  const LazyLengthMap length(arc_cost, lemon_->our_arc);
  lemon::Dijkstra<Graph, LazyLengthMap> dijkstra(g, length);
  dijkstra.run(Graph::node(static_cast<int>(source)));
  for (std::size_t n = 0; n < node_count_; ++n) {
    const Graph::Node node = Graph::node(static_cast<int>(n));
    if (!dijkstra.reached(node)) continue;
    const double d = dijkstra.dist(node);
    if (d == kUnreachable) continue;
    tree.distance[n] = d;
    const Graph::Arc pred = dijkstra.predArc(node);
    tree.pred_arc[n] = pred == lemon::INVALID ? kNoNode : lemon_->our_arc[Graph::index(pred)];
  }
}

void PricingGraph::dag_pass(std::size_t source, const std::vector<double>& arc_cost,
                            ShortestPathTree& tree) const {
  tree.distance[source] = 0.0;
  // Nodes before the source cannot be reached: every arc goes to a higher id.
  for (std::size_t n = source; n < node_count_; ++n) {
    const double base = tree.distance[n];
    if (base == kUnreachable) continue;
    for (std::size_t i = out_offset_[n]; i < out_offset_[n + 1]; ++i) {
      const std::size_t a = out_arcs_[i];
      const std::size_t head = arcs_[a].head;
      if (head == kNoNode) continue;
      const double candidate = base + arc_cost[a];
      if (candidate < tree.distance[head]) {
        tree.distance[head] = candidate;
        tree.pred_arc[head] = a;
      }
    }
  }
}

void PricingGraph::dijkstra_pass(std::size_t source, const std::vector<double>& arc_cost,
                                 ShortestPathTree& tree) const {
  using Graph = lemon::StaticDigraph;
  const Graph& g = lemon_->graph;
  Graph::ArcMap<double> length(g);
  for (Graph::ArcIt arc(g); arc != lemon::INVALID; ++arc)
    length[arc] = arc_cost[lemon_->our_arc[Graph::index(arc)]];
  // LEMON's Dijkstra has no notion of an unusable arc: infinite lengths simply never win.
  lemon::Dijkstra<Graph, Graph::ArcMap<double>> dijkstra(g, length);
  dijkstra.run(Graph::node(static_cast<int>(source)));
  for (std::size_t n = 0; n < node_count_; ++n) {
    const Graph::Node node = Graph::node(static_cast<int>(n));
    if (!dijkstra.reached(node)) continue;
    const double d = dijkstra.dist(node);
    if (d == kUnreachable) continue;
    tree.distance[n] = d;
    const Graph::Arc pred = dijkstra.predArc(node);
    tree.pred_arc[n] = pred == lemon::INVALID ? kNoNode : lemon_->our_arc[Graph::index(pred)];
  }
}

std::vector<std::size_t> PricingGraph::path_ending_with(const ShortestPathTree& tree,
                                                        std::size_t last_arc) const {
  std::vector<std::size_t> path{last_arc};
  std::size_t node = arcs_[last_arc].tail;
  while (tree.pred_arc[node] != kNoNode) {
    const std::size_t a = tree.pred_arc[node];
    path.push_back(a);
    node = arcs_[a].tail;
    if (path.size() > arcs_.size()) throw std::logic_error("PricingGraph: cycle in tree");
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace mm::routing
