// `middlemile simulate` end to end: plan a small network with `middlemile plan`, check it with
// the referee, simulate it, read the JSON and CSV back, and draw it in `report --simulation`;
// `plan --demand-quantile` and the two-stage `plan --samples` write plans the referee accepts;
// bad input exits 2 with one `error:` line naming the problem.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "network/simulation_json.h"
#include "tests/cli/cli_support.h"

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::slurp;

namespace fs = std::filesystem;

const std::string kSimulationInstance =
    std::string(MM_TEST_DATA_DIR) + "/simulation/sim_small.json";

class SimulateCli : public mm::cli_test::CliTest {
 protected:
  SimulateCli() : CliTest("simulate") {}
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // Plans the instance (a few seconds) and checks the plan with the referee.
  std::string planned(const std::string& extra = "") const {
    const std::string plan = path("plan.json");
    const CliRun p = run("plan " + quote(kSimulationInstance) + " -o " + quote(plan) +
                         " --time-limit 3 --threads 1 --quiet " + extra);
    EXPECT_EQ(p.exit_code, 0) << p.err;
    const CliRun v = run("verify " + quote(kSimulationInstance) + " " + quote(plan));
    EXPECT_EQ(v.exit_code, 0) << v.out;
    return plan;
  }
};

TEST_F(SimulateCli, SimulatesAPlannedNetworkAndWritesJsonAndCsv) {
  const std::string plan = planned();
  const std::string json = path("sim.json"), csv = path("sim.csv");
  const CliRun r = run("simulate " + quote(kSimulationInstance) + " " + quote(plan) +
                       " --samples 40 --seed 3 --demand-cv 0.25 --correlation 0.4 --threads 2 "
                       "--json " +
                       quote(json) + " --csv " + quote(csv));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("on-time share %"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("40 sampled days (CV 0.25, correlation 0.4, seed 3)"), std::string::npos)
      << r.out;
  // Progress as plain lines (stderr is a file here), ending at the total.
  EXPECT_NE(r.err.find("samples      40 of 40"), std::string::npos) << r.err;
  const auto results = mm::network::read_simulation_file(json);
  EXPECT_EQ(results.instance, "sim_small");
  EXPECT_EQ(results.samples.size(), 40u);
  EXPECT_EQ(results.settings.seed, 3u);
  EXPECT_FALSE(results.interrupted);
  EXPECT_LE(results.summary.on_time_share.p5, results.summary.on_time_share.p50);
  // A header and one line per day.
  const std::string table = slurp(csv);
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 41);
  EXPECT_EQ(table.rfind("sample,scenario,packages,", 0), 0u);

  // The same seed on one thread: the same days.
  const std::string again = path("again.json");
  const CliRun one = run("simulate " + quote(kSimulationInstance) + " " + quote(plan) +
                         " --samples 40 --seed 3 --demand-cv 0.25 --correlation 0.4 --threads 1 "
                         "--quiet --json " +
                         quote(again));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.err, "");
  const auto same = mm::network::read_simulation_file(again);
  for (std::size_t i = 0; i < 40; ++i)
    EXPECT_EQ(same.samples[i].cost.total(), results.samples[i].cost.total());

  // The report shows it.
  const std::string html = path("report.html");
  const CliRun rep = run("report " + quote(kSimulationInstance) + " " + quote(plan) + " -o " +
                         quote(html) + " --simulation " + quote(json));
  ASSERT_EQ(rep.exit_code, 0) << rep.err;
  const std::string page = slurp(html);
  for (const char* id : {"id=\"simulation\"", "id=\"simulation-cost\"", "id=\"simulation-on-time\"",
                         "id=\"simulation-spot\"", "id=\"simulation-summary\""})
    EXPECT_NE(page.find(id), std::string::npos) << id;
}

TEST_F(SimulateCli, ProgressIsABarWithAnEtaOnATerminal) {
  const std::string plan = planned();
  if (std::system("command -v script >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "util-linux `script` is not installed: cannot test the terminal bar";
  const fs::path typescript = dir_ / "tty.txt";
  const CliRun tty = mm::cli_test::run_shell(
      "script -qec \"" + quote(MM_CLI_PATH) + " simulate " + quote(kSimulationInstance) + " " +
          quote(plan) + " --samples 400 --threads 2\" " + quote(typescript.string()),
      dir_);
  ASSERT_EQ(tty.exit_code, 0) << tty.out << tty.err;
  const std::string screen = slurp(typescript);
  EXPECT_NE(screen.find("\r["), std::string::npos) << screen;
  EXPECT_NE(screen.find(" of 400 samples"), std::string::npos) << screen;
  EXPECT_NE(screen.find("  ETA "), std::string::npos) << screen;
  EXPECT_NE(screen.find("400 of 400 samples"), std::string::npos) << screen;
}

TEST_F(SimulateCli, ScenarioFileDays) {
  const std::string plan = planned();
  const std::string days = path("days.json");
  std::ofstream(days) << R"({"format": "middlemile-demand-scenarios/1", "instance": "sim_small",
      "scenarios": [{"name": "forecast"}, {"name": "peak", "scale": 1.5}]})";
  const std::string json = path("sim.json");
  const CliRun r = run("simulate " + quote(kSimulationInstance) + " " + quote(plan) +
                       " --scenarios " + quote(days) + " --quiet --json " + quote(json));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto results = mm::network::read_simulation_file(json);
  ASSERT_EQ(results.samples.size(), 2u);
  EXPECT_EQ(results.samples[1].scenario, "peak");
  EXPECT_NEAR(results.samples[0].cost.total(), results.plan_objective,
              1e-9 * results.plan_objective);
  EXPECT_GT(results.samples[1].cost.total(), results.samples[0].cost.total());
}

TEST_F(SimulateCli, QuantilePlanPassesTheReferee) {
  const std::string plan = planned("--demand-quantile 0.9 --demand-cv 0.2");
  const std::string text = slurp(plan);
  EXPECT_NE(text.find("\"demand_quantile\""), std::string::npos);
  const CliRun median =
      run("plan " + quote(kSimulationInstance) + " -o " + quote(path("median.json")) +
          " --time-limit 3 --quiet --demand-quantile 0.5");
  EXPECT_EQ(median.exit_code, 2) << median.err;
  EXPECT_NE(median.err.find("error: --demand-quantile 0.5: demand"), std::string::npos)
      << median.err;
  EXPECT_FALSE(fs::exists(path("median.json")));
}

TEST_F(SimulateCli, TwoStagePlanPassesTheRefereeAndReportsItsPromise) {
  const std::string plan = path("two_stage.json");
  const CliRun r = run("plan " + quote(kSimulationInstance) + " -o " + quote(plan) +
                       " --time-limit 4 --threads 2 --samples 20 --demand-cv 0.3 "
                       "--correlation 0.5 --spot-factor 3 --out-of-sample 50");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("two-stage plan on 20 sampled days (CV 0.30, correlation 0.50)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("out of sample (50 fresh days): expected cost"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("two-stage search: evaluation 1,"), std::string::npos) << r.err;
  const CliRun v = run("verify " + quote(kSimulationInstance) + " " + quote(plan));
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(slurp(plan).find("\"two_stage\""), std::string::npos);
  // Days of a file instead of sampled ones; and only with the engine.
  const std::string days = path("days.json");
  std::ofstream(days) << R"({"format": "middlemile-demand-scenarios/1",
      "scenarios": [{"name": "forecast"}, {"name": "peak", "scale": 1.5}]})";
  const CliRun file =
      run("plan " + quote(kSimulationInstance) + " -o " + quote(path("days_plan.json")) +
          " --time-limit 3 --quiet --out-of-sample 0 --scenarios " + quote(days));
  ASSERT_EQ(file.exit_code, 0) << file.err;
  EXPECT_NE(file.out.find("two-stage plan on 2 days of"), std::string::npos) << file.out;
  const CliRun compact = run("plan " + quote(kSimulationInstance) + " -o " + quote(path("c.json")) +
                             " --time-limit 3 --quiet --samples 5 --method compact");
  EXPECT_EQ(compact.exit_code, 2);
  EXPECT_NE(compact.err.find("error: --samples and --scenarios plan with the column generation"),
            std::string::npos)
      << compact.err;
}

TEST_F(SimulateCli, BadInputExitsTwo) {
  const std::string plan = planned();
  const CliRun cv =
      run("simulate " + quote(kSimulationInstance) + " " + quote(plan) + " --demand-cv -1");
  EXPECT_EQ(cv.exit_code, 2);
  const CliRun both = run("simulate " + quote(kSimulationInstance) + " " + quote(plan) +
                          " --samples 5 --scenarios x.json");
  EXPECT_EQ(both.exit_code, 2);
  // A plan of another instance fails the referee.
  const std::string other = std::string(MM_TEST_DATA_DIR) + "/verify/tiny_plan.json";
  const CliRun wrong =
      run("simulate " + quote(kSimulationInstance) + " " + quote(other) + " --samples 5");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err.rfind("error: " + other + ": the plan fails the referee", 0), 0u)
      << wrong.err;
  const std::string days = path("days.json");
  std::ofstream(days) << R"({"format": "middlemile-demand-scenarios/1",
      "scenarios": [{"packages": {"nope": 3}}]})";
  const CliRun scenario = run("simulate " + quote(kSimulationInstance) + " " + quote(plan) +
                              " --scenarios " + quote(days));
  EXPECT_EQ(scenario.exit_code, 2);
  EXPECT_EQ(scenario.err, "error: scenarios[0].packages.nope: unknown demand \"nope\"\nerror: " +
                              days + ": 1 validation error\n");
  // An output over an input is refused before any work.
  const CliRun over =
      run("simulate " + quote(kSimulationInstance) + " " + quote(plan) + " --json " + quote(plan));
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_NE(over.err.find("refusing to overwrite an input"), std::string::npos);
  // Results of another plan are refused by report.
  const std::string json = path("sim.json");
  ASSERT_EQ(run("simulate " + quote(kSimulationInstance) + " " + quote(plan) +
                " --samples 3 --quiet "
                "--json " +
                quote(json))
                .exit_code,
            0);
  const CliRun rep =
      run("report " + std::string(MM_TEST_DATA_DIR) + "/verify/tiny_instance.json " + quote(other) +
          " -o " + quote(path("r.html")) + " --simulation " + quote(json));
  EXPECT_EQ(rep.exit_code, 2);
  EXPECT_NE(rep.err.find("simulation of instance \"sim_small\""), std::string::npos) << rep.err;
}

}  // namespace
