// The report's simulation section (report/simulation_section.h): histogram bins, and the
// section's stable ids with every input text escaped.
#include "report/simulation_section.h"

#include <gtest/gtest.h>

namespace mm::report {
namespace {

TEST(SimulationSection, HistogramBinsCoverTheRangeAndCloseTheLastBin) {
  const Histogram h = histogram_of({1, 2, 3, 4}, 2, false);
  EXPECT_DOUBLE_EQ(h.low, 1.0);
  EXPECT_DOUBLE_EQ(h.width, 1.5);
  EXPECT_EQ(h.counts, (std::vector<int>{2, 2}));
  // Whole numbers: one bar per value while the range allows.
  const Histogram spot = histogram_of({0, 0, 1, 3, 3, 9}, 20, true);
  EXPECT_DOUBLE_EQ(spot.low, 0.0);
  EXPECT_DOUBLE_EQ(spot.width, 1.0);
  EXPECT_EQ(spot.counts, (std::vector<int>{2, 1, 0, 2, 0, 0, 0, 0, 0, 1}));
  // Equal values: one bin.
  EXPECT_EQ(histogram_of({5, 5, 5}, 20, false).counts, (std::vector<int>{3}));
  EXPECT_TRUE(histogram_of({}, 20, false).counts.empty());
}

TEST(SimulationSection, HasItsIdsAndEscapesInputText) {
  network::SimulationResults r;
  r.instance = "i";
  r.settings.demand = "scenarios";
  r.settings.scenarios_file = "<days>.json";
  network::SampleRecord day;
  day.packages = 100;
  day.on_time = 90;
  day.spot_vehicles = 2;
  r.samples = {day, day};
  r.departures = {{"A>B<script>", 60, 1, 0.5, 0.25, 0.25}};
  r.facilities = {{"SC&1", 3000, 0.1, 0.9, 1.1}};
  const std::string html = render_simulation_section(r, 10);
  for (const char* id : {"id=\"simulation\"", "id=\"simulation-summary\"", "id=\"simulation-cost\"",
                         "id=\"simulation-on-time\"", "id=\"simulation-spot\"",
                         "id=\"simulation-departures\"", "id=\"simulation-facilities\""})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("A&gt;B&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("SC&amp;1"), std::string::npos);
  EXPECT_NE(html.find("&lt;days&gt;.json"), std::string::npos);
  EXPECT_NE(html.find("data-count=\"2\""), std::string::npos);
}

}  // namespace
}  // namespace mm::report
