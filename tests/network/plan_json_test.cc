// middlemile-plan/1 JSON: exact output, round trips, strict reading with exact messages, and
// atomic file writing.
#include "network/plan_json.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "network/errors.h"
#include "network/text_file.h"
#include "tests/network/error_text.h"
#include "tests/network/test_folder.h"

namespace mm::network {
namespace {

namespace fs = std::filesystem;

Plan full_plan() {
  Plan plan;
  plan.instance = "tiny";
  plan.status = PlanStatus::feasible;
  plan.objective = 5173.2;
  plan.lower_bound = 5100.0;
  plan.gap = (5173.2 - 5100.0) / 5173.2;
  plan.cost = {5000.0, 0.1 + 0.2, 60.0, 113.2};
  PlannedDeparture d;
  d.lane = "SEA1>SC-PDX";
  d.from = "SEA1";
  d.to = "SC-PDX";
  d.vehicle_type = "truck53";
  d.departure_minute = 360;
  d.arrival_minute = 600;
  d.vehicles = 2;
  d.load = {1200.0 / 7.0, 30.5, 4000.0};
  d.fill_cube = 30.5 / 200.0;
  d.fill_weight = 4000.0 / 40000.0;
  plan.departures.push_back(d);
  d.lane = "SC-PDX>DS-EUG:truck53";
  d.from = "SC-PDX";
  d.to = "DS-EUG";
  d.departure_minute = 720;
  d.arrival_minute = 840;
  d.vehicles = 1;
  plan.departures.push_back(d);
  plan.routes.push_back(
      {"d1", 1200.0 / 7.0, {{"SEA1>SC-PDX", 360}, {"SC-PDX>DS-EUG:truck53", 720}}, 840});
  plan.routes.push_back({"d2", 3.0, {{"SEA1>SC-PDX", 360}}, 600});
  plan.unserved.push_back({"d9", 40.25, "no lane path from SEA1 to DS-X"});
  plan.kpis.vehicle_trips = {{"truck", 3}, {"air", 1}};
  plan.kpis.fill_cube = {{"truck", 0.83}, {"air", 0.9}};
  plan.kpis.fill_weight = {{"truck", 0.1}, {"air", 1.0 / 3.0}};
  plan.kpis.on_time_share = 0.998;
  plan.kpis.solve_seconds = 12.4;
  return plan;
}

void expect_same(const Plan& a, const Plan& b) {
  EXPECT_EQ(a.instance, b.instance);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.objective, b.objective);
  EXPECT_EQ(a.lower_bound, b.lower_bound);
  EXPECT_EQ(a.gap, b.gap);
  EXPECT_EQ(a.cost.vehicles, b.cost.vehicles);
  EXPECT_EQ(a.cost.packages, b.cost.packages);
  EXPECT_EQ(a.cost.handling, b.cost.handling);
  EXPECT_EQ(a.cost.unserved, b.cost.unserved);
  ASSERT_EQ(a.departures.size(), b.departures.size());
  for (std::size_t i = 0; i < a.departures.size(); ++i) {
    const PlannedDeparture& x = a.departures[i];
    const PlannedDeparture& y = b.departures[i];
    EXPECT_EQ(x.lane, y.lane);
    EXPECT_EQ(x.from, y.from);
    EXPECT_EQ(x.to, y.to);
    EXPECT_EQ(x.vehicle_type, y.vehicle_type);
    EXPECT_EQ(x.departure_minute, y.departure_minute);
    EXPECT_EQ(x.arrival_minute, y.arrival_minute);
    EXPECT_EQ(x.vehicles, y.vehicles);
    EXPECT_EQ(x.load.packages, y.load.packages);
    EXPECT_EQ(x.load.cube_m3, y.load.cube_m3);
    EXPECT_EQ(x.load.weight_kg, y.load.weight_kg);
    EXPECT_EQ(x.fill_cube, y.fill_cube);
    EXPECT_EQ(x.fill_weight, y.fill_weight);
  }
  ASSERT_EQ(a.routes.size(), b.routes.size());
  for (std::size_t i = 0; i < a.routes.size(); ++i) {
    EXPECT_EQ(a.routes[i].demand, b.routes[i].demand);
    EXPECT_EQ(a.routes[i].packages, b.routes[i].packages);
    EXPECT_EQ(a.routes[i].arrival_minute, b.routes[i].arrival_minute);
    ASSERT_EQ(a.routes[i].legs.size(), b.routes[i].legs.size());
    for (std::size_t j = 0; j < a.routes[i].legs.size(); ++j) {
      EXPECT_EQ(a.routes[i].legs[j].lane, b.routes[i].legs[j].lane);
      EXPECT_EQ(a.routes[i].legs[j].departure_minute, b.routes[i].legs[j].departure_minute);
    }
  }
  ASSERT_EQ(a.unserved.size(), b.unserved.size());
  for (std::size_t i = 0; i < a.unserved.size(); ++i) {
    EXPECT_EQ(a.unserved[i].demand, b.unserved[i].demand);
    EXPECT_EQ(a.unserved[i].packages, b.unserved[i].packages);
    EXPECT_EQ(a.unserved[i].reason, b.unserved[i].reason);
  }
  EXPECT_EQ(a.kpis.vehicle_trips, b.kpis.vehicle_trips);
  EXPECT_EQ(a.kpis.fill_cube, b.kpis.fill_cube);
  EXPECT_EQ(a.kpis.fill_weight, b.kpis.fill_weight);
  EXPECT_EQ(a.kpis.on_time_share, b.kpis.on_time_share);
  EXPECT_EQ(a.kpis.solve_seconds, b.kpis.solve_seconds);
}

// What parse_plan reports (tests/network/error_text.h), or "" when it does not throw.
std::string parse_error(const std::string& text) {
  return error_text([&] { parse_plan(text, "p.json"); });
}

// full_plan() written out, with `from` replaced by `to` (exactly once).
std::string edited(const std::string& from, const std::string& to) {
  std::string text = write_plan_json(full_plan());
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from << " occurs twice";
  return text.replace(at, from.size(), to);
}

TEST(PlanStatus, Names) {
  EXPECT_STREQ(to_string(PlanStatus::optimal), "optimal");
  EXPECT_STREQ(to_string(PlanStatus::feasible), "feasible");
  EXPECT_STREQ(to_string(PlanStatus::no_solution), "no_solution");
}

TEST(PlanJson, WritesEveryFieldPrettyPrinted) {
  Plan plan;
  plan.instance = "empty";
  plan.status = PlanStatus::optimal;
  plan.objective = 250.5;
  plan.cost.vehicles = 250.5;
  PlannedDeparture d;
  d.lane = "A>B";
  d.from = "A";
  d.to = "B";
  d.vehicle_type = "van";
  d.departure_minute = 30;
  d.arrival_minute = 90;
  d.vehicles = 1;
  d.load = {10.0, 0.5, 40.0};
  d.fill_cube = 0.25;
  d.fill_weight = 0.125;
  plan.departures.push_back(d);
  plan.routes.push_back({"k", 10.0, {{"A>B", 30}}, 90});
  plan.kpis.vehicle_trips = {{"truck", 1}};
  plan.kpis.fill_cube = {{"truck", 0.25}};
  plan.kpis.fill_weight = {{"truck", 0.125}};
  plan.kpis.on_time_share = 1.0;
  plan.kpis.solve_seconds = 0.5;
  EXPECT_EQ(write_plan_json(plan), R"({
  "format": "middlemile-plan/1",
  "instance": "empty",
  "status": "optimal",
  "objective": 250.5,
  "lower_bound": null,
  "gap": null,
  "cost": {
    "vehicles": 250.5,
    "packages": 0.0,
    "handling": 0.0,
    "unserved": 0.0
  },
  "departures": [
    {
      "lane": "A>B",
      "from": "A",
      "to": "B",
      "vehicle_type": "van",
      "departure_minute": 30,
      "arrival_minute": 90,
      "vehicles": 1,
      "load": {
        "packages": 10.0,
        "cube_m3": 0.5,
        "weight_kg": 40.0
      },
      "fill": {
        "cube": 0.25,
        "weight": 0.125
      }
    }
  ],
  "routes": [
    {
      "demand": "k",
      "packages": 10.0,
      "legs": [
        {
          "lane": "A>B",
          "departure_minute": 30
        }
      ],
      "arrival_minute": 90
    }
  ],
  "unserved": [],
  "kpis": {
    "vehicle_trips": {
      "truck": 1
    },
    "fill_cube": {
      "truck": 0.25
    },
    "fill_weight": {
      "truck": 0.125
    },
    "on_time_share": 1.0,
    "solve_seconds": 0.5
  }
}
)");
}

TEST(PlanJson, RoundTripsEveryField) {
  const Plan plan = full_plan();
  const Plan back = parse_plan(write_plan_json(plan), "round-trip");
  expect_same(plan, back);
  EXPECT_EQ(write_plan_json(back), write_plan_json(plan));
}

TEST(PlanJson, RoundTripsAbsentBoundAndGap) {
  Plan plan = full_plan();
  plan.status = PlanStatus::no_solution;
  plan.lower_bound.reset();
  plan.gap.reset();
  const Plan back = parse_plan(write_plan_json(plan), "round-trip");
  expect_same(plan, back);
  EXPECT_FALSE(back.lower_bound.has_value());
  EXPECT_FALSE(back.gap.has_value());
}

TEST(PlanJson, ReadsThePlanExampleOfTheFormat) {
  const Plan plan = parse_plan(R"({
  "format": "middlemile-plan/1",
  "instance": "tiny",
  "status": "optimal",
  "objective": 5173.2,
  "lower_bound": 5100.0,
  "gap": 0.0141,
  "cost": {"vehicles": 5000.0, "packages": 0.0, "handling": 60.0, "unserved": 0.0},
  "departures": [
    {"lane": "SEA1>SC-PDX", "from": "SEA1", "to": "SC-PDX", "vehicle_type": "truck53",
     "departure_minute": 360, "arrival_minute": 600, "vehicles": 1,
     "load": {"packages": 1200, "cube_m3": 30.5, "weight_kg": 4000.0},
     "fill": {"cube": 0.305, "weight": 0.2}}
  ],
  "routes": [
    {"demand": "d1", "packages": 1200,
     "legs": [{"lane": "SEA1>SC-PDX", "departure_minute": 360},
              {"lane": "SC-PDX>DS-EUG:truck53", "departure_minute": 720}],
     "arrival_minute": 960}
  ],
  "unserved": [{"demand": "d9", "packages": 40, "reason": "no path reaches DS-X by minute 900"}],
  "kpis": {"vehicle_trips": {"truck": 12, "air": 1}, "fill_cube": {"truck": 0.83, "air": 0.9},
           "on_time_share": 0.998, "solve_seconds": 12.4}
})",
                               "FORMAT.md");
  EXPECT_EQ(plan.status, PlanStatus::optimal);
  EXPECT_EQ(plan.lower_bound, 5100.0);
  ASSERT_EQ(plan.departures.size(), 1u);
  EXPECT_EQ(plan.departures[0].load.packages, 1200.0);
  EXPECT_EQ(plan.departures[0].fill_weight, 0.2);
  ASSERT_EQ(plan.routes.size(), 1u);
  EXPECT_EQ(plan.routes[0].legs[1].lane, "SC-PDX>DS-EUG:truck53");
  EXPECT_EQ(plan.routes[0].legs[1].departure_minute, 720);
  EXPECT_EQ(plan.unserved[0].packages, 40.0);
  EXPECT_EQ(plan.kpis.vehicle_trips.at("truck"), 12);
  EXPECT_EQ(plan.kpis.fill_cube.at("air"), 0.9);
  EXPECT_TRUE(plan.kpis.fill_weight.empty());
}

TEST(PlanJson, RejectsMissingFields) {
  EXPECT_EQ(parse_error(edited("\"vehicles\": 2,", "")),
            "p.json: departures[0]: missing required field \"vehicles\"");
  EXPECT_EQ(parse_error(edited("\"format\": \"middlemile-plan/1\",", "")),
            "p.json: (root): missing required field \"format\"");
  EXPECT_EQ(parse_error(edited("\"reason\": \"no lane path from SEA1 to DS-X\"", "\"why\": 1")),
            "p.json: unserved[0]: missing required field \"reason\"");
  EXPECT_EQ(parse_error(edited("\"solve_seconds\": 12.4", "\"seconds\": 12.4")),
            "p.json: kpis: missing required field \"solve_seconds\"");
}

TEST(PlanJson, RejectsWrongTypes) {
  EXPECT_EQ(parse_error(edited("\"departure_minute\": 720\n", "\"departure_minute\": \"720\"\n")),
            "p.json: routes[0].legs[1].departure_minute: must be an integer (got string \"720\")");
  EXPECT_EQ(parse_error(edited("\"arrival_minute\": 840,", "\"arrival_minute\": 840.5,")),
            "p.json: departures[1].arrival_minute: must be an integer (got 840.5)");
  EXPECT_EQ(parse_error(edited("\"objective\": 5173.2", "\"objective\": null")),
            "p.json: objective: must be a number (got null)");
  EXPECT_EQ(parse_error(edited("\"instance\": \"tiny\"", "\"instance\": [\"tiny\"]")),
            "p.json: instance: must be a string (got an array)");
  EXPECT_EQ(parse_error(edited("\"truck\": 3", "\"truck\": 3.0")),
            "p.json: kpis.vehicle_trips.truck: must be an integer (got 3.0)");
  EXPECT_EQ(
      parse_error(edited("\"vehicles\": 2,", "\"vehicles\": 4294967296,")),
      "p.json: departures[0].vehicles: must be at most 2147483647 in magnitude (got 4294967296)");
  EXPECT_EQ(parse_error("[]"), "p.json: (root): must be an object (got an array)");
  EXPECT_EQ(parse_error(edited("\"unserved\": [", "\"unserved\": {}, \"x\": [")),
            "p.json: unserved: must be an array (got an object)");
}

TEST(PlanJson, RejectsUnknownFormatAndStatus) {
  EXPECT_EQ(parse_error(edited("middlemile-plan/1", "middlemile-plan/2")),
            "p.json: format: expected \"middlemile-plan/1\" (got \"middlemile-plan/2\")");
  EXPECT_EQ(parse_error(edited("\"status\": \"feasible\"", "\"status\": \"done\"")),
            "p.json: status: must be one of \"optimal\", \"feasible\", \"no_solution\" (got "
            "\"done\")");
}

// Like every reader, the plan reader goes on past a problem: all of them are reported at once.
TEST(PlanJson, ReportsEveryProblemAtOnce) {
  std::string text = edited("\"objective\": 5173.2", "\"objective\": \"cheap\"");
  text.replace(text.find("\"vehicles\": 2,"), 14, "");
  EXPECT_EQ(parse_error(text),
            "p.json: objective: must be a number (got string \"cheap\") | "
            "p.json: departures[0]: missing required field \"vehicles\"");
}

TEST(PlanJson, ReportsSyntaxErrorsWithLineAndColumn) {
  EXPECT_EQ(parse_error("{\n  \"format\": tru\n}"),
            "p.json:2:16: invalid JSON: syntax error while parsing value - invalid literal; "
            "last read: '\"format\": tru<U+000A>'");
  EXPECT_EQ(parse_error("{\"format\": 1,\n \"b\": ]}"),
            "p.json:2:7: invalid JSON: syntax error while parsing value - unexpected ']'; "
            "expected '[', '{', or a literal");
  EXPECT_EQ(parse_error(""),
            "p.json:1:1: invalid JSON: syntax error while parsing value - unexpected "
            "end of input; expected '[', '{', or a literal");
}

// A fresh, empty folder per test, removed afterwards.
class PlanFiles : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_test_folder("mm-plan-json"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(PlanFiles, WritePlanFileReadsBack) {
  const std::string file = path("plan.json");
  write_file_atomically(file, write_plan_json(full_plan()));
  expect_same(read_plan_file(file), full_plan());
}

TEST_F(PlanFiles, ReadReportsMissingFile) {
  const std::string file = path("absent.json");
  try {
    read_plan_file(file);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), file + ": cannot read: No such file or directory");
  }
}

TEST_F(PlanFiles, ReadReportsFolder) {
  try {
    read_plan_file(dir_.string());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), dir_.string() + ": cannot read: Is a directory");
  }
}

}  // namespace
}  // namespace mm::network
