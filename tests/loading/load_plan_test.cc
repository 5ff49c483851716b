// load_plan on hand-built plans: containers never mix next stops, a weight-bound plane against a
// space-bound truck, a correction that adds a vehicle and passes the referee, and the manifests
// file adding up to the plan.
#include "loading/load_plan.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "loading/manifest_json.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"

namespace mm::loading {
namespace {

// A origin, S sort center, D1/D2 delivery stations; trucks A>S, S>D1, S>D2 and a 767 A>D2.
std::string instance_json(const std::string& demand) {
  return R"({
    "format": "middlemile-instance/1", "name": "load", "horizon_minutes": 1440,
    "unserved_penalty_per_package": 1000.0,
    "vehicle_types": [
      {"id": "truck53", "mode": "truck", "capacity": {"cube_m3": 100.0, "weight_kg": 20000.0},
       "cost_per_trip": 500.0, "speed_kmh": 75.0},
      {"id": "b767", "mode": "air", "capacity": {"cube_m3": 400.0, "weight_kg": 52000.0},
       "cost_per_trip": 9000.0, "speed_kmh": 800.0}
    ],
    "facilities": [
      {"id": "A", "kind": "origin", "lon": 0.0, "lat": 0.0},
      {"id": "S", "kind": "sort_center", "lon": 1.0, "lat": 0.0},
      {"id": "D1", "kind": "delivery_station", "lon": 2.0, "lat": 0.0},
      {"id": "D2", "kind": "delivery_station", "lon": 2.0, "lat": 1.0}
    ],
    "lanes": [
      {"id": "A>S", "from": "A", "to": "S", "vehicle_type": "truck53", "distance_km": 100,
       "transit_minutes": 60, "departures": [0]},
      {"id": "S>D1", "from": "S", "to": "D1", "vehicle_type": "truck53", "distance_km": 100,
       "transit_minutes": 60, "departures": [300]},
      {"id": "S>D2", "from": "S", "to": "D2", "vehicle_type": "truck53", "distance_km": 100,
       "transit_minutes": 60, "departures": [300]},
      {"id": "A>D2:air", "from": "A", "to": "D2", "vehicle_type": "b767", "distance_km": 300,
       "transit_minutes": 30, "departures": [0]}
    ],
    "demand": [)" +
         demand + "]}";
}

std::string demand_json(const std::string& id, const std::string& destination, double packages,
                        double cube, double weight) {
  return R"({"id": ")" + id + R"(", "origin": "A", "destination": ")" + destination +
         R"(", "packages": )" + std::to_string(packages) + R"(, "cube_m3": )" +
         std::to_string(cube) + R"(, "weight_kg": )" + std::to_string(weight) +
         R"(, "ready_minute": 0, "due_minute": 1440})";
}

struct RouteSpec {
  std::string demand;
  double packages;
  std::vector<std::string> lanes;  // each lane's only departure is used
};

// A plan the referee accepts: loads, fills, costs and kpis computed from the instance, with
// the given vehicles per lane; all demand routed.
network::Plan make_plan(const network::Instance& instance, const std::vector<RouteSpec>& routes,
                        const std::map<std::string, int>& vehicles) {
  network::Plan plan;
  plan.instance = instance.name();
  plan.status = network::PlanStatus::optimal;
  std::map<std::string, network::Load> load;
  for (const RouteSpec& spec : routes) {
    const network::Demand& d = instance.demand()[*instance.demand_index(spec.demand)];
    network::Route route;
    route.demand = spec.demand;
    route.packages = spec.packages;
    for (const std::string& id : spec.lanes) {
      const network::Lane& lane = instance.lanes()[*instance.lane_index(id)];
      route.legs.push_back({id, lane.departures.front()});
      route.arrival_minute = lane.departures.front() + lane.transit_minutes;
      load[id].packages += spec.packages;
      load[id].cube_m3 += spec.packages / d.packages * d.cube_m3;
      load[id].weight_kg += spec.packages / d.packages * d.weight_kg;
    }
    plan.routes.push_back(route);
  }
  std::map<std::string, double> cube_used, cube_offered, weight_used, weight_offered;
  for (const auto& [id, count] : vehicles) {
    const network::Lane& lane = instance.lanes()[*instance.lane_index(id)];
    const network::VehicleType& vt = instance.vehicle_type_of(lane);
    network::PlannedDeparture dep;
    dep.lane = id;
    dep.from = instance.facilities()[lane.from].id;
    dep.to = instance.facilities()[lane.to].id;
    dep.vehicle_type = vt.id;
    dep.departure_minute = lane.departures.front();
    dep.arrival_minute = dep.departure_minute + lane.transit_minutes;
    dep.vehicles = count;
    dep.load = load[id];
    dep.fill_cube = dep.load.cube_m3 / (count * vt.capacity.cube_m3);
    dep.fill_weight = dep.load.weight_kg / (count * vt.capacity.weight_kg);
    plan.departures.push_back(dep);
    plan.cost.vehicles += count * lane.cost_per_trip;
    const std::string mode = network::to_string(vt.mode);
    plan.kpis.vehicle_trips[mode] += count;
    cube_used[mode] += dep.load.cube_m3;
    cube_offered[mode] += count * vt.capacity.cube_m3;
    weight_used[mode] += dep.load.weight_kg;
    weight_offered[mode] += count * vt.capacity.weight_kg;
  }
  for (const auto& [mode, offered] : cube_offered) {
    plan.kpis.fill_cube[mode] = cube_used[mode] / offered;
    plan.kpis.fill_weight[mode] = weight_used[mode] / weight_offered[mode];
  }
  plan.kpis.on_time_share = 1.0;
  plan.objective = plan.cost.total();
  plan.lower_bound = plan.objective;
  plan.gap = 0.0;
  return plan;
}

const DepartureLoading& departure(const LoadingResult& r, const std::string& lane) {
  for (const DepartureLoading& d : r.departures)
    if (d.lane == lane) return d;
  throw std::runtime_error("no departure on " + lane);
}

TEST(LoadPlan, ContainersNeverMixNextStops) {
  // Parcels of 0.03 m³ and 3 kg: 50 to a gaylord. At A, three groups share the A>S truck:
  // ending at S (90 packages: 50 + 40), continuing to D1 (1000: 20 × 50) and to D2 (480:
  // 9 × 50 + 30). Mixed, the 40 and the 30 would share one gaylord; they must not.
  const auto instance =
      network::parse_instance(instance_json(demand_json("dS", "S", 90, 2.7, 270) + "," +
                                            demand_json("d1", "D1", 1000, 30, 3000) + "," +
                                            demand_json("d2", "D2", 480, 14.4, 1440)),
                              "mix.json");
  network::Plan plan = make_plan(
      instance, {{"dS", 90, {"A>S"}}, {"d1", 1000, {"A>S", "S>D1"}}, {"d2", 480, {"A>S", "S>D2"}}},
      {{"A>S", 1}, {"S>D1", 1}, {"S>D2", 1}});
  ASSERT_TRUE(network::check_plan(instance, plan).ok());

  const LoadingResult r = load_plan(instance, plan, LoadingConfig{});
  EXPECT_TRUE(r.corrections.empty());
  EXPECT_TRUE(r.verification.ok());
  const DepartureLoading& first = departure(r, "A>S");
  ASSERT_EQ(first.vehicles.size(), 1u);
  std::map<std::string, int> containers_by_stop;
  std::map<std::string, std::set<std::string>> demands_by_stop;
  for (const LoadedContainer& c : first.vehicles[0].containers) {
    ++containers_by_stop[c.next_stop];
    for (const ManifestLine& line : c.demands) demands_by_stop[c.next_stop].insert(line.demand);
    EXPECT_EQ(c.type, "gaylord");
  }
  EXPECT_EQ(containers_by_stop, (std::map<std::string, int>{{"S", 2}, {"D1", 20}, {"D2", 10}}));
  EXPECT_EQ(demands_by_stop, (std::map<std::string, std::set<std::string>>{
                                 {"S", {"dS"}}, {"D1", {"d1"}}, {"D2", {"d2"}}}));
  EXPECT_EQ(first.vehicles[0].positions_used, 32);
  // 32 gaylords at A, 20 at S for D1, 10 at S for D2.
  EXPECT_EQ(r.kpis.containers_by_type.at("gaylord"), 62u);
  // Lost space: 32 gaylords of 1.5 m³ hold 47.1 m³ of parcels.
  EXPECT_NEAR(first.vehicles[0].container_cube_m3, 48.0, 1e-9);
  EXPECT_NEAR(first.vehicles[0].load.cube_m3, 47.1, 1e-9);
  // Next lanes are named; the group ending at S has none.
  for (const LoadedContainer& c : first.vehicles[0].containers)
    EXPECT_EQ(c.next_lane.value_or("-"), c.next_stop == "S" ? "-" : "S>" + c.next_stop);
  // At S the containers for D1 end there.
  for (const LoadedContainer& c : departure(r, "S>D1").vehicles[0].containers) {
    EXPECT_EQ(c.next_stop, "D1");
    EXPECT_FALSE(c.next_lane.has_value());
  }
}

TEST(LoadPlan, WeightBoundPlaneAgainstSpaceBoundTruck) {
  // Dense freight on the plane (0.02 m³, 20 kg a package: a ULD holds 225 packages = 4,500 kg);
  // light parcels on the truck (50 to a gaylord of 150 kg).
  const auto instance =
      network::parse_instance(instance_json(demand_json("heavy", "D2", 5000, 100, 100000) + "," +
                                            demand_json("light", "S", 5000, 150, 15000)),
                              "modes.json");
  network::Plan plan =
      make_plan(instance, {{"heavy", 5000, {"A>D2:air"}}, {"light", 5000, {"A>S"}}},
                {{"A>D2:air", 2}, {"A>S", 2}});
  ASSERT_TRUE(network::check_plan(instance, plan).ok());
  const LoadingResult r = load_plan(instance, plan, LoadingConfig{});
  EXPECT_TRUE(r.corrections.empty());

  // Plane: 23 ULDs (22 full, gross 4,610 kg, and one of 50 packages, 1,110 kg); 11 full ones
  // reach 50,710 kg of 52,000, so each plane stops at 11 or 12 of its 32 positions.
  const DepartureLoading& air = departure(r, "A>D2:air");
  ASSERT_EQ(air.vehicles.size(), 2u);
  EXPECT_EQ(air.packing.bins, 2u);
  EXPECT_TRUE(air.packing.proven_optimal);
  EXPECT_EQ(air.vehicles[0].positions_used, 12);
  EXPECT_EQ(air.vehicles[1].positions_used, 11);
  EXPECT_NEAR(air.vehicles[0].gross_weight_kg, 11 * 4610.0 + 1110.0, 1e-6);
  EXPECT_NEAR(air.vehicles[1].gross_weight_kg, 11 * 4610.0, 1e-6);
  EXPECT_LT(air.vehicles[0].container_cube_m3 / air.capacity.cube_m3, 0.31);

  // Truck: 100 gaylords; 52 positions bind (52 × 180 kg = 9,360 kg of 20,000).
  const DepartureLoading& truck = departure(r, "A>S");
  ASSERT_EQ(truck.vehicles.size(), 2u);
  EXPECT_EQ(truck.vehicles[0].positions_used, 52);
  EXPECT_EQ(truck.vehicles[1].positions_used, 48);
  EXPECT_NEAR(truck.vehicles[0].gross_weight_kg, 52 * 180.0, 1e-6);

  EXPECT_NEAR(r.kpis.position_fill.at("truck"), 100.0 / 104.0, 1e-12);
  EXPECT_NEAR(r.kpis.position_fill.at("air"), 23.0 / 64.0, 1e-12);
  EXPECT_NEAR(r.kpis.fill_weight.at("air"), 100000.0 / 104000.0, 1e-12);
}

TEST(LoadPlan, CorrectionAddsAVehicleAndThePlanStillVerifies) {
  // 2,800 parcels, 84 m³: one 100 m³ truck by the capacity row, but 56 gaylords for 52
  // positions.
  const auto instance =
      network::parse_instance(instance_json(demand_json("big", "S", 2800, 84, 8400)), "fix.json");
  network::Plan plan = make_plan(instance, {{"big", 2800, {"A>S"}}}, {{"A>S", 1}});
  ASSERT_TRUE(network::check_plan(instance, plan).ok());
  EXPECT_DOUBLE_EQ(plan.objective, 500.0);

  const LoadingResult r = load_plan(instance, plan, LoadingConfig{});
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].lane, "A>S");
  EXPECT_EQ(r.corrections[0].vehicles_before, 1);
  EXPECT_EQ(r.corrections[0].vehicles_after, 2);
  EXPECT_DOUBLE_EQ(r.corrections[0].cost_added, 500.0);
  EXPECT_DOUBLE_EQ(r.kpis.cost_added, 500.0);
  EXPECT_EQ(r.kpis.vehicles_added, 1);
  EXPECT_DOUBLE_EQ(r.kpis.objective_before, 500.0);
  EXPECT_DOUBLE_EQ(r.kpis.objective_after, 1000.0);

  // The plan itself is corrected and the referee accepts it.
  ASSERT_EQ(plan.departures.size(), 1u);
  EXPECT_EQ(plan.departures[0].vehicles, 2);
  EXPECT_DOUBLE_EQ(plan.departures[0].fill_cube, 0.42);
  EXPECT_DOUBLE_EQ(plan.cost.vehicles, 1000.0);
  EXPECT_DOUBLE_EQ(plan.objective, 1000.0);
  EXPECT_EQ(plan.status, network::PlanStatus::feasible);
  EXPECT_DOUBLE_EQ(*plan.gap, 0.5);
  EXPECT_EQ(plan.kpis.vehicle_trips.at("truck"), 2);
  EXPECT_TRUE(r.verification.ok());
  const auto again = network::check_plan(instance, plan);
  EXPECT_TRUE(again.ok()) << (again.ok()
                                  ? ""
                                  : again.violations[0].where + ": " + again.violations[0].message);
  EXPECT_DOUBLE_EQ(again.recomputed_objective, 1000.0);

  const DepartureLoading& d = r.departures[0];
  EXPECT_EQ(d.vehicles_planned, 1);
  ASSERT_EQ(d.vehicles.size(), 2u);
  EXPECT_EQ(d.vehicles[0].positions_used + d.vehicles[1].positions_used, 56);
}

TEST(LoadPlan, AMaxVehiclesLimitBrokenByTheCorrectionIsReported) {
  std::string json = instance_json(demand_json("big", "S", 2800, 84, 8400));
  const std::string lane = R"("transit_minutes": 60, "departures": [0]},)";
  json.replace(json.find(lane), lane.size(),
               R"("transit_minutes": 60, "departures": [0], "max_vehicles_per_departure": 1},)");
  const auto instance = network::parse_instance(json, "max.json");
  network::Plan plan = make_plan(instance, {{"big", 2800, {"A>S"}}}, {{"A>S", 1}});
  const LoadingResult r = load_plan(instance, plan, LoadingConfig{});
  EXPECT_EQ(plan.departures[0].vehicles, 2);
  ASSERT_EQ(r.verification.violations.size(), 1u);
  EXPECT_EQ(r.verification.violations[0].where, "departures[0].vehicles");
}

TEST(LoadPlan, SpareVehiclesAreListedEmpty) {
  const auto instance =
      network::parse_instance(instance_json(demand_json("small", "S", 100, 3, 300)), "spare.json");
  network::Plan plan = make_plan(instance, {{"small", 100, {"A>S"}}}, {{"A>S", 2}});
  const LoadingResult r = load_plan(instance, plan, LoadingConfig{});
  EXPECT_TRUE(r.corrections.empty());
  ASSERT_EQ(r.departures[0].vehicles.size(), 2u);
  EXPECT_EQ(r.departures[0].vehicles[0].containers.size(), 2u);
  EXPECT_TRUE(r.departures[0].vehicles[1].containers.empty());
  EXPECT_EQ(r.kpis.vehicles_empty, 1);
  EXPECT_EQ(plan.departures[0].vehicles, 2);
}

TEST(LoadPlan, ManifestsAddUpToThePlan) {
  // A split demand (fractional shares on two routes) and a correction, written as JSON.
  const auto instance =
      network::parse_instance(instance_json(demand_json("d1", "D1", 700.5, 21.015, 2101.5) + "," +
                                            demand_json("big", "S", 2000, 60, 6000)),
                              "sum.json");
  network::Plan plan = make_plan(
      instance,
      {{"d1", 400.25, {"A>S", "S>D1"}}, {"d1", 300.25, {"A>S", "S>D1"}}, {"big", 2000, {"A>S"}}},
      {{"A>S", 1}, {"S>D1", 1}});
  ASSERT_TRUE(network::check_plan(instance, plan).ok());
  const LoadingResult r = load_plan(instance, plan, LoadingConfig{});
  EXPECT_TRUE(r.verification.ok());
  // 81 m³ fit one truck's capacity row, but 15 gaylords for D1 (700.5 packages reserve 701
  // spaces) and 40 for S take 55 positions of 52.
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].lane, "A>S");
  const auto json = nlohmann::json::parse(write_manifests_json(r));
  EXPECT_EQ(json["format"], "middlemile-manifests/1");
  ASSERT_EQ(json["departures"].size(), plan.departures.size());
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    const auto& dep = json["departures"][i];
    const network::PlannedDeparture& planned = plan.departures[i];
    EXPECT_EQ(dep["lane"], planned.lane);
    EXPECT_EQ(dep["departure_minute"], planned.departure_minute);
    EXPECT_EQ(dep["vehicles"].size(), static_cast<std::size_t>(planned.vehicles));
    double packages = 0, cube = 0, weight = 0;
    int number = 0;
    for (const auto& v : dep["vehicles"]) {
      EXPECT_EQ(v["vehicle"], ++number);
      EXPECT_TRUE(v["fill"].contains("cube"));
      EXPECT_TRUE(v["fill"].contains("weight"));
      for (const auto& c : v["containers"]) {
        EXPECT_TRUE(c.contains("type"));
        EXPECT_TRUE(c.contains("next_stop"));
        for (const auto& line : c["demands"]) {
          packages += line["packages"].get<double>();
          cube += line["cube_m3"].get<double>();
          weight += line["weight_kg"].get<double>();
        }
      }
    }
    EXPECT_NEAR(packages, planned.load.packages, 1e-9);
    EXPECT_NEAR(cube, planned.load.cube_m3, 1e-9);
    EXPECT_NEAR(weight, planned.load.weight_kg, 1e-9);
  }
  EXPECT_EQ(json["kpis"]["vehicles_added"], 1);
  EXPECT_EQ(json["verification"]["ok"], true);
}

TEST(LoadPlan, APlanThatDoesNotMatchTheInstanceIsAnInputError) {
  const auto instance =
      network::parse_instance(instance_json(demand_json("small", "S", 100, 3, 300)), "bad.json");
  network::Plan plan = make_plan(instance, {{"small", 100, {"A>S"}}}, {{"A>S", 1}});
  plan.routes[0].legs[0].departure_minute = 30;
  try {
    load_plan(instance, plan, LoadingConfig{});
    FAIL() << "no exception";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "routes[0].legs[0]: departure (lane \"A>S\", minute 30) is not in the plan's "
                 "departures");
  }
}

TEST(LoadPlan, APackageLargerThanEveryContainerNamesItsDemand) {
  const auto instance =
      network::parse_instance(instance_json(demand_json("crate", "S", 2, 4, 300)), "crate.json");
  network::Plan plan = make_plan(instance, {{"crate", 2, {"A>S"}}}, {{"A>S", 1}});
  try {
    load_plan(instance, plan, LoadingConfig{});
    FAIL() << "no exception";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "demand \"crate\" on departure (lane \"A>S\", minute 0): one package (2 m3, "
                 "150 kg) fits no container type of vehicle type \"truck53\"");
  }
}

}  // namespace
}  // namespace mm::loading

namespace mm::loading {
namespace {

// A plan the planner wrote for data/sample.json (tests/loading/data/sample_plan.json, kept
// fixed so the figures below are a regression): 24 departures, 28 trucks.
TEST(LoadPlanSample, CorrectsTheSamplePlanAndStillVerifies) {
  const auto instance =
      network::read_instance_file(std::string(MM_SOURCE_DIR) + "/data/sample.json");
  network::Plan plan =
      network::read_plan_file(std::string(MM_SOURCE_DIR) + "/tests/loading/data/sample_plan.json");
  ASSERT_TRUE(network::check_plan(instance, plan).ok());
  const network::Plan original = plan;

  const LoadingResult r = load_plan(instance, plan, LoadingConfig{});
  EXPECT_TRUE(r.verification.ok());
  EXPECT_EQ(r.kpis.departures, 24u);
  EXPECT_EQ(r.kpis.containers, 817u);
  EXPECT_EQ(r.kpis.departures_corrected, 11u);
  EXPECT_EQ(r.kpis.vehicles_added, 11);
  EXPECT_NEAR(r.kpis.cost_added, 5670.14, 1e-6);
  EXPECT_NEAR(plan.objective - original.objective, 5670.14, 1e-6);
  ASSERT_EQ(r.departures.size(), plan.departures.size());
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    const DepartureLoading& d = r.departures[i];
    EXPECT_EQ(d.vehicles.size(), static_cast<std::size_t>(plan.departures[i].vehicles));
    EXPECT_GE(plan.departures[i].vehicles, original.departures[i].vehicles);
    EXPECT_NEAR(d.load.packages, plan.departures[i].load.packages, 1e-6);
    EXPECT_NEAR(d.load.cube_m3, plan.departures[i].load.cube_m3, 1e-6);
    EXPECT_NEAR(d.load.weight_kg, plan.departures[i].load.weight_kg, 1e-6);
    EXPECT_TRUE(d.packing.proven_optimal) << d.lane << " " << d.departure_minute;
    for (const LoadedVehicle& v : d.vehicles) {
      EXPECT_LE(v.positions_used, d.positions);
      EXPECT_LE(v.gross_weight_kg, d.capacity.weight_kg);
      for (const LoadedContainer& c : v.containers) {
        EXPECT_LE(c.contents.cube_m3, c.cube_m3 + 1e-9);
        EXPECT_LE(c.contents.weight_kg, 450.0 + 1e-9);
      }
    }
  }
}

}  // namespace
}  // namespace mm::loading
