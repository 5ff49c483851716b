// parse_instance / write_instance_json: defaults and derived values of FORMAT.md, the geodesic
// distance, the write -> read round trip, and error collection on small inline instances.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "network/errors.h"
#include "network/geodesic.h"
#include "network/instance_json.h"

namespace mm::network {
namespace {

// Seattle (-122.33, 47.61) to Portland (-122.68, 45.52) on WGS84. Checked independently with a
// separate Python implementation of Vincenty's inverse formula (a = 6378137,
// f = 1/298.257223563): 233.8732 km; the haversine on the mean radius 6371.0088 km gives
// 233.93 km, 0.03% away.
constexpr double kSeattlePortlandKm = 233.8732;

std::string minimal_instance(const std::string& vehicle_extra = "",
                             const std::string& lane_extra = "",
                             const std::string& top_extra = "") {
  return R"({"format": "middlemile-instance/1", "horizon_minutes": 120,)" + top_extra + R"(
    "vehicle_types": [{"id": "van", "mode": "truck", "capacity": {"cube_m3": 10, "weight_kg": 1000},
                       "cost_per_trip": 100, "speed_kmh": 60)" +
         vehicle_extra + R"(}],
    "facilities": [{"id": "SEA", "kind": "origin", "lon": -122.33, "lat": 47.61},
                   {"id": "PDX", "kind": "delivery_station", "lon": -122.68, "lat": 45.52}],
    "lanes": [{"from": "SEA", "to": "PDX", "vehicle_type": "van")" +
         lane_extra + R"(}],
    "demand": [{"id": "d", "origin": "SEA", "destination": "PDX", "packages": 5, "cube_m3": 0.5,
                "weight_kg": 20, "ready_minute": 0, "due_minute": 120}]})";
}

// `text` with the first `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

std::vector<std::string> problems_of(const std::string& text) {
  try {
    parse_instance(text, "inline.json");
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.source(), "inline.json");
    return e.problems();
  }
  ADD_FAILURE() << "no ValidationError";
  return {};
}

void expect_same(const Instance& a, const Instance& b) {
  EXPECT_EQ(a.name(), b.name());
  EXPECT_EQ(a.horizon_minutes(), b.horizon_minutes());
  EXPECT_EQ(a.time_step_minutes(), b.time_step_minutes());
  EXPECT_EQ(a.unserved_penalty_per_package(), b.unserved_penalty_per_package());
  ASSERT_EQ(a.vehicle_types().size(), b.vehicle_types().size());
  for (std::size_t i = 0; i < a.vehicle_types().size(); ++i) {
    const VehicleType& x = a.vehicle_types()[i];
    const VehicleType& y = b.vehicle_types()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.mode, y.mode);
    EXPECT_EQ(x.capacity.cube_m3, y.capacity.cube_m3);
    EXPECT_EQ(x.capacity.weight_kg, y.capacity.weight_kg);
    EXPECT_EQ(x.cost_per_trip, y.cost_per_trip);
    EXPECT_EQ(x.cost_per_km, y.cost_per_km);
    EXPECT_EQ(x.speed_kmh, y.speed_kmh);
    EXPECT_EQ(x.circuity, y.circuity);
    EXPECT_EQ(x.fleet, y.fleet);
  }
  ASSERT_EQ(a.facilities().size(), b.facilities().size());
  for (std::size_t i = 0; i < a.facilities().size(); ++i) {
    const Facility& x = a.facilities()[i];
    const Facility& y = b.facilities()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.lon, y.lon);
    EXPECT_EQ(x.lat, y.lat);
    EXPECT_EQ(x.handling_minutes, y.handling_minutes);
    EXPECT_EQ(x.sort_capacity_per_hour, y.sort_capacity_per_hour);
    EXPECT_EQ(x.handling_cost_per_package, y.handling_cost_per_package);
  }
  ASSERT_EQ(a.lanes().size(), b.lanes().size());
  for (std::size_t i = 0; i < a.lanes().size(); ++i) {
    const Lane& x = a.lanes()[i];
    const Lane& y = b.lanes()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.from, y.from);
    EXPECT_EQ(x.to, y.to);
    EXPECT_EQ(x.vehicle_type, y.vehicle_type);
    EXPECT_EQ(x.distance_km, y.distance_km);  // exact: doubles are written round-trip safe
    EXPECT_EQ(x.transit_minutes, y.transit_minutes);
    EXPECT_EQ(x.departures, y.departures);
    EXPECT_EQ(x.max_vehicles_per_departure, y.max_vehicles_per_departure);
    EXPECT_EQ(x.cost_per_trip, y.cost_per_trip);
    EXPECT_EQ(x.cost_per_package, y.cost_per_package);
  }
  ASSERT_EQ(a.demand().size(), b.demand().size());
  for (std::size_t i = 0; i < a.demand().size(); ++i) {
    const Demand& x = a.demand()[i];
    const Demand& y = b.demand()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.origin, y.origin);
    EXPECT_EQ(x.destination, y.destination);
    EXPECT_EQ(x.packages, y.packages);
    EXPECT_EQ(x.cube_m3, y.cube_m3);
    EXPECT_EQ(x.weight_kg, y.weight_kg);
    EXPECT_EQ(x.ready_minute, y.ready_minute);
    EXPECT_EQ(x.due_minute, y.due_minute);
  }
}

TEST(Geodesic, SeattlePortlandMatchesIndependentVincenty) {
  EXPECT_NEAR(geodesic_km(-122.33, 47.61, -122.68, 45.52), kSeattlePortlandKm, 0.001);
  EXPECT_NEAR(geodesic_km(-122.68, 45.52, -122.33, 47.61), kSeattlePortlandKm, 0.001);
}

TEST(Geodesic, EquatorDegreeIsSemiMajorAxisArc) {
  // Along the equator the geodesic is the equatorial arc: a × 1° = 6378.137 km × π / 180.
  EXPECT_NEAR(geodesic_km(10.0, 0.0, 11.0, 0.0), 6378.137 * M_PI / 180.0, 1e-6);
  EXPECT_EQ(geodesic_km(-122.33, 47.61, -122.33, 47.61), 0.0);
}

TEST(Geodesic, NearlyAntipodalPointsStayBelowHalfTheMeridian) {
  // Half a meridian of WGS84 is 20003.93 km; no geodesic is longer.
  double km = geodesic_km(0.0, 0.0, 179.5, 0.5);
  EXPECT_GT(km, 19900.0);
  EXPECT_LE(km, 20003.94);
}

TEST(InstanceJson, FormatExampleHasTheDerivedValuesOfFormatMd) {
  Instance tiny = read_instance_file(MM_TEST_DATA_DIR "/tiny.json");
  EXPECT_EQ(tiny.name(), "tiny");
  EXPECT_EQ(tiny.horizon_minutes(), 2880);
  EXPECT_EQ(tiny.time_step_minutes(), 30);
  EXPECT_EQ(tiny.unserved_penalty_per_package(), 50.0);

  ASSERT_EQ(tiny.vehicle_types().size(), 2u);
  const VehicleType& truck = tiny.vehicle_types()[0];
  EXPECT_EQ(truck.id, "truck53");
  EXPECT_EQ(truck.mode, Mode::truck);
  EXPECT_EQ(truck.capacity.cube_m3, 100.0);
  EXPECT_EQ(truck.capacity.weight_kg, 20000.0);
  EXPECT_EQ(truck.circuity, 1.2);
  EXPECT_EQ(truck.fleet, std::nullopt);
  const VehicleType& plane = tiny.vehicle_types()[1];
  EXPECT_EQ(plane.mode, Mode::air);
  EXPECT_EQ(plane.circuity, 1.0);
  EXPECT_EQ(plane.fleet, 4);

  ASSERT_EQ(tiny.facilities().size(), 3u);
  EXPECT_EQ(tiny.facilities()[0].kind, FacilityKind::origin);
  EXPECT_EQ(tiny.facilities()[0].handling_minutes, 60);
  EXPECT_EQ(tiny.facilities()[0].sort_capacity_per_hour, std::nullopt);
  EXPECT_EQ(tiny.facilities()[0].handling_cost_per_package, 0.0);
  EXPECT_EQ(tiny.facilities()[1].kind, FacilityKind::sort_center);
  EXPECT_EQ(tiny.facilities()[1].sort_capacity_per_hour, 20000.0);
  EXPECT_EQ(tiny.facilities()[1].handling_cost_per_package, 0.05);
  EXPECT_EQ(tiny.facilities()[2].kind, FacilityKind::delivery_station);

  ASSERT_EQ(tiny.lanes().size(), 2u);
  const Lane& given = tiny.lanes()[0];
  EXPECT_EQ(given.id, "SEA1>SC-PDX");
  EXPECT_EQ(given.distance_km, 280.0);
  EXPECT_EQ(given.transit_minutes, 240);
  EXPECT_EQ(given.departures, (std::vector<int>{360, 720, 1080}));
  EXPECT_EQ(given.max_vehicles_per_departure, std::nullopt);
  EXPECT_DOUBLE_EQ(given.cost_per_trip, 250.0 + 1.6 * 280.0);

  const Lane& derived = tiny.lanes()[1];
  EXPECT_EQ(derived.id, "SC-PDX>DS-EUG:truck53");
  EXPECT_EQ(tiny.lane_index("SC-PDX>DS-EUG:truck53"), 1u);
  // Portland -> Eugene: 166.5482 km geodesic (same independent Vincenty), × circuity 1.2.
  EXPECT_NEAR(derived.distance_km, 166.5482 * 1.2, 0.001);
  EXPECT_EQ(derived.transit_minutes, 160);    // ceil(199.858 / 75 × 60) = ceil(159.886)
  ASSERT_EQ(derived.departures.size(), 96u);  // 0, 30, ..., 2850
  EXPECT_EQ(derived.departures.front(), 0);
  EXPECT_EQ(derived.departures.back(), 2850);
  EXPECT_EQ(derived.max_vehicles_per_departure, 6);
  EXPECT_DOUBLE_EQ(derived.cost_per_trip, 250.0 + 1.6 * derived.distance_km);
  EXPECT_EQ(derived.cost_per_package, 0.0);

  ASSERT_EQ(tiny.demand().size(), 1u);
  const Demand& d = tiny.demand()[0];
  EXPECT_EQ(d.origin, 0u);
  EXPECT_EQ(d.destination, 2u);
  EXPECT_EQ(d.packages, 1200.0);
  EXPECT_EQ(d.cube_m3, 30.5);
  EXPECT_EQ(d.ready_minute, 120);
  EXPECT_EQ(d.due_minute, 1440);
}

TEST(InstanceJson, OmittedOptionalFieldsTakeTheirDefaults) {
  Instance instance = parse_instance(minimal_instance(), "some/folder/minimal.json");
  EXPECT_EQ(instance.name(), "minimal");  // the file stem
  EXPECT_EQ(instance.time_step_minutes(), 30);
  const VehicleType& van = instance.vehicle_types()[0];
  EXPECT_EQ(van.cost_per_km, 0.0);
  EXPECT_EQ(van.circuity, 1.0);
  EXPECT_EQ(van.fleet, std::nullopt);
  const Facility& sea = instance.facilities()[0];
  EXPECT_EQ(sea.handling_minutes, 0);
  EXPECT_EQ(sea.sort_capacity_per_hour, std::nullopt);
  EXPECT_EQ(sea.handling_cost_per_package, 0.0);
  const Lane& lane = instance.lanes()[0];
  EXPECT_EQ(lane.id, "SEA>PDX:van");
  EXPECT_NEAR(lane.distance_km, kSeattlePortlandKm, 0.001);
  EXPECT_EQ(lane.transit_minutes, 234);  // ceil(233.87 km at 60 km/h)
  EXPECT_EQ(lane.departures, (std::vector<int>{0, 30, 60, 90}));
  EXPECT_EQ(lane.max_vehicles_per_departure, std::nullopt);
  EXPECT_EQ(lane.cost_per_trip, 100.0);
  EXPECT_EQ(lane.cost_per_package, 0.0);
  EXPECT_EQ(instance.unserved_penalty_per_package(), 100.0 * 100.0);
}

TEST(InstanceJson, DistanceCostAndTransitFollowCircuityAndCostPerKm) {
  Instance instance =
      parse_instance(minimal_instance(R"(, "circuity": 1.2, "cost_per_km": 1.5)"), "minimal.json");
  const Lane& lane = instance.lanes()[0];
  EXPECT_NEAR(lane.distance_km, kSeattlePortlandKm * 1.2, 0.002);
  EXPECT_EQ(lane.transit_minutes, 281);  // ceil(280.648 km at 60 km/h)
  EXPECT_DOUBLE_EQ(lane.cost_per_trip, 100.0 + 1.5 * lane.distance_km);
  // The default penalty follows the dearest lane trip.
  EXPECT_DOUBLE_EQ(instance.unserved_penalty_per_package(), 100.0 * lane.cost_per_trip);
}

TEST(InstanceJson, TransitRoundsUpButNotOnRoundingNoise) {
  // 4.15 km at 1 km/h is 249 minutes; in doubles 4.15 / 1 × 60 = 249.00000000000003.
  Instance exact = parse_instance(replaced(minimal_instance("", R"(, "distance_km": 4.15)"),
                                           R"("speed_kmh": 60)", R"("speed_kmh": 1)"),
                                  "exact.json");
  EXPECT_EQ(exact.lanes()[0].transit_minutes, 249);
  Instance up = parse_instance(minimal_instance("", R"(, "distance_km": 100.5)"), "up.json");
  EXPECT_EQ(up.lanes()[0].transit_minutes, 101);  // 100.5 minutes at 60 km/h
}

TEST(InstanceJson, DefaultDeparturesUseTheTimeStepAndGivenOnesAreSorted) {
  Instance stepped =
      parse_instance(minimal_instance("", "", R"( "time_step_minutes": 45,)"), "stepped.json");
  EXPECT_EQ(stepped.lanes()[0].departures, (std::vector<int>{0, 45, 90}));
  Instance given =
      parse_instance(minimal_instance("", R"(, "departures": [90, 0, 60])"), "given.json");
  EXPECT_EQ(given.lanes()[0].departures, (std::vector<int>{0, 60, 90}));
}

TEST(InstanceJson, IntegralFloatsAreAcceptedAsMinutes) {
  Instance instance =
      parse_instance(replaced(minimal_instance("", R"(, "transit_minutes": 240.0)"),
                              R"("horizon_minutes": 120)", R"("horizon_minutes": 120.0)"),
                     "floats.json");
  EXPECT_EQ(instance.horizon_minutes(), 120);
  EXPECT_EQ(instance.lanes()[0].transit_minutes, 240);
}

TEST(InstanceJson, PenaltyWithoutLanesFollowsTheDearestVehicleOrIsOne) {
  std::string no_lanes = minimal_instance();
  std::size_t lanes_begin = no_lanes.find(R"("lanes": [)");
  std::size_t lanes_end = no_lanes.find(R"("demand")");
  no_lanes.replace(lanes_begin, lanes_end - lanes_begin, R"("lanes": [], )");
  EXPECT_EQ(parse_instance(no_lanes, "x.json").unserved_penalty_per_package(), 100.0 * 100.0);

  std::string free_trips = replaced(no_lanes, R"("cost_per_trip": 100)", R"("cost_per_trip": 0)");
  EXPECT_EQ(parse_instance(free_trips, "x.json").unserved_penalty_per_package(), 1.0);
}

TEST(InstanceJson, WriteThenReadGivesTheSameInstance) {
  Instance tiny = read_instance_file(MM_TEST_DATA_DIR "/tiny.json");
  std::string written = write_instance_json(tiny);
  Instance again = parse_instance(written, "elsewhere.json");
  expect_same(tiny, again);
  // Every field is explicit, so writing again changes nothing.
  EXPECT_EQ(write_instance_json(again), written);

  Instance minimal = parse_instance(
      minimal_instance(R"(, "circuity": 1.3, "fleet": 2)", R"(, "max_vehicles_per_departure": 3)"),
      "minimal.json");
  expect_same(minimal, parse_instance(write_instance_json(minimal), "other.json"));
}

TEST(InstanceJson, WrittenFileNamesEveryDerivedField) {
  Instance minimal = parse_instance(minimal_instance(), "minimal.json");
  std::string written = write_instance_json(minimal);
  for (const char* field :
       {R"("name": "minimal")", R"("time_step_minutes": 30)", R"("id":"SEA>PDX:van")",
        R"("transit_minutes":234)", R"("departures":[0,30,60,90])", R"("cost_per_trip":100.0)",
        R"("cost_per_package":0.0)", R"("circuity":1.0)", R"("handling_minutes":0)",
        R"("unserved_penalty_per_package": 10000.0)"}) {
    EXPECT_NE(written.find(field), std::string::npos) << field << "\n" << written;
  }
}

TEST(InstanceJson, SyntaxErrorNamesSourceLineAndColumn) {
  try {
    parse_instance("{\n  \"format\": \"middlemile-instance/1\",\n  \"horizon_minutes\": ,\n}",
                   "broken.json");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "broken.json:3:22: invalid JSON: syntax error while parsing value - unexpected "
                 "','; expected '[', '{', or a literal");
  }
}

TEST(InstanceJson, UnreadableFileIsAnInputError) {
  try {
    read_instance_file(MM_TEST_DATA_DIR "/no_such_file.json");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              MM_TEST_DATA_DIR "/no_such_file.json: cannot read: No such file or directory");
  }
}

TEST(InstanceJson, DefaultLaneIdCollidingWithAnEarlierIdIsADuplicate) {
  std::string text = minimal_instance(
      "", R"(, "id": "PDX>SEA:van"}, {"from": "PDX", "to": "SEA", "vehicle_type": "van")");
  EXPECT_EQ(problems_of(text),
            (std::vector<std::string>{
                R"(lanes[1]: duplicate id "PDX>SEA:van" (default id; first at lanes[0]))"}));
}

TEST(InstanceJson, ReferencesAreCheckedEvenWhenTheReferencedItemIsBroken) {
  // PDX has a bad latitude, and the lane's own distance is bad too; its references still
  // resolve (no "unknown facility"), and every problem is reported once.
  std::string text = replaced(minimal_instance("", R"(, "distance_km": "far")"), "45.52", "145.52");
  EXPECT_EQ(
      problems_of(text),
      (std::vector<std::string>{"facilities[1].lat: must be between -90 and 90 (got 145.52)",
                                R"(lanes[0].distance_km: must be a number (got string "far"))"}));
}

TEST(InstanceJson, ProblemsInNestedAndListedValuesNameTheirPaths) {
  std::string text =
      minimal_instance(R"(, "capacity": {"cube_m3": 0, "weight": 5})",
                       R"(, "departures": [0, 30.5, "60", 30, 0], "vehicle_type": 7, "from": "")");
  // Repeated keys ("capacity", "vehicle_type", "from") are reported; the last value is used.
  EXPECT_EQ(problems_of(text),
            (std::vector<std::string>{
                "vehicle_types[0].capacity: duplicate field",
                "lanes[0].vehicle_type: duplicate field",
                "lanes[0].from: duplicate field",
                "vehicle_types[0].capacity.cube_m3: must be > 0 (got 0)",
                R"(vehicle_types[0].capacity: missing required field "weight_kg")",
                R"(vehicle_types[0].capacity.weight: unknown field (did you mean "weight_kg"?))",
                "lanes[0].from: must not be empty",
                "lanes[0].vehicle_type: must be a string (got number 7)",
                "lanes[0].departures[1]: must be an integer (got 30.5)",
                R"(lanes[0].departures[2]: must be an integer (got string "60"))",
                "lanes[0].departures[4]: duplicate departure 0 (first at lanes[0].departures[0])",
            }));
}

// The optional "loading" section (docs/LOADING.md) is kept as written, re-written by the
// writer, and must be an object.
TEST(InstanceJson, LoadingSectionIsKeptAndRoundTrips) {
  const std::string section =
      R"({"format": "middlemile-loading/1", "container_types": [{"id": "pallet", "cube_m3": 2.0, "max_weight_kg": 1000.0}]})";
  const Instance instance = parse_instance(
      minimal_instance("", "", R"( "loading": )" + section + ","), "with_loading.json");
  EXPECT_EQ(nlohmann::json::parse(instance.loading_json()), nlohmann::json::parse(section));
  const Instance again = parse_instance(write_instance_json(instance), "again.json");
  EXPECT_EQ(again.loading_json(), instance.loading_json());
  EXPECT_EQ(write_instance_json(again), write_instance_json(instance));

  try {
    parse_instance(minimal_instance("", "", R"( "loading": [],)"), "bad_loading.json");
    FAIL() << "a loading section that is not an object must be rejected";
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].rfind("loading: ", 0), 0u) << e.problems()[0];
  }
}

}  // namespace
}  // namespace mm::network
