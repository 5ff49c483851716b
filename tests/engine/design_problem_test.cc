// The generic design problem (engine/design_problem.h): which capacity dimensions can bind on
// an arc given the commodities' weight per m³, and the objective of a solution recomputed from
// the data (vehicles × fixed cost + shares × packages × unit cost + unserved × penalty).
#include "engine/design_problem.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "tests/engine/design_problem_builder.h"

namespace mm::engine {
namespace {

using Binding = std::vector<std::array<bool, kDimensions>>;

// One lane of 100 m³ / 10000 kg (100 kg per m³) and one of 100 m³ with no weight limit, and
// commodities of the given kg per m³ (10 m³ each).
DesignProblem with_densities(const std::vector<double>& kg_per_m3) {
  test::ProblemBuilder b(2);
  DesignArc truck = test::vehicle(100, 100);
  truck.capacity[1] = 10000;
  b.lane(0, 1, truck);
  b.lane(0, 1, test::vehicle(100, 100));
  for (double density : kg_per_m3) {
    Commodity k = test::shipment(0, {0, 1}, 1, 10, 1);
    k.size[1] = 10 * density;
    b.commodity(k);
  }
  return b.build();
}

TEST(DesignProblem, WeightCannotBindWhenEveryCommodityIsLighterThanTheTruckPerCube) {
  // 50 and 80 kg/m³ against 100: cube always fills first.
  EXPECT_EQ(binding_dimensions(with_densities({50, 80})), (Binding{{true, false}, {true, false}}));
  // Exactly 100 kg/m³: both fill together, cube's row is enough.
  EXPECT_EQ(binding_dimensions(with_densities({100})), (Binding{{true, false}, {true, false}}));
}

TEST(DesignProblem, CubeCannotBindWhenEveryCommodityIsDenserThanTheTruckPerCube) {
  EXPECT_EQ(binding_dimensions(with_densities({150, 200})),
            (Binding{{false, true}, {true, false}}));
}

TEST(DesignProblem, BothDimensionsBindWhenDensitiesStraddleTheTrucks) {
  EXPECT_EQ(binding_dimensions(with_densities({50, 200})), (Binding{{true, true}, {true, false}}));
  // A commodity with weight and no cube is infinitely dense.
  DesignProblem problem = with_densities({50});
  Commodity heavy = test::shipment(0, {0}, 1, 0, 1);
  heavy.size[1] = 5;
  problem.commodities.push_back(heavy);
  EXPECT_EQ(binding_dimensions(problem), (Binding{{true, true}, {true, false}}));
}

// Lanes: 0 (fixed 500, unit 2 per package) and 1 (fixed 300, unit 1). Commodities of 10 and 20
// packages, penalties 1000 and 4000. Two vehicles on 0 and one on 1; commodity 0 whole on lane
// 0; commodity 1: 0.25 on lane 0, 0.5 on lane 1, a quarter unserved.
//   vehicles 2 × 500 + 300 = 1300; packages 10 × 2 + 0.25 × 20 × 2 + 0.5 × 20 × 1 = 40;
//   unserved 0.25 × 4000 = 1000; total 2340.
TEST(DesignProblem, ObjectiveIsVehiclesPlusPackagesPlusUnservedPenalty) {
  test::ParallelLanes net;
  net.add_lane(test::vehicle(500, 100, 2));
  net.add_lane(test::vehicle(300, 100, 1));
  net.to_d(10, 10, 1000);
  net.to_d(20, 10, 4000);
  const DesignProblem problem = net.builder.build();
  DesignSolution s;
  s.units = {2, 1};
  s.paths = {test::column(0, {0}, 1.0), test::column(1, {0}, 0.25), test::column(1, {1}, 0.5)};
  EXPECT_DOUBLE_EQ(design_objective(problem, s), 2340.0);
  // Nothing planned: every penalty.
  EXPECT_DOUBLE_EQ(design_objective(problem, DesignSolution{}), 5000.0);
  // Serving more than all of a commodity earns nothing back.
  s.paths.push_back(test::column(0, {1}, 0.5));
  EXPECT_DOUBLE_EQ(design_objective(problem, s), 2340.0 + 0.5 * 10 * 1);
  EXPECT_TRUE(DesignSolution{}.empty());
}

}  // namespace
}  // namespace mm::engine
