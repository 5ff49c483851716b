// The time-expanded network (TEN) of DESIGN.md, built once from a validated Instance.
//
// Nodes are (facility, minute). At each facility the node minutes are its event times: the
// departure minutes of its outgoing lanes and the ready minutes of demand originating there,
// plus one node at the horizon. A package "at node (i, t)" can leave i on any departure at
// minute >= t. Holding arcs join consecutive nodes of a facility.
//
// A dispatch arc exists for every allowed departure d of a lane i->j whose arrival d + transit
// is within the horizon. Its head is the first node of j at minute >= d + transit + handling(j)
// and > d — i.e. arrival plus handling rounded UP to j's event grid; that is conservative (a
// TEN path always maps back to real minutes that obey FORMAT.md) and, since the grid holds
// every departure minute of j, it loses no feasible path either. Every arc goes strictly
// forward in time, so the TEN is a DAG, and nodes are numbered in topological order (by
// minute, then facility): a shortest path is one pass over node ids.
//
// Storage is CSR: dispatch arcs are grouped by tail node.
#pragma once

#include <cstddef>
#include <vector>

#include "network/instance.h"

namespace mm::network {

struct TenNode {
  std::size_t facility = 0;
  int minute = 0;
};

struct DispatchArc {
  std::size_t lane = 0;
  int departure_minute = 0;  // real minute
  int arrival_minute = 0;    // real minute: departure + transit (checked against due times)
  std::size_t tail = 0;      // node (from, <= departure)
  std::size_t head = 0;      // node (to, first event >= arrival + handling(to)); see has_head
  bool has_head = false;     // false when `to` has no later event (the arc can only end a path)
};

class TimeExpandedNetwork {
 public:
  explicit TimeExpandedNetwork(const Instance& instance);

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t dispatch_count() const { return arcs_.size(); }
  std::size_t holding_count() const;

  const TenNode& node(std::size_t n) const { return nodes_[n]; }
  const DispatchArc& dispatch(std::size_t a) const { return arcs_[a]; }
  const std::vector<DispatchArc>& dispatch_arcs() const { return arcs_; }

  // Dispatch arcs leaving node n, as a range of arc ids [begin, end).
  std::size_t out_begin(std::size_t n) const { return out_offset_[n]; }
  std::size_t out_end(std::size_t n) const { return out_offset_[n + 1]; }

  // The next node of the same facility (the holding arc's head), or npos at the last one.
  std::size_t next_at_facility(std::size_t n) const { return next_[n]; }

  // The first node of `facility` at minute >= `minute`, or npos.
  std::size_t first_node_at_or_after(std::size_t facility, int minute) const;

  // Dispatch arcs into `facility`, sorted by arrival minute.
  const std::vector<std::size_t>& arrivals_into(std::size_t facility) const {
    return arrivals_[facility];
  }

  // Dispatch arcs of `lane`, sorted by departure minute.
  const std::vector<std::size_t>& arcs_of_lane(std::size_t lane) const {
    return arcs_of_lane_[lane];
  }

  // Departures dropped because they arrive after the horizon.
  std::size_t dropped_departures() const { return dropped_; }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<TenNode> nodes_;                         // topological order
  std::vector<std::vector<std::size_t>> by_facility_;  // node ids of each facility, by minute
  std::vector<std::size_t> next_;
  std::vector<DispatchArc> arcs_;  // grouped by tail
  std::vector<std::size_t> out_offset_;
  std::vector<std::vector<std::size_t>> arrivals_;
  std::vector<std::vector<std::size_t>> arcs_of_lane_;
  std::size_t dropped_ = 0;
};

}  // namespace mm::network
