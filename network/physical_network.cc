#include "network/physical_network.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include <lemon/bfs.h>
#include <lemon/list_graph.h>

namespace mm::network {

struct PhysicalNetwork::Impl {
  lemon::ListDigraph graph;
  std::vector<lemon::ListDigraph::Node> node_of_facility;
  lemon::ListDigraph::NodeMap<std::size_t> facility_of_node{graph};
  lemon::ListDigraph::ArcMap<std::size_t> lane_of_arc{graph};

  lemon::ListDigraph::Node node(std::size_t facility) const {
    if (facility >= node_of_facility.size())
      throw std::out_of_range("PhysicalNetwork: facility index " + std::to_string(facility) +
                              " out of range (" + std::to_string(node_of_facility.size()) +
                              " facilities)");
    return node_of_facility[facility];
  }
};

PhysicalNetwork::PhysicalNetwork(const Instance& instance) : impl_(std::make_unique<Impl>()) {
  const std::size_t facility_count = instance.facilities().size();
  impl_->node_of_facility.reserve(facility_count);
  for (std::size_t f = 0; f < facility_count; ++f) {
    lemon::ListDigraph::Node n = impl_->graph.addNode();
    impl_->facility_of_node[n] = f;
    impl_->node_of_facility.push_back(n);
  }
  const auto& lanes = instance.lanes();
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    lemon::ListDigraph::Arc a =
        impl_->graph.addArc(impl_->node(lanes[l].from), impl_->node(lanes[l].to));
    impl_->lane_of_arc[a] = l;
  }
}

PhysicalNetwork::~PhysicalNetwork() = default;
PhysicalNetwork::PhysicalNetwork(PhysicalNetwork&&) noexcept = default;
PhysicalNetwork& PhysicalNetwork::operator=(PhysicalNetwork&&) noexcept = default;

std::size_t PhysicalNetwork::facility_count() const {
  return impl_->node_of_facility.size();
}

std::size_t PhysicalNetwork::lane_count() const {
  return static_cast<std::size_t>(lemon::countArcs(impl_->graph));
}

// ListDigraph iterates incidence lists newest first; callers get lane order instead, so that
// everything built from these lists is deterministic and independent of LEMON internals.
std::vector<std::size_t> PhysicalNetwork::out_lanes(std::size_t facility) const {
  std::vector<std::size_t> lanes;
  for (lemon::ListDigraph::OutArcIt a(impl_->graph, impl_->node(facility)); a != lemon::INVALID;
       ++a)
    lanes.push_back(impl_->lane_of_arc[a]);
  std::sort(lanes.begin(), lanes.end());
  return lanes;
}

std::vector<std::size_t> PhysicalNetwork::in_lanes(std::size_t facility) const {
  std::vector<std::size_t> lanes;
  for (lemon::ListDigraph::InArcIt a(impl_->graph, impl_->node(facility)); a != lemon::INVALID; ++a)
    lanes.push_back(impl_->lane_of_arc[a]);
  std::sort(lanes.begin(), lanes.end());
  return lanes;
}

std::vector<bool> PhysicalNetwork::reachable_from(std::size_t facility) const {
  lemon::Bfs<lemon::ListDigraph> bfs(impl_->graph);
  bfs.run(impl_->node(facility));
  std::vector<bool> reached(facility_count(), false);
  for (lemon::ListDigraph::NodeIt n(impl_->graph); n != lemon::INVALID; ++n)
    reached[impl_->facility_of_node[n]] = bfs.reached(n);
  return reached;
}

bool PhysicalNetwork::can_reach(std::size_t from, std::size_t to) const {
  const lemon::ListDigraph::Node source = impl_->node(from);
  const lemon::ListDigraph::Node target = impl_->node(to);
  if (source == target) return true;
  lemon::Bfs<lemon::ListDigraph> bfs(impl_->graph);
  return bfs.run(source, target);  // stops as soon as the target is reached
}

}  // namespace mm::network
