// TimeExpandedNetwork on small hand-built instances whose nodes and arcs are counted by hand.
#include "network/time_expanded_network.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace mm::network {
namespace {

constexpr std::size_t npos = TimeExpandedNetwork::npos;

Facility facility(const char* id, int handling_minutes) {
  Facility f;
  f.id = id;
  f.handling_minutes = handling_minutes;
  return f;
}

Lane lane(const char* id, std::size_t from, std::size_t to, int transit,
          std::vector<int> departures) {
  Lane l;
  l.id = id;
  l.from = from;
  l.to = to;
  l.transit_minutes = transit;
  l.departures = std::move(departures);
  return l;
}

Demand demand(const char* id, std::size_t origin, std::size_t destination, int ready, int due) {
  Demand d;
  d.id = id;
  d.origin = origin;
  d.destination = destination;
  d.packages = 10;
  d.ready_minute = ready;
  d.due_minute = due;
  return d;
}

InstanceData base(int horizon) {
  InstanceData data;
  data.name = "ten-test";
  data.horizon_minutes = horizon;
  VehicleType truck;
  truck.id = "truck";
  truck.capacity = {100.0, 20000.0};
  truck.speed_kmh = 60.0;  // unused: every lane gives its transit
  data.vehicle_types.push_back(truck);
  return data;
}

// A (handling 0), B (handling 30), C (handling 20); horizon 1000.
//   L0 A->B transit 100 at 100, 300, 950 (950 arrives at 1050: dropped)
//   L1 B->C transit  50 at 200, 230, 400, 450
//   L2 A->C transit 390 at 600 (arrives 990, ready at C only at 1010: no head)
//   L3 A->C transit 300 at 100 (arrives 400: between L1's arrivals)
//   demand A->C ready 50, demand B->C ready 200 (already a departure minute)
// Nodes, numbered by (minute, facility):
//   0 A50  1 A100  2 B200  3 B230  4 A300  5 B400  6 B450  7 A600  8 A1000  9 B1000  10 C1000
Instance three_facilities() {
  InstanceData data = base(1000);
  data.facilities = {facility("A", 0), facility("B", 30), facility("C", 20)};
  data.lanes = {lane("L0", 0, 1, 100, {100, 300, 950}), lane("L1", 1, 2, 50, {200, 230, 400, 450}),
                lane("L2", 0, 2, 390, {600}), lane("L3", 0, 2, 300, {100})};
  data.demand = {demand("d0", 0, 2, 50, 1000), demand("d1", 1, 2, 200, 900)};
  return Instance::create(std::move(data), "test");
}

TEST(TimeExpandedNetwork, CountsNodesArcsAndHoldingArcs) {
  const TimeExpandedNetwork ten(three_facilities());
  EXPECT_EQ(ten.node_count(), 11u);
  EXPECT_EQ(ten.dispatch_count(), 8u);
  EXPECT_EQ(ten.holding_count(), 8u);  // A: 5 nodes, B: 5 nodes, C: 1 node
  EXPECT_EQ(ten.dropped_departures(), 1u);
}

TEST(TimeExpandedNetwork, NumbersNodesByMinuteThenFacility) {
  const TimeExpandedNetwork ten(three_facilities());
  const std::vector<std::pair<std::size_t, int>> expected = {
      {0, 50},  {0, 100}, {1, 200},  {1, 230},  {0, 300}, {1, 400},
      {1, 450}, {0, 600}, {0, 1000}, {1, 1000}, {2, 1000}};
  ASSERT_EQ(ten.node_count(), expected.size());
  for (std::size_t n = 0; n < expected.size(); ++n) {
    EXPECT_EQ(ten.node(n).facility, expected[n].first) << "node " << n;
    EXPECT_EQ(ten.node(n).minute, expected[n].second) << "node " << n;
  }
}

TEST(TimeExpandedNetwork, StoresArcsGroupedByTail) {
  const TimeExpandedNetwork ten(three_facilities());
  struct Expected {
    std::size_t lane;
    int departure, arrival;
    std::size_t tail, head;
    bool has_head;
  };
  const std::vector<Expected> expected = {
      {0, 100, 200, 1, 3, true},  // 200 + 30 = 230: exactly B's event at 230
      {3, 100, 400, 1, 10, true},
      {1, 200, 250, 2, 10, true},
      {1, 230, 280, 3, 10, true},
      {0, 300, 400, 4, 6, true},  // 400 + 30 = 430: rounded up to B's event at 450
      {1, 400, 450, 5, 10, true},
      {1, 450, 500, 6, 10, true},
      {2, 600, 990, 7, npos, false},  // 990 + 20 = 1010 > horizon
  };
  ASSERT_EQ(ten.dispatch_count(), expected.size());
  for (std::size_t a = 0; a < expected.size(); ++a) {
    const DispatchArc& arc = ten.dispatch(a);
    EXPECT_EQ(arc.lane, expected[a].lane) << "arc " << a;
    EXPECT_EQ(arc.departure_minute, expected[a].departure) << "arc " << a;
    EXPECT_EQ(arc.arrival_minute, expected[a].arrival) << "arc " << a;
    EXPECT_EQ(arc.tail, expected[a].tail) << "arc " << a;
    EXPECT_EQ(arc.has_head, expected[a].has_head) << "arc " << a;
    if (arc.has_head) {
      EXPECT_EQ(arc.head, expected[a].head) << "arc " << a;
    }
  }
  const std::vector<std::pair<std::size_t, std::size_t>> ranges = {
      {0, 0}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 8}, {8, 8}, {8, 8}, {8, 8}};
  for (std::size_t n = 0; n < ranges.size(); ++n) {
    EXPECT_EQ(ten.out_begin(n), ranges[n].first) << "node " << n;
    EXPECT_EQ(ten.out_end(n), ranges[n].second) << "node " << n;
  }
}

TEST(TimeExpandedNetwork, RoundsHeadUpToTheNextEventOfTheHeadFacility) {
  const TimeExpandedNetwork ten(three_facilities());
  const DispatchArc& exact = ten.dispatch(0);  // ready at B at 230, B has an event at 230
  EXPECT_EQ(ten.node(exact.head).facility, 1u);
  EXPECT_EQ(ten.node(exact.head).minute, 230);
  const DispatchArc& rounded = ten.dispatch(4);  // ready at B at 430, next event 450
  EXPECT_EQ(ten.node(rounded.head).facility, 1u);
  EXPECT_EQ(ten.node(rounded.head).minute, 450);
  EXPECT_EQ(rounded.arrival_minute, 400);  // the real arrival stays unrounded
}

TEST(TimeExpandedNetwork, LinksEachFacilitysNodesInMinuteOrder) {
  const TimeExpandedNetwork ten(three_facilities());
  const std::vector<std::vector<std::size_t>> chains = {{0, 1, 4, 7, 8}, {2, 3, 5, 6, 9}, {10}};
  for (const auto& chain : chains) {
    for (std::size_t i = 0; i + 1 < chain.size(); ++i)
      EXPECT_EQ(ten.next_at_facility(chain[i]), chain[i + 1]) << "node " << chain[i];
    EXPECT_EQ(ten.next_at_facility(chain.back()), npos) << "node " << chain.back();
  }
}

TEST(TimeExpandedNetwork, EveryArcGoesFromLowerToHigherNodeId) {
  const TimeExpandedNetwork ten(three_facilities());
  for (std::size_t a = 0; a < ten.dispatch_count(); ++a) {
    const DispatchArc& arc = ten.dispatch(a);
    EXPECT_GE(a, ten.out_begin(arc.tail));
    EXPECT_LT(a, ten.out_end(arc.tail));
    EXPECT_EQ(ten.node(arc.tail).minute, arc.departure_minute);
    if (arc.has_head) {
      EXPECT_LT(arc.tail, arc.head) << "arc " << a;
    }
  }
  for (std::size_t n = 0; n < ten.node_count(); ++n) {
    const std::size_t next = ten.next_at_facility(n);
    if (next != npos) {
      EXPECT_LT(n, next) << "node " << n;
    }
  }
}

TEST(TimeExpandedNetwork, DropsDeparturesArrivingAfterTheHorizonWithoutANode) {
  const TimeExpandedNetwork ten(three_facilities());
  EXPECT_EQ(ten.dropped_departures(), 1u);
  EXPECT_EQ(ten.arcs_of_lane(0), (std::vector<std::size_t>{0, 4}));
  // No node at A950: the first node of A after 600 is the horizon.
  EXPECT_EQ(ten.first_node_at_or_after(0, 601), 8u);
}

TEST(TimeExpandedNetwork, ArcWithoutHeadWhenReadyAfterTheLastEvent) {
  const TimeExpandedNetwork ten(three_facilities());
  const DispatchArc& arc = ten.dispatch(7);
  EXPECT_EQ(arc.lane, 2u);
  EXPECT_FALSE(arc.has_head);
  EXPECT_EQ(arc.head, npos);
  EXPECT_EQ(arc.arrival_minute, 990);  // still a valid last leg: it arrives within the horizon
}

TEST(TimeExpandedNetwork, ListsArrivalsByArrivalMinuteAndLaneArcsByDeparture) {
  const TimeExpandedNetwork ten(three_facilities());
  EXPECT_TRUE(ten.arrivals_into(0).empty());
  EXPECT_EQ(ten.arrivals_into(1), (std::vector<std::size_t>{0, 4}));
  // Arrivals at C: 250 (arc 2), 280 (3), 400 (1), 450 (5), 500 (6), 990 (7).
  EXPECT_EQ(ten.arrivals_into(2), (std::vector<std::size_t>{2, 3, 1, 5, 6, 7}));
  EXPECT_EQ(ten.arcs_of_lane(1), (std::vector<std::size_t>{2, 3, 5, 6}));
  EXPECT_EQ(ten.arcs_of_lane(2), (std::vector<std::size_t>{7}));
  EXPECT_EQ(ten.arcs_of_lane(3), (std::vector<std::size_t>{1}));
}

TEST(TimeExpandedNetwork, FindsFirstNodeAtOrAfterAMinute) {
  const TimeExpandedNetwork ten(three_facilities());
  EXPECT_EQ(ten.first_node_at_or_after(0, 0), 0u);
  EXPECT_EQ(ten.first_node_at_or_after(0, 100), 1u);
  EXPECT_EQ(ten.first_node_at_or_after(0, 101), 4u);
  EXPECT_EQ(ten.first_node_at_or_after(1, 231), 5u);
  EXPECT_EQ(ten.first_node_at_or_after(2, 1000), 10u);
  EXPECT_EQ(ten.first_node_at_or_after(2, 1001), npos);
}

TEST(TimeExpandedNetwork, ZeroTimeLanesBothWaysDoNotFormACycle) {
  InstanceData data = base(200);
  data.facilities = {facility("A", 0), facility("B", 0)};
  data.lanes = {lane("AB", 0, 1, 0, {100}), lane("BA", 1, 0, 0, {100})};
  const TimeExpandedNetwork ten(Instance::create(std::move(data), "test"));
  // Nodes: 0 A100, 1 B100, 2 A200, 3 B200.
  ASSERT_EQ(ten.node_count(), 4u);
  ASSERT_EQ(ten.dispatch_count(), 2u);
  const DispatchArc& ab = ten.dispatch(0);
  const DispatchArc& ba = ten.dispatch(1);
  EXPECT_EQ(ab.tail, 0u);
  EXPECT_EQ(ab.head, 3u);  // B200, not B100: the head must be strictly later than the departure
  EXPECT_EQ(ab.arrival_minute, 100);
  EXPECT_EQ(ba.tail, 1u);
  EXPECT_EQ(ba.head, 2u);
  EXPECT_TRUE(ab.has_head);
  EXPECT_TRUE(ba.has_head);
}

TEST(TimeExpandedNetwork, FacilityWithoutEventsStillHasAHorizonNode) {
  InstanceData data = base(500);
  data.facilities = {facility("A", 0), facility("B", 0), facility("Z", 0)};
  data.lanes = {lane("AB", 0, 1, 500, {0})};  // arrives exactly at the horizon: kept
  const TimeExpandedNetwork ten(Instance::create(std::move(data), "test"));
  EXPECT_EQ(ten.node_count(), 4u);  // A0, A500, B500, Z500
  EXPECT_EQ(ten.holding_count(), 1u);
  EXPECT_EQ(ten.dropped_departures(), 0u);
  ASSERT_EQ(ten.dispatch_count(), 1u);
  EXPECT_EQ(ten.dispatch(0).head, 2u);
  EXPECT_EQ(ten.first_node_at_or_after(2, 0), 3u);
}

}  // namespace
}  // namespace mm::network
