#include "geo/sample_network_generator.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "network/derived_values.h"
#include "network/errors.h"
#include "network/geodesic.h"
#include "network/instance_json.h"
#include "tests/geo/city_fixtures.h"

namespace mm::geo {
namespace {

using network::FacilityKind;
using network::Instance;
using network::Mode;

SampleNetwork generate(int facilities, int demands, std::uint64_t seed) {
  SampleNetworkOptions options;
  options.facilities = facilities;
  options.demands = demands;
  options.seed = seed;
  options.name = "test";
  return generate_sample_network(top_cities(), options);
}

std::map<FacilityKind, std::size_t> count_kinds(const Instance& instance) {
  std::map<FacilityKind, std::size_t> counts;
  for (const auto& facility : instance.facilities()) ++counts[facility.kind];
  return counts;
}

std::string error_of(const SampleNetworkOptions& options) {
  try {
    generate_sample_network(top_cities(), options);
  } catch (const network::InputError& e) {
    return e.what();
  }
  return "no error";
}

// The generator writes the format's derived values, as the parser would derive them: a lane's
// transit from its (rounded) distance, its trip cost from the vehicle, the default penalty.
TEST(SampleNetworkGenerator, WritesTheFormatsDerivedValues) {
  const Instance instance = generate(80, 100, 3).instance;
  ASSERT_FALSE(instance.lanes().empty());
  for (const network::Lane& lane : instance.lanes()) {
    const network::VehicleType& vehicle = instance.vehicle_type_of(lane);
    EXPECT_EQ(lane.id, network::default_lane_id(instance.facilities()[lane.from].id,
                                                instance.facilities()[lane.to].id, vehicle.id));
    EXPECT_EQ(lane.transit_minutes,
              network::derived_transit_minutes(lane.distance_km, vehicle.speed_kmh))
        << lane.id;
    EXPECT_NEAR(lane.cost_per_trip, network::derived_trip_cost(vehicle, lane.distance_km), 0.005)
        << lane.id;
  }
  EXPECT_EQ(instance.unserved_penalty_per_package(),
            network::default_unserved_penalty(instance.vehicle_types(), instance.lanes()));
}

TEST(SampleNetworkGenerator, SameSeedGivesIdenticalJsonAndAnotherSeedDoesNot) {
  std::string first = network::write_instance_json(generate(80, 500, 7).instance);
  std::string again = network::write_instance_json(generate(80, 500, 7).instance);
  std::string other = network::write_instance_json(generate(80, 500, 8).instance);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  // What the generator writes is a valid instance that reads back to the same JSON.
  EXPECT_EQ(network::write_instance_json(network::parse_instance(first, "generated.json")), first);
}

TEST(SampleNetworkGenerator, TierCountsFollowTheSize) {
  struct Case {
    int facilities;
    std::size_t origins, sort_centers, air_hubs, stations, vehicle_types;
  };
  for (const Case& c :
       {Case{15, 2, 2, 0, 11, 2}, Case{80, 8, 12, 3, 57, 3}, Case{400, 40, 60, 8, 292, 3}}) {
    SCOPED_TRACE(c.facilities);
    SampleNetwork generated = generate(c.facilities, 50, 1);
    auto kinds = count_kinds(generated.instance);
    EXPECT_EQ(kinds[FacilityKind::origin], c.origins);
    EXPECT_EQ(kinds[FacilityKind::sort_center], c.sort_centers);
    EXPECT_EQ(kinds[FacilityKind::air_hub], c.air_hubs);
    EXPECT_EQ(kinds[FacilityKind::delivery_station], c.stations);
    EXPECT_EQ(generated.report.origins, c.origins);
    EXPECT_EQ(generated.report.sort_centers, c.sort_centers);
    EXPECT_EQ(generated.report.air_hubs, c.air_hubs);
    EXPECT_EQ(generated.report.delivery_stations, c.stations);
    EXPECT_EQ(generated.instance.vehicle_types().size(), c.vehicle_types);
  }
}

TEST(SampleNetworkGenerator, LargestCitiesAreOriginsWithReadableIds) {
  const Instance instance = generate(15, 10, 1).instance;
  const auto& first = instance.facilities().front();
  EXPECT_EQ(first.id, "FC-NEW-YORK-NY");
  EXPECT_EQ(first.kind, FacilityKind::origin);
  EXPECT_DOUBLE_EQ(first.lat, 40.6943);
  EXPECT_DOUBLE_EQ(first.lon, -73.9249);
  EXPECT_EQ(instance.facilities()[1].id, "FC-LOS-ANGELES-CA");
  EXPECT_EQ(instance.horizon_minutes(), 4320);
  EXPECT_EQ(instance.time_step_minutes(), 30);
}

TEST(SampleNetworkGenerator, EveryLaneFollowsTheTierRules) {
  for (int facilities : {15, 80, 400}) {
    SCOPED_TRACE(facilities);
    SampleNetwork generated = generate(facilities, 50, 3);
    const Instance& instance = generated.instance;
    const auto& f = instance.facilities();
    std::map<std::size_t, int> lanes_into;
    std::size_t departures = 0;
    for (const auto& lane : instance.lanes()) {
      SCOPED_TRACE(lane.id);
      ASSERT_LT(lane.from, f.size());
      ASSERT_LT(lane.to, f.size());
      ASSERT_NE(lane.from, lane.to);
      const auto& vehicle = instance.vehicle_type_of(lane);
      EXPECT_EQ(lane.id, f[lane.from].id + ">" + f[lane.to].id + ":" + vehicle.id);
      EXPECT_NE(f[lane.to].kind, FacilityKind::origin);
      EXPECT_NE(f[lane.from].kind, FacilityKind::delivery_station);
      if (vehicle.mode == Mode::air) {
        EXPECT_EQ(f[lane.from].kind, FacilityKind::air_hub);
        EXPECT_EQ(f[lane.to].kind, FacilityKind::air_hub);
      }
      if (vehicle.id == "box_truck") {
        EXPECT_EQ(f[lane.to].kind, FacilityKind::delivery_station);
      }
      double km =
          network::geodesic_km(f[lane.from].lon, f[lane.from].lat, f[lane.to].lon, f[lane.to].lat);
      EXPECT_NEAR(lane.distance_km, km * vehicle.circuity, 0.05);
      // ceil(km / speed × 60) as the parser derives it: 620 km at 75 km/h is 496 minutes.
      EXPECT_EQ(lane.transit_minutes,
                network::derived_transit_minutes(lane.distance_km, vehicle.speed_kmh));
      EXPECT_NEAR(lane.cost_per_trip,
                  vehicle.cost_per_trip + vehicle.cost_per_km * lane.distance_km, 0.005);
      ASSERT_FALSE(lane.departures.empty());
      EXPECT_TRUE(std::is_sorted(lane.departures.begin(), lane.departures.end()));
      EXPECT_GE(lane.departures.front(), 0);
      EXPECT_LT(lane.departures.back(), instance.horizon_minutes());
      // Every 2 to 4 hours for trucks, once a day for planes.
      for (std::size_t i = 1; i < lane.departures.size(); ++i) {
        int gap = lane.departures[i] - lane.departures[i - 1];
        if (vehicle.mode == Mode::air)
          EXPECT_EQ(gap, 1440);
        else
          EXPECT_TRUE(gap == 120 || gap == 180 || gap == 240) << gap;
      }
      departures += lane.departures.size();
      ++lanes_into[lane.to];
    }
    EXPECT_EQ(generated.report.lanes, instance.lanes().size());
    EXPECT_EQ(generated.report.departures, departures);
    // Each station is served by its two nearest sort centers.
    for (std::size_t i = 0; i < f.size(); ++i)
      if (f[i].kind == FacilityKind::delivery_station) {
        EXPECT_GE(lanes_into[i], 2) << f[i].id;
      }
  }
}

TEST(SampleNetworkGenerator, DemandRunsFromOriginsToStationsInsideTheHorizon) {
  SampleNetwork generated = generate(80, 500, 5);
  const Instance& instance = generated.instance;
  ASSERT_EQ(instance.demand().size(), 500u);
  std::size_t with_path = 0;
  network::InstanceData data{instance.name(),
                             instance.horizon_minutes(),
                             instance.time_step_minutes(),
                             0.0,
                             instance.vehicle_types(),
                             instance.facilities(),
                             instance.lanes(),
                             instance.demand(),
                             instance.loading_json()};
  for (const auto& demand : instance.demand()) {
    SCOPED_TRACE(demand.id);
    EXPECT_EQ(instance.facilities()[demand.origin].kind, FacilityKind::origin);
    EXPECT_EQ(instance.facilities()[demand.destination].kind, FacilityKind::delivery_station);
    EXPECT_GE(demand.packages, 50.0);
    EXPECT_LE(demand.packages, 3000.0);
    EXPECT_NEAR(demand.cube_m3 / demand.packages, 0.025, 0.025 * 0.16);
    EXPECT_NEAR(demand.weight_kg / demand.packages, 2.5, 2.5 * 0.16);
    EXPECT_GE(demand.ready_minute, 0);
    EXPECT_LT(demand.ready_minute, 1440);
    int window = demand.due_minute - demand.ready_minute;
    EXPECT_TRUE((window >= 12 * 60 && window <= 20 * 60) ||
                (window >= 24 * 60 && window <= 48 * 60))
        << window;
    EXPECT_LE(demand.due_minute, instance.horizon_minutes());
    auto arrival = earliest_arrival_minute(data, demand);
    if (arrival && *arrival <= demand.due_minute) ++with_path;
  }
  EXPECT_EQ(generated.report.demands, 500u);
  EXPECT_EQ(generated.report.demands_with_path, with_path);
  EXPECT_GE(with_path, 400u);  // most demand can be served on time
  EXPECT_LT(with_path, 500u);  // but not all: tight windows and long hauls exist
}

TEST(SampleNetworkGenerator, SortCapacityIsSetOnSortCentersAndHubsOnly) {
  const Instance instance = generate(80, 500, 2).instance;
  for (const auto& facility : instance.facilities()) {
    SCOPED_TRACE(facility.id);
    bool sorts =
        facility.kind == FacilityKind::sort_center || facility.kind == FacilityKind::air_hub;
    ASSERT_EQ(facility.sort_capacity_per_hour.has_value(), sorts);
    if (sorts) {
      EXPECT_GE(*facility.sort_capacity_per_hour, 500.0);
    }
  }
}

TEST(SampleNetworkGenerator, RadiusKeepsCitiesNearTheCenter) {
  SampleNetworkOptions options;
  options.facilities = 12;
  options.demands = 20;
  options.center = "Chicago, IL";
  options.radius_km = 300.0;
  const Instance instance = generate_sample_network(top_cities(), options).instance;
  EXPECT_EQ(instance.facilities().front().id, "FC-CHICAGO-IL");
  for (const auto& facility : instance.facilities())
    EXPECT_LE(network::geodesic_km(-87.6866, 41.8375, facility.lon, facility.lat), 300.0)
        << facility.id;
}

TEST(SampleNetworkGenerator, BadOptionsAreInputErrors) {
  SampleNetworkOptions options;
  options.facilities = 3;
  EXPECT_EQ(error_of(options), "--facilities must be at least 4, got 3");
  options.facilities = 15;
  options.demands = 0;
  EXPECT_EQ(error_of(options), "--demands must be at least 1, got 0");
  options.demands = 10;
  options.radius_km = 5.0;
  options.center = "Atlantis, XX";
  EXPECT_EQ(error_of(options), "unknown center city \"Atlantis, XX\"");
  options.center = "Boise, ID";
  EXPECT_EQ(error_of(options), "only 1 city available for 15 facilities");
  // 982 of the 1000 are in the contiguous states; 627 of those lie 15 km or more apart.
  options.facilities = 700;
  options.radius_km.reset();
  options.center.reset();
  EXPECT_EQ(error_of(options), "only 627 cities available for 700 facilities");
}

// data/README.md documents the command that made data/sample.json; it must still make it.
TEST(SampleNetworkGenerator, ReproducesTheShippedSample) {
  SampleNetworkOptions options;  // --facilities 15 --demands 40 --seed 1
  options.center = "Chicago, IL";
  options.radius_km = 500.0;
  options.name = "sample";
  SampleNetwork generated = generate_sample_network(top_cities(), options);
  std::ifstream file(std::string(MM_SOURCE_DIR) + "/data/sample.json");
  std::stringstream shipped;
  shipped << file.rdbuf();
  EXPECT_EQ(network::write_instance_json(generated.instance), shipped.str());
  EXPECT_EQ(generated.report.demands_with_path, 38u);
}

TEST(EarliestArrival, ObeysDeparturesTransitAndHandling) {
  network::InstanceData data;
  data.horizon_minutes = 2880;
  data.vehicle_types.push_back({"truck", Mode::truck, {100.0, 1000.0}, 100.0, 0.0, 60.0, 1.0, {}});
  data.facilities.push_back({"A", FacilityKind::origin, 0.0, 0.0, 90, {}, 0.0, std::nullopt});
  data.facilities.push_back({"B", FacilityKind::sort_center, 1.0, 0.0, 60, {}, 0.0, std::nullopt});
  data.facilities.push_back(
      {"C", FacilityKind::delivery_station, 2.0, 0.0, 30, {}, 0.0, std::nullopt});
  network::Lane ab;
  ab.id = "AB";
  ab.from = 0;
  ab.to = 1;
  ab.transit_minutes = 100;
  ab.departures = {0, 200, 400};
  network::Lane bc = ab;
  bc.id = "BC";
  bc.from = 1;
  bc.to = 2;
  bc.transit_minutes = 50;
  bc.departures = {300, 360, 900};
  data.lanes = {ab, bc};
  network::Demand demand;
  demand.origin = 0;
  demand.destination = 2;
  // Ready at 150: leaves A at 200 (no handling at the origin), reaches B at 300, may leave B at
  // 360 (60 min handling), reaches C at 410.
  demand.ready_minute = 150;
  demand.due_minute = 2000;
  EXPECT_EQ(earliest_arrival_minute(data, demand), 410);
  // Ready at 201: leaves A at 400, B at 900 (500 + 60 misses nothing earlier), C at 950.
  demand.ready_minute = 201;
  EXPECT_EQ(earliest_arrival_minute(data, demand), 950);
  // Ready after A's last departure: no path.
  demand.ready_minute = 401;
  EXPECT_EQ(earliest_arrival_minute(data, demand), std::nullopt);
}

}  // namespace
}  // namespace mm::geo
