// `middlemile explain --empty-move` and `--fleet` (explain/explain.h) on the shuttle of
// tests/data/balance/shuttle.json, worked out by hand: one cyclic truck (50 a cycle to own)
// carries 10 packages A → B at minute 60 (trip 100 + 1 per km × 100 km = 200) and returns
// empty B → A (1 per km × 100 km = 100); no package goes back. Plan: 200 + 100 + 50 = 350.
// Without a truck the 10 packages stay unserved at 100 each: 1,000, so one fewer vehicle
// costs 650.
#include <gtest/gtest.h>

#include <string>

#include "engine/planner.h"
#include "explain/explain.h"
#include "explain/explain_json.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_verifier.h"

namespace mm::explain {
namespace {

const std::string kShuttle = std::string(MM_TEST_DATA_DIR) + "/balance/shuttle.json";

network::Plan planned(const network::Instance& instance) {
  engine::PlannerOptions options;
  options.time_limit_seconds = 2;
  options.threads = 1;
  network::Plan plan = engine::plan_network(instance, options, nullptr).plan;
  EXPECT_TRUE(network::check_plan(instance, plan).ok());
  EXPECT_NEAR(plan.objective, 350.0, 1e-6);
  return plan;
}

ExplainOptions quick() {
  ExplainOptions options;
  options.time_limit_seconds = 2;
  return options;
}

TEST(ExplainFleet, EmptyMoveNamesTheImbalanceAndTheDepartureThatNeedsIt) {
  const auto instance = network::read_instance_file(kShuttle);
  const network::Plan plan = planned(instance);
  ASSERT_EQ(plan.repositioning.size(), 1u);
  const network::EmptyMove& move = plan.repositioning[0];
  const EmptyMoveExplanation e =
      explain_empty_move(instance, plan, move.lane, move.departure_minute);
  EXPECT_EQ(e.from, "B");
  EXPECT_EQ(e.to, "A");
  EXPECT_EQ(e.vehicles, 1);
  EXPECT_DOUBLE_EQ(e.cost, 100.0);
  // At B one loaded arrival and no loaded departure; at A one loaded departure, no arrival.
  EXPECT_EQ(e.at_from.arriving, 1);
  EXPECT_EQ(e.at_from.leaving, 0);
  EXPECT_EQ(e.at_to.leaving, 1);
  EXPECT_EQ(e.at_to.arriving, 0);
  ASSERT_EQ(e.needs.size(), 1u);
  ASSERT_TRUE(e.needs[0].needed_by.has_value());
  EXPECT_EQ(e.needs[0].needed_by->from, "A");
  EXPECT_EQ(e.needs[0].needed_by->departure_minute, 60);
  ASSERT_TRUE(e.needs[0].brought_by.has_value());
  EXPECT_EQ(e.needs[0].brought_by->to, "B");
  EXPECT_NE(e.reason.find("(1 too many)"), std::string::npos) << e.reason;
  EXPECT_NE(e.reason.find("(1 short)"), std::string::npos) << e.reason;
  const auto json = explanation_json(e);
  EXPECT_EQ(json["needs"][0]["needed_by"]["departure_minute"], 60);
  // A minute with no empty move, and a lane the instance lacks, name what is missing.
  EXPECT_THROW(explain_empty_move(instance, plan, move.lane, move.departure_minute + 1),
               network::InputError);
  EXPECT_THROW(explain_empty_move(instance, plan, "nowhere", 0), network::InputError);
}

TEST(ExplainFleet, OneFewerVehicleCostsWhatTheUnservedPackagesDo) {
  const auto instance = network::read_instance_file(kShuttle);
  const network::Plan plan = planned(instance);
  const FleetExplanation e = explain_fleet(instance, plan, "t", quick());
  EXPECT_EQ(e.used, 1);
  EXPECT_FALSE(e.fleet_limit.has_value());
  EXPECT_EQ(e.loaded_trips, 1);
  EXPECT_EQ(e.empty_trips, 1);
  EXPECT_DOUBLE_EQ(e.empty_cost, 100.0);
  // No limit: one more is not re-planned.
  EXPECT_FALSE(e.one_more.resolved);
  EXPECT_NE(e.one_more.note.find("no fleet limit"), std::string::npos);
  ASSERT_TRUE(e.one_fewer.resolved);
  EXPECT_NEAR(e.one_fewer.closed_objective, 1000.0, 1e-6);
  EXPECT_NEAR(e.one_fewer.delta, 650.0, 1e-6);
  EXPECT_NE(e.one_fewer.note.find("costs 650.00 a cycle more"), std::string::npos)
      << e.one_fewer.note;
  EXPECT_EQ(explanation_json(e)["one_fewer"]["replanned_objective"], 1000.0);
}

TEST(ExplainFleet, ABindingLimitIsReplannedOneLarger) {
  network::InstanceData data = network::read_instance_file(kShuttle).data();
  data.vehicle_types[0].fleet = 1;
  const auto instance = network::Instance::create(std::move(data), "shuttle");
  const network::Plan plan = planned(instance);
  const FleetExplanation e = explain_fleet(instance, plan, "t", quick());
  ASSERT_TRUE(e.one_more.resolved);
  EXPECT_NEAR(e.one_more.delta, 0.0, 1e-6);  // a second truck has nothing to carry
  EXPECT_NE(e.one_more.note.find("no cheaper"), std::string::npos) << e.one_more.note;
  EXPECT_THROW(explain_fleet(instance, plan, "plane", quick()), network::InputError);
}

}  // namespace
}  // namespace mm::explain
