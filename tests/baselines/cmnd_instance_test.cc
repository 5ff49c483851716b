#include "baselines/cmnd_instance.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <sstream>
#include <string>

#include "network/errors.h"

namespace mm::baselines {
namespace {

const std::string kCmndData = MM_TEST_DATA_DIR;

CmndInstance parse(const std::string& text) {
  std::istringstream in(text);
  return parse_dow(in, "x.dow", "x");
}

// The InputError message for `text`, or "" if it parses.
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const network::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ReadDowFile, ReadsTinyInstanceZeroBased) {
  const CmndInstance instance = read_dow_file(kCmndData + "/cmnd/tiny.dow");
  EXPECT_EQ(instance.name, "tiny");
  EXPECT_EQ(instance.nodes, 4u);
  ASSERT_EQ(instance.arcs.size(), 6u);
  ASSERT_EQ(instance.commodities.size(), 2u);
  EXPECT_EQ(instance.arcs[0].tail, 0u);
  EXPECT_EQ(instance.arcs[0].head, 3u);
  EXPECT_EQ(instance.arcs[0].unit_cost, 5.0);
  EXPECT_EQ(instance.arcs[0].capacity, 20.0);
  EXPECT_EQ(instance.arcs[0].fixed_cost, 100.0);
  EXPECT_EQ(instance.arcs[3].tail, 1u);
  EXPECT_EQ(instance.arcs[3].unit_cost, 0.0);
  EXPECT_EQ(instance.arcs[3].capacity, 4.0);
  EXPECT_EQ(instance.commodities[1].origin, 1u);
  EXPECT_EQ(instance.commodities[1].destination, 3u);
  EXPECT_EQ(instance.commodities[1].demand, 5.0);
}

TEST(ReadDowFile, ReadsCanadC33) {
  // The file's header says 20 228 39 but the benchmark's label is 20,230,40; the header rules.
  const CmndInstance instance = read_dow_file(kCmndData + "/cmnd/c33.dow");  // README.md there
  EXPECT_EQ(instance.name, "c33");
  EXPECT_EQ(instance.nodes, 20u);
  ASSERT_EQ(instance.arcs.size(), 228u);
  ASSERT_EQ(instance.commodities.size(), 39u);
  // First arc line: "1 6 49 2846 2858 1 63"; last commodity line: "12 11 244".
  EXPECT_EQ(instance.arcs[0].tail, 0u);
  EXPECT_EQ(instance.arcs[0].head, 5u);
  EXPECT_EQ(instance.arcs[0].unit_cost, 49.0);
  EXPECT_EQ(instance.arcs[0].capacity, 2846.0);
  EXPECT_EQ(instance.arcs[0].fixed_cost, 2858.0);
  EXPECT_EQ(instance.commodities.back().origin, 11u);
  EXPECT_EQ(instance.commodities.back().destination, 10u);
  EXPECT_EQ(instance.commodities.back().demand, 244.0);
}

TEST(ReadDowFile, AcceptsArcLinesWithoutTheUnusedValuesAndBlankLines) {
  const CmndInstance instance = parse("label\n2 1 1\n\n1 2 1.5 10 7\n2 1 3\n\n");
  ASSERT_EQ(instance.arcs.size(), 1u);
  EXPECT_EQ(instance.arcs[0].unit_cost, 1.5);
  EXPECT_EQ(instance.commodities[0].origin, 1u);
}

TEST(ReadDowFile, MissingFileNamesThePath) {
  try {
    read_dow_file(kCmndData + "/cmnd/absent.dow");
    FAIL() << "expected InputError";
  } catch (const network::InputError& e) {
    EXPECT_EQ(std::string(e.what()), kCmndData + "/cmnd/absent.dow: cannot open file");
  }
}

TEST(ReadDowFile, ErrorsNameTheLine) {
  EXPECT_EQ(error_of(""), "x.dow:1: empty file (expected a label line)");
  EXPECT_EQ(error_of("label\n"), "x.dow:2: missing the line 'nodes arcs commodities'");
  EXPECT_EQ(error_of("label\n3 1\n"), "x.dow:2: missing commodity count");
  EXPECT_EQ(error_of("label\n3 x 1\n"), "x.dow:2: arc count is not a number: \"x\"");
  EXPECT_EQ(error_of("label\n3 1.5 1\n"),
            "x.dow:2: arc count must be a non-negative integer, got \"1.5\"");
  EXPECT_EQ(error_of("label\n0 0 0\n"), "x.dow:2: node count must be positive");
  EXPECT_EQ(error_of("label\n3 2 1\n1 2 1 10 5 1 1\n"), "x.dow:4: file ends after 1 of 2 arcs");
  EXPECT_EQ(error_of("label\n3 1 1\n1 4 1 10 5 1 1\n"), "x.dow:3: head 4 is not a node in 1..3");
  EXPECT_EQ(error_of("label\n3 1 1\n0 2 1 10 5 1 1\n"), "x.dow:3: tail 0 is not a node in 1..3");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 10\n"), "x.dow:3: missing fixed cost");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 -10 5\n"), "x.dow:3: capacity must be >= 0, got -10");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 1e400 5\n"),
            "x.dow:3: capacity is not a number: \"1e400\"");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 10 nan\n"),
            "x.dow:3: fixed cost is not a number: \"nan\"");
  EXPECT_EQ(error_of("label\n3 1 1\n2 2 1 10 5\n"), "x.dow:3: arc is a loop at node 2");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 10 5 1 1 9\n"),
            "x.dow:3: arc line has 8 values, expected at most 7");
  EXPECT_EQ(error_of("label\n3 1 2\n1 2 1 10 5\n\n1 3 4\n"),
            "x.dow:6: file ends after 1 of 2 commodities");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 10 5\n1 3\n"), "x.dow:4: missing demand");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 10 5\n1 3 -2\n"), "x.dow:4: demand must be >= 0, got -2");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 10 5\n3 3 2\n"),
            "x.dow:4: commodity origin equals its destination (node 3)");
  EXPECT_EQ(error_of("label\n3 1 1\n1 2 1 10 5\n1 3 2\n\n2 3 1\n"),
            "x.dow:6: unexpected content after 1 commodities");
}

}  // namespace
}  // namespace mm::baselines
