// The arc-flow IP neighbourhood (engine/flow_neighbourhood.h). Two origins, a hub and a
// destination: direct lanes O1 -> D and O2 -> D cost 100 a vehicle each, feeders O1 -> H and
// O2 -> H 30 each, the trunk H -> D 60; every vehicle carries 10 m³ and each commodity is 5 m³.
// Sent direct (200), both are cheaper through the hub together (30 + 30 + 60 = 120) — a route
// no column of any master holds here, so only re-routing over arcs finds it. Freeing one
// commodity alone, the other's direct vehicle stays and the freed one still saves 10 (90
// through the hub instead of 100). A fleet of 0 on the trunk, or a sort capacity too small for
// it, leaves nothing better; so does closing the trunk to the arc-restricted MIP, while closing
// a direct lane the incumbent does not need there still lets it find the hub.
#include "engine/flow_neighbourhood.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

constexpr std::size_t kO1 = 0, kO2 = 1, kHub = 2, kD = 3;

struct HubNetwork {
  std::size_t direct1 = 0, direct2 = 0, feeder1 = 0, feeder2 = 0, trunk = 0;
  DesignProblem problem;
  DesignSolution direct;  // both commodities on their direct lanes

  explicit HubNetwork(bool topological, double trunk_fleet = -1, double hub_sort = -1) {
    test::ProblemBuilder b(4, topological);
    direct1 = b.lane(kO1, kD, test::vehicle(100, 10));
    direct2 = b.lane(kO2, kD, test::vehicle(100, 10));
    feeder1 = b.lane(kO1, kHub, test::vehicle(30, 10));
    feeder2 = b.lane(kO2, kHub, test::vehicle(30, 10));
    const int group = hub_sort >= 0 ? static_cast<int>(b.resource_limit(hub_sort)) : -1;
    trunk = b.lane(kHub, kD, test::vehicle(60, 10, 0.0, kInfinity, group));
    if (trunk_fleet >= 0) b.pool({trunk}, trunk_fleet);
    b.commodity(test::shipment(kO1, {direct1, trunk}, 1, 5, 1e4, 1, 9));
    b.commodity(test::shipment(kO2, {direct2, trunk}, 1, 5, 1e4, 2, 9));
    problem = b.build();
    direct.units = {1, 1, 0, 0, 0};
    direct.paths = {test::column(0, {direct1}, 1.0), test::column(1, {direct2}, 1.0)};
    direct.objective = design_objective(problem, direct);
  }
};

FlowNeighbourhoodOptions options(std::size_t commodities) {
  FlowNeighbourhoodOptions o;
  o.max_commodities = commodities;
  return o;
}

std::vector<std::size_t> arcs_of(const DesignSolution& s, std::size_t commodity) {
  for (const DesignPath& p : s.paths)
    if (p.commodity == commodity && p.share > 0.999) return p.arcs;
  return {};
}

TEST(FlowNeighbourhood, BothFreedMeetAtTheHubOnARouteNoColumnHolds) {
  for (bool topological : {true, false}) {
    HubNetwork net(topological);
    ASSERT_NEAR(net.direct.objective, 200.0, 1e-9);
    FlowNeighbourhood flows(net.problem);
    const DesignSolution better = flows.improve(net.direct, {0, 1}, options(2));
    ASSERT_FALSE(better.empty()) << "topological " << topological;
    EXPECT_NEAR(better.objective, 120.0, 1e-6);
    EXPECT_NEAR(better.objective, design_objective(net.problem, better), 1e-9);
    EXPECT_EQ(arcs_of(better, 0), (std::vector<std::size_t>{net.feeder1, net.trunk}));
    EXPECT_EQ(arcs_of(better, 1), (std::vector<std::size_t>{net.feeder2, net.trunk}));
    EXPECT_EQ(better.units[net.trunk], 1.0);  // one trunk vehicle carries both
    EXPECT_EQ(flows.last_freed(), 2u);
  }
}

TEST(FlowNeighbourhood, TheFixedCommodityKeepsItsRouteAndVehicle) {
  HubNetwork net(true);
  FlowNeighbourhood flows(net.problem);
  const DesignSolution better = flows.improve(net.direct, {0, 1}, options(1));
  ASSERT_FALSE(better.empty());
  EXPECT_EQ(flows.last_freed(), 1u);
  EXPECT_NEAR(better.objective, 190.0, 1e-6);  // 100 (commodity 1 direct) + 30 + 60
  EXPECT_EQ(arcs_of(better, 1), (std::vector<std::size_t>{net.direct2}));
  EXPECT_EQ(arcs_of(better, 0), (std::vector<std::size_t>{net.feeder1, net.trunk}));
}

TEST(FlowNeighbourhood, NothingBetterWhenTheFleetOrSortCapacityForbidsTheTrunk) {
  for (const auto& [fleet, sort] : {std::pair{0.0, -1.0}, std::pair{-1.0, 0.5}}) {
    const HubNetwork net(true, fleet, sort);
    FlowNeighbourhood flows(net.problem);
    EXPECT_TRUE(flows.improve(net.direct, {0, 1}, options(2)).empty());
  }
}

TEST(FlowNeighbourhood, TheVariableBudgetCapsTheNeighbourhoodButNeverBelowOne) {
  HubNetwork net(true);
  FlowNeighbourhood flows(net.problem);
  FlowNeighbourhoodOptions o = options(2);
  o.max_variables = 1;  // each commodity alone has 4 flow variables
  const DesignSolution better = flows.improve(net.direct, {1, 0}, o);
  EXPECT_EQ(flows.last_freed(), 1u);
  ASSERT_FALSE(better.empty());
  EXPECT_NEAR(better.objective, 190.0, 1e-6);
  EXPECT_EQ(arcs_of(better, 0), (std::vector<std::size_t>{net.direct1}));
}

TEST(FlowNeighbourhood, OnlyTheAllowedDesignArcsMayOpen) {
  HubNetwork net(true);
  FlowNeighbourhood flows(net.problem);
  FlowNeighbourhoodOptions o = options(2);
  std::vector<char> allowed(net.problem.design_arcs.size(), 1);
  o.allowed_arcs = &allowed;
  allowed[net.trunk] = 0;  // the hub's way out closed: the direct lanes are the best left
  EXPECT_TRUE(flows.improve(net.direct, {0, 1}, o).empty());
  allowed[net.trunk] = 1;
  allowed[net.direct2] = 0;  // both through the hub need neither direct lane
  const DesignSolution better = flows.improve(net.direct, {0, 1}, o);
  ASSERT_FALSE(better.empty());
  EXPECT_NEAR(better.objective, 120.0, 1e-6);
  EXPECT_EQ(arcs_of(better, 1), (std::vector<std::size_t>{net.feeder2, net.trunk}));
}

}  // namespace
}  // namespace mm::engine
