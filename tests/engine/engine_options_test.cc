// EngineOptions::validate (engine/engine_options.h): the defaults pass; each value out of its
// range gives one line naming the field, its range and the value; several bad fields give one
// line each, in declaration order; NaN and infinity are out of every range; the removal range
// must not be empty.
#include "engine/engine_options.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace mm::engine {
namespace {

using Lines = std::vector<std::string>;

TEST(EngineOptions, DefaultsAreValid) {
  EXPECT_EQ(validate(EngineOptions{}), Lines{});
}

TEST(EngineOptions, EachBadValueNamesItsFieldAndRange) {
  EngineOptions o;
  o.growth = 0.5;
  EXPECT_EQ(validate(o), (Lines{"growth: must be in [1, 16], got 0.5"}));
  o = EngineOptions{};
  o.columns_per_commodity = 101;
  EXPECT_EQ(validate(o), (Lines{"columns_per_commodity: must be in [1, 100], got 101"}));
  o = EngineOptions{};
  o.search_start_threshold = -0.1;
  EXPECT_EQ(validate(o), (Lines{"search_start_threshold: must be in [0, 1], got -0.1"}));
  o = EngineOptions{};
  o.gap = 2;
  EXPECT_EQ(validate(o), (Lines{"gap: must be in [0, 1], got 2"}));
  o = EngineOptions{};
  o.lp_rounds = 0;
  EXPECT_EQ(validate(o), (Lines{"lp_rounds: must be in [1, 1e+09], got 0"}));
}

TEST(EngineOptions, RangeEdgesAreValid) {
  EngineOptions o;
  o.growth = 16;
  o.search_start_threshold = 0;
  o.columns_per_commodity = 100;
  o.branch_nodes = 0;
  o.branch_paths_per_commodity = 0;
  o.cut_tolerance = 1;
  o.gap = 0;
  o.search_min_removed = o.search_max_removed = 1;
  EXPECT_EQ(validate(o), Lines{});
}

TEST(EngineOptions, NotANumberAndInfinityAreOutOfRange) {
  EngineOptions o;
  o.growth = std::numeric_limits<double>::quiet_NaN();
  o.search_iterations_per_commodity = std::numeric_limits<double>::infinity();
  const Lines lines = validate(o);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("growth: must be in [1, 16], got ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1], "search_iterations_per_commodity: must be in [0, 1e+06], got inf");
}

TEST(EngineOptions, SeveralBadFieldsGiveOneLineEachInOrder) {
  EngineOptions o;
  o.search_min_removed = 10;
  o.search_max_removed = 5;
  o.cuts_per_round = -1;
  o.branch_nodes = -3;
  EXPECT_EQ(validate(o), (Lines{"search_max_removed: must be at least search_min_removed",
                                "cuts_per_round: must be in [0, 1e+07], got -1",
                                "branch_nodes: must be in [0, 1e+09], got -3"}));
}

}  // namespace
}  // namespace mm::engine
