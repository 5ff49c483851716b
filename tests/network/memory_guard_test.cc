// The memory guard's estimate, its message and the limits it reads (network/memory_guard.h).
#include <gtest/gtest.h>

#include <string>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/memory_guard.h"

namespace mm::network {
namespace {

constexpr double GiB = 1024.0 * 1024.0 * 1024.0;

TEST(MemoryGuard, FormatsBytesInBinaryUnits) {
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_bytes(3.5 * 1024), "3.5 KiB");
  EXPECT_EQ(format_bytes(38 * GiB), "38 GiB");
  EXPECT_EQ(format_bytes(1.5 * 1024 * GiB), "1.5 TiB");
}

TEST(MemoryGuard, EstimateCountsArcsNodesColumnsAndFleetRows) {
  InstanceShape shape;
  shape.facilities = 3;
  shape.demands = 2;
  shape.time_step_minutes = 30;
  shape.lanes = {{10, 240, false}, {5, 60, true}};
  const MemoryNeed need = estimate_planning_memory(shape);
  // 15 arcs, 20 nodes, 64 columns, fleet entries 5 × min(5, 60/30 + 1) = 15.
  using F = PlanningFootprint;
  EXPECT_DOUBLE_EQ(need.bytes, 15 * F::per_arc + 20 * F::per_node + 2 * F::per_demand +
                                   64 * F::per_column + 15 * F::per_fleet_entry);
  EXPECT_EQ(need.driver, "64 columns (2 demands)");
}

TEST(MemoryGuard, DepartureCountDrivesALongFineHorizon) {
  // 270 lanes with a departure every minute of 5e8 minutes: far beyond any machine.
  InstanceShape shape;
  shape.facilities = 10;
  shape.demands = 1;
  shape.time_step_minutes = 1;
  shape.lanes.assign(270, LaneShape{500000000, 240, false});
  const MemoryNeed need = estimate_planning_memory(shape);
  EXPECT_EQ(need.driver, "1.4e11 time-expanded arcs (lanes × departures)");
  EXPECT_GT(need.bytes, 1e13);
  try {
    require_memory(need, 23 * GiB, "big.json: instance");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "big.json: instance needs ~49 TiB for 1.4e11 time-expanded arcs (lanes × "
              "departures); 23 GiB available");
  }
}

TEST(MemoryGuard, FitsOrUnknownLimitPasses) {
  const MemoryNeed need{1e6, "x"};
  EXPECT_NO_THROW(require_memory(need, 2e6, "i"));
  EXPECT_NO_THROW(require_memory(need, std::nullopt, "i"));
  EXPECT_THROW(require_memory(need, 5e5, "i"), InputError);
}

TEST(MemoryGuard, CmndEstimateNamesNodes) {
  const MemoryNeed need = estimate_cmnd_memory(999999999, 6, 2);
  EXPECT_EQ(need.driver, "1e9 nodes");
  EXPECT_DOUBLE_EQ(need.bytes,
                   999999999 * PlanningFootprint::per_node + 6 * PlanningFootprint::per_arc +
                       2 * PlanningFootprint::per_demand + 64 * PlanningFootprint::per_column);
}

TEST(MemoryGuard, ReadsSomeLimitOnLinux) {
  const auto available = available_memory_bytes();
  ASSERT_TRUE(available.has_value());  // /proc/meminfo always has MemAvailable
  EXPECT_GT(*available, 0.0);
}

TEST(MemoryGuard, ShapeOfInstanceMatchesItsDepartures) {
  const Instance instance = read_instance_file(std::string(MM_TEST_DATA_DIR) + "/tiny.json");
  const InstanceShape shape = shape_of(instance);
  ASSERT_EQ(shape.lanes.size(), 2u);
  EXPECT_EQ(shape.lanes[0].departures, 3u);
  EXPECT_EQ(shape.lanes[1].departures, 96u);  // every 30 minutes of 2880
  EXPECT_EQ(shape.lanes[0].transit_minutes, 240);
  EXPECT_FALSE(shape.lanes[0].fleet_limited);
  EXPECT_EQ(shape.demands, 1u);
  EXPECT_EQ(shape.facilities, 3u);
}

}  // namespace
}  // namespace mm::network
