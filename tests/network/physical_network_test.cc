// PhysicalNetwork: lane incidence and lane-path reachability on a hand-built instance.
#include "network/physical_network.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <utility>
#include <vector>

namespace mm::network {
namespace {

// Facilities 0 A, 1 B, 2 C, 3 D (isolated). Lanes: 0 A->B, 1 B->C, 2 A->B (a second vehicle
// type), 3 C->B.
Instance four_facilities() {
  InstanceData data;
  data.horizon_minutes = 1440;
  VehicleType truck;
  truck.id = "truck";
  truck.capacity = {100.0, 20000.0};
  truck.speed_kmh = 60.0;  // unused: every lane gives its transit
  data.vehicle_types = {truck};
  for (const char* id : {"A", "B", "C", "D"}) {
    Facility f;
    f.id = id;
    data.facilities.push_back(f);
  }
  const std::vector<std::pair<std::size_t, std::size_t>> ends = {{0, 1}, {1, 2}, {0, 1}, {2, 1}};
  for (std::size_t l = 0; l < ends.size(); ++l) {
    Lane lane;
    lane.id = "L" + std::to_string(l);
    lane.from = ends[l].first;
    lane.to = ends[l].second;
    lane.departures = {60};
    data.lanes.push_back(lane);
  }
  return Instance::create(std::move(data), "test");
}

TEST(PhysicalNetwork, CountsFacilitiesAndLanes) {
  const PhysicalNetwork network(four_facilities());
  EXPECT_EQ(network.facility_count(), 4u);
  EXPECT_EQ(network.lane_count(), 4u);
}

TEST(PhysicalNetwork, ListsOutAndInLanesInLaneOrder) {
  const PhysicalNetwork network(four_facilities());
  EXPECT_EQ(network.out_lanes(0), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(network.out_lanes(1), (std::vector<std::size_t>{1}));
  EXPECT_EQ(network.out_lanes(2), (std::vector<std::size_t>{3}));
  EXPECT_TRUE(network.out_lanes(3).empty());
  EXPECT_TRUE(network.in_lanes(0).empty());
  EXPECT_EQ(network.in_lanes(1), (std::vector<std::size_t>{0, 2, 3}));
  EXPECT_EQ(network.in_lanes(2), (std::vector<std::size_t>{1}));
  EXPECT_TRUE(network.in_lanes(3).empty());
}

TEST(PhysicalNetwork, ReachableFromFollowsLaneDirections) {
  const PhysicalNetwork network(four_facilities());
  EXPECT_EQ(network.reachable_from(0), (std::vector<bool>{true, true, true, false}));
  EXPECT_EQ(network.reachable_from(1), (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(network.reachable_from(2), (std::vector<bool>{false, true, true, false}));
  EXPECT_EQ(network.reachable_from(3), (std::vector<bool>{false, false, false, true}));
}

TEST(PhysicalNetwork, CanReach) {
  const PhysicalNetwork network(four_facilities());
  EXPECT_TRUE(network.can_reach(0, 2));  // A->B->C
  EXPECT_TRUE(network.can_reach(2, 1));
  EXPECT_FALSE(network.can_reach(2, 0));
  EXPECT_FALSE(network.can_reach(0, 3));
  EXPECT_TRUE(network.can_reach(3, 3));
}

TEST(PhysicalNetwork, RejectsUnknownFacilityIndex) {
  const PhysicalNetwork network(four_facilities());
  EXPECT_THROW(network.out_lanes(4), std::out_of_range);
  EXPECT_THROW(network.reachable_from(4), std::out_of_range);
  EXPECT_THROW(network.can_reach(0, 4), std::out_of_range);
}

TEST(PhysicalNetwork, SurvivesAMove) {
  PhysicalNetwork original(four_facilities());
  const PhysicalNetwork moved(std::move(original));
  EXPECT_EQ(moved.in_lanes(1), (std::vector<std::size_t>{0, 2, 3}));
  EXPECT_TRUE(moved.can_reach(0, 2));
}

}  // namespace
}  // namespace mm::network
