// The referee on a hand-computed plan for a 3-facility, 2-demand instance, and on one mutation
// per rule it enforces. Every expected violation below was worked out by hand.
#include "network/plan_verifier.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mm::network {
namespace {

// SEA1 --(L0: 240 min, departures 360/720/1080)--> SC-PDX --(L1: 120 min, max 2)--> DS-EUG,
// and a direct SEA1 -> DS-EUG lane (L2: 300 min, departure 480). One truck type, fleet 3.
InstanceData tiny_data() {
  InstanceData data;
  data.name = "tiny";
  data.horizon_minutes = 2880;
  data.time_step_minutes = 30;
  data.unserved_penalty_per_package = 50.0;

  VehicleType truck;
  truck.id = "truck";
  truck.mode = Mode::truck;
  truck.capacity = {100.0, 20000.0};
  truck.cost_per_trip = 250.0;
  truck.speed_kmh = 75.0;
  truck.fleet = 3;
  data.vehicle_types = {truck};

  Facility sea{"SEA1", FacilityKind::origin, -122.33, 47.61, 60, std::nullopt, 0.0, std::nullopt};
  Facility pdx{"SC-PDX", FacilityKind::sort_center, -122.68, 45.52, 90, 2000.0, 0.05, std::nullopt};
  Facility eug{"DS-EUG",    FacilityKind::delivery_station, -123.09, 44.05, 30, std::nullopt, 0.0,
               std::nullopt};
  data.facilities = {sea, pdx, eug};

  Lane l0{"SEA1>SC-PDX", 0, 1, 0, 280.0, 240, {360, 720, 1080}, std::nullopt, 500.0, 0.1};
  Lane l1{"SC-PDX>DS-EUG", 1, 2, 0, 180.0, 120, {720, 900, 1200}, 2, 300.0, 0.02};
  Lane l2{"SEA1>DS-EUG", 0, 2, 0, 400.0, 300, {480}, std::nullopt, 700.0, 0.0};
  data.lanes = {l0, l1, l2};

  Demand d1{"d1", 0, 2, 1200.0, 30.0, 4000.0, 120, 1440, std::nullopt, std::nullopt, std::nullopt};
  Demand d2{"d2", 0, 1, 500.0, 10.0, 1000.0, 0, 1000, std::nullopt, std::nullopt, std::nullopt};
  data.demand = {d1, d2};
  return data;
}

// d1 rides L0@360 (arrives 600, available at SC-PDX at 690) then L1@720 (arrives 840);
// 400 of d2's 500 packages ride L0@360; 100 are unserved.
//   vehicles: 500 + 300 = 800; packages: 1600 × 0.1 + 1200 × 0.02 = 184;
//   handling: 1200 leave SC-PDX × 0.05 = 60; unserved: 100 × 50 = 5000; total 6044.
Plan tiny_plan() {
  Plan plan;
  plan.instance = "tiny";
  plan.status = PlanStatus::feasible;
  plan.objective = 6044.0;
  plan.lower_bound = 6000.0;
  plan.gap = 44.0 / 6044.0;
  plan.cost = {800.0, 184.0, 60.0, 5000.0};

  PlannedDeparture first;
  first.lane = "SEA1>SC-PDX";
  first.from = "SEA1";
  first.to = "SC-PDX";
  first.vehicle_type = "truck";
  first.departure_minute = 360;
  first.arrival_minute = 600;
  first.vehicles = 1;
  first.load = {1600.0, 38.0, 4800.0};  // d1 whole + 400/500 of d2's 10 m³ and 1000 kg
  first.fill_cube = 0.38;
  first.fill_weight = 0.24;

  PlannedDeparture second;
  second.lane = "SC-PDX>DS-EUG";
  second.from = "SC-PDX";
  second.to = "DS-EUG";
  second.vehicle_type = "truck";
  second.departure_minute = 720;
  second.arrival_minute = 840;
  second.vehicles = 1;
  second.load = {1200.0, 30.0, 4000.0};
  second.fill_cube = 0.3;
  second.fill_weight = 0.2;
  plan.departures = {first, second};

  plan.routes = {
      Route{"d1", 1200.0, {{"SEA1>SC-PDX", 360}, {"SC-PDX>DS-EUG", 720}}, 840},
      Route{"d2", 400.0, {{"SEA1>SC-PDX", 360}}, 600},
  };
  plan.unserved = {UnservedDemand{"d2", 100.0, "sort capacity at SC-PDX"}};
  plan.kpis.vehicle_trips = {{"truck", 2}};
  plan.kpis.fill_cube = {{"truck", 0.34}};
  plan.kpis.on_time_share = 1600.0 / 1700.0;
  plan.kpis.solve_seconds = 0.5;
  return plan;
}

std::vector<std::string> lines(const std::vector<Violation>& violations) {
  std::vector<std::string> out;
  for (const Violation& v : violations) out.push_back(v.where + ": " + v.message);
  return out;
}

using Lines = std::vector<std::string>;

TEST(PlanVerifier, HandComputedPlanIsValid) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  const PlanVerification result = check_plan(instance, tiny_plan());
  EXPECT_EQ(lines(result.violations), Lines{});
  EXPECT_TRUE(result.ok());
  EXPECT_DOUBLE_EQ(result.recomputed_cost.vehicles, 800.0);
  EXPECT_DOUBLE_EQ(result.recomputed_cost.packages, 184.0);
  EXPECT_DOUBLE_EQ(result.recomputed_cost.handling, 60.0);
  EXPECT_DOUBLE_EQ(result.recomputed_cost.unserved, 5000.0);
  EXPECT_DOUBLE_EQ(result.recomputed_objective, 6044.0);
  EXPECT_DOUBLE_EQ(result.reported_objective, 6044.0);
  EXPECT_TRUE(verify_plan(instance, tiny_plan()).empty());
}

TEST(PlanVerifier, NoSolutionPlanWithRoutesIsAllowedAndKpisAreOptional) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.status = PlanStatus::no_solution;
  plan.kpis = PlanKpis{};
  EXPECT_EQ(lines(verify_plan(instance, plan)), Lines{});
}

TEST(PlanVerifier, WrongInstanceName) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.instance = "huge";
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"instance: plan is for instance \"huge\" but the instance is \"tiny\""});
}

TEST(PlanVerifier, RouteArrivingAfterDueMinute) {
  InstanceData data = tiny_data();
  data.demand[0].due_minute = 800;
  const Instance instance = Instance::create(std::move(data), "tiny");
  Plan plan = tiny_plan();
  plan.kpis.on_time_share = 400.0 / 1700.0;  // d1 is no longer on time
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"routes[0]: arrives at minute 840, after demand d1's due minute 800"});
}

TEST(PlanVerifier, FirstLegLeavesBeforeDemandIsReady) {
  InstanceData data = tiny_data();
  data.demand[0].ready_minute = 400;
  const Instance instance = Instance::create(std::move(data), "tiny");
  EXPECT_EQ(
      lines(verify_plan(instance, tiny_plan())),
      Lines{"routes[0].legs[0]: departs SEA1 at minute 360 but demand d1 is ready only at minute "
            "400"});
}

TEST(PlanVerifier, NextLegLeavesBeforeHandlingIsDone) {
  InstanceData data = tiny_data();
  data.facilities[1].handling_minutes = 150;
  const Instance instance = Instance::create(std::move(data), "tiny");
  EXPECT_EQ(lines(verify_plan(instance, tiny_plan())),
            Lines{"routes[0].legs[1]: departs SC-PDX at minute 720 but package is available only "
                  "at 750 (arrival 600 + handling 150)"});
}

TEST(PlanVerifier, BrokenChainAndWrongArrival) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  // d1's second leg now leaves SEA1, where the first leg did not go.
  plan.routes[0].legs[1] = {"SEA1>DS-EUG", 480};
  plan.routes[0].arrival_minute = 700;
  plan.departures[1].lane = "SEA1>DS-EUG";
  plan.departures[1].from = "SEA1";
  plan.departures[1].departure_minute = 480;
  plan.departures[1].arrival_minute = 780;
  plan.departures[1].vehicles = 1;
  plan.cost = {1200.0, 160.0, 0.0, 5000.0};
  plan.objective = 6360.0;
  plan.gap = 360.0 / 6360.0;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"routes[0].legs[1]: leaves SEA1 but the previous leg arrives at SC-PDX",
                   "routes[0].arrival_minute: is 700 but the last leg arrives at 780 (departure "
                   "480 + transit 300)"}));
}

TEST(PlanVerifier, RouteEndingAwayFromDestination) {
  InstanceData data = tiny_data();
  data.demand[1].destination = 2;
  const Instance instance = Instance::create(std::move(data), "tiny");
  Plan plan = tiny_plan();
  plan.kpis.on_time_share = 1200.0 / 1700.0;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"routes[1]: ends at SC-PDX but demand d2 goes to DS-EUG"});
}

TEST(PlanVerifier, LoadOverVehicleCapacity) {
  InstanceData data = tiny_data();
  data.vehicle_types[0].capacity.cube_m3 = 35.0;
  const Instance instance = Instance::create(std::move(data), "tiny");
  Plan plan = tiny_plan();
  plan.departures[0].fill_cube = 38.0 / 35.0;
  plan.departures[1].fill_cube = 30.0 / 35.0;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"departures[0]: routes load 38 m3 but 1 vehicle(s) of \"truck\" on "
                  "\"SEA1>SC-PDX\" carry at most 35 m3"});
}

TEST(PlanVerifier, WeightOverCapacityWithTwoVehicles) {
  InstanceData data = tiny_data();
  data.vehicle_types[0].capacity.weight_kg = 2000.0;
  data.vehicle_types[0].fleet = std::nullopt;
  const Instance instance = Instance::create(std::move(data), "tiny");
  Plan plan = tiny_plan();
  plan.departures[1].vehicles = 2;  // 4000 kg fits exactly into 2 × 2000
  plan.departures[1].fill_cube = 0.15;
  plan.departures[1].fill_weight = 1.0;
  plan.departures[0].fill_weight = 2.4;
  plan.cost.vehicles = 1100.0;
  plan.objective = 6344.0;
  plan.gap = 344.0 / 6344.0;
  plan.kpis.vehicle_trips["truck"] = 3;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"departures[0]: routes load 4800 kg but 1 vehicle(s) of \"truck\" on "
                  "\"SEA1>SC-PDX\" carry at most 2000 kg"});
}

TEST(PlanVerifier, TooManyVehiclesOnOneDeparture) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.departures[1].vehicles = 3;
  plan.departures[1].fill_cube = 0.1;
  plan.departures[1].fill_weight = 4000.0 / 60000.0;
  plan.cost.vehicles = 1400.0;
  plan.objective = 6644.0;
  plan.gap = 644.0 / 6644.0;
  plan.kpis.vehicle_trips["truck"] = 4;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"departures[1].vehicles: 3 vehicles exceed lane \"SC-PDX>DS-EUG\"'s "
                  "max_vehicles_per_departure 2"});
}

TEST(PlanVerifier, SortCapacityExceeded) {
  InstanceData data = tiny_data();
  data.facilities[1].sort_capacity_per_hour = 1000.0;
  const Instance instance = Instance::create(std::move(data), "tiny");
  EXPECT_EQ(lines(verify_plan(instance, tiny_plan())),
            Lines{"facility \"SC-PDX\" hour 12: 1200 packages leave during minutes [720, 780) "
                  "but the sort capacity is 1000 per hour"});
}

TEST(PlanVerifier, SortCapacityCountsTheOriginToo) {
  InstanceData data = tiny_data();
  data.facilities[0].sort_capacity_per_hour = 1599.0;
  const Instance instance = Instance::create(std::move(data), "tiny");
  EXPECT_EQ(lines(verify_plan(instance, tiny_plan())),
            Lines{"facility \"SEA1\" hour 6: 1600 packages leave during minutes [360, 420) "
                  "but the sort capacity is 1599 per hour"});
}

TEST(PlanVerifier, FleetExceeded) {
  InstanceData data = tiny_data();
  data.vehicle_types[0].fleet = 1;
  const Instance instance = Instance::create(std::move(data), "tiny");
  Plan plan = tiny_plan();
  // An empty truck on SEA1>DS-EUG en route [480, 780) overlaps [360, 600) and [720, 840).
  PlannedDeparture extra;
  extra.lane = "SEA1>DS-EUG";
  extra.from = "SEA1";
  extra.to = "DS-EUG";
  extra.vehicle_type = "truck";
  extra.departure_minute = 480;
  extra.arrival_minute = 780;
  extra.vehicles = 1;
  plan.departures.push_back(extra);
  plan.cost.vehicles = 1500.0;
  plan.objective = 6744.0;
  plan.gap = 744.0 / 6744.0;
  plan.kpis.vehicle_trips["truck"] = 3;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"vehicle_type \"truck\": up to 2 vehicles en route during minutes [480, 600) "
                   "but the fleet is 1",
                   "vehicle_type \"truck\": up to 2 vehicles en route during minutes [720, 780) "
                   "but the fleet is 1"}));
}

TEST(PlanVerifier, FleetCountsVehiclesArrivingAtADepartureMinuteAsBack) {
  InstanceData data = tiny_data();
  data.vehicle_types[0].fleet = 1;
  const Instance instance = Instance::create(std::move(data), "tiny");
  Plan plan = tiny_plan();
  plan.departures[1].departure_minute = 600;  // not an allowed minute, but no fleet overlap
  plan.departures[1].arrival_minute = 720;
  plan.routes[0].legs[1].departure_minute = 600;
  plan.routes[0].arrival_minute = 720;
  // No fleet violation: the truck arriving at 600 is back before the one leaving at 600.
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"routes[0].legs[1].departure_minute: lane \"SC-PDX>DS-EUG\" has no "
                   "departure at minute 600",
                   "routes[0].legs[1]: departs SC-PDX at minute 600 but package is "
                   "available only at 690 (arrival 600 + handling 90)",
                   "departures[1].departure_minute: lane \"SC-PDX>DS-EUG\" has no "
                   "departure at minute 600"}));
}

TEST(PlanVerifier, WrongObjective) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.objective = 6000.0;
  plan.gap = 0.0;
  EXPECT_EQ(lines(verify_plan(instance, plan)), Lines{"objective: is 6000 but recomputed 6044"});
}

TEST(PlanVerifier, WrongCostSplitLowerBoundAndGap) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.cost.handling = 0.0;
  plan.lower_bound = 6100.0;
  plan.gap = 0.5;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"cost.handling: is 0 but recomputed 60",
                   "lower_bound: is 6100, above the recomputed objective 6044",
                   "gap: is 0.5 but (objective 6044 - lower_bound 6100) / (objective - "
                   "unavoidable 0) = 0"}));
}

TEST(PlanVerifier, ObjectiveWithinRelativeToleranceIsAccepted) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.objective = 6044.0 * (1 + 5e-7);
  plan.gap = (plan.objective - 6000.0) / plan.objective;
  EXPECT_EQ(lines(verify_plan(instance, plan)), Lines{});
  plan.objective = 6044.0 * (1 + 5e-6);
  plan.gap = (plan.objective - 6000.0) / plan.objective;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"objective: is 6044.03022 but recomputed 6044"});
  EXPECT_EQ(lines(verify_plan(instance, plan, 1e-5)), Lines{});
}

TEST(PlanVerifier, DemandAccountingOff) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.unserved[0].packages = 50.0;
  plan.cost.unserved = 2500.0;
  plan.objective = 3544.0;
  plan.lower_bound = 3500.0;
  plan.gap = 44.0 / 3544.0;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"demand \"d2\": routes carry 400 and unserved lists 50 packages, together 450, "
                  "but the demand has 500"});
}

TEST(PlanVerifier, DemandOverServedAndBadUnservedEntries) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.routes.push_back(Route{"d2", 150.0, {{"SEA1>SC-PDX", 360}}, 600});
  plan.departures[0].load = {1750.0, 41.0, 5100.0};
  plan.departures[0].fill_cube = 0.41;
  plan.departures[0].fill_weight = 5100.0 / 20000.0;
  plan.unserved = {UnservedDemand{"d9", 0.0, ""}};
  plan.cost = {800.0, 199.0, 60.0, 0.0};
  plan.objective = 1059.0;
  plan.lower_bound.reset();
  plan.gap.reset();
  plan.kpis.on_time_share = 1750.0 / 1700.0;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"unserved[0].demand: unknown demand \"d9\"",
                   "unserved[0].reason: must say why the demand is unserved",
                   "demand \"d2\": routes carry 550 packages but the demand has only 500"}));
}

TEST(PlanVerifier, UnknownLaneAndDemandInRoute) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.routes[1].legs[0].lane = "SEA1>NOWHERE";
  plan.routes[1].demand = "d7";
  plan.routes[1].packages = -1.0;
  EXPECT_EQ(
      lines(verify_plan(instance, plan)),
      (Lines{"routes[1].demand: unknown demand \"d7\"",
             "routes[1].packages: must be a number > 0, got -1",
             "routes[1].legs[0].lane: unknown lane \"SEA1>NOWHERE\"",
             "demand \"d2\": routes carry 0 and unserved lists 100 packages, together 100, "
             "but the demand has 500",
             "departures[0].load.packages: is 1600 but the routes on this departure carry "
             "1200",
             "departures[0].load.cube_m3: is 38 but the routes on this departure carry 30",
             "departures[0].load.weight_kg: is 4800 but the routes on this departure carry "
             "4000",
             "cost.packages: is 184 but recomputed 144", "objective: is 6044 but recomputed 6004",
             "kpis.on_time_share: is 0.9411764706 but on-time routes carry 1200 of 1700 "
             "packages = 0.7058823529"}));
}

TEST(PlanVerifier, DepartureNotAllowedOnLane) {
  InstanceData data = tiny_data();
  data.lanes[0].departures = {720, 1080};
  const Instance instance = Instance::create(std::move(data), "tiny");
  EXPECT_EQ(lines(verify_plan(instance, tiny_plan())),
            (Lines{"routes[0].legs[0].departure_minute: lane \"SEA1>SC-PDX\" has no departure at "
                   "minute 360",
                   "routes[1].legs[0].departure_minute: lane \"SEA1>SC-PDX\" has no departure at "
                   "minute 360",
                   "departures[0].departure_minute: lane \"SEA1>SC-PDX\" has no departure at "
                   "minute 360"}));
}

TEST(PlanVerifier, RouteLegWithoutVehicles) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.departures.pop_back();
  plan.cost.vehicles = 500.0;
  plan.objective = 5744.0;
  plan.lower_bound = 5744.0;
  plan.gap = 0.0;
  plan.kpis.vehicle_trips["truck"] = 1;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            Lines{"routes[0].legs[1]: rides lane \"SC-PDX>DS-EUG\" at minute 720 but there is no "
                  "departures entry for it"});

  plan = tiny_plan();
  plan.departures[1].vehicles = 0;
  plan.departures[1].fill_cube = 0.0;
  plan.departures[1].fill_weight = 0.0;
  plan.cost.vehicles = 500.0;
  plan.objective = 5744.0;
  plan.lower_bound = 5744.0;
  plan.gap = 0.0;
  plan.kpis.vehicle_trips["truck"] = 1;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"departures[1]: routes load 30 m3 but 0 vehicle(s) of \"truck\" on "
                   "\"SC-PDX>DS-EUG\" carry at most 0 m3",
                   "departures[1]: routes load 4000 kg but 0 vehicle(s) of \"truck\" on "
                   "\"SC-PDX>DS-EUG\" carry at most 0 kg",
                   "routes[0].legs[1]: rides lane \"SC-PDX>DS-EUG\" at minute 720 but its "
                   "departures entry has no vehicles"}));
}

TEST(PlanVerifier, DuplicateAndMismatchedDepartureEntries) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  PlannedDeparture copy = plan.departures[1];
  copy.vehicles = 0;
  copy.from = "SEA1";
  copy.vehicle_type = "b767";
  copy.arrival_minute = 800;
  plan.departures.push_back(copy);
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"departures[2].from: is \"SEA1\" but lane \"SC-PDX>DS-EUG\" leaves \"SC-PDX\"",
                   "departures[2].vehicle_type: is \"b767\" but lane \"SC-PDX>DS-EUG\" uses "
                   "\"truck\"",
                   "departures[2].arrival_minute: is 800 but departure 720 + transit 120 = 840",
                   "departures[2]: duplicates departures[1] (lane \"SC-PDX>DS-EUG\" at minute "
                   "720)"}));
}

TEST(PlanVerifier, WrongFillAndKpis) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  Plan plan = tiny_plan();
  plan.departures[0].fill_cube = 0.5;
  plan.kpis.vehicle_trips = {{"truck", 3}, {"boat", 1}};
  plan.kpis.fill_cube["air"] = 1.5;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"departures[0].fill.cube: is 0.5 but load 38 / capacity 100 = 0.38",
                   "kpis.vehicle_trips.boat: unknown mode \"boat\"",
                   "kpis.vehicle_trips.truck: is 3 but the departures run 2",
                   "kpis.fill_cube.air: is 1.5, outside [0, 1]"}));
}

TEST(PlanVerifier, RouteBeyondHorizon) {
  InstanceData data = tiny_data();
  data.horizon_minutes = 800;
  data.demand[0].due_minute = 800;
  data.demand[1].due_minute = 800;
  // Departures lie inside the horizon (the plan's L1@720 arrives after it, at 840).
  data.lanes[0].departures = {360, 720};
  data.lanes[1].departures = {720};
  const Instance instance = Instance::create(std::move(data), "tiny");
  Plan plan = tiny_plan();
  plan.kpis.on_time_share = 400.0 / 1700.0;
  EXPECT_EQ(lines(verify_plan(instance, plan)),
            (Lines{"routes[0]: arrives at minute 840, after demand d1's due minute 800",
                   "routes[0]: arrives at minute 840, after the horizon 800"}));
}

}  // namespace
}  // namespace mm::network
