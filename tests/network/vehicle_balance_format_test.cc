// The formats of vehicle balance (FORMAT.md, "Vehicle balance"): the instance fields and their
// rules, and the plan sections read back as written; plans and instances without them keep
// their meaning.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"

namespace mm::network {
namespace {

std::string instance_text(const std::string& type_extra, const std::string& top_extra = "") {
  return R"({"format": "middlemile-instance/1", "horizon_minutes": 2880)" + top_extra + R"(,
    "vehicle_types": [{"id": "t", "mode": "truck", "capacity": {"cube_m3": 1, "weight_kg": 1},
      "cost_per_trip": 1, "cost_per_km": 2, "speed_kmh": 60)" +
         type_extra + R"(}],
    "facilities": [{"id": "A", "kind": "origin", "lon": 0, "lat": 0},
                   {"id": "B", "kind": "delivery_station", "lon": 1, "lat": 0}],
    "lanes": [{"from": "A", "to": "B", "vehicle_type": "t", "departures": [0]}],
    "demand": []})";
}

std::vector<std::string> problems(const std::string& text) {
  try {
    parse_instance(text, "i.json");
  } catch (const ValidationError& e) {
    return e.problems();
  }
  return {};
}

TEST(VehicleBalanceFormat, DefaultsKeepOneWayTrips) {
  const Instance in = parse_instance(instance_text(""), "i.json");
  EXPECT_EQ(in.vehicle_types()[0].balance, Balance::none);
  EXPECT_EQ(in.cycle_minutes(), 2880);
  EXPECT_FALSE(in.has_cyclic_types());
}

TEST(VehicleBalanceFormat, CyclicFieldsReadAndWrittenBack) {
  const Instance in = parse_instance(
      instance_text(R"(, "balance": "cyclic", "turn_minutes": 45, "cost_per_vehicle": 70,
                      "empty_cost_per_trip": 5)",
                    R"(, "cycle_minutes": 1440)"),
      "i.json");
  const VehicleType& t = in.vehicle_types()[0];
  EXPECT_EQ(t.balance, Balance::cyclic);
  EXPECT_EQ(t.turn_minutes, 45);
  EXPECT_EQ(t.cost_per_vehicle, 70.0);
  EXPECT_FALSE(t.empty_cost_per_km.has_value());  // the type's cost_per_km, 2
  EXPECT_EQ(in.cycle_minutes(), 1440);
  const Instance again = parse_instance(write_instance_json(in), "again.json");
  EXPECT_EQ(again.vehicle_types()[0].balance, Balance::cyclic);
  EXPECT_EQ(again.vehicle_types()[0].turn_minutes, 45);
  EXPECT_EQ(again.vehicle_types()[0].empty_cost_per_trip, 5.0);
  EXPECT_EQ(again.cycle_minutes(), 1440);
}

TEST(VehicleBalanceFormat, BadFieldsNameTheirPath) {
  EXPECT_EQ(problems(instance_text(R"(, "balance": "round")")),
            std::vector<std::string>{
                R"(vehicle_types[0].balance: must be one of "none", "cyclic" (got "round"))"});
  EXPECT_EQ(
      problems(instance_text(R"(, "turn_minutes": 30)")),
      std::vector<std::string>{
          R"(vehicle_types[0].turn_minutes: only a vehicle type with balance "cyclic" has it)"});
  EXPECT_EQ(problems(instance_text(R"(, "balance": "cyclic", "cost_per_vehicle": -1)")).size(), 1u);
  EXPECT_EQ(problems(instance_text("", R"(, "cycle_minutes": 0)")).size(), 1u);
}

TEST(VehicleBalanceFormat, PlanSectionsRoundTrip) {
  Plan plan;
  plan.instance = "x";
  plan.status = PlanStatus::feasible;
  plan.cost.repositioning = 12.5;
  plan.cost.fleet = 100.0;
  plan.objective = plan.cost.total();
  plan.repositioning = {{"A>B:t", "B", "A", "t", 480, 600, 2, 12.5}};
  FleetUse use;
  use.vehicle_type = "t";
  use.vehicles = 2;
  use.parked_at_start = {{"A", 1}};
  use.en_route_at_start = 1;
  use.cost = 100.0;
  plan.fleet = {use};
  plan.rotations = {
      {"t-1", "t", 2, {{true, "A>B:t", "A", "B", 360, 480}, {false, "A>B:t", "B", "A", 480, 600}}}};
  const Plan back = parse_plan(write_plan_json(plan), "p.json");
  EXPECT_EQ(back.cost.repositioning, 12.5);
  EXPECT_EQ(back.cost.fleet, 100.0);
  ASSERT_EQ(back.repositioning.size(), 1u);
  EXPECT_EQ(back.repositioning[0].from, "B");
  EXPECT_EQ(back.repositioning[0].vehicles, 2);
  ASSERT_EQ(back.fleet.size(), 1u);
  EXPECT_EQ(back.fleet[0].parked_at_start.at("A"), 1);
  EXPECT_EQ(back.fleet[0].en_route_at_start, 1);
  ASSERT_EQ(back.rotations.size(), 1u);
  EXPECT_EQ(back.rotations[0].cycles, 2);
  ASSERT_EQ(back.rotations[0].legs.size(), 2u);
  EXPECT_FALSE(back.rotations[0].legs[1].loaded);
  // A plan without the sections writes none of them (FORMAT version 1 plans stay the same).
  Plan plain;
  plain.instance = "x";
  const std::string text = write_plan_json(plain);
  EXPECT_EQ(text.find("repositioning"), std::string::npos);
  EXPECT_EQ(text.find("rotations"), std::string::npos);
}

}  // namespace
}  // namespace mm::network
