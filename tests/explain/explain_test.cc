// `middlemile explain` on hand-made instances whose answers are worked out in the comments.
//
// tests/data/explain/late_alternative.json: A→B by lane "slow" (one departure at 60, 600 min,
// 100 per trip) or "fast" (60 and 90, 60 min, 300 per trip); a truck holds 100 m³; unserved
// packages cost 100 each. d1 (100 packages, 100 m³, due 300) fills one fast truck: 300. d_late
// (due 100) can reach B at 120 at the earliest, d_nowhere goes to C, which no lane reaches, and
// d_small (1 package, 2 m³) would need a second fast truck (300) against a penalty of 100;
// taking 2 m³ of d1 off the truck for it would drop 2 of d1's packages (200). Optimum:
// 300 + 1000 + 500 + 100 = 1900.
#include "explain/explain.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine/planner.h"
#include "explain/explain_json.h"
#include "explain/marginal_values.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_verifier.h"

namespace mm::explain {
namespace {

using network::Instance;
using network::Plan;

const std::string kLateAlternative =
    std::string(MM_TEST_DATA_DIR) + "/explain/late_alternative.json";

Plan solve_and_check(const Instance& instance, double optimum) {
  engine::PlannerOptions options;
  options.time_limit_seconds = 20.0;
  const engine::PlannerResult result = engine::plan_network(instance, options, nullptr);
  EXPECT_NEAR(result.plan.objective, optimum, 1e-6 * optimum);
  const auto check = network::check_plan(instance, result.plan);
  for (const network::Violation& v : check.violations)
    ADD_FAILURE() << "referee: " << v.where << ": " << v.message;
  return result.plan;
}

// The minute d1's planned fast truck leaves (60 and 90 tie), and the other one.
int planned_minute(const DemandExplanation& e) {
  return e.routes.at(0).legs.at(0).departure_minute;
}

TEST(ExplainDemand, CheaperAlternativeArrivesLate) {
  const Instance instance = network::read_instance_file(kLateAlternative);
  const Plan plan = solve_and_check(instance, 1900.0);
  const DemandExplanation e = explain_demand(instance, plan, "d1", {});
  EXPECT_EQ(e.served_packages, 100.0);
  EXPECT_EQ(e.unserved_packages, 0.0);
  EXPECT_FALSE(e.unserved.has_value());
  ASSERT_EQ(e.routes.size(), 1u);
  const ExplainedRoute& route = e.routes[0];
  ASSERT_EQ(route.legs.size(), 1u);
  EXPECT_EQ(route.legs[0].lane, "fast");
  const int planned = planned_minute(e);
  const int other = planned == 60 ? 90 : 60;
  EXPECT_EQ(route.slack_minutes, 300 - (planned + 60));
  EXPECT_DOUBLE_EQ(route.vehicle_share[0], 1.0);
  EXPECT_DOUBLE_EQ(route.cost.vehicles, 300.0);
  EXPECT_DOUBLE_EQ(route.cost.total(), 300.0);
  EXPECT_DOUBLE_EQ(route.pricing_cost, 300.0);

  // slow@60 costs a third (100 for a full truck) but arrives at 660; the other fast departure
  // runs no truck in the plan, so it needs one (300), no better than the planned truck.
  ASSERT_EQ(e.alternatives.size(), 2u);
  const Alternative& slow = e.alternatives[0];
  ASSERT_EQ(slow.legs.size(), 1u);
  EXPECT_EQ(slow.legs[0].lane, "slow");
  EXPECT_EQ(slow.arrival_minute, 660);
  EXPECT_DOUBLE_EQ(slow.cost, 100.0);
  EXPECT_EQ(slow.why_not, WhyNot::arrives_late);
  EXPECT_EQ(slow.detail, "arrives at minute 660, 360 min after due minute 300");
  const Alternative& fast = e.alternatives[1];
  EXPECT_EQ(fast.legs.at(0).lane, "fast");
  EXPECT_EQ(fast.legs.at(0).departure_minute, other);
  EXPECT_DOUBLE_EQ(fast.cost, 300.0);
  EXPECT_EQ(fast.why_not, WhyNot::needs_another_vehicle);
  EXPECT_EQ(fast.extra_vehicles, 1);
  EXPECT_DOUBLE_EQ(fast.extra_vehicle_cost, 300.0);
}

TEST(ExplainDemand, UnservedWithEveryRouteLateHasNoPathInWindow) {
  const Instance instance = network::read_instance_file(kLateAlternative);
  const Plan plan = solve_and_check(instance, 1900.0);
  const DemandExplanation e = explain_demand(instance, plan, "d_late", {});
  EXPECT_EQ(e.unserved_packages, 10.0);
  EXPECT_EQ(e.moved_packages, 10.0);
  ASSERT_TRUE(e.unserved.has_value());
  EXPECT_EQ(e.unserved->reason, UnservedCause::no_path_in_window);
  EXPECT_EQ(e.unserved->detail,
            "every route arrives late: the earliest reaches B at minute 120, after due minute 100");
  EXPECT_DOUBLE_EQ(e.unserved->penalty, 1000.0);
  ASSERT_EQ(e.alternatives.size(), 3u);  // slow@60 (10), fast@60 (30), fast@90 (30)
  EXPECT_DOUBLE_EQ(e.alternatives[0].cost, 10.0);
  EXPECT_DOUBLE_EQ(e.alternatives[1].cost, 30.0);
  for (const Alternative& a : e.alternatives) EXPECT_EQ(a.why_not, WhyNot::arrives_late);
}

TEST(ExplainDemand, UnservedWithoutAnyLaneHasNoRouteAtAll) {
  const Instance instance = network::read_instance_file(kLateAlternative);
  const Plan plan = solve_and_check(instance, 1900.0);
  const DemandExplanation e = explain_demand(instance, plan, "d_nowhere", {});
  ASSERT_TRUE(e.unserved.has_value());
  EXPECT_EQ(e.unserved->reason, UnservedCause::no_path_in_window);
  EXPECT_EQ(e.unserved->detail, "no route at all: no lane path from A to C");
  EXPECT_TRUE(e.alternatives.empty());
}

TEST(ExplainDemand, UnservedBecauseThePenaltyIsCheaperThanATruck) {
  const Instance instance = network::read_instance_file(kLateAlternative);
  const Plan plan = solve_and_check(instance, 1900.0);
  const DemandExplanation e = explain_demand(instance, plan, "d_small", {});
  ASSERT_TRUE(e.unserved.has_value());
  EXPECT_EQ(e.unserved->reason, UnservedCause::penalty_cheaper);
  EXPECT_DOUBLE_EQ(e.unserved->penalty, 100.0);
  ASSERT_TRUE(e.unserved->cheapest_serving.has_value());
  EXPECT_DOUBLE_EQ(*e.unserved->cheapest_serving, 300.0);
  ASSERT_EQ(e.alternatives.size(), 3u);
  EXPECT_EQ(e.alternatives[0].why_not, WhyNot::arrives_late);  // slow, 2 per package
  EXPECT_DOUBLE_EQ(e.alternatives[0].cost, 2.0);
  EXPECT_DOUBLE_EQ(e.alternatives[1].cost, 6.0);
  EXPECT_EQ(e.alternatives[1].why_not, WhyNot::needs_another_vehicle);
  EXPECT_EQ(e.alternatives[2].why_not, WhyNot::needs_another_vehicle);
  EXPECT_DOUBLE_EQ(e.alternatives[1].extra_vehicle_cost, 300.0);
}

TEST(ExplainDemand, UnknownDemandOrForeignPlanIsBadInput) {
  const Instance instance = network::read_instance_file(kLateAlternative);
  const Plan plan = solve_and_check(instance, 1900.0);
  try {
    explain_demand(instance, plan, "d9", {});
    ADD_FAILURE() << "no error";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(), "--demand: demand \"d9\" is not in instance \"late_alternative\"");
  }
  Plan foreign = plan;
  foreign.routes.at(0).legs.at(0).lane = "ferry";
  try {
    explain_demand(instance, foreign, "d1", {});
    ADD_FAILURE() << "no error";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "plan routes[0].legs[0]: lane \"ferry\" is not in instance \"late_alternative\"");
  }
}

TEST(ExplainDeparture, ClosingNeverBeatsTheOptimum) {
  const Instance instance = network::read_instance_file(kLateAlternative);
  const Plan plan = solve_and_check(instance, 1900.0);
  const int planned = planned_minute(explain_demand(instance, plan, "d1", {}));
  ExplainOptions options;
  options.time_limit_seconds = 10.0;
  const DepartureExplanation e = explain_departure(instance, plan, "fast", planned, options);
  EXPECT_EQ(e.vehicles, 1);
  ASSERT_EQ(e.riders.size(), 1u);
  EXPECT_EQ(e.riders[0].demand, "d1");
  EXPECT_DOUBLE_EQ(e.fill_cube, 1.0);
  // d1 moves to the other fast departure: the same 1900, never less.
  ASSERT_TRUE(e.closing.resolved);
  EXPECT_GE(e.closing.closed_objective, 1900.0 - 1e-6);
  EXPECT_NEAR(e.closing.closed_objective, 1900.0, 1e-6);
  EXPECT_NEAR(e.closing.delta, 0.0, 1e-6);
  // Both fast departures are on time for d1: neither capacity is worth more than its truck.
  EXPECT_LE(e.marginal.extra_vehicle_value, 1e-6);
}

// One lane A>B with at most one truck per departure (100 m³, 100 per trip), departures at 60
// and 180 (60 min). d (150 packages, 150 m³, due 130) can only ride the 60 departure: one
// truck carries 100 packages, 50 stay unserved at 100 each: 100 + 5000 = 5100. Root LP: y = 1
// at its bound, λ = 2/3, the unserved slack is basic, so the convexity dual is the penalty
// 15000 and the cube row's dual is −15000/150 = −100 per m³: one more truck's capacity is
// worth 10000, one more truck allowed 10000 − 100 = 9900. The 180 departure is used by no
// path: it has no row, its capacity is not binding (0). Closing the 60 departure leaves every
// package unserved: 15000, Δ = 9900.
const char* kFullTruck = R"({
  "format": "middlemile-instance/1", "name": "full_truck", "horizon_minutes": 1440,
  "unserved_penalty_per_package": 100.0,
  "vehicle_types": [{"id": "truck", "mode": "truck",
    "capacity": {"cube_m3": 100.0, "weight_kg": 10000.0}, "cost_per_trip": 100.0,
    "speed_kmh": 60.0}],
  "facilities": [
    {"id": "A", "kind": "origin", "lon": 0.0, "lat": 0.0},
    {"id": "B", "kind": "delivery_station", "lon": 1.0, "lat": 0.0}],
  "lanes": [{"id": "A>B", "from": "A", "to": "B", "vehicle_type": "truck", "distance_km": 60.0,
    "transit_minutes": 60, "cost_per_trip": 100.0, "departures": [60, 180],
    "max_vehicles_per_departure": 1}],
  "demand": [{"id": "d", "origin": "A", "destination": "B", "packages": 150, "cube_m3": 150.0,
    "weight_kg": 150.0, "ready_minute": 0, "due_minute": 130}]})";

TEST(MarginalValues, FullSingleTruckIsWorthItsPenaltyAndAnEmptyDepartureNothing) {
  const Instance instance = network::parse_instance(kFullTruck, "inline.json");
  const network::TimeExpandedNetwork ten(instance);
  const MarginalValues values = root_marginal_values(instance, ten, {});
  EXPECT_TRUE(values.converged);
  EXPECT_NEAR(values.lp_value, 5100.0, 1e-6);
  ASSERT_EQ(ten.dispatch_count(), 2u);
  const std::size_t at60 = ten.dispatch(0).departure_minute == 60 ? 0 : 1;
  const DepartureMarginal& full = values.departures[at60];
  EXPECT_TRUE(full.in_lp);
  EXPECT_NEAR(full.price[0], 100.0, 1e-6);
  EXPECT_NEAR(full.price[1], 0.0, 1e-9);
  EXPECT_NEAR(full.vehicle_capacity_value, 10000.0, 1e-4);
  EXPECT_NEAR(full.extra_vehicle_value, 9900.0, 1e-4);
  EXPECT_NEAR(full.lp_vehicles, 1.0, 1e-9);
  const DepartureMarginal& empty = values.departures[1 - at60];
  EXPECT_FALSE(empty.in_lp);
  EXPECT_EQ(empty.price[0], 0.0);
  EXPECT_EQ(empty.vehicle_capacity_value, 0.0);
  EXPECT_EQ(empty.extra_vehicle_value, 0.0);
  EXPECT_NEAR(values.demand_value.at(0), 15000.0, 1e-6);
}

TEST(ExplainDeparture, FullTruckRidersClosingAndShadowPrice) {
  const Instance instance = network::parse_instance(kFullTruck, "inline.json");
  const Plan plan = solve_and_check(instance, 5100.0);
  ExplainOptions options;
  options.time_limit_seconds = 10.0;
  const DepartureExplanation full = explain_departure(instance, plan, "A>B", 60, options);
  EXPECT_EQ(full.vehicles, 1);
  ASSERT_EQ(full.max_vehicles, std::optional<int>(1));
  ASSERT_EQ(full.riders.size(), 1u);
  EXPECT_NEAR(full.riders[0].packages, 100.0, 1e-6);
  EXPECT_NEAR(full.fill_cube, 1.0, 1e-9);
  ASSERT_TRUE(full.closing.resolved);
  EXPECT_NEAR(full.closing.closed_objective, 15000.0, 1e-6);
  EXPECT_NEAR(full.closing.delta, 9900.0, 1e-6);
  ASSERT_TRUE(full.closing.delta_low.has_value());
  EXPECT_NEAR(*full.closing.delta_low, 9900.0, 1e-6);
  EXPECT_GT(full.marginal.vehicle_capacity_value, 0.0);
  EXPECT_NEAR(full.marginal.extra_vehicle_value, 9900.0, 1e-4);

  const DepartureExplanation empty = explain_departure(instance, plan, "A>B", 180, options);
  EXPECT_EQ(empty.vehicles, 0);
  EXPECT_TRUE(empty.riders.empty());
  EXPECT_FALSE(empty.closing.resolved);
  EXPECT_EQ(empty.closing.delta, 0.0);
  EXPECT_FALSE(empty.marginal.in_lp);
  EXPECT_EQ(empty.marginal.vehicle_capacity_value, 0.0);

  try {
    explain_departure(instance, plan, "A>B", 61, options);
    ADD_FAILURE() << "no error";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "--departure: lane \"A>B\" has no departure at minute 61 (within the horizon) in "
                 "instance \"full_truck\"");
  }
}

// d's 50 unserved packages could only ride the 60 departure, whose one allowed truck is full.
TEST(ExplainDemand, UnservedBehindAFullDepartureIsCapacity) {
  const Instance instance = network::parse_instance(kFullTruck, "inline.json");
  const Plan plan = solve_and_check(instance, 5100.0);
  const DemandExplanation e = explain_demand(instance, plan, "d", {});
  EXPECT_NEAR(e.served_packages, 100.0, 1e-6);
  EXPECT_NEAR(e.moved_packages, 50.0, 1e-6);
  ASSERT_EQ(e.alternatives.size(), 1u);
  EXPECT_EQ(e.alternatives[0].why_not, WhyNot::no_capacity);
  EXPECT_EQ(e.alternatives[0].detail, "A>B@60 is at its max vehicles per departure (1)");
  ASSERT_TRUE(e.unserved.has_value());
  EXPECT_EQ(e.unserved->reason, UnservedCause::capacity);
  EXPECT_EQ(e.unserved->detail,
            "every on-time route is blocked by a limit the plan has reached; A>B@60 is at its max "
            "vehicles per departure (1)");
  EXPECT_FALSE(e.unserved->cheapest_serving.has_value());
}

// A sort center S between A and B that sorts at most 40 packages per hour. d1 (60 packages,
// 60 m³, due 400) and the A>S truck at 60, then S>B at 180 (both 60 min, 100 per trip).
// 40 of the 60 packages can leave S in hour 3; the other 20 are unserved (100 each): 200 + 2000.
// Root LP: λ = 2/3 and, by the strong linking rows λ ≤ y, 2/3 of a truck on each lane:
// 133.33 + 2000. One more package per hour of sort lets 1/60 more of d1 through: it saves the
// penalty 100 and costs 1/60 of a truck on both lanes (200/60): worth 100 − 10/3 = 96.67.
const char* kSortLimited = R"({
  "format": "middlemile-instance/1", "name": "sort_limited", "horizon_minutes": 1440,
  "unserved_penalty_per_package": 100.0,
  "vehicle_types": [{"id": "truck", "mode": "truck",
    "capacity": {"cube_m3": 100.0, "weight_kg": 10000.0}, "cost_per_trip": 100.0,
    "speed_kmh": 60.0}],
  "facilities": [
    {"id": "A", "kind": "origin", "lon": 0.0, "lat": 0.0},
    {"id": "S", "kind": "sort_center", "lon": 0.5, "lat": 0.0, "sort_capacity_per_hour": 40},
    {"id": "B", "kind": "delivery_station", "lon": 1.0, "lat": 0.0}],
  "lanes": [
    {"id": "A>S", "from": "A", "to": "S", "vehicle_type": "truck", "distance_km": 30.0,
     "transit_minutes": 60, "cost_per_trip": 100.0, "departures": [60]},
    {"id": "S>B", "from": "S", "to": "B", "vehicle_type": "truck", "distance_km": 30.0,
     "transit_minutes": 60, "cost_per_trip": 100.0, "departures": [180]}],
  "demand": [{"id": "d1", "origin": "A", "destination": "B", "packages": 60, "cube_m3": 60.0,
    "weight_kg": 60.0, "ready_minute": 0, "due_minute": 400}]})";

TEST(ExplainFacility, BindingSortCapacityIsWorthThePenaltyLessItsTrucks) {
  const Instance instance = network::parse_instance(kSortLimited, "inline.json");
  const Plan plan = solve_and_check(instance, 2200.0);
  const FacilityExplanation e = explain_facility(instance, plan, "S", {});
  EXPECT_EQ(e.kind, "sort_center");
  EXPECT_NEAR(e.packages_out, 40.0, 1e-6);
  EXPECT_NEAR(e.packages_in, 40.0, 1e-6);
  ASSERT_EQ(e.hours.size(), 1u);
  EXPECT_EQ(e.hours[0].hour, 3);
  ASSERT_TRUE(e.hours[0].utilization.has_value());
  EXPECT_NEAR(*e.hours[0].utilization, 1.0, 1e-9);
  EXPECT_TRUE(e.hours[0].in_lp);
  EXPECT_NEAR(e.hours[0].value_per_package, 100.0 - 10.0 / 3.0, 1e-6);
  EXPECT_NEAR(e.lp_value, 2000.0 + 400.0 / 3.0, 1e-6);
  EXPECT_EQ(e.peak_hour, std::optional<int>(3));
  // d1 is partly unserved: the tightest demand. A later due adds no departure: worth 0.
  ASSERT_EQ(e.due_values.size(), 1u);
  EXPECT_EQ(e.due_values[0].demand, "d1");
  EXPECT_NEAR(e.due_values[0].value, 0.0, 1e-6);
}

TEST(ExplainJson, DemandHasTheDocumentedKeys) {
  const Instance instance = network::read_instance_file(kLateAlternative);
  const Plan plan = solve_and_check(instance, 1900.0);
  const auto json = explanation_json(explain_demand(instance, plan, "d1", {}));
  EXPECT_EQ(json.at("demand").at("id"), "d1");
  EXPECT_EQ(json.at("routes").size(), 1u);
  ASSERT_EQ(json.at("alternatives").size(), 2u);
  EXPECT_EQ(json.at("alternatives")[0].at("why_not"), "arrives late");
  EXPECT_EQ(json.at("alternatives")[0].at("cost"), 100.0);
  EXPECT_EQ(json.at("alternatives")[0].at("legs")[0].at("lane"), "slow");
  EXPECT_TRUE(json.at("unserved").is_null());
}

// The words `explain` prints for each outcome (README, "Why this plan: explain").
TEST(ExplainOutcomes, PrintAsDocumented) {
  EXPECT_STREQ(to_string(WhyNot::arrives_late), "arrives late");
  EXPECT_STREQ(to_string(WhyNot::no_capacity), "no capacity");
  EXPECT_STREQ(to_string(WhyNot::needs_another_vehicle), "would need another vehicle");
  EXPECT_STREQ(to_string(WhyNot::costs_more), "costs more");
  EXPECT_STREQ(to_string(WhyNot::costs_the_same), "costs the same");
  EXPECT_STREQ(to_string(WhyNot::cheaper), "cheaper");
  EXPECT_STREQ(to_string(UnservedCause::no_path_in_window), "no path in window");
  EXPECT_STREQ(to_string(UnservedCause::capacity), "capacity");
  EXPECT_STREQ(to_string(UnservedCause::penalty_cheaper), "penalty cheaper than a vehicle");
  EXPECT_STREQ(to_string(UnservedCause::not_optimal), "not optimal");
}

}  // namespace
}  // namespace mm::explain
