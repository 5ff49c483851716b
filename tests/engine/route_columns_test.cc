// Routes in instance terms mapped back onto a (possibly changed) network (engine/route_columns.h).
#include "engine/route_columns.h"

#include <gtest/gtest.h>

#include "engine/planner.h"
#include "engine/ten_design.h"
#include "network/instance_json.h"
#include "network/plan_verifier.h"

namespace mm::engine {
namespace {

const std::string kTiny = std::string(MM_TEST_DATA_DIR) + "/tiny.json";

TEST(RouteColumns, APlansRoutesMapBackOntoItsOwnNetworkArcForArc) {
  const network::Instance instance = network::read_instance_file(kTiny);
  PlannerOptions options;
  options.time_limit_seconds = 10;
  options.keep_columns = true;
  const PlannerResult planned = plan_network(instance, options, nullptr);
  ASSERT_FALSE(planned.plan.routes.empty());
  EXPECT_TRUE(network::check_plan(instance, planned.plan).ok());
  ASSERT_FALSE(planned.column_pool.empty());
  const network::TimeExpandedNetwork ten(instance);
  const DesignProblem problem = ten_design_problem(instance, ten);
  const RouteColumnMapper mapper(instance, ten, problem);
  std::size_t refused = 99;
  const auto routes =
      map_route_columns(mapper, plan_route_columns(instance, planned.plan), &refused);
  EXPECT_EQ(refused, 0u);
  ASSERT_EQ(routes.size(), planned.plan.routes.size());
  for (std::size_t i = 0; i < routes.size(); ++i) {
    // Back to instance terms: the same legs.
    const RouteColumn again = to_route_column(instance, ten, routes[i]);
    ASSERT_EQ(again.legs.size(), planned.plan.routes[i].legs.size());
    for (std::size_t l = 0; l < again.legs.size(); ++l) {
      EXPECT_EQ(again.legs[l].lane, planned.plan.routes[i].legs[l].lane);
      EXPECT_EQ(again.legs[l].departure_minute, planned.plan.routes[i].legs[l].departure_minute);
    }
  }
  map_route_columns(mapper, planned.column_pool, &refused);
  EXPECT_EQ(refused, 0u) << "the pool's own columns are all valid";
}

TEST(RouteColumns, RefusesRoutesTheChangedNetworkNoLongerHas) {
  const network::Instance instance = network::read_instance_file(kTiny);
  const network::TimeExpandedNetwork ten(instance);
  const DesignProblem problem = ten_design_problem(instance, ten);
  const RouteColumnMapper mapper(instance, ten, problem);
  const std::string second = instance.lanes()[1].id;
  auto route = [&](int first_departure, int second_departure) {
    return RouteColumn{"d1", {{"SEA1>SC-PDX", first_departure}, {second, second_departure}}, 1.0};
  };
  // 360 + 240 transit + 90 handling at SC-PDX = 690: the 720 departure is the first it makes.
  EXPECT_TRUE(mapper.map(route(360, 720)));
  EXPECT_FALSE(mapper.map(route(360, 660))) << "leaves before the packages are sorted";
  EXPECT_FALSE(mapper.map(route(361, 720))) << "no departure at minute 361";
  EXPECT_FALSE(mapper.map(RouteColumn{"d9", route(360, 720).legs, 1.0})) << "unknown demand";
  EXPECT_FALSE(mapper.map(RouteColumn{"d1", {{"SEA1>SC-PDX", 360}}, 1.0})) << "ends short";
  EXPECT_FALSE(mapper.map(route(360, 1410))) << "arrives after the due minute 1440";
}

}  // namespace
}  // namespace mm::engine
