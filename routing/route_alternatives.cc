#include "routing/route_alternatives.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace mm::routing {

namespace {

struct Label {
  double cost;
  std::size_t arc;   // arc into the node (kNoNode at the source)
  std::size_t pred;  // index of the label at the arc's tail
};

// Inserts `label` into `labels` (sorted by cost, at most k); equal costs keep arrival order.
void insert_label(std::vector<Label>& labels, const Label& label, std::size_t k) {
  if (labels.size() == k && !(label.cost < labels.back().cost)) return;
  auto at = std::upper_bound(labels.begin(), labels.end(), label.cost,
                             [](double c, const Label& l) { return c < l.cost; });
  labels.insert(at, label);
  if (labels.size() > k) labels.pop_back();
}

}  // namespace

std::vector<RankedPath> k_cheapest_paths(const PricingGraph& graph, std::size_t source,
                                         const std::vector<std::size_t>& sinks,
                                         const std::vector<double>& arc_cost, std::size_t k) {
  if (!graph.topologically_ordered())
    throw std::invalid_argument("k_cheapest_paths: the graph is not topologically ordered");
  const std::size_t N = graph.node_count();
  if (k == 0 || source >= N) return {};
  // Out-arcs by tail (PricingGraph keeps its CSR private).
  std::vector<std::size_t> offset(N + 1, 0), out(graph.arc_count());
  for (std::size_t a = 0; a < graph.arc_count(); ++a) ++offset[graph.arc(a).tail + 1];
  for (std::size_t n = 0; n < N; ++n) offset[n + 1] += offset[n];
  std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
  for (std::size_t a = 0; a < graph.arc_count(); ++a) out[fill[graph.arc(a).tail]++] = a;

  std::vector<std::vector<Label>> labels(N);
  labels[source].push_back({0.0, kNoNode, 0});
  for (std::size_t n = source; n < N; ++n) {
    if (labels[n].empty()) continue;
    for (std::size_t i = offset[n]; i < offset[n + 1]; ++i) {
      const std::size_t a = out[i];
      const std::size_t head = graph.arc(a).head;
      if (head == kNoNode || !std::isfinite(arc_cost[a])) continue;
      for (std::size_t l = 0; l < labels[n].size(); ++l)
        insert_label(labels[head], {labels[n][l].cost + arc_cost[a], a, l}, k);
    }
  }
  // Candidates: every label at a sink's tail, extended by the sink.
  struct End {
    double cost;
    std::size_t sink;
    std::size_t label;
  };
  std::vector<End> ends;
  for (std::size_t s : sinks) {
    if (!std::isfinite(arc_cost[s])) continue;
    const auto& at = labels[graph.arc(s).tail];
    for (std::size_t l = 0; l < at.size(); ++l) ends.push_back({at[l].cost + arc_cost[s], s, l});
  }
  std::stable_sort(ends.begin(), ends.end(),
                   [](const End& x, const End& y) { return x.cost < y.cost; });
  if (ends.size() > k) ends.resize(k);
  std::vector<RankedPath> paths;
  for (const End& e : ends) {
    RankedPath p;
    p.cost = e.cost;
    p.arcs.push_back(e.sink);
    std::size_t node = graph.arc(e.sink).tail, l = e.label;
    while (labels[node][l].arc != kNoNode) {
      const Label& label = labels[node][l];
      p.arcs.push_back(label.arc);
      node = graph.arc(label.arc).tail;
      l = label.pred;
    }
    std::reverse(p.arcs.begin(), p.arcs.end());
    paths.push_back(std::move(p));
  }
  return paths;
}

}  // namespace mm::routing
