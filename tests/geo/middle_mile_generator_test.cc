#include "geo/middle_mile_generator.h"

#include <algorithm>
#include <map>
#include <set>
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

// The shape of the family's t_med sample: 4 origins, 10 sort centers, 2 air hubs, 60 stations
// over the contiguous US, 3 freighters.
MiddleMileOptions medium(std::uint64_t seed = 1) {
  MiddleMileOptions options;
  options.origins = 4;
  options.sort_centers = 10;
  options.air_hubs = 2;
  options.stations = 60;
  options.freighters = 3;
  options.seed = seed;
  options.name = "test";
  return options;
}

// The shape of t_cap: 3 origins, 7 sort centers at 3,000 packages an hour, 30 stations in seven
// Midwest states.
MiddleMileOptions capacity() {
  MiddleMileOptions options;
  options.origins = 3;
  options.sort_centers = 7;
  options.stations = 30;
  options.sort_capacity_per_hour = 3000.0;
  options.states = {"IL", "IN", "OH", "MI", "WI", "KY", "MO"};
  options.name = "cap";
  return options;
}

std::string error_of(const MiddleMileOptions& options) {
  try {
    generate_middle_mile_network(top_cities(), options);
  } catch (const network::InputError& e) {
    return e.what();
  }
  return "no error";
}

double km_between(const network::Facility& a, const network::Facility& b) {
  return network::geodesic_km(a.lon, a.lat, b.lon, b.lat);
}

TEST(MiddleMileGenerator, FamilyShapeVehiclesAndTime) {
  SampleNetwork generated = generate_middle_mile_network(top_cities(), medium());
  const Instance& instance = generated.instance;
  std::map<FacilityKind, int> kinds;
  for (const auto& facility : instance.facilities()) ++kinds[facility.kind];
  EXPECT_EQ(kinds[FacilityKind::origin], 4);
  EXPECT_EQ(kinds[FacilityKind::sort_center], 10);
  EXPECT_EQ(kinds[FacilityKind::air_hub], 2);
  EXPECT_EQ(kinds[FacilityKind::delivery_station], 60);
  EXPECT_EQ(generated.report.delivery_stations, 60u);
  EXPECT_EQ(instance.horizon_minutes(), 4 * 1440);
  EXPECT_EQ(instance.time_step_minutes(), 30);
  EXPECT_EQ(instance.unserved_penalty_per_package(), 25.0);
  ASSERT_EQ(instance.vehicle_types().size(), 3u);
  EXPECT_EQ(instance.vehicle_types()[2].mode, Mode::air);
  EXPECT_EQ(instance.vehicle_types()[2].fleet, 3);
  for (const auto& facility : instance.facilities())
    EXPECT_FALSE(facility.sort_capacity_per_hour.has_value()) << facility.id;
  // One demand per origin, station and wave.
  EXPECT_EQ(instance.demand().size(), 4u * 60u * 2u);
  EXPECT_EQ(generated.report.demands, instance.demand().size());
  EXPECT_GT(generated.report.demands_with_path, instance.demand().size() * 8 / 10);
}

TEST(MiddleMileGenerator, DemandComesInTwoWavesDueAtEightByDistance) {
  MiddleMileOptions options = capacity();
  options.days = 2;
  SampleNetwork generated = generate_middle_mile_network(top_cities(), options);
  const Instance& instance = generated.instance;
  EXPECT_EQ(instance.horizon_minutes(), 5 * 1440);
  EXPECT_EQ(instance.demand().size(), 2u * 3u * 30u * 2u);
  std::map<std::pair<std::size_t, std::size_t>, int> records;
  double first_wave = 0.0, all = 0.0;
  for (const network::Demand& demand : instance.demand()) {
    SCOPED_TRACE(demand.id);
    const int day = demand.ready_minute / 1440;
    const int ready = demand.ready_minute % 1440;
    EXPECT_TRUE(ready == 720 || ready == 750 || ready == 780 || ready == 1080 || ready == 1110 ||
                ready == 1140);
    const double km =
        km_between(instance.facilities()[demand.origin], instance.facilities()[demand.destination]);
    const int days = km < 450.0 ? 1 : km < 1500.0 ? 2 : 3;
    EXPECT_EQ(demand.due_minute, (day + days) * 1440 + 480);
    EXPECT_EQ(instance.facilities()[demand.origin].kind, FacilityKind::origin);
    EXPECT_EQ(instance.facilities()[demand.destination].kind, FacilityKind::delivery_station);
    EXPECT_GE(demand.packages, 1.0);
    EXPECT_GE(demand.cube_m3, 0.03 * demand.packages - 0.0005);
    EXPECT_LE(demand.cube_m3, 0.06 * demand.packages + 0.0005);
    ++records[{demand.origin, demand.destination}];
    all += demand.packages;
    if (ready < 1000) first_wave += demand.packages;
  }
  for (const auto& [pair, count] : records) EXPECT_EQ(count, 4);  // 2 waves × 2 days
  EXPECT_NEAR(first_wave / all, 0.4, 0.03);
  // The default volume: 60,000 + 60 per origin and station, a day.
  EXPECT_NEAR(all / 2.0, 60000.0 + 60.0 * 90.0, 0.05 * 65400.0);
  for (const auto& facility : instance.facilities()) {
    if (facility.kind == FacilityKind::sort_center)
      EXPECT_EQ(facility.sort_capacity_per_hour, 3000.0);
    else
      EXPECT_FALSE(facility.sort_capacity_per_hour.has_value());
  }
}

TEST(MiddleMileGenerator, LanesFollowTheFamilysRulesAndSchedules) {
  SampleNetwork generated = generate_middle_mile_network(top_cities(), medium(4));
  const Instance& instance = generated.instance;
  std::map<std::string, int> per_kind;
  std::set<std::size_t> stations_served;
  for (const network::Lane& lane : instance.lanes()) {
    SCOPED_TRACE(lane.id);
    const auto& from = instance.facilities()[lane.from];
    const auto& to = instance.facilities()[lane.to];
    const auto& vehicle = instance.vehicle_type_of(lane);
    EXPECT_EQ(lane.id, network::default_lane_id(from.id, to.id, vehicle.id));
    EXPECT_EQ(lane.transit_minutes,
              network::derived_transit_minutes(lane.distance_km, vehicle.speed_kmh));
    EXPECT_NEAR(lane.cost_per_trip, network::derived_trip_cost(vehicle, lane.distance_km), 0.005);
    const double km = km_between(from, to);
    const int per_day = static_cast<int>(lane.departures.size()) / 4;
    const int first = lane.departures.front();
    using K = FacilityKind;
    if (from.kind == K::origin && to.kind == K::sort_center) {
      EXPECT_EQ(per_day, 12);
      EXPECT_EQ(first, 60);
    } else if (from.kind == K::origin && to.kind == K::delivery_station) {
      EXPECT_LT(km, 250.0);
      EXPECT_EQ(vehicle.id, "box26");
      EXPECT_EQ(per_day, 4);
    } else if (from.kind == K::sort_center && to.kind == K::sort_center) {
      EXPECT_LE(km, 1800.0);
      EXPECT_EQ(first, 120);
      EXPECT_EQ(lane.departures.size(), 47u);
    } else if (from.kind == K::sort_center && to.kind == K::delivery_station) {
      EXPECT_EQ(per_day, 6);
      stations_served.insert(lane.to);
    } else if (vehicle.mode == Mode::air) {
      EXPECT_EQ(from.kind, K::air_hub);
      EXPECT_EQ(lane.departures, (std::vector<int>{0, 720, 1440, 2160, 2880, 3600, 4320, 5040}));
      if (to.kind == K::sort_center) {
        EXPECT_GE(km, 1000.0);
      }
    } else {
      // Hub feeders by 53 ft truck, every 2 h from midnight.
      EXPECT_TRUE(from.kind == K::air_hub || to.kind == K::air_hub);
      EXPECT_EQ(vehicle.id, "truck53");
      EXPECT_EQ(per_day, 12);
      EXPECT_EQ(first, 0);
    }
    ++per_kind[std::string(network::to_string(from.kind)) + ">" + network::to_string(to.kind) +
               ":" + vehicle.id];
  }
  EXPECT_EQ(stations_served.size(), 60u);
  EXPECT_EQ(per_kind["sort_center>delivery_station:truck53"], 120);
  EXPECT_EQ(per_kind["sort_center>delivery_station:box26"], 120);
  EXPECT_EQ(per_kind["air_hub>air_hub:b767f"], 2);
  EXPECT_EQ(per_kind["origin>air_hub:truck53"], 4);
  EXPECT_EQ(per_kind["sort_center>air_hub:truck53"], 10);
}

TEST(MiddleMileGenerator, SameSeedGivesIdenticalJsonAndAnotherSeedDoesNot) {
  std::string first =
      network::write_instance_json(generate_middle_mile_network(top_cities(), medium(7)).instance);
  std::string again =
      network::write_instance_json(generate_middle_mile_network(top_cities(), medium(7)).instance);
  std::string other =
      network::write_instance_json(generate_middle_mile_network(top_cities(), medium(8)).instance);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  EXPECT_EQ(network::write_instance_json(network::parse_instance(first, "generated.json")), first);
}

TEST(MiddleMileGenerator, TrunkDeparturesEveryStepAndRegionByRadius) {
  MiddleMileOptions options;
  options.origins = 2;
  options.sort_centers = 5;
  options.stations = 10;
  options.trunk_departures_per_day = 48;
  options.center = "Atlanta, GA";
  options.radius_km = 600.0;
  options.unserved_penalty_per_package = 10.0;
  options.packages_per_day = 64000.0;
  SampleNetwork generated = generate_middle_mile_network(top_cities(), options);
  const Instance& instance = generated.instance;
  EXPECT_EQ(instance.unserved_penalty_per_package(), 10.0);
  EXPECT_EQ(instance.vehicle_types().size(), 2u);
  for (const auto& facility : instance.facilities())
    EXPECT_LE(network::geodesic_km(-84.422, 33.7628, facility.lon, facility.lat), 605.0)
        << facility.id;
  for (const network::Lane& lane : instance.lanes()) {
    if (instance.facilities()[lane.from].kind == FacilityKind::origin &&
        instance.facilities()[lane.to].kind == FacilityKind::sort_center) {
      EXPECT_EQ(lane.departures.size(), 4u * 48u) << lane.id;
    }
  }
  double packages = 0.0;
  for (const network::Demand& demand : instance.demand()) packages += demand.packages;
  EXPECT_NEAR(packages, 64000.0, 0.05 * 64000.0);
}

TEST(MiddleMileGenerator, SplitFollowsTheFamilysProportions) {
  struct Case {
    int facilities, origins, sort_centers, air_hubs, stations;
  };
  for (const Case& c : {Case{17, 1, 2, 0, 14}, Case{40, 3, 5, 0, 32}, Case{76, 5, 10, 2, 59},
                        Case{965, 60, 121, 8, 776}}) {
    SCOPED_TRACE(c.facilities);
    MiddleMileOptions options;
    split_facilities(c.facilities, options);
    EXPECT_EQ(options.origins, c.origins);
    EXPECT_EQ(options.sort_centers, c.sort_centers);
    EXPECT_EQ(options.air_hubs, c.air_hubs);
    EXPECT_EQ(options.stations, c.stations);
  }
  MiddleMileOptions options;
  EXPECT_THROW(split_facilities(3, options), network::InputError);
}

TEST(MiddleMileGenerator, ImpossibleRequestsAreInputErrors) {
  MiddleMileOptions options = capacity();
  options.stations = 400;
  EXPECT_EQ(error_of(options),
            "only 133 places in the region (cities 8 km apart) for 400 delivery stations");
  options = capacity();
  options.states = {"IL", "XX"};
  EXPECT_EQ(error_of(options), "--region: no city of the table is in state \"XX\"");
  options = capacity();
  options.freighters = 2;
  EXPECT_EQ(error_of(options), "--freighters needs at least one air hub (--air-hubs)");
  options = capacity();
  options.trunk_departures_per_day = 5;
  EXPECT_NE(error_of(options).find("--trunk-departures must divide a day"), std::string::npos);
  options = capacity();
  options.days = 0;
  EXPECT_EQ(error_of(options), "--days must be between 1 and 14, got 0");
  options = capacity();
  options.sort_centers = 0;
  EXPECT_EQ(error_of(options), "--sort-centers must be at least 1, got 0");
  options = capacity();
  options.center = "Atlantis, XX";
  options.radius_km = 100.0;
  EXPECT_EQ(error_of(options), "unknown center city \"Atlantis, XX\"");
  options = medium();
  options.stations = 900;
  EXPECT_EQ(error_of(options).substr(0, 5), "only ");
}

}  // namespace
}  // namespace mm::geo
