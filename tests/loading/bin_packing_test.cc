// Bin packing on cases whose optimum is known (checked by exhaustive search when the cases were
// chosen): first-fit decreasing, the lower bound, and the exact CBC model.
#include "loading/bin_packing.h"

#include <gtest/gtest.h>

#include <vector>

namespace mm::loading {
namespace {

// One-dimensional cases: sizes go into cube; weight and positions never bind.
std::vector<PackItem> cube_items(const std::vector<double>& sizes) {
  std::vector<PackItem> items;
  for (double s : sizes) items.push_back({s, 0.0, 1});
  return items;
}

// Every item in a bin, no bin over capacity in any dimension, bins numbered 0..bins-1 densely.
void expect_valid(const std::vector<PackItem>& items, const BinCapacity& cap, const Packing& p) {
  ASSERT_EQ(p.bin_of.size(), items.size());
  std::vector<double> cube(p.bins, 0.0), weight(p.bins, 0.0);
  std::vector<int> positions(p.bins, 0);
  std::vector<bool> used(p.bins, false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    ASSERT_LT(p.bin_of[i], p.bins);
    cube[p.bin_of[i]] += items[i].cube_m3;
    weight[p.bin_of[i]] += items[i].weight_kg;
    positions[p.bin_of[i]] += items[i].positions;
    used[p.bin_of[i]] = true;
  }
  for (std::size_t b = 0; b < p.bins; ++b) {
    EXPECT_TRUE(used[b]) << "bin " << b << " is empty";
    EXPECT_LE(cube[b], cap.cube_m3 + 1e-9) << "bin " << b;
    EXPECT_LE(weight[b], cap.weight_kg + 1e-9) << "bin " << b;
    EXPECT_LE(positions[b], cap.positions) << "bin " << b;
  }
}

TEST(BinPacking, FirstFitDecreasingMeetsTheBoundOnAnEasyCase) {
  const BinCapacity cap{10.0, 1000.0, 100};
  const auto items = cube_items({7, 3, 6, 4, 5, 5});
  const Packing p = first_fit_decreasing(items, cap);
  expect_valid(items, cap, p);
  EXPECT_EQ(p.bins, 3u);
  EXPECT_EQ(p.lower_bound, 3u);
  EXPECT_TRUE(p.proven_optimal);
  // 7 opens bin 0, 6 bin 1, 5 and 5 bin 2; 4 joins the 6, 3 joins the 7.
  EXPECT_EQ(p.bin_of, (std::vector<std::size_t>{0, 0, 1, 1, 2, 2}));
}

TEST(BinPacking, ExactModelBeatsFirstFitDecreasing) {
  // FFD: {8,2} {5,5} {4,4} {3,3,3} {3} = 5 bins; optimum 4 = ceil(40/10): {8,2} {5,5} {4,3,3}
  // {4,3,3}.
  const BinCapacity cap{10.0, 1000.0, 100};
  const auto items = cube_items({8, 5, 5, 4, 4, 3, 3, 3, 3, 2});
  const Packing ffd = first_fit_decreasing(items, cap);
  EXPECT_EQ(ffd.bins, 5u);
  EXPECT_EQ(ffd.lower_bound, 4u);
  EXPECT_FALSE(ffd.proven_optimal);

  const Packing p = pack_items(items, cap, PackingOptions{60, 30.0});
  expect_valid(items, cap, p);
  EXPECT_EQ(p.bins, 4u);
  EXPECT_EQ(p.method, PackingMethod::exact);
  EXPECT_TRUE(p.proven_optimal);
  EXPECT_EQ(p.lower_bound, 4u);
}

TEST(BinPacking, ExactModelBeatsFirstFitDecreasingOnASecondCase) {
  // Capacity 20: FFD 5 bins, optimum 4 = ceil(79/20).
  const BinCapacity cap{20.0, 1000.0, 100};
  const auto items = cube_items({19, 11, 10, 9, 9, 6, 6, 5, 4});
  EXPECT_EQ(first_fit_decreasing(items, cap).bins, 5u);
  const Packing p = pack_items(items, cap, PackingOptions{60, 30.0});
  expect_valid(items, cap, p);
  EXPECT_EQ(p.bins, 4u);
  EXPECT_TRUE(p.proven_optimal);
}

TEST(BinPacking, ExactModelProvesAnOptimumAboveTheLowerBound) {
  // Five items of 4 in bins of 10: the bound says 2, but at most two items share a bin: 3.
  const BinCapacity cap{10.0, 1000.0, 100};
  const auto items = cube_items({4, 4, 4, 4, 4});
  EXPECT_EQ(packing_lower_bound(items, cap), 2u);
  const Packing p = pack_items(items, cap, PackingOptions{60, 30.0});
  expect_valid(items, cap, p);
  EXPECT_EQ(p.bins, 3u);
  EXPECT_EQ(p.method, PackingMethod::exact);
  EXPECT_TRUE(p.proven_optimal);
  EXPECT_EQ(p.lower_bound, 3u);
}

TEST(BinPacking, ExactModelIsSkippedAboveTheSizeLimit) {
  const BinCapacity cap{10.0, 1000.0, 100};
  const auto items = cube_items({8, 5, 5, 4, 4, 3, 3, 3, 3, 2});
  const Packing p = pack_items(items, cap, PackingOptions{9, 30.0});
  EXPECT_EQ(p.bins, 5u);
  EXPECT_EQ(p.method, PackingMethod::first_fit_decreasing);
  EXPECT_FALSE(p.proven_optimal);
  EXPECT_EQ(p.lower_bound, 4u);
}

TEST(BinPacking, LowerBoundCountsItemsAboveHalfAVehicle) {
  // Three items of 6 m³ in 10 m³ bins: the sum says 2, pairwise conflicts say 3.
  const BinCapacity cap{10.0, 1000.0, 100};
  EXPECT_EQ(packing_lower_bound(cube_items({6, 6, 6}), cap), 3u);
  const Packing p = first_fit_decreasing(cube_items({6, 6, 6}), cap);
  EXPECT_EQ(p.bins, 3u);
  EXPECT_TRUE(p.proven_optimal);
}

TEST(BinPacking, EveryDimensionBinds) {
  const BinCapacity cap{10.0, 100.0, 4};
  // Cube: 12 m³ → 2. Weight: 250 kg → 3. Positions: 9 → 3 (4 per vehicle).
  std::vector<PackItem> items(9, PackItem{12.0 / 9, 250.0 / 9, 1});
  EXPECT_EQ(packing_lower_bound(items, cap), 3u);
  // Weight alone binds: 3 items of 27.8 kg fill a vehicle's 100 kg (3 × 27.8 = 83.3; a 4th
  // would make 111.1).
  const Packing p = first_fit_decreasing(items, cap);
  expect_valid(items, cap, p);
  EXPECT_EQ(p.bins, 3u);
  // Positions alone: 9 one-position items in 4-position vehicles.
  std::vector<PackItem> light(9, PackItem{0.1, 1.0, 1});
  EXPECT_EQ(first_fit_decreasing(light, cap).bins, 3u);
}

TEST(BinPacking, ComplementaryItemsShareVehicles) {
  // Cube-heavy and weight-heavy containers pair up exactly.
  const BinCapacity cap{10.0, 10.0, 10};
  const std::vector<PackItem> items{{8, 2, 1}, {8, 2, 1}, {2, 8, 1}, {2, 8, 1}};
  const Packing p = first_fit_decreasing(items, cap);
  expect_valid(items, cap, p);
  EXPECT_EQ(p.bins, 2u);
  EXPECT_NE(p.bin_of[0], p.bin_of[1]);
  EXPECT_NE(p.bin_of[2], p.bin_of[3]);
}

TEST(BinPacking, AnItemLargerThanAVehicleIsRejected) {
  const BinCapacity cap{10.0, 100.0, 4};
  EXPECT_FALSE(fits_empty(PackItem{10.5, 1.0, 1}, cap));
  EXPECT_THROW(first_fit_decreasing({PackItem{10.5, 1.0, 1}}, cap), std::invalid_argument);
  EXPECT_THROW(first_fit_decreasing({PackItem{1.0, 1.0, 5}}, cap), std::invalid_argument);
}

TEST(BinPacking, NoItemsNeedNoVehicles) {
  const Packing p = pack_items({}, BinCapacity{10.0, 100.0, 4}, PackingOptions{});
  EXPECT_EQ(p.bins, 0u);
  EXPECT_EQ(p.lower_bound, 0u);
  EXPECT_TRUE(p.proven_optimal);
}

}  // namespace
}  // namespace mm::loading
