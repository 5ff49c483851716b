// The loading configuration: built-in defaults by mode and capacity, the strict JSON reader, and
// resolution against an instance.
#include "loading/loading_config.h"

#include <gtest/gtest.h>

#include "network/errors.h"
#include "network/instance_json.h"

namespace mm::loading {
namespace {

network::Instance two_vehicle_instance() {
  return network::parse_instance(R"({
    "format": "middlemile-instance/1", "name": "cfg", "horizon_minutes": 1440,
    "vehicle_types": [
      {"id": "truck53", "mode": "truck", "capacity": {"cube_m3": 100.0, "weight_kg": 20000.0},
       "cost_per_trip": 250.0, "speed_kmh": 75.0},
      {"id": "box_truck", "mode": "truck", "capacity": {"cube_m3": 40.0, "weight_kg": 8000.0},
       "cost_per_trip": 120.0, "speed_kmh": 70.0},
      {"id": "b767", "mode": "air", "capacity": {"cube_m3": 400.0, "weight_kg": 52000.0},
       "cost_per_trip": 9000.0, "speed_kmh": 800.0}
    ],
    "facilities": [
      {"id": "A", "kind": "origin", "lon": 0.0, "lat": 0.0},
      {"id": "B", "kind": "delivery_station", "lon": 1.0, "lat": 0.0}
    ],
    "lanes": [{"from": "A", "to": "B", "vehicle_type": "truck53"}],
    "demand": [{"id": "d1", "origin": "A", "destination": "B", "packages": 10, "cube_m3": 1.0,
                "weight_kg": 10.0, "ready_minute": 0, "due_minute": 1440}]
  })",
                                 "cfg.json");
}

TEST(LoadingConfig, DefaultsFollowModeAndCapacity) {
  const auto specs = resolve_loading(two_vehicle_instance(), LoadingConfig{});
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].positions, 52);  // 0.78 × 100 / 1.5
  EXPECT_EQ(specs[1].positions, 20);  // floor(0.78 × 40 / 1.5) = floor(20.8)
  EXPECT_EQ(specs[2].positions, 32);  // 0.8 × 400 / 10
  ASSERT_EQ(specs[0].containers.size(), 1u);
  EXPECT_EQ(specs[0].containers[0].id, "gaylord");
  EXPECT_EQ(specs[2].containers[0].id, "uld");
  EXPECT_DOUBLE_EQ(specs[2].containers[0].max_weight_kg, 4500.0);
  EXPECT_DOUBLE_EQ(specs[0].capacity.weight_kg, 20000.0);
}

TEST(LoadingConfig, ReadsAFileAndOverridesOneVehicleType) {
  const LoadingConfig config = parse_loading_config(R"({
    "format": "middlemile-loading/1",
    "container_types": [
      {"id": "pallet", "cube_m3": 2.0, "max_weight_kg": 1000, "tare_kg": 25},
      {"id": "cart", "cube_m3": 1.2, "max_weight_kg": 300, "positions": 1}
    ],
    "vehicle_types": [
      {"vehicle_type": "box_truck", "positions": 12, "container_types": ["pallet", "gaylord"]}
    ],
    "exact": {"max_containers": 10, "time_limit_seconds": 0.5}
  })",
                                                    "loading.json");
  EXPECT_EQ(config.exact_max_containers, 10u);
  EXPECT_DOUBLE_EQ(config.exact_time_limit_seconds, 0.5);
  ASSERT_EQ(config.container_types.size(), 2u);
  EXPECT_EQ(config.container_types[0].positions, 1);
  EXPECT_DOUBLE_EQ(config.container_types[1].tare_kg, 0.0);
  const auto specs = resolve_loading(two_vehicle_instance(), config);
  EXPECT_EQ(specs[0].positions, 52);
  EXPECT_EQ(specs[1].positions, 12);
  ASSERT_EQ(specs[1].containers.size(), 2u);
  EXPECT_EQ(specs[1].containers[0].id, "pallet");
  EXPECT_DOUBLE_EQ(specs[1].containers[0].tare_kg, 25.0);
  EXPECT_EQ(specs[1].containers[1].id, "gaylord");
}

TEST(LoadingConfig, ReportsEveryProblemWithItsPath) {
  try {
    parse_loading_config(R"({
      "format": "middlemile-loading/2",
      "container_types": [{"id": "p", "cube_m3": -1, "max_weight_kg": 10, "color": "red"}],
      "vehicle_types": [{"vehicle_type": "t", "positions": 0, "container_types": ["nope"]}]
    })",
                         "bad.json");
    FAIL() << "no exception";
  } catch (const network::ValidationError& e) {
    const std::vector<std::string> expected{
        "format: expected \"middlemile-loading/1\" (got \"middlemile-loading/2\")",
        "container_types[0].cube_m3: must be > 0 (got -1)",
        "container_types[0].color: unknown field (expected one of: id, cube_m3, max_weight_kg, "
        "tare_kg, positions)",
        "vehicle_types[0].positions: must be between 1 and 1000000 (got 0)",
        "vehicle_types[0].container_types[0]: unknown container type \"nope\"",
    };
    EXPECT_EQ(e.problems(), expected);
    EXPECT_EQ(e.source(), "bad.json");
  }
}

TEST(LoadingConfig, SyntaxErrorsAndMissingFilesAreInputErrors) {
  EXPECT_THROW(parse_loading_config("{\"format\": ", "broken.json"), network::InputError);
  try {
    read_loading_config_file("/nonexistent/loading.json");
    FAIL() << "no exception";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/loading.json: cannot read: No such file or directory");
  }
}

TEST(LoadingConfig, ResolutionNamesUnknownAndOversizedItems) {
  const LoadingConfig config = parse_loading_config(R"({
    "format": "middlemile-loading/1",
    "container_types": [{"id": "huge", "cube_m3": 50, "max_weight_kg": 1000}],
    "vehicle_types": [
      {"vehicle_type": "semi", "positions": 10, "container_types": ["gaylord"]},
      {"vehicle_type": "box_truck", "positions": 10, "container_types": ["huge"]}
    ]
  })",
                                                    "loading.json");
  try {
    resolve_loading(two_vehicle_instance(), config);
    FAIL() << "no exception";
  } catch (const network::ValidationError& e) {
    const std::vector<std::string> expected{
        "vehicle_types[0].vehicle_type: unknown vehicle type \"semi\" in instance \"cfg\"",
        "vehicle_types[1].container_types[0]: container type \"huge\" (50 m3, tare 0 kg, 1 "
        "positions) does not fit an empty \"box_truck\" (40 m3, 8000 kg, 10 positions)",
    };
    EXPECT_EQ(e.problems(), expected);
  }
}

}  // namespace
}  // namespace mm::loading
