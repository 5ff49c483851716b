// Containerization: whole packages for space, true shares in the contents, type choice.
#include "loading/containerize.h"

#include <gtest/gtest.h>

namespace mm::loading {
namespace {

const ContainerType kGaylord{"gaylord", 1.5, 450.0, 30.0, 1};

TEST(Containerize, FillsWholePackagesUpToCube) {
  // 0.03 m³ and 3 kg a package: 50 fit a gaylord by cube (150 by weight).
  const auto c = fill_containers({{0, 100.0, 0.03, 3.0}}, kGaylord, 0);
  ASSERT_EQ(c.size(), 2u);
  ASSERT_EQ(c[0].contents.size(), 1u);
  EXPECT_DOUBLE_EQ(c[0].contents[0].packages, 50.0);
  EXPECT_DOUBLE_EQ(c[1].contents[0].packages, 50.0);
  EXPECT_NEAR(c[0].contents_cube_m3, 1.5, 1e-12);
  EXPECT_NEAR(c[0].contents_weight_kg, 150.0, 1e-12);
}

TEST(Containerize, FillsWholePackagesUpToWeight) {
  // 0.01 m³ and 10 kg a package: 45 fit by weight (150 by cube).
  const auto c = fill_containers({{0, 100.0, 0.01, 10.0}}, kGaylord, 0);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_DOUBLE_EQ(c[0].contents[0].packages, 45.0);
  EXPECT_DOUBLE_EQ(c[1].contents[0].packages, 45.0);
  EXPECT_DOUBLE_EQ(c[2].contents[0].packages, 10.0);
}

TEST(Containerize, FractionalSharesReserveAWholePackage) {
  // Demand 7 rides 30.5 packages (space of 31), demand 9 rides 20: 19 of them fit beside.
  const auto c = fill_containers({{7, 30.5, 0.03, 3.0}, {9, 20.0, 0.03, 3.0}}, kGaylord, 0);
  ASSERT_EQ(c.size(), 2u);
  ASSERT_EQ(c[0].contents.size(), 2u);
  EXPECT_EQ(c[0].contents[0].demand, 7u);
  EXPECT_DOUBLE_EQ(c[0].contents[0].packages, 30.5);
  EXPECT_EQ(c[0].contents[1].demand, 9u);
  EXPECT_DOUBLE_EQ(c[0].contents[1].packages, 19.0);
  EXPECT_NEAR(c[0].contents_cube_m3, 49.5 * 0.03, 1e-12);
  ASSERT_EQ(c[1].contents.size(), 1u);
  EXPECT_EQ(c[1].contents[0].demand, 9u);
  EXPECT_DOUBLE_EQ(c[1].contents[0].packages, 1.0);

  // 50.4 packages need 51 spaces: 50 and then the 0.4 alone.
  const auto d = fill_containers({{1, 50.4, 0.03, 3.0}}, kGaylord, 0);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_DOUBLE_EQ(d[0].contents[0].packages, 50.0);
  EXPECT_NEAR(d[1].contents[0].packages, 0.4, 1e-12);
}

TEST(Containerize, APackageLargerThanTheContainerIsAnError) {
  try {
    fill_containers({{0, 2.0, 2.0, 30.0}}, kGaylord, 0);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "one package (2 m3, 30 kg) does not fit an empty container \"gaylord\" (1.5 m3, "
                 "450 kg)");
  }
}

TEST(Containerize, ChoosesTheTypeThatTakesTheLeastOfTheVehicle) {
  VehicleLoadingSpec vehicle;
  vehicle.vehicle_type = "van";
  vehicle.capacity = {20.0, 10000.0};
  vehicle.positions = 100;
  vehicle.containers = {{"big", 3.0, 1000.0, 0.0, 1}, {"small", 1.0, 1000.0, 0.0, 1}};
  // 0.5 m³: one container either way; the small one takes less cube.
  auto c = containerize_group({{0, 5.0, 0.1, 1.0}}, vehicle);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].type, 1u);
  // 2.5 m³: three smalls or one big take the same cube (3 m³); fewer containers win.
  c = containerize_group({{0, 25.0, 0.1, 1.0}}, vehicle);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].type, 0u);
  // With 2 positions a vehicle, either container takes half of it (more than its cube share):
  // a tie on share and count goes to the first type listed.
  vehicle.positions = 2;
  c = containerize_group({{0, 5.0, 0.1, 1.0}}, vehicle);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].type, 0u);
}

}  // namespace
}  // namespace mm::loading
