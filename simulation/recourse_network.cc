#include "simulation/recourse_network.h"

#include <map>
#include <utility>

namespace mm::simulation {

std::size_t RecourseNetwork::add_arc(std::size_t tail, std::size_t head, FlowArcKind kind,
                                     std::size_t ref) {
  arcs_.push_back({tail, head, kind, ref});
  return arcs_.size() - 1;
}

RecourseNetwork::RecourseNetwork(const network::Instance& instance, const Schedule& schedule) {
  const auto& facilities = instance.facilities();
  const auto& departures = schedule.departures();
  std::vector<bool> is_destination(facilities.size(), false);
  for (const network::Demand& d : instance.demand()) is_destination[d.destination] = true;

  // Events per facility, in minute order: each becomes a node.
  std::vector<std::map<int, std::size_t>> events(facilities.size());
  for (const ScheduledDeparture& d : departures) {
    events[d.from].emplace(d.departure_minute, 0);
    events[d.to].emplace(d.arrival_minute + facilities[d.to].handling_minutes, 0);
  }
  for (const network::Demand& d : instance.demand()) events[d.origin].emplace(d.ready_minute, 0);
  for (auto& facility_events : events) {
    std::size_t previous = static_cast<std::size_t>(-1);
    for (auto& [minute, node] : facility_events) {
      node = add_node();
      if (previous != static_cast<std::size_t>(-1)) add_arc(previous, node, FlowArcKind::holding);
      previous = node;
    }
  }
  sink_ = add_node();

  // Sort gates: one per (facility, departure minute) with a sort capacity; its share of the
  // slot is its departures' planned capacity (cube) over the slot's.
  std::map<std::pair<std::size_t, int>, double> minute_weight;
  std::map<std::size_t, double> slot_weight;
  for (const ScheduledDeparture& d : departures) {
    if (d.sort_slot == ScheduledDeparture::kNone) continue;
    const double weight = d.vehicles * d.capacity.cube_m3;
    minute_weight[{d.from, d.departure_minute}] += weight;
    slot_weight[d.sort_slot] += weight;
  }
  std::map<std::pair<std::size_t, int>, std::size_t> gate_node;
  for (const ScheduledDeparture& d : departures) {
    if (d.sort_slot == ScheduledDeparture::kNone) continue;
    const auto key = std::make_pair(d.from, d.departure_minute);
    if (gate_node.count(key) != 0) continue;
    const std::size_t node = add_node();
    gate_node[key] = node;
    const double total = slot_weight[d.sort_slot];
    gates_.push_back({d.sort_slot, total > 0 ? minute_weight[key] / total : 1.0});
    add_arc(events[d.from].at(d.departure_minute), node, FlowArcKind::gate, gates_.size() - 1);
  }
  // Share 1 exactly where one minute holds the whole slot (the common case): no rounding.
  std::map<std::size_t, int> gates_per_slot;
  for (const SortGate& g : gates_) ++gates_per_slot[g.slot];
  for (SortGate& g : gates_)
    if (gates_per_slot[g.slot] == 1) g.share = 1.0;

  // Arrival points at destinations, then the departures' arcs.
  arrivals_at_.resize(facilities.size());
  std::map<std::pair<std::size_t, int>, std::size_t> arrival_node;
  for (std::size_t i = 0; i < departures.size(); ++i) {
    const ScheduledDeparture& d = departures[i];
    const auto gate = gate_node.find({d.from, d.departure_minute});
    const std::size_t tail =
        gate != gate_node.end() ? gate->second : events[d.from].at(d.departure_minute);
    const std::size_t ready = events[d.to].at(d.arrival_minute + facilities[d.to].handling_minutes);
    std::size_t head = ready;
    if (is_destination[d.to]) {
      const auto key = std::make_pair(d.to, d.arrival_minute);
      auto it = arrival_node.find(key);
      if (it == arrival_node.end()) {
        const std::size_t node = add_node();
        it = arrival_node.emplace(key, node).first;
        add_arc(node, ready, FlowArcKind::arrive);
        const std::size_t sink_arc = add_arc(node, sink_, FlowArcKind::sink, arrivals_.size());
        arrivals_at_[d.to].push_back(arrivals_.size());
        arrivals_.push_back({d.to, d.arrival_minute, sink_arc});
      }
      head = it->second;
    }
    add_arc(tail, head, FlowArcKind::room, i);
    add_arc(tail, head, FlowArcKind::spot, i);
  }

  // Sources and their drop arcs (one per distinct source event).
  std::map<std::size_t, bool> has_drop;
  for (const network::Demand& d : instance.demand()) {
    const std::size_t node = events[d.origin].at(d.ready_minute);
    source_of_.push_back(node);
    if (!has_drop[node]) {
      has_drop[node] = true;
      add_arc(node, sink_, FlowArcKind::drop);
    }
  }

  // Out-arc lists (CSR), for the flow decomposition.
  out_offset_.assign(node_count_ + 1, 0);
  for (const FlowArc& a : arcs_) ++out_offset_[a.tail + 1];
  for (std::size_t n = 0; n < node_count_; ++n) out_offset_[n + 1] += out_offset_[n];
  out_arcs_.resize(arcs_.size());
  std::vector<std::size_t> fill(out_offset_.begin(), out_offset_.end() - 1);
  for (std::size_t a = 0; a < arcs_.size(); ++a) out_arcs_[fill[arcs_[a].tail]++] = a;

  for (const DemandGroup& group : schedule.groups())
    group_graphs_.push_back(make_group_graph(group));
}

GroupGraph RecourseNetwork::make_group_graph(const DemandGroup& group) const {
  // Forward from the sources (not through the sink), backward from the destination's arrivals.
  std::vector<char> forward(node_count_, 0), backward(node_count_, 0);
  std::vector<std::size_t> stack;
  for (const std::size_t k : group.demands) {
    if (!forward[source_of_[k]]) stack.push_back(source_of_[k]);
    forward[source_of_[k]] = 1;
  }
  while (!stack.empty()) {
    const std::size_t n = stack.back();
    stack.pop_back();
    for (std::size_t i = out_offset_[n]; i < out_offset_[n + 1]; ++i) {
      const std::size_t head = arcs_[out_arcs_[i]].head;
      if (head != sink_ && !forward[head]) {
        forward[head] = 1;
        stack.push_back(head);
      }
    }
  }
  std::vector<std::vector<std::size_t>> in_arcs(node_count_);
  for (std::size_t a = 0; a < arcs_.size(); ++a) in_arcs[arcs_[a].head].push_back(a);
  for (const std::size_t p : arrivals_at_[group.destination]) {
    const std::size_t n = arcs_[arrivals_[p].sink_arc].tail;
    if (!backward[n]) stack.push_back(n);
    backward[n] = 1;
  }
  while (!stack.empty()) {
    const std::size_t n = stack.back();
    stack.pop_back();
    for (const std::size_t a : in_arcs[n]) {
      const std::size_t tail = arcs_[a].tail;
      if (!backward[tail]) {
        backward[tail] = 1;
        stack.push_back(tail);
      }
    }
  }

  GroupGraph g;
  std::vector<std::size_t> local(node_count_, static_cast<std::size_t>(-1));
  const auto local_of = [&](std::size_t n) {
    if (local[n] == static_cast<std::size_t>(-1)) local[n] = g.node_count++;
    return local[n];
  };
  for (const std::size_t k : group.demands) g.sources.push_back(local_of(source_of_[k]));
  g.sink = local_of(sink_);
  std::vector<char> is_source(node_count_, 0);
  for (const std::size_t k : group.demands) is_source[source_of_[k]] = 1;
  for (std::size_t a = 0; a < arcs_.size(); ++a) {
    const FlowArc& arc = arcs_[a];
    bool keep = false;
    if (arc.kind == FlowArcKind::drop) {
      keep = is_source[arc.tail] != 0;
    } else if (arc.kind == FlowArcKind::sink) {
      keep = forward[arc.tail] && arrivals_[arc.ref].facility == group.destination;
    } else {
      keep = forward[arc.tail] && forward[arc.head] && backward[arc.head];
    }
    if (!keep) continue;
    g.arcs.push_back(a);
    g.ends.emplace_back(local_of(arc.tail), local_of(arc.head));
  }
  g.out_offset.assign(g.node_count + 1, 0);
  for (const auto& [tail, head] : g.ends) ++g.out_offset[tail + 1];
  for (std::size_t n = 0; n < g.node_count; ++n) g.out_offset[n + 1] += g.out_offset[n];
  g.out_arcs.resize(g.ends.size());
  std::vector<std::size_t> fill(g.out_offset.begin(), g.out_offset.end() - 1);
  for (std::size_t a = 0; a < g.ends.size(); ++a) g.out_arcs[fill[g.ends[a].first]++] = a;
  return g;
}

}  // namespace mm::simulation
