#include "baselines/compact_ten_mip.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "network/instance.h"
#include "network/plan_verifier.h"
#include "network/time_expanded_network.h"

namespace mm::baselines {
namespace {

using network::Facility;
using network::FacilityKind;
using network::Instance;
using network::InstanceData;
using network::Lane;
using network::TimeExpandedNetwork;

// Three facilities: origin O, sort center H (handling cost 0.1 per package), station D.
// Lanes (one truck type, 100 m³): O>H departs 0, 60 min, 100 per trip; H>D departs 120, 60 min,
// 100 per trip; O>D departs 0, 200 min, 250 per trip. Demand d1 = 100 packages, 60 m³, O to D;
// d2 = 50 packages, 30 m³, H to D; both due at 240, ready at 0. Penalty 10 per package.
InstanceData tiny_data() {
  InstanceData data;
  data.name = "share";
  data.horizon_minutes = 300;
  data.unserved_penalty_per_package = 10.0;
  network::VehicleType truck;
  truck.id = "truck";
  truck.capacity = {100.0, 10000.0};
  truck.cost_per_trip = 100.0;
  truck.speed_kmh = 60.0;
  data.vehicle_types = {truck};
  Facility o{"O", FacilityKind::origin, 0.0, 0.0, 0, std::nullopt, 0.0, std::nullopt};
  Facility h{"H", FacilityKind::sort_center, 0.0, 1.0, 0, std::nullopt, 0.1, std::nullopt};
  Facility d{"D", FacilityKind::delivery_station, 0.0, 2.0, 0, std::nullopt, 0.0, std::nullopt};
  data.facilities = {o, h, d};
  auto lane = [](std::string id, std::size_t from, std::size_t to, int transit, int departure,
                 double cost) {
    Lane l;
    l.id = std::move(id);
    l.from = from;
    l.to = to;
    l.vehicle_type = 0;
    l.distance_km = transit;
    l.transit_minutes = transit;
    l.departures = {departure};
    l.cost_per_trip = cost;
    return l;
  };
  data.lanes = {lane("O>H", 0, 1, 60, 0, 100.0), lane("H>D", 1, 2, 60, 120, 100.0),
                lane("O>D", 0, 2, 200, 0, 250.0)};
  data.demand = {
      {"d1", 0, 2, 100.0, 60.0, 1000.0, 0, 240, std::nullopt, std::nullopt, std::nullopt},
      {"d2", 1, 2, 50.0, 30.0, 500.0, 0, 240, std::nullopt, std::nullopt, std::nullopt}};
  return data;
}

std::size_t arc_of(const TimeExpandedNetwork& ten, std::size_t lane) {
  EXPECT_EQ(ten.arcs_of_lane(lane).size(), 1u);
  return ten.arcs_of_lane(lane).front();
}

TEST(CompactTen, TwoDemandsShareOneTruck) {
  // d1 rides O>H>D with d2 on the same H>D truck (90 m³): trips 100 + 100, handling at H
  // 0.1 × 150 = 15, total 215. Sending d1 direct would cost 250 + 100 + 5 = 355.
  const Instance instance = Instance::create(tiny_data(), "tiny");
  const TimeExpandedNetwork ten(instance);
  const CompactTenResult result = solve_compact_ten(instance, ten, 30.0);
  EXPECT_EQ(result.status, CompactTenStatus::optimal);
  EXPECT_NEAR(result.objective, 215.0, 1e-6);
  ASSERT_TRUE(result.solution.lower_bound.has_value());
  EXPECT_NEAR(*result.solution.lower_bound, 215.0, 1e-6);
  EXPECT_TRUE(result.solution.proven_optimal);
  const std::size_t oh = arc_of(ten, 0), hd = arc_of(ten, 1), od = arc_of(ten, 2);
  ASSERT_EQ(result.solution.vehicles.size(), ten.dispatch_count());
  EXPECT_EQ(result.solution.vehicles[oh], 1);
  EXPECT_EQ(result.solution.vehicles[hd], 1);
  EXPECT_EQ(result.solution.vehicles[od], 0);
  ASSERT_EQ(result.solution.paths.size(), 2u);
  EXPECT_EQ(result.solution.paths[0].demand, 0u);
  EXPECT_EQ(result.solution.paths[0].arcs, (std::vector<std::size_t>{oh, hd}));
  EXPECT_NEAR(result.solution.paths[0].fraction, 1.0, 1e-9);
  EXPECT_EQ(result.solution.paths[1].demand, 1u);
  EXPECT_EQ(result.solution.paths[1].arcs, (std::vector<std::size_t>{hd}));
  EXPECT_NEAR(result.solution.paths[1].fraction, 1.0, 1e-9);
  EXPECT_GT(result.rows, 0u);
  EXPECT_GT(result.columns, 0u);
}

TEST(CompactTen, SecondTruckWhenCubeExceedsOne) {
  // 60 + 50 m³ > 100: two trucks on H>D (200) + O>H (100) + handling 15 = 315 < 355 direct.
  // (At penalty 10, leaving 10 of d2's packages behind would win: 210 + 4 + 100 = 314.)
  InstanceData data = tiny_data();
  data.demand[1].cube_m3 = 50.0;
  data.unserved_penalty_per_package = 20.0;
  const Instance instance = Instance::create(std::move(data), "tiny");
  const TimeExpandedNetwork ten(instance);
  const CompactTenResult result = solve_compact_ten(instance, ten, 30.0);
  EXPECT_EQ(result.status, CompactTenStatus::optimal);
  EXPECT_NEAR(result.objective, 315.0, 1e-6);
  EXPECT_EQ(result.solution.vehicles[arc_of(ten, 1)], 2);
}

TEST(CompactTen, SortCapacitySendsTheBigDemandDirect) {
  // H sorts at most 120 packages an hour, so d1 (100) and d2 (50) cannot both leave H at 120:
  // d1 goes direct (250) and d2 on H>D (100 + handling 5) = 355; splitting d1 would pay both
  // O>H and O>D trucks.
  InstanceData data = tiny_data();
  data.facilities[1].sort_capacity_per_hour = 120.0;
  const Instance instance = Instance::create(std::move(data), "tiny");
  const TimeExpandedNetwork ten(instance);
  const CompactTenResult result = solve_compact_ten(instance, ten, 30.0);
  EXPECT_EQ(result.status, CompactTenStatus::optimal);
  EXPECT_NEAR(result.objective, 355.0, 1e-6);
  EXPECT_EQ(result.solution.vehicles[arc_of(ten, 0)], 0);
  EXPECT_EQ(result.solution.vehicles[arc_of(ten, 1)], 1);
  EXPECT_EQ(result.solution.vehicles[arc_of(ten, 2)], 1);
}

TEST(CompactTen, FleetOfOneForbidsOverlappingTrips) {
  // With one truck, O>D (0-200) overlaps H>D (120-180), so both go via H: only 120 packages may
  // leave H, 30 are unserved at 10 each: 100 + 100 + 0.1 × 120 + 300 = 512.
  InstanceData data = tiny_data();
  data.facilities[1].sort_capacity_per_hour = 120.0;
  data.vehicle_types[0].fleet = 1;
  const Instance instance = Instance::create(std::move(data), "tiny");
  const TimeExpandedNetwork ten(instance);
  const CompactTenResult result = solve_compact_ten(instance, ten, 30.0);
  EXPECT_EQ(result.status, CompactTenStatus::optimal);
  EXPECT_NEAR(result.objective, 512.0, 1e-6);
  EXPECT_EQ(result.solution.vehicles[arc_of(ten, 2)], 0);
  double served_packages = 0.0;
  for (const engine::PathFlow& p : result.solution.paths)
    served_packages += p.fraction * instance.demand()[p.demand].packages;
  EXPECT_NEAR(served_packages, 120.0, 1e-6);
}

TEST(CompactTen, LateDemandIsUnservedWithoutVariables) {
  // Due at 150: H>D arrives 180 and O>D 200, so d1 has no on-time path; d2 ships alone.
  InstanceData data = tiny_data();
  data.demand[0].due_minute = 150;
  data.demand[1].due_minute = 180;
  const Instance instance = Instance::create(std::move(data), "tiny");
  const TimeExpandedNetwork ten(instance);
  const CompactTenResult result = solve_compact_ten(instance, ten, 30.0);
  EXPECT_EQ(result.status, CompactTenStatus::optimal);
  EXPECT_NEAR(result.objective, 100.0 + 5.0 + 1000.0, 1e-6);
  ASSERT_EQ(result.solution.paths.size(), 1u);
  EXPECT_EQ(result.solution.paths[0].demand, 1u);
}

TEST(CompactTen, PlansPassTheReferee) {
  // Every variant above, assembled into a plan and checked by the independent verifier.
  std::vector<InstanceData> variants(3, tiny_data());
  variants[1].demand[1].cube_m3 = 50.0;
  variants[2].facilities[1].sort_capacity_per_hour = 120.0;
  variants[2].vehicle_types[0].fleet = 1;
  for (InstanceData& data : variants) {
    const Instance instance = Instance::create(std::move(data), "tiny");
    const TimeExpandedNetwork ten(instance);
    const CompactTenResult result = solve_compact_ten(instance, ten, 30.0);
    const network::Plan plan =
        engine::assemble_plan(instance, ten, result.solution, result.seconds,
                              [](std::size_t) { return std::string("test"); });
    const network::PlanVerification check = network::check_plan(instance, plan);
    for (const auto& v : check.violations) ADD_FAILURE() << v.where << ": " << v.message;
    EXPECT_NEAR(check.recomputed_objective, result.objective, 1e-6);
  }
}

TEST(CompactTen, RefusesAModelAboveTheNonzeroLimit) {
  const Instance instance = Instance::create(tiny_data(), "tiny");
  const TimeExpandedNetwork ten(instance);
  const CompactTenResult result = solve_compact_ten(instance, ten, 30.0, 10);
  EXPECT_EQ(result.status, CompactTenStatus::too_large);
  EXPECT_TRUE(result.solution.paths.empty());
  EXPECT_FALSE(result.solution.lower_bound.has_value());
  EXPECT_EQ(result.rows, 0u);
}

}  // namespace
}  // namespace mm::baselines
