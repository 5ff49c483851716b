// The figures behind the report, on the referee's hand-checked tiny plan
// (tests/data/verify/tiny_plan.json): two truck departures SEA1>SC-PDX@360 (1600 packages,
// 38 m3, 4800 kg in one 100 m3 / 20000 kg truck) and SC-PDX>DS-EUG@720 (1200 packages, 30 m3,
// 4000 kg); d1 (1200) arrives 840, due 1440; 400 of d2 arrive 600, due 1000; 100 unserved.
#include "report/plan_figures.h"

#include <gtest/gtest.h>

#include "report/charts.h"
#include "report/lane_tables.h"
#include "tests/report/report_test_support.h"

namespace mm::report {
namespace {

using report_test::tiny_instance;
using report_test::tiny_plan;

TEST(PlanFigures, KpisOfTheTinyPlan) {
  const network::Instance instance = tiny_instance();
  const PlanFigures f = plan_figures(instance, tiny_plan());
  EXPECT_EQ(f.kpis.status, "feasible");
  EXPECT_DOUBLE_EQ(f.kpis.objective, 6044.0);
  ASSERT_EQ(f.kpis.modes.size(), 1u);
  const ModeFigures& truck = f.kpis.modes.at("truck");
  EXPECT_EQ(truck.vehicle_trips, 2);
  EXPECT_EQ(truck.departures, 2);
  EXPECT_DOUBLE_EQ(truck.fill_cube(), 68.0 / 200.0);
  EXPECT_DOUBLE_EQ(truck.fill_weight(), 8800.0 / 40000.0);
  EXPECT_DOUBLE_EQ(f.kpis.demand_packages, 1700.0);
  EXPECT_DOUBLE_EQ(f.kpis.on_time_packages, 1600.0);
  EXPECT_DOUBLE_EQ(f.kpis.late_packages, 0.0);
  EXPECT_DOUBLE_EQ(f.kpis.unserved_packages, 100.0);
  EXPECT_EQ(f.kpis.unserved_demands, 1u);
  EXPECT_DOUBLE_EQ(f.kpis.on_time_share(), 1600.0 / 1700.0);
  ASSERT_TRUE(f.kpis.gap.has_value());
  EXPECT_NEAR(*f.kpis.gap, 44.0 / 6044.0, 1e-12);
}

TEST(PlanFigures, LanesFacilitiesAndBuckets) {
  const network::Instance instance = tiny_instance();
  const PlanFigures f = plan_figures(instance, tiny_plan());
  ASSERT_EQ(f.lanes.size(), 2u);  // SEA1>DS-EUG is not used
  EXPECT_EQ(instance.lanes()[f.lanes[0].lane].id, "SEA1>SC-PDX");
  EXPECT_DOUBLE_EQ(f.lanes[0].load.packages, 1600.0);
  EXPECT_DOUBLE_EQ(f.lanes[0].fill(), 0.38);
  EXPECT_DOUBLE_EQ(f.lanes[1].fill(), 0.3);
  // 2880-minute horizon, 30-minute steps: 96 steps, buckets of 2 steps = 60 minutes, 48 buckets.
  EXPECT_EQ(f.bucket_minutes, 60);
  EXPECT_EQ(f.buckets, 48);
  const FacilityActivity& pdx = f.facilities[1];
  EXPECT_DOUBLE_EQ(pdx.packages_in, 1600.0);
  EXPECT_DOUBLE_EQ(pdx.packages_out, 1200.0);
  EXPECT_DOUBLE_EQ(pdx.packages_out_by_bucket[12], 1200.0);  // leaves at 720
  EXPECT_EQ(pdx.vehicles_in_by_bucket[10], 1);               // arrives at 360 + 240 = 600
  EXPECT_EQ(busiest_facilities(f, 6), (std::vector<std::size_t>{1, 0, 2}));
}

TEST(PlanFigures, HistogramAndLaneRankings) {
  const network::Instance instance = tiny_instance();
  const PlanFigures f = plan_figures(instance, tiny_plan());
  const auto bins = fill_histogram(f);
  ASSERT_EQ(bins.size(), 1u);
  // Fills 0.38 and 0.30 (cube binds): both trips in the 30-40% bin.
  EXPECT_EQ(bins.at("truck"), (std::array<int, 10>{0, 0, 0, 2, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(busiest_lanes(f, 10), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(emptiest_lanes(f, 10), (std::vector<std::size_t>{1, 0}));
  EXPECT_EQ(emptiest_lanes(f, 1), (std::vector<std::size_t>{1}));
}

TEST(PlanFigures, LateRoutesAreCountedApart) {
  const network::Instance instance = tiny_instance();
  network::Plan plan = tiny_plan();
  plan.routes[0].arrival_minute = 1500;  // d1 is due at 1440
  const PlanFigures f = plan_figures(instance, plan);
  EXPECT_DOUBLE_EQ(f.kpis.on_time_packages, 400.0);
  EXPECT_DOUBLE_EQ(f.kpis.late_packages, 1200.0);
}

}  // namespace
}  // namespace mm::report
