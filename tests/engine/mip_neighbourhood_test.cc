// The IP neighbourhood's commodities (engine/mip_neighbourhood.h): grown from one commodity,
// riders of its vehicles first, then those of its origin or destination. Six commodities:
// 0 and 1 share a vehicle on lane A, 2 rides lane B alone and shares its origin with 0, and
// 3, 4, 5 share a vehicle on lane C (other origins and destinations). Two commodities freed
// are therefore always a related pair.
#include "engine/mip_neighbourhood.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>
#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

struct SixCommodities {
  DesignProblem problem;
  DesignSolution plan;

  SixCommodities() {
    test::ProblemBuilder b(4);
    const std::size_t lane_a = b.lane(0, 1, test::vehicle(100, 50));
    const std::size_t lane_b = b.lane(0, 1, test::vehicle(100, 50));
    const std::size_t lane_c = b.lane(2, 3, test::vehicle(100, 50));
    // origin, destination: 0 and 2 share origin 10; 3, 4, 5 come from 20, 21, 22.
    const std::pair<std::size_t, std::size_t> ends[] = {{10, 1}, {11, 2}, {10, 3},
                                                        {20, 4}, {21, 5}, {22, 6}};
    const std::size_t lane_of[] = {lane_a, lane_a, lane_b, lane_c, lane_c, lane_c};
    for (std::size_t k = 0; k < 6; ++k) {
      const std::size_t source = lane_of[k] == lane_c ? 2 : 0;
      b.commodity(test::shipment(source, {lane_of[k]}, 1, 1, 1e4, ends[k].first, ends[k].second));
    }
    problem = b.build();
    plan.units = {1, 1, 1};
    for (std::size_t k = 0; k < 6; ++k) plan.paths.push_back(test::column(k, {lane_of[k]}, 1.0));
    plan.objective = design_objective(problem, plan);
  }
};

std::set<std::size_t> freed(const std::vector<bool>& chosen) {
  std::set<std::size_t> s;
  for (std::size_t k = 0; k < chosen.size(); ++k)
    if (chosen[k]) s.insert(k);
  return s;
}

TEST(MipNeighbourhood, TwoFreedAreAlwaysARelatedPair) {
  const SixCommodities six;
  const std::set<std::set<std::size_t>> related = {{0, 1}, {0, 2}, {3, 4}, {3, 5}, {4, 5}};
  Random random(7);
  std::set<std::set<std::size_t>> seen;
  for (int draw = 0; draw < 200; ++draw) {
    const auto pair = freed(choose_mip_neighbourhood(six.problem, six.plan, 2, random));
    ASSERT_EQ(pair.size(), 2u);
    EXPECT_TRUE(related.count(pair)) << *pair.begin() << "," << *pair.rbegin();
    seen.insert(pair);
  }
  EXPECT_EQ(seen, related);  // every seed is drawn in 200 draws
}

TEST(MipNeighbourhood, SizeIsClampedToTheCommodities) {
  const SixCommodities six;
  Random random(3);
  EXPECT_EQ(freed(choose_mip_neighbourhood(six.problem, six.plan, 0, random)).size(), 1u);
  EXPECT_EQ(freed(choose_mip_neighbourhood(six.problem, six.plan, 4, random)).size(), 4u);
  EXPECT_EQ(freed(choose_mip_neighbourhood(six.problem, six.plan, 99, random)).size(), 6u);
  EXPECT_TRUE(choose_mip_neighbourhood(DesignProblem{}, DesignSolution{}, 3, random).empty());
}

TEST(MipNeighbourhood, NeighbourhoodsGrowUpToHalfTheCommoditiesAndTheCap) {
  EXPECT_EQ(next_mip_neighbourhood_size(20, 2.0, 200, 2500), 40u);
  EXPECT_EQ(next_mip_neighbourhood_size(40, 2.0, 200, 2500), 80u);
  EXPECT_EQ(next_mip_neighbourhood_size(50, 2.0, 200, 2500), 100u);  // exactly half
  EXPECT_EQ(next_mip_neighbourhood_size(80, 2.0, 200, 2500), 0u);    // 160 of 200: the pool's
  EXPECT_EQ(next_mip_neighbourhood_size(10, 1.5, 200, 2500), 15u);
  EXPECT_EQ(next_mip_neighbourhood_size(3, 1.1, 200, 2500), 4u);       // rounded up
  EXPECT_EQ(next_mip_neighbourhood_size(2000, 2.0, 90000, 2500), 0u);  // over the cap
  EXPECT_EQ(next_mip_neighbourhood_size(20, 1.0, 200, 2500), 0u);      // growth 1: no growth
}

}  // namespace
}  // namespace mm::engine
