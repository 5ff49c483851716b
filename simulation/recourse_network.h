// The graph the recourse routes a day's extra packages on (docs/SIMULATION.md, "Recourse"): the
// plan's departures in real minutes, nothing else — a time-expanded network restricted to the
// schedule, built once per simulation as plain arrays (simulation/min_cost_flow.h solves flows
// on it).
//
// Nodes are (facility, minute) events: the plan's departure minutes at the facility, the minutes
// its inbound departures' packages are ready to leave again (arrival + handling, exact: no time
// grid), and the ready minutes of the demand originating there. Holding arcs join a facility's
// consecutive events, so a package may wait for any later departure. Each departure is two
// parallel arcs: `room` (what its vehicles — planned and spot already hired — have left) and
// `spot` (one more vehicle at the spot premium, up to max vehicles per departure). A departure
// into a facility that some demand ends at first reaches an arrival node (facility, arrival
// minute), from which `continue` goes on to the ready event and `sink` ends at the one sink node
// T (on time or late: decided per demand). At a facility with a sort capacity, the
// departures of one minute leave from a gate node behind one `gate` arc that carries the sort
// capacity still free in that clock hour (its share, when the hour holds several departure
// minutes). Each demand's source event has a `drop` arc to T: unserved, at the penalty.
//
// The demands of a group (Schedule::groups(): one destination and due minute) are routed on
// the group's own part of this graph: the arcs on some path from one of its sources through an
// arrival at its destination, and its sources' drop arcs — found once by a forward search from
// the sources and a backward one from the destination's arrivals. No flow of those demands can
// use any other arc, so the part gives the same optimum on a graph a fraction of the size.
#pragma once

#include <cstddef>
#include <vector>

#include "network/instance.h"
#include "simulation/schedule.h"

namespace mm::simulation {

enum class FlowArcKind { holding, room, spot, gate, arrive, sink, drop };

struct FlowArc {
  std::size_t tail = 0;
  std::size_t head = 0;
  FlowArcKind kind = FlowArcKind::holding;
  // room, spot: the departure; gate: the gate; sink: the arrival point; drop: unused.
  std::size_t ref = 0;
};

// The departures of one facility and minute that pass one sort gate.
struct SortGate {
  std::size_t slot = 0;  // Schedule::slots()
  double share = 1.0;    // of the slot's free capacity; 1 when the hour has one departure minute
};

struct ArrivalPoint {
  std::size_t facility = 0;
  int minute = 0;  // real arrival minute (checked against due minutes)
  std::size_t sink_arc = 0;
};

// One group's part of the network, its nodes renumbered 0..node_count-1.
struct GroupGraph {
  std::size_t node_count = 0;
  std::size_t sink = 0;
  std::vector<std::size_t> arcs;  // RecourseNetwork arc id of each local arc
  std::vector<std::pair<std::size_t, std::size_t>> ends;  // local (tail, head) of each local arc
  std::vector<std::size_t> sources;     // local source node of each demand of the group, in order
  std::vector<std::size_t> out_offset;  // local arcs leaving local node n:
  std::vector<std::size_t> out_arcs;    // out_arcs[out_offset[n] .. out_offset[n + 1])
};

class RecourseNetwork {
 public:
  RecourseNetwork(const network::Instance& instance, const Schedule& schedule);

  std::size_t node_count() const { return node_count_; }
  std::size_t sink() const { return sink_; }
  const std::vector<FlowArc>& arcs() const { return arcs_; }
  const std::vector<SortGate>& gates() const { return gates_; }
  const std::vector<ArrivalPoint>& arrivals() const { return arrivals_; }
  // Arrival points at `facility` (indices into arrivals()).
  const std::vector<std::size_t>& arrivals_at(std::size_t facility) const {
    return arrivals_at_[facility];
  }
  // The source event of demand k (origin, ready minute).
  std::size_t source_of(std::size_t k) const { return source_of_[k]; }
  // Arc ids leaving node n, as [out_begin(n), out_end(n)) into out_arcs().
  std::size_t out_begin(std::size_t n) const { return out_offset_[n]; }
  std::size_t out_end(std::size_t n) const { return out_offset_[n + 1]; }
  const std::vector<std::size_t>& out_arcs() const { return out_arcs_; }
  // The part of group g (Schedule::groups()[g]).
  const GroupGraph& group_graph(std::size_t g) const { return group_graphs_[g]; }

 private:
  GroupGraph make_group_graph(const DemandGroup& group) const;

  std::size_t add_node() { return node_count_++; }
  std::size_t add_arc(std::size_t tail, std::size_t head, FlowArcKind kind, std::size_t ref = 0);

  std::size_t node_count_ = 0;
  std::size_t sink_ = 0;
  std::vector<FlowArc> arcs_;
  std::vector<SortGate> gates_;
  std::vector<ArrivalPoint> arrivals_;
  std::vector<std::vector<std::size_t>> arrivals_at_;
  std::vector<std::size_t> source_of_;
  std::vector<std::size_t> out_offset_;
  std::vector<std::size_t> out_arcs_;
  std::vector<GroupGraph> group_graphs_;
};

}  // namespace mm::simulation
