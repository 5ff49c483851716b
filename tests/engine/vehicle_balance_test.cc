// Vehicle balance of cyclic vehicle types (issue 16), on instances whose optimum is worked out by
// hand. Every lane has an explicit distance (100 km), transit and trip cost (200), every cyclic
// type costs 50 per vehicle and cycle, and an empty move costs its cost_per_km (1) × 100 km =
// 100. Each case asserts the objective and its split, runs the referee, and checks what the case
// is about (empty moves, fleet, rotations).
#include "engine/vehicle_balance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/planner.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "network/plan_verifier.h"

namespace mm::engine {
namespace {

using network::Instance;
using network::Plan;

// Facilities A, B, C, D; one cyclic truck type; `lanes` and `demand` as JSON list items.
Instance instance(const std::string& type_extra, const std::string& lanes,
                  const std::string& demand, int horizon = 1440, int cycle = 1440) {
  const std::string json = R"({"format": "middlemile-instance/1", "name": "balance",
    "horizon_minutes": )" + std::to_string(horizon) +
                           R"(, "cycle_minutes": )" + std::to_string(cycle) + R"(,
    "unserved_penalty_per_package": 100,
    "vehicle_types": [{"id": "t", "mode": "truck", "capacity": {"cube_m3": 100, "weight_kg": 1e5},
      "cost_per_trip": 100, "cost_per_km": 1, "speed_kmh": 60, "balance": "cyclic",
      "cost_per_vehicle": 50)" +
                           type_extra + R"(}],
    "facilities": [
      {"id": "A", "kind": "origin", "lon": 0, "lat": 0},
      {"id": "B", "kind": "delivery_station", "lon": 1, "lat": 0},
      {"id": "C", "kind": "origin", "lon": 5, "lat": 0},
      {"id": "D", "kind": "delivery_station", "lon": 6, "lat": 0}],
    "lanes": [)" + lanes + R"(],
    "demand": [)" + demand +
                           R"(]})";
  return network::parse_instance(json, "balance.json");
}

std::string lane(const char* from, const char* to, int departure, int transit) {
  return std::string(R"({"from": ")") + from + R"(", "to": ")" + to +
         R"(", "vehicle_type": "t", "distance_km": 100, "transit_minutes": )" +
         std::to_string(transit) + R"(, "departures": [)" + std::to_string(departure) + "]}";
}

std::string demand(const char* id, const char* from, const char* to, int packages, int ready,
                   int due) {
  return std::string(R"({"id": ")") + id + R"(", "origin": ")" + from + R"(", "destination": ")" +
         to + R"(", "packages": )" + std::to_string(packages) + R"(, "cube_m3": 1, "weight_kg": 1,
         "ready_minute": )" +
         std::to_string(ready) + R"(, "due_minute": )" + std::to_string(due) + "}";
}

// The plan, checked by the referee as written and as read back from its JSON.
Plan solve_and_check(const Instance& in) {
  PlannerOptions options;
  options.time_limit_seconds = 2.0;
  options.threads = 1;
  Plan plan = plan_network(in, options, nullptr).plan;
  for (const Plan& p : {plan, network::parse_plan(network::write_plan_json(plan), "plan.json")}) {
    const network::PlanVerification check = network::check_plan(in, p);
    for (const network::Violation& v : check.violations)
      ADD_FAILURE() << "referee: " << v.where << ": " << v.message;
    EXPECT_NEAR(check.recomputed_objective, plan.objective, 1e-6);
  }
  return plan;
}

int fleet_of(const Plan& plan) {
  int vehicles = 0;
  for (const network::FleetUse& f : plan.fleet) vehicles += f.vehicles;
  return vehicles;
}

TEST(VehicleBalance, ShuttleReturnsEmpty) {
  // A -> B at 360 (ready at B 480); the truck comes back empty 480 -> 600 and waits at A for
  // 360 of the next cycle: 200 + 100 + 50.
  const Instance in = instance("", lane("A", "B", 360, 120), demand("d", "A", "B", 10, 0, 1440));
  const Plan plan = solve_and_check(in);
  EXPECT_NEAR(plan.objective, 350.0, 1e-6);
  EXPECT_NEAR(plan.cost.repositioning, 100.0, 1e-6);
  EXPECT_NEAR(plan.cost.fleet, 50.0, 1e-6);
  ASSERT_EQ(plan.repositioning.size(), 1u);
  EXPECT_EQ(plan.repositioning[0].from, "B");
  EXPECT_EQ(plan.repositioning[0].to, "A");
  EXPECT_EQ(fleet_of(plan), 1);
  ASSERT_EQ(plan.fleet.size(), 1u);
  EXPECT_EQ(plan.fleet[0].parked_at_start.at("A"), 1);
  ASSERT_EQ(plan.rotations.size(), 1u);
  EXPECT_EQ(plan.rotations[0].cycles, 1);
  EXPECT_EQ(plan.rotations[0].legs.size(), 2u);
}

TEST(VehicleBalance, TwoLanesBalanceEachOther) {
  // A -> B at 360 (ready 480), B -> A at 600 (ready 720): one truck, no empty move.
  const Instance in =
      instance("", lane("A", "B", 360, 120) + "," + lane("B", "A", 600, 120),
               demand("ab", "A", "B", 10, 0, 1440) + "," + demand("ba", "B", "A", 10, 0, 1440));
  const Plan plan = solve_and_check(in);
  EXPECT_NEAR(plan.objective, 450.0, 1e-6);
  EXPECT_TRUE(plan.repositioning.empty());
  EXPECT_EQ(fleet_of(plan), 1);
}

TEST(VehicleBalance, FleetForcesADepartureToBeDropped) {
  // A -> B and C -> D at 360 each need a truck of their own (no lane joins the pairs); with a
  // fleet of one, the smaller demand (10 packages × 100) goes unserved: 200 + 100 + 50 + 1000.
  const Instance in = instance(
      R"(, "fleet": 1)", lane("A", "B", 360, 120) + "," + lane("C", "D", 360, 120),
      demand("small", "A", "B", 10, 0, 1440) + "," + demand("large", "C", "D", 20, 0, 1440));
  const Plan plan = solve_and_check(in);
  EXPECT_NEAR(plan.objective, 1350.0, 1e-6);
  // The master's fleet row (engine/ten_vehicle_flow.h) proves it: one vehicle across the cycle
  // start serves one pair at most, so the bound is the optimum.
  ASSERT_TRUE(plan.lower_bound.has_value());
  EXPECT_NEAR(*plan.lower_bound, 1350.0, 1e-6);
  ASSERT_EQ(plan.unserved.size(), 1u);
  EXPECT_EQ(plan.unserved[0].demand, "small");
  EXPECT_EQ(fleet_of(plan), 1);
}

TEST(VehicleBalance, TurnTimeForcesASecondVehicle) {
  // A -> B at 360 arrives at 480; B -> A leaves at 480. Without a turn time one truck flies both
  // (2 × 200 + 50); with 60 minutes it is ready at 540, too late: a second truck (+50).
  const std::string lanes = lane("A", "B", 360, 120) + "," + lane("B", "A", 480, 120);
  const std::string demands =
      demand("ab", "A", "B", 10, 0, 1440) + "," + demand("ba", "B", "A", 10, 0, 1440);
  const Plan quick = solve_and_check(instance("", lanes, demands));
  EXPECT_NEAR(quick.objective, 450.0, 1e-6);
  EXPECT_EQ(fleet_of(quick), 1);
  const Plan slow = solve_and_check(instance(R"(, "turn_minutes": 60)", lanes, demands));
  EXPECT_NEAR(slow.objective, 500.0, 1e-6);
  EXPECT_EQ(fleet_of(slow), 2);
  EXPECT_TRUE(slow.repositioning.empty());
}

TEST(VehicleBalance, TripWrapsOverMidnight) {
  // A -> B leaves at 1320 and arrives at 1560 = 120 of the next day; B -> A at 600 (ready at A
  // 840). One truck, en route at the cycle start: 2 × 200 + 50.
  const Instance in =
      instance("", lane("A", "B", 1320, 240) + "," + lane("B", "A", 600, 240),
               demand("ab", "A", "B", 10, 1200, 2880) + "," + demand("ba", "B", "A", 10, 0, 1440),
               2880, 1440);
  const Plan plan = solve_and_check(in);
  EXPECT_NEAR(plan.objective, 450.0, 1e-6);
  EXPECT_TRUE(plan.repositioning.empty());
  ASSERT_EQ(plan.fleet.size(), 1u);
  EXPECT_EQ(plan.fleet[0].vehicles, 1);
  EXPECT_EQ(plan.fleet[0].en_route_at_start, 1);
  EXPECT_TRUE(plan.fleet[0].parked_at_start.empty());
  ASSERT_EQ(plan.rotations.size(), 1u);
  EXPECT_EQ(plan.rotations[0].cycles, 1);
}

TEST(VehicleBalance, TheMastersBoundCoversEmptyMovesAndFleet) {
  // The shuttle: with the vehicle flow in the master (engine/ten_vehicle_flow.h) its LP must
  // bring the truck back (100) and own it across the cycle start (50), so the bound is the
  // optimum, 350. The plain design LP knows only the trip (200).
  const Instance in = instance("", lane("A", "B", 360, 120), demand("d", "A", "B", 10, 0, 1440));
  PlannerOptions options;
  options.time_limit_seconds = 2.0;
  options.threads = 1;
  const Plan with = plan_network(in, options, nullptr).plan;
  EXPECT_NEAR(with.objective, 350.0, 1e-6);
  ASSERT_TRUE(with.lower_bound.has_value());
  EXPECT_NEAR(*with.lower_bound, 350.0, 1e-6);
  options.engine.balance_in_master = 0;
  const Plan without = plan_network(in, options, nullptr).plan;
  EXPECT_NEAR(without.objective, 350.0, 1e-6);
  ASSERT_TRUE(without.lower_bound.has_value());
  EXPECT_LE(*without.lower_bound, 200.0 + 1e-6);
}

TEST(VehicleBalance, RefereeCatchesAMissingEmptyMove) {
  const Instance in = instance("", lane("A", "B", 360, 120), demand("d", "A", "B", 10, 0, 1440));
  Plan plan = solve_and_check(in);
  ASSERT_EQ(plan.repositioning.size(), 1u);
  plan.repositioning.clear();
  plan.cost.repositioning = 0.0;
  plan.objective -= 100.0;
  const std::vector<network::Violation> found = network::verify_plan(in, plan);
  bool unbalanced = false;
  for (const network::Violation& v : found)
    unbalanced |= v.message.find("must bring every vehicle back") != std::string::npos;
  EXPECT_TRUE(unbalanced);
}

TEST(VehicleCirculation, LongTripSpansTwoCycles) {
  // One trip of 2,000 minutes out and an empty way back of 2,000: the vehicle is away 4,000
  // minutes, so the daily schedule needs 3 vehicles (ceil(4000 / 1440)), on one rotation of 3
  // cycles.
  CirculationProblem p;
  p.cycle = 1440;
  p.cost_per_vehicle = 10;
  p.loaded = {{0, 1, 100, 2000, 1}};
  p.links = {{0, 1, 2000, 5.0}, {1, 0, 2000, 5.0}};
  const CirculationResult r = solve_circulation(p, true);
  ASSERT_TRUE(r.feasible);
  EXPECT_EQ(r.vehicles, 3);
  EXPECT_NEAR(r.empty_cost, 5.0, 1e-9);
  ASSERT_EQ(r.rotations.size(), 1u);
  EXPECT_EQ(r.rotations[0].cycles, 3);
  p.fleet = 2;
  EXPECT_FALSE(solve_circulation(p, false).feasible);
}

}  // namespace
}  // namespace mm::engine
