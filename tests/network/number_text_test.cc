// Numbers as text (network/number_text.h): every style the project prints.
#include "network/number_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace mm::network {
namespace {

TEST(NumberText, SignificantDigits) {
  EXPECT_EQ(number_text(1200.0), "1200");
  EXPECT_EQ(number_text(0.5), "0.5");
  EXPECT_EQ(number_text(1e12), "1e+12");
  EXPECT_EQ(number_text(2.0 / 3.0), "0.666667");
  EXPECT_EQ(number_text(2.0 / 3.0, 15), "0.666666666666667");
  EXPECT_EQ(number_text(-180.0, 15), "-180");
  EXPECT_EQ(number_text(1.1991473782733e+304, 15), "1.1991473782733e+304");
  EXPECT_EQ(number_text(NAN), "nan");
}

TEST(NumberText, FixedDecimals) {
  EXPECT_EQ(fixed_text(2.5, 2), "2.50");
  EXPECT_EQ(fixed_text(73042632.214, 2), "73042632.21");
  EXPECT_EQ(fixed_text(1.05, 0), "1");
  EXPECT_EQ(fixed_text(-3.0, 1), "-3.0");
  EXPECT_EQ(fixed_text(std::numeric_limits<double>::max(), 0).size(), 309u);
  EXPECT_EQ(fixed_text(INFINITY, 2), "inf");
}

// The report's figures (they were report/html_text.h's format_number and format_percent).
TEST(NumberText, GroupedAndPercent) {
  EXPECT_EQ(grouped_text(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(grouped_text(6044.0, 2), "6,044.00");
  EXPECT_EQ(grouped_text(999.5), "1,000");
  EXPECT_EQ(grouped_text(100.0), "100");
  EXPECT_EQ(grouped_text(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(grouped_text(-0.001, 2), "0.00");
  EXPECT_EQ(grouped_text(NAN), "-");
  EXPECT_EQ(percent_text(1600.0 / 1700.0, 1), "94.1%");
  EXPECT_EQ(percent_text(0.0, 1), "0.0%");
  EXPECT_EQ(percent_text(12.5, 0), "1,250%");
  EXPECT_EQ(percent_text(NAN, 1), "-");
}

TEST(NumberText, ExactRoundTrips) {
  EXPECT_EQ(exact_text(0.1), "0.1");
  EXPECT_EQ(exact_text(3.0), "3.0");
  EXPECT_EQ(exact_text(1e308), "1e+308");
  EXPECT_EQ(std::stod(exact_text(2.0 / 3.0)), 2.0 / 3.0);
}

}  // namespace
}  // namespace mm::network
