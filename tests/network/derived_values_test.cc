// The values the instance format derives (network/derived_values.h), against hand-computed
// answers, and the parser using them for a lane that leaves them out.
#include "network/derived_values.h"

#include <gtest/gtest.h>

#include <string>

#include "network/instance_json.h"

namespace mm::network {
namespace {

VehicleType truck() {
  VehicleType v;
  v.id = "truck53";
  v.capacity = {100.0, 20000.0};
  v.cost_per_trip = 250.0;
  v.cost_per_km = 1.6;
  v.speed_kmh = 75.0;
  v.circuity = 1.2;
  return v;
}

TEST(DerivedValues, LaneIdIsFromToVehicle) {
  EXPECT_EQ(default_lane_id("SC-PDX", "DS-EUG", "truck53"), "SC-PDX>DS-EUG:truck53");
}

// 300 km at 75 km/h is 4 h exactly: 240 minutes, though 300 / 75 * 60 may land a hair above
// 240 in binary; a real excess rounds up.
TEST(DerivedValues, TransitRoundsUpForgivingOnlyRoundingError) {
  EXPECT_EQ(derived_transit_minutes(300.0, 75.0), 240.0);
  EXPECT_EQ(derived_transit_minutes(0.1 * 3 * 1000, 75.0), 240.0);  // 300.00000000000006
  EXPECT_EQ(derived_transit_minutes(300.01, 75.0), 241.0);
  EXPECT_EQ(derived_transit_minutes(0.0, 75.0), 0.0);
}

TEST(DerivedValues, TripCostAndDistance) {
  EXPECT_DOUBLE_EQ(derived_trip_cost(truck(), 280.0), 250.0 + 1.6 * 280.0);
  Facility a, b;
  a.lon = b.lon = 0.0;
  a.lat = 0.0;
  b.lat = 1.0;  // one degree of latitude at the equator: 110.574 km on WGS84
  EXPECT_NEAR(derived_distance_km(a, b, truck()), 1.2 * 110.574, 0.01);
}

TEST(DerivedValues, PenaltyIsHundredDearestTripsElseVehicleCostElseOne) {
  Lane cheap, dear;
  cheap.cost_per_trip = 10.0;
  dear.cost_per_trip = 40.0;
  EXPECT_DOUBLE_EQ(default_unserved_penalty({truck()}, {cheap, dear}), 4000.0);
  // No lanes: the dearest vehicle trip.
  EXPECT_DOUBLE_EQ(default_unserved_penalty({truck()}, {}), 25000.0);
  // Every trip free, or nothing at all: one per package.
  Lane free;
  EXPECT_DOUBLE_EQ(default_unserved_penalty({truck()}, {free}), 1.0);
  EXPECT_DOUBLE_EQ(default_unserved_penalty({}, {}), 1.0);
}

// The parser fills what a lane leaves out with exactly these functions.
TEST(DerivedValues, ParserUsesThem) {
  const Instance instance = parse_instance(R"({
    "format": "middlemile-instance/1", "horizon_minutes": 1440,
    "vehicle_types": [{"id": "truck53", "mode": "truck",
                       "capacity": {"cube_m3": 100, "weight_kg": 20000},
                       "cost_per_trip": 250, "cost_per_km": 1.6, "speed_kmh": 75, "circuity": 1.2}],
    "facilities": [{"id": "A", "kind": "origin", "lon": 0, "lat": 0},
                   {"id": "B", "kind": "delivery_station", "lon": 0, "lat": 1}],
    "lanes": [{"from": "A", "to": "B", "vehicle_type": "truck53"}],
    "demand": []})",
                                           "derived.json");
  const Lane& lane = instance.lanes().at(0);
  const VehicleType& vehicle = instance.vehicle_types().at(0);
  EXPECT_EQ(lane.id, default_lane_id("A", "B", "truck53"));
  EXPECT_EQ(lane.distance_km,
            derived_distance_km(instance.facilities()[0], instance.facilities()[1], vehicle));
  EXPECT_EQ(lane.transit_minutes, derived_transit_minutes(lane.distance_km, vehicle.speed_kmh));
  EXPECT_EQ(lane.cost_per_trip, derived_trip_cost(vehicle, lane.distance_km));
  EXPECT_EQ(instance.unserved_penalty_per_package(),
            default_unserved_penalty(instance.vehicle_types(), instance.lanes()));
  EXPECT_EQ(instance.time_step_minutes(), kDefaultTimeStepMinutes);
}

}  // namespace
}  // namespace mm::network
