// Plan invariants (engine/plan_invariants.h): the planner's plans keep every package, and a
// plan that loses or invents packages, or breaks a referee rule, is refused as an internal error
// naming the demand.
#include "engine/plan_invariants.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "engine/planner.h"
#include "network/instance_json.h"
#include "network/plan_json.h"

namespace mm::engine {
namespace {

network::Instance verify_instance() {
  return network::read_instance_file(MM_TEST_DATA_DIR "/verify/tiny_instance.json");
}

network::Plan verify_plan() {
  return network::read_plan_file(MM_TEST_DATA_DIR "/verify/tiny_plan.json");
}

std::string invariant_error(const network::Instance& instance, const network::Plan& plan) {
  try {
    check_plan_invariants(instance, plan);
  } catch (const std::logic_error& e) {
    return e.what();
  }
  return "";
}

TEST(PlanInvariants, AValidPlanPasses) {
  EXPECT_EQ(invariant_error(verify_instance(), verify_plan()), "");
}

TEST(PlanInvariants, LostPackagesNameTheDemand) {
  network::Plan plan = verify_plan();
  plan.unserved.clear();  // d2's 100 unserved packages vanish
  EXPECT_EQ(invariant_error(verify_instance(), plan),
            "plan invariant: demand \"d2\" has 400 routed + 0 unserved packages, input 500");
}

TEST(PlanInvariants, InventedPackagesNameTheDemand) {
  network::Plan plan = verify_plan();
  plan.routes[0].packages += 1;
  EXPECT_EQ(invariant_error(verify_instance(), plan),
            "plan invariant: demand \"d1\" has 1201 routed + 0 unserved packages, input 1200");
}

TEST(PlanInvariants, UnknownDemandIsAnInvariantError) {
  network::Plan plan = verify_plan();
  plan.unserved[0].demand = "d9";
  EXPECT_EQ(invariant_error(verify_instance(), plan),
            "plan invariant: an unserved entry names unknown demand \"d9\"");
}

TEST(PlanInvariants, RefereeRunsInDebugBuildsOnly) {
  network::Plan plan = verify_plan();
  plan.objective += 1.0;  // accounting holds; only the referee sees this
#ifdef NDEBUG
  EXPECT_EQ(invariant_error(verify_instance(), plan), "");
#else
  EXPECT_EQ(invariant_error(verify_instance(), plan),
            "plan invariant (referee, 2 violations): objective: is 6045 but recomputed 6044");
#endif
}

TEST(PlanInvariants, PlannerKeepsEveryPackageOfTheFormatExample) {
  const network::Instance tiny = network::read_instance_file(MM_TEST_DATA_DIR "/tiny.json");
  PlannerOptions options;
  options.time_limit_seconds = 10.0;
  const PlannerResult result = plan_network(tiny, options, nullptr);
  EXPECT_NO_THROW(check_package_accounting(tiny, result.plan));
  double routed = 0.0;
  for (const auto& r : result.plan.routes) routed += r.packages;
  EXPECT_DOUBLE_EQ(routed, 1200.0);
}

TEST(PlanInvariants, EmptyInstanceGivesAnEmptyOptimalPlan) {
  const network::Instance empty = network::parse_instance(
      R"({"format": "middlemile-instance/1", "horizon_minutes": 1440, "vehicle_types": [],
          "facilities": [], "lanes": [], "demand": []})",
      "empty.json");
  const PlannerResult result = plan_network(empty, PlannerOptions{}, nullptr);
  EXPECT_EQ(result.plan.status, network::PlanStatus::optimal);
  EXPECT_DOUBLE_EQ(result.plan.objective, 0.0);
  EXPECT_TRUE(result.plan.routes.empty());
}

TEST(PlanInvariants, InstanceWithoutLanesLeavesEveryPackageUnserved) {
  std::string text =
      network::write_instance_json(network::read_instance_file(MM_TEST_DATA_DIR "/tiny.json"));
  const auto lanes = text.find("\"lanes\": [");
  const auto demand = text.find("  \"demand\"");
  text.replace(lanes, demand - lanes, "\"lanes\": [],\n");
  const network::Instance no_lanes = network::parse_instance(text, "no_lanes.json");
  const PlannerResult result = plan_network(no_lanes, PlannerOptions{}, nullptr);
  EXPECT_NE(result.plan.status, network::PlanStatus::no_solution);
  ASSERT_EQ(result.plan.unserved.size(), 1u);
  EXPECT_DOUBLE_EQ(result.plan.unserved[0].packages, 1200.0);
  EXPECT_EQ(result.plan.unserved[0].reason, "no lane path from SEA1 to DS-EUG");
}

}  // namespace
}  // namespace mm::engine
