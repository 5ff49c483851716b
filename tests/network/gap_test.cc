// The one gap definition (network/gap.h): (objective − bound) / (objective − unavoidable), 0 when
// objective and bound agree (to round-off), +inf without a bound or when nothing the plan
// controls is left but the two still differ, never negative.
#include "network/gap.h"

#include <gtest/gtest.h>

#include <limits>

namespace mm::network {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Gap, WithoutUnavoidableCostItIsTheFormatsRelativeGap) {
  EXPECT_DOUBLE_EQ(relative_gap(110.0, 100.0), 10.0 / 110.0);
  EXPECT_DOUBLE_EQ(relative_gap(200.0, 0.0), 1.0);
}

TEST(Gap, UnavoidablePenaltyLeavesTheDenominator) {
  // 70 M of penalty no plan avoids, 14 k of vehicles, bound 7 k below: 7000 / 14000 = 0.5, not
  // 7000 / 70 014 000.
  EXPECT_DOUBLE_EQ(relative_gap(70014000.0, 70007000.0, 70000000.0), 0.5);
  EXPECT_DOUBLE_EQ(relative_gap(1000.0, 990.0, 900.0), 0.1);
}

TEST(Gap, EqualObjectiveAndBoundCloseTheGapEvenWithNothingControllable) {
  EXPECT_EQ(relative_gap(100.0, 100.0), 0.0);
  EXPECT_EQ(relative_gap(900.0, 900.0, 900.0), 0.0);
  EXPECT_EQ(relative_gap(0.0, 0.0), 0.0);
  // Round-off: within 1e-9 of the objective.
  EXPECT_EQ(relative_gap(1e6, 1e6 - 1e-4), 0.0);
  EXPECT_GT(relative_gap(1e6, 1e6 - 1e-2), 0.0);
}

TEST(Gap, ABoundAboveTheObjectiveGivesZeroNotANegativeGap) {
  EXPECT_EQ(relative_gap(100.0, 110.0), 0.0);
}

TEST(Gap, NoBoundOrNoObjectiveIsAnInfiniteGap) {
  EXPECT_EQ(relative_gap(100.0, -kInf), kInf);
  EXPECT_EQ(relative_gap(kInf, 100.0), kInf);
  EXPECT_EQ(relative_gap(100.0, std::numeric_limits<double>::quiet_NaN()), kInf);
}

TEST(Gap, NothingControllableButADifferenceIsAnInfiniteGap) {
  EXPECT_EQ(relative_gap(900.0, 800.0, 900.0), kInf);   // controllable 0
  EXPECT_EQ(relative_gap(900.0, 800.0, 1000.0), kInf);  // controllable < 0
}

}  // namespace
}  // namespace mm::network
