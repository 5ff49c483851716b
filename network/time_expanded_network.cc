#include "network/time_expanded_network.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "network/physical_network.h"

namespace mm::network {

namespace {

// A departure that survives the horizon check, before node ids exist.
struct KeptDeparture {
  std::size_t lane;
  int minute;
};

}  // namespace

TimeExpandedNetwork::TimeExpandedNetwork(const Instance& instance) {
  const std::size_t facility_count = instance.facilities().size();
  const auto& lanes = instance.lanes();
  const int horizon = instance.horizon_minutes();
  const PhysicalNetwork physical(instance);

  // 1. Event minutes per facility: surviving departures of its out-lanes, ready minutes of
  //    demand originating there, and the horizon. A departure arriving after the horizon gets
  //    no arc and therefore no node either: a node nothing can leave from would only lengthen
  //    holding chains.
  std::vector<std::vector<int>> minutes(facility_count);
  std::vector<KeptDeparture> kept;
  for (std::size_t f = 0; f < facility_count; ++f) {
    for (std::size_t l : physical.out_lanes(f)) {
      for (int d : lanes[l].departures) {
        if (d + lanes[l].transit_minutes > horizon) {
          ++dropped_;
          continue;
        }
        minutes[f].push_back(d);
        kept.push_back({l, d});
      }
    }
  }
  for (const Demand& k : instance.demand()) minutes[k.origin].push_back(k.ready_minute);
  for (auto& m : minutes) {
    m.push_back(horizon);
    std::sort(m.begin(), m.end());
    m.erase(std::unique(m.begin(), m.end()), m.end());
  }

  // 2. Nodes in topological order: by minute, then facility. Every arc goes to a strictly
  //    later minute, so this order is topological.
  for (std::size_t f = 0; f < facility_count; ++f)
    for (int t : minutes[f]) nodes_.push_back({f, t});
  std::sort(nodes_.begin(), nodes_.end(), [](const TenNode& a, const TenNode& b) {
    return a.minute != b.minute ? a.minute < b.minute : a.facility < b.facility;
  });
  by_facility_.assign(facility_count, {});
  for (std::size_t n = 0; n < nodes_.size(); ++n) by_facility_[nodes_[n].facility].push_back(n);
  next_.assign(nodes_.size(), npos);
  for (const auto& chain : by_facility_)
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) next_[chain[i]] = chain[i + 1];

  // 3. Dispatch arcs. The head is the first event of `to` at or after arrival + handling, and
  //    strictly after the departure so that zero-time lanes cannot close a cycle.
  arcs_.reserve(kept.size());
  for (const KeptDeparture& k : kept) {
    const Lane& lane = lanes[k.lane];
    DispatchArc arc;
    arc.lane = k.lane;
    arc.departure_minute = k.minute;
    arc.arrival_minute = k.minute + lane.transit_minutes;
    arc.tail = first_node_at_or_after(lane.from, k.minute);  // exists: minute is an event
    const int ready_at_head = std::max(
        arc.arrival_minute + instance.facilities()[lane.to].handling_minutes, k.minute + 1);
    const std::size_t head = first_node_at_or_after(lane.to, ready_at_head);
    arc.has_head = head != npos;
    arc.head = head;  // npos without a head: misuse fails loudly instead of aliasing node 0
    arcs_.push_back(arc);
  }

  // 4. CSR by tail; within a tail, by lane (all arcs of one tail share its departure minute).
  std::sort(arcs_.begin(), arcs_.end(), [](const DispatchArc& a, const DispatchArc& b) {
    return a.tail != b.tail ? a.tail < b.tail : a.lane < b.lane;
  });
  out_offset_.assign(nodes_.size() + 1, 0);
  for (const DispatchArc& a : arcs_) ++out_offset_[a.tail + 1];
  for (std::size_t n = 0; n < nodes_.size(); ++n) out_offset_[n + 1] += out_offset_[n];

  // 5. Per-facility arrival lists and per-lane departure lists. Arc ids ascend with the tail
  //    minute, so arcs_of_lane is already sorted by departure; arrivals need a sort.
  arrivals_.assign(facility_count, {});
  arcs_of_lane_.assign(lanes.size(), {});
  for (std::size_t a = 0; a < arcs_.size(); ++a) {
    arrivals_[lanes[arcs_[a].lane].to].push_back(a);
    arcs_of_lane_[arcs_[a].lane].push_back(a);
  }
  for (auto& list : arrivals_)
    std::stable_sort(list.begin(), list.end(), [this](std::size_t a, std::size_t b) {
      return arcs_[a].arrival_minute < arcs_[b].arrival_minute;
    });
}

std::size_t TimeExpandedNetwork::holding_count() const {
  std::size_t count = 0;
  for (const auto& chain : by_facility_)
    if (!chain.empty()) count += chain.size() - 1;
  return count;
}

std::size_t TimeExpandedNetwork::first_node_at_or_after(std::size_t facility, int minute) const {
  if (facility >= by_facility_.size())
    throw std::out_of_range("TimeExpandedNetwork: facility index " + std::to_string(facility) +
                            " out of range");
  const auto& chain = by_facility_[facility];
  auto it = std::lower_bound(chain.begin(), chain.end(), minute,
                             [this](std::size_t n, int t) { return nodes_[n].minute < t; });
  return it == chain.end() ? npos : *it;
}

}  // namespace mm::network
