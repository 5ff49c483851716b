// The optional uncertainty fields of an instance (demand packages_cv, packages_p10,
// packages_p90; facility region): bad values are errors naming their JSON path, good ones
// survive writing and reading back.
#include <gtest/gtest.h>

#include "network/errors.h"
#include "network/instance_json.h"
#include "tests/simulation/hand_plans.h"

namespace mm::simulation {
namespace {

using simulation_test::hand_instance_json;

// The problems parse_instance reports for one demand with `extra` fields.
std::vector<std::string> problems_of(const std::string& extra) {
  const std::string demand = R"({"id": "d1", "origin": "O", "destination": "D", "packages": 1000,
      "cube_m3": 50, "weight_kg": 1000, "ready_minute": 0, "due_minute": 1000)" +
                             extra + "}";
  try {
    network::parse_instance(hand_instance_json(0, demand), "hand.json");
  } catch (const network::ValidationError& e) {
    return e.problems();
  }
  return {};
}

TEST(DemandFields, NegativeCvNamesTheField) {
  EXPECT_EQ(problems_of(R"(, "packages_cv": -0.1)"),
            std::vector<std::string>{"demand[0].packages_cv: must be >= 0 (got -0.1)"});
  EXPECT_EQ(problems_of(R"(, "packages_cv": 12)"),
            std::vector<std::string>{"demand[0].packages_cv: must be at most 10 (got 12)"});
  EXPECT_EQ(
      problems_of(R"(, "packages_cv": "high")"),
      std::vector<std::string>{"demand[0].packages_cv: must be a number (got string \"high\")"});
}

TEST(DemandFields, QuantilesOutOfOrderNameTheField) {
  EXPECT_EQ(
      problems_of(R"(, "packages_p10": 1500, "packages_p90": 900)"),
      std::vector<std::string>{"demand[0].packages_p10: must be <= packages_p90 900 (got 1500)"});
  EXPECT_EQ(
      problems_of(R"(, "packages_p10": 1100, "packages_p90": 1500)"),
      std::vector<std::string>{"demand[0].packages_p10: must be <= packages 1000 (got 1100)"});
  EXPECT_EQ(problems_of(R"(, "packages_p10": 500, "packages_p90": 900)"),
            std::vector<std::string>{"demand[0].packages_p90: must be >= packages 1000 (got 900)"});
  EXPECT_EQ(problems_of(R"(, "packages_p10": 0, "packages_p90": 1200)"),
            std::vector<std::string>{"demand[0].packages_p10: must be > 0 (got 0)"});
}

TEST(DemandFields, QuantilesGoTogetherAndExcludeTheCv) {
  EXPECT_EQ(problems_of(R"(, "packages_p10": 800)"),
            std::vector<std::string>{
                "demand[0]: packages_p10 and packages_p90 go together (missing \"packages_p90\")"});
  EXPECT_EQ(
      problems_of(R"(, "packages_cv": 0.2, "packages_p10": 800, "packages_p90": 1200)"),
      std::vector<std::string>{
          "demand[0].packages_cv: give packages_cv or packages_p10 and packages_p90, not both"});
  EXPECT_EQ(problems_of(R"(, "packages_p10": 800, "packages_p90": 1200)"),
            std::vector<std::string>{});
}

TEST(DemandFields, RegionAndSpreadSurviveWritingAndReading) {
  std::string json = hand_instance_json(0, R"({"id": "d1", "origin": "O", "destination": "D",
      "packages": 1000, "cube_m3": 50, "weight_kg": 1000, "ready_minute": 0, "due_minute": 1000,
      "packages_p10": 800, "packages_p90": 1300},
      {"id": "d2", "origin": "O", "destination": "S", "packages": 10, "cube_m3": 1,
      "weight_kg": 1, "ready_minute": 0, "due_minute": 1000, "packages_cv": 0.25})");
  json.replace(json.find(R"("id": "D", )"), 11, R"("id": "D", "region": "south", )");
  const auto instance = network::parse_instance(json, "hand.json");
  const auto again = network::parse_instance(network::write_instance_json(instance), "again.json");
  EXPECT_EQ(again.facilities()[2].region, std::optional<std::string>("south"));
  EXPECT_FALSE(again.facilities()[1].region.has_value());
  EXPECT_EQ(again.demand()[0].packages_p10, std::optional<double>(800));
  EXPECT_EQ(again.demand()[0].packages_p90, std::optional<double>(1300));
  EXPECT_FALSE(again.demand()[0].packages_cv.has_value());
  EXPECT_EQ(again.demand()[1].packages_cv, std::optional<double>(0.25));
}

}  // namespace
}  // namespace mm::simulation
