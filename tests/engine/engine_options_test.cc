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

// validate() of the defaults with `change` applied.
template <typename Change>
Lines changed(Change change) {
  EngineOptions o;
  change(o);
  return validate(o);
}

TEST(EngineOptions, EachBadValueNamesItsFieldAndRange) {
  EXPECT_EQ(changed([](EngineOptions& o) { o.growth = 0.5; }),
            (Lines{"growth: must be in [1, 16], got 0.5"}));
  EXPECT_EQ(changed([](EngineOptions& o) { o.columns_per_commodity = 101; }),
            (Lines{"columns_per_commodity: must be in [1, 100], got 101"}));
  EXPECT_EQ(changed([](EngineOptions& o) { o.search_start_threshold = -0.1; }),
            (Lines{"search_start_threshold: must be in [0, 1], got -0.1"}));
  EXPECT_EQ(changed([](EngineOptions& o) { o.gap = 2; }), (Lines{"gap: must be in [0, 1], got 2"}));
  EXPECT_EQ(changed([](EngineOptions& o) { o.lp_rounds = 0; }),
            (Lines{"lp_rounds: must be in [1, 1e+09], got 0"}));
}

TEST(EngineOptions, RangeEdgesAreValid) {
  EXPECT_EQ(changed([](EngineOptions& o) {
              o.growth = 16;
              o.search_start_threshold = 0;
              o.columns_per_commodity = 100;
              o.branch_nodes = o.branch_paths_per_commodity = 0;
              o.cut_tolerance = 1;
              o.gap = 0;
              o.search_min_removed = o.search_max_removed = 1;
            }),
            Lines{});
}

TEST(EngineOptions, NotANumberAndInfinityAreOutOfRange) {
  const Lines lines = changed([](EngineOptions& o) {
    o.growth = std::numeric_limits<double>::quiet_NaN();
    o.search_iterations_per_commodity = std::numeric_limits<double>::infinity();
  });
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("growth: must be in [1, 16], got ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1], "search_iterations_per_commodity: must be in [0, 1e+06], got inf");
}

TEST(EngineOptions, SeveralBadFieldsGiveOneLineEachInOrder) {
  EXPECT_EQ(changed([](EngineOptions& o) {
              o.search_min_removed = 10;
              o.search_max_removed = 5;
              o.cuts_per_round = -1;
              o.branch_nodes = -3;
            }),
            (Lines{"search_max_removed: must be at least search_min_removed",
                   "cuts_per_round: must be in [0, 1e+07], got -1",
                   "branch_nodes: must be in [0, 1e+09], got -3"}));
}

}  // namespace
}  // namespace mm::engine
