// The rendered page (report/report_page.h): its sections and ids, the KPI numbers of the tiny
// plan, one map line per lane the plan runs, escaping of ids taken from input, the warning box
// for a plan that breaks rules, the refusal of a plan made for another instance, and what a plan
// of vehicles that come back adds (fleet, empty moves, rotations).
#include "report/report_page.h"

#include <gtest/gtest.h>

#include "network/errors.h"
#include "network/plan_verifier.h"
#include "report/plan_match.h"
#include "tests/report/report_test_support.h"

namespace mm::report {
namespace {

using report_test::count;
using report_test::tiny_instance;
using report_test::tiny_plan;

std::string render(const network::Instance& instance, const network::Plan& plan) {
  ReportOptions options;
  options.instance_source = "tiny_instance.json";
  options.plan_source = "tiny_plan.json";
  return render_report(instance, plan, network::check_plan(instance, plan).violations, options);
}

TEST(ReportPage, HoldsEverySectionOnceAndNoExternalResource) {
  const std::string html = render(tiny_instance(), tiny_plan());
  for (const char* id :
       {"kpis", "map", "fill-histogram", "timeline", "service", "busiest-lanes", "emptiest-lanes"})
    EXPECT_EQ(count(html, std::string("id=\"") + id + "\""), 1u) << id;
  EXPECT_EQ(count(html, "id=\"violations\""), 0u);  // the plan verifies
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // Self-contained: nothing is fetched (the only URL is the SVG namespace).
  EXPECT_EQ(count(html, "<script"), 0u);
  EXPECT_EQ(count(html, "<link"), 0u);
  EXPECT_EQ(count(html, "<img"), 0u);
  EXPECT_EQ(count(html, "url("), 0u);
  EXPECT_EQ(count(html, "http"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
}

TEST(ReportPage, KpisOfTheTinyPlan) {
  const std::string html = render(tiny_instance(), tiny_plan());
  EXPECT_NE(html.find("<div class=\"kpi\" id=\"kpi-cost\"><div class=\"name\">cost</div>"
                      "<div class=\"value\">6,044.00</div><div class=\"detail\">vehicles 800.00 · "
                      "packages 184.00 · handling 60.00 · unserved 5,000.00</div></div>"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"value\">2</div><div class=\"detail\">truck 2 (2 departures)"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"value\">34.0%</div><div class=\"detail\">truck cube 34.0%, "
                      "weight 22.0%</div>"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"value\">94.1%</div><div class=\"detail\">1,600 of 1,700 "
                      "packages; 0 late</div>"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"value\">100</div><div class=\"detail\">1 of 2 demands</div>"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"value\">0.7%</div><div class=\"detail\">lower bound "
                      "6,000.00</div>"),
            std::string::npos);
}

TEST(ReportPage, MapDrawsOneLinePerLaneThePlanRuns) {
  const std::string html = render(tiny_instance(), tiny_plan());
  EXPECT_EQ(count(html, "class=\"lane-line\""), 2u);
  EXPECT_EQ(count(html, "class=\"lane-idle\""), 1u);  // SEA1>DS-EUG
  EXPECT_NE(html.find("data-lane=\"SEA1&gt;SC-PDX\""), std::string::npos);
  // Three facilities plus the four legend markers.
  EXPECT_EQ(count(html, "class=\"facility facility-"), 7u);
  // The truck histogram bar for 30-40% counts both trips.
  EXPECT_NE(html.find("class=\"bar bar-truck\" data-count=\"2\""), std::string::npos);
  EXPECT_EQ(count(html, "class=\"timeline-row\""), 3u);
  EXPECT_NE(html.find("class=\"service-unserved\" data-packages=\"100.00\""), std::string::npos);
  // Busiest lanes: SEA1>SC-PDX first; emptiest: SC-PDX>DS-EUG first.
  const std::size_t busiest = html.find("id=\"busiest-lanes\"");
  const std::size_t emptiest = html.find("id=\"emptiest-lanes\"");
  EXPECT_LT(html.find("<td>SEA1&gt;SC-PDX</td>", busiest),
            html.find("<td>SC-PDX&gt;DS-EUG</td>", busiest));
  EXPECT_LT(html.find("<td>SC-PDX&gt;DS-EUG</td>", emptiest),
            html.find("<td>SEA1&gt;SC-PDX</td>", emptiest));
}

TEST(ReportPage, APlanThatRunsNothingStillRenders) {
  const network::Instance instance = tiny_instance();
  network::Plan plan;
  plan.instance = "tiny";
  plan.status = network::PlanStatus::feasible;
  plan.objective = 85000.0;
  plan.cost.unserved = 85000.0;
  plan.unserved = {{"d1", 1200.0, "no path"}, {"d2", 500.0, "no path"}};
  const std::string html = render(instance, plan);
  EXPECT_EQ(count(html, "class=\"lane-line\""), 0u);
  EXPECT_EQ(count(html, "class=\"lane-idle\""), 3u);
  EXPECT_EQ(count(html, "no departures in this plan"), 1u);
  EXPECT_EQ(count(html, "no facility sends or receives anything"), 1u);
  EXPECT_EQ(count(html, "no lane runs in this plan"), 2u);
  EXPECT_NE(html.find("<div class=\"value\">1,700</div><div class=\"detail\">2 of 2 demands"),
            std::string::npos);
}

TEST(ReportPage, IsDeterministic) {
  EXPECT_EQ(render(tiny_instance(), tiny_plan()), render(tiny_instance(), tiny_plan()));
}

TEST(ReportPage, EscapesIdsFromInput) {
  // A facility, lane and instance whose ids hold every markup character.
  const std::string nasty = "<b>&\"x'";
  const std::string instance_json =
      R"({"format": "middlemile-instance/1", "name": "n<&>", "horizon_minutes": 1440,
          "vehicle_types": [{"id": "t", "mode": "truck", "capacity": {"cube_m3": 10, "weight_kg": 100},
                             "cost_per_trip": 1, "speed_kmh": 60}],
          "facilities": [{"id": "<b>&\"x'", "kind": "origin", "lon": -100, "lat": 40},
                         {"id": "D", "kind": "delivery_station", "lon": -99, "lat": 41}],
          "lanes": [{"id": "L<&>\"'", "from": "<b>&\"x'", "to": "D", "vehicle_type": "t",
                     "distance_km": 60, "transit_minutes": 60, "departures": [0]}],
          "demand": [{"id": "d", "origin": "<b>&\"x'", "destination": "D", "packages": 1,
                      "cube_m3": 1, "weight_kg": 1, "ready_minute": 0, "due_minute": 600}]})";
  const network::Instance instance = network::parse_instance(instance_json, "nasty.json");
  network::Plan plan;
  plan.instance = "n<&>";
  plan.status = network::PlanStatus::feasible;
  network::PlannedDeparture dep;
  dep.lane = "L<&>\"'";
  dep.from = nasty;
  dep.to = "D";
  dep.vehicle_type = "t";
  dep.departure_minute = 0;
  dep.arrival_minute = 60;
  dep.vehicles = 1;
  dep.load = {1, 1, 1};
  plan.departures = {dep};
  plan.routes = {{"d", 1.0, {{"L<&>\"'", 0}}, 60}};
  const std::string html = render(instance, plan);
  EXPECT_EQ(count(html, nasty), 0u);
  EXPECT_EQ(count(html, "L<&>"), 0u);
  EXPECT_EQ(count(html, "n<&>"), 0u);
  EXPECT_GE(count(html, "&lt;b&gt;&amp;&quot;x&#39;"), 3u);  // label, tooltip, table
  EXPECT_NE(html.find("data-lane=\"L&lt;&amp;&gt;&quot;&#39;\""), std::string::npos);
  EXPECT_NE(html.find("<title>middlemile report: n&lt;&amp;&gt;</title>"), std::string::npos);
}

TEST(ReportPage, ViolationsBecomeAWarningBox) {
  const network::Instance instance = tiny_instance();
  network::Plan plan = tiny_plan();
  plan.departures[0].vehicles = 0;  // 1600 packages on a departure without a vehicle
  const auto violations = network::check_plan(instance, plan).violations;
  ASSERT_FALSE(violations.empty());
  const std::string html = render(instance, plan);
  EXPECT_EQ(count(html, "id=\"violations\""), 1u);
  EXPECT_NE(html.find("The referee found " + std::to_string(violations.size()) + " violation"),
            std::string::npos);
  EXPECT_NE(html.find("<li>departures[0]"), std::string::npos);
  // The page is still drawn.
  EXPECT_EQ(count(html, "id=\"map\""), 1u);
}

TEST(PlanMatch, RefusesAPlanOfAnotherInstance) {
  const network::Instance instance = tiny_instance();
  network::Plan other = tiny_plan();
  other.instance = "medium";
  try {
    require_plan_of_instance(instance, other, "p.json");
    FAIL() << "accepted a plan of another instance";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "p.json: instance: plan is for instance \"medium\" (the plan does not belong to "
                 "instance \"tiny\")");
  }
  network::Plan unknown_lane = tiny_plan();
  unknown_lane.routes[1].legs[0].lane = "X>Y";
  try {
    require_plan_of_instance(instance, unknown_lane, "p.json");
    FAIL() << "accepted an unknown lane";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "p.json: routes[1].legs[0].lane: unknown lane \"X>Y\" (the plan does not belong "
                 "to instance \"tiny\")");
  }
  EXPECT_NO_THROW(require_plan_of_instance(instance, tiny_plan(), "p.json"));
}

// Vehicles that come back (tests/data/balance: the shuttle's truck runs A → B loaded and
// returns empty): the fleet KPI, the empty move dashed on the map, and the rotations chart
// with one row, one loaded and one empty leg.
TEST(ReportPage, CyclicPlanShowsFleetEmptyMovesAndRotations) {
  const std::string dir = std::string(MM_TEST_DATA_DIR) + "/balance/";
  const auto instance = network::read_instance_file(dir + "shuttle.json");
  const auto plan = network::read_plan_file(dir + "shuttle_plan.json");
  ASSERT_TRUE(network::check_plan(instance, plan).ok());
  const std::string html = render(instance, plan);
  EXPECT_EQ(count(html, "id=\"rotations\""), 1u);
  EXPECT_EQ(count(html, "class=\"rotation-row\""), 1u);
  EXPECT_EQ(count(html, "class=\"leg-loaded\""), 1u);
  EXPECT_EQ(count(html, "class=\"leg-empty\""), 1u);
  EXPECT_NE(html.find("<title>empty B → A (A&gt;B:t), minute 180 to 300</title>"),
            std::string::npos)
      << html;
  EXPECT_EQ(count(html, "class=\"empty-move\""), 1u);
  EXPECT_NE(html.find("<title>empty t B → A: 1 vehicle moves, cost 100</title>"),
            std::string::npos);
  EXPECT_NE(html.find("id=\"kpi-fleet\""), std::string::npos);
  EXPECT_NE(html.find("t 1; 1 empty trips costing 100.00"), std::string::npos);
  EXPECT_NE(html.find("· empty moves 100.00 · fleet 50.00"), std::string::npos);
  // A plan without cyclic types has none of it.
  const std::string plain = render(tiny_instance(), tiny_plan());
  EXPECT_EQ(count(plain, "id=\"rotations\""), 0u);
  EXPECT_EQ(count(plain, "empty-move"), 0u);
  EXPECT_EQ(count(plain, "kpi-fleet"), 0u);
}

}  // namespace
}  // namespace mm::report
