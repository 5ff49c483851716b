// `evaluate --mpi` and `simulate --mpi` under `mpirun -n 3` on this one machine (cluster/):
// the results are those of one process with the same seed; a scenario that fails on its rank is
// reported and the others finish; a rank that dies (under --enable-recovery) loses only its
// scenario; Ctrl-C at rank 0 leaves the results so far. Skipped when the build has no MPI (then
// --mpi must be one clear error).
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/cli/cli_support.h"

namespace mm::cli_test {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kScenarios = std::string(MM_TEST_DATA_DIR) + "/scenarios/";
const std::string kSimulation = std::string(MM_TEST_DATA_DIR) + "/simulation/";

// The small sweep: four scenarios of a three-facility network, each solved to optimality in
// milliseconds (so no time limit decides a plan, and one process and three ranks must agree).
// The limits are far above that: under the sanitizers, on three ranks sharing two busy cores, a
// scenario took 2.6 s to prove its plan optimal, and one cut at 2 s ended merely feasible.
const std::string kSweep = quote(kScenarios + "far_center.json") + " --scenarios " +
                           quote(kScenarios + "near_center.json") +
                           " --time-limit 60 --baseline-time-limit 60 --quiet";

class MpiCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mm_mpi_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // `mpirun -n RANKS … middlemile ARGS --mpi`; `mpirun_flags` and `env` (NAME=VALUE, passed on
  // to every rank) for the failure tests.
  CliRun on_ranks(int ranks, const std::string& args, const std::string& env = "",
                  const std::string& mpirun_flags = "") const {
    std::string command;
    std::string pass;
    if (!env.empty()) {
      command = env + " ";
      pass = " -x " + env.substr(0, env.find('='));
    }
    command +=
        mpirun(ranks) + mpirun_flags + pass + " " + quote(MM_CLI_PATH) + " " + args + " --mpi";
    return run_shell(command, dir_);
  }

  // `mpirun -n RANKS` on this one machine, as root too (CI); in the sanitizer build with
  // LeakSanitizer told to ignore Open MPI's own allocations (tests/cluster/openmpi.lsan.supp).
  static std::string mpirun(int ranks) {
    const std::string lsan = MM_MPI_LSAN_OPTIONS;
    std::string command = lsan.empty() ? "" : "LSAN_OPTIONS=" + quote(lsan) + " ";
    command += quote(MM_MPIRUN) + " -n " + std::to_string(ranks) + " --oversubscribe ";
    if (::geteuid() == 0) command += "--allow-run-as-root ";
    return command;
  }

  fs::path dir_;
};

// The results without what depends on the clock: seconds, and the times of the incumbents.
Json without_timings(Json j) {
  if (j.is_object()) {
    j.erase("seconds");
    if (j.contains("incumbents"))
      for (Json& incumbent : j["incumbents"]) incumbent = incumbent[1];
    for (auto& [key, value] : j.items()) value = without_timings(value);
  } else if (j.is_array()) {
    for (Json& value : j) value = without_timings(value);
  }
  return j;
}

TEST_F(MpiCli, EvaluateOnThreeRanksGivesTheResultsOfOneProcess) {
  if (!MM_HAVE_MPI) GTEST_SKIP() << "this build has no MPI";
  const CliRun one =
      run_middlemile("evaluate " + kSweep + " --threads 1 -o " + quote(path("one.json")), dir_);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliRun three =
      on_ranks(3, "evaluate " + kSweep + " --threads 1 -o " + quote(path("three.json")) +
                      " --plans-dir " + quote(path("plans")));
  ASSERT_EQ(three.exit_code, 0) << three.out << three.err;
  EXPECT_NE(three.out.find("on 3 ranks (3 threads): rank 0 coordinated"), std::string::npos)
      << three.out;
  EXPECT_NE(three.out.find("no rank lost"), std::string::npos) << three.out;
  EXPECT_NE(three.out.find("(every plan verified)"), std::string::npos) << three.out;

  const Json a = Json::parse(slurp(path("one.json")));
  const Json b = Json::parse(slurp(path("three.json")));
  ASSERT_EQ(b["scenarios"].size(), 4u);
  EXPECT_EQ(without_timings(a), without_timings(b));
  // The CSV too, but for its seconds column.
  const auto rows = [](const std::string& csv) {
    std::vector<std::string> kept;
    std::istringstream in(csv);
    for (std::string line; std::getline(in, line);) {
      const auto verified = line.rfind(",", line.rfind(",") - 1);
      const auto seconds = line.rfind(",", verified - 1);
      kept.push_back(line.substr(0, seconds) + line.substr(verified));
    }
    return kept;
  };
  EXPECT_EQ(rows(slurp(path("one.csv"))), rows(slurp(path("three.csv"))));
  // Plans planned on other ranks are written by rank 0 and verify.
  const CliRun verify = run_middlemile("verify " + quote(path("plans/close_Boise.instance.json")) +
                                           " " + quote(path("plans/close_Boise.plan.json")),
                                       dir_);
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(MpiCli, SimulateOnThreeRanksGivesTheResultsOfOneProcessBitForBit) {
  if (!MM_HAVE_MPI) GTEST_SKIP() << "this build has no MPI";
  const std::string inputs = quote(kSimulation + "sim_small.json") + " " +
                             quote(kSimulation + "sim_small_plan.json") +
                             " --samples 300 --seed 7 --demand-cv 0.3 --correlation 0.4 --quiet";
  const CliRun one =
      run_middlemile("simulate " + inputs + " --threads 2 --json " + quote(path("one.json")) +
                         " --csv " + quote(path("one.csv")),
                     dir_);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const CliRun three =
      on_ranks(3, "simulate " + inputs + " --threads 1 --json " + quote(path("three.json")) +
                      " --csv " + quote(path("three.csv")));
  ASSERT_EQ(three.exit_code, 0) << three.out << three.err;
  EXPECT_NE(three.out.find("300 days in"), std::string::npos) << three.out;
  Json a = Json::parse(slurp(path("one.json")));
  Json b = Json::parse(slurp(path("three.json")));
  EXPECT_EQ(b["run"]["threads"], 3);
  EXPECT_EQ(b["run"]["interrupted"], false);
  a.erase("run");
  b.erase("run");
  EXPECT_EQ(a, b);
  EXPECT_EQ(slurp(path("one.csv")), slurp(path("three.csv")));

  // The days of a scenario file travel too.
  const std::string days = path("days.json");
  std::ofstream(days) << R"({"format": "middlemile-demand-scenarios/1", "instance": "sim_small",
      "scenarios": [{"name": "forecast"}, {"name": "peak", "scale": 1.5},
                    {"name": "low", "scale": 0.5}]})";
  const std::string given = quote(kSimulation + "sim_small.json") + " " +
                            quote(kSimulation + "sim_small_plan.json") + " --scenarios " +
                            quote(days) + " --quiet --json ";
  ASSERT_EQ(run_middlemile("simulate " + given + quote(path("d1.json")), dir_).exit_code, 0);
  ASSERT_EQ(on_ranks(3, "simulate " + given + quote(path("d3.json"))).exit_code, 0);
  a = Json::parse(slurp(path("d1.json")));
  b = Json::parse(slurp(path("d3.json")));
  ASSERT_EQ(b["samples"].size(), 3u);
  EXPECT_EQ(b["samples"][1]["scenario"], "peak");
  a.erase("run");
  b.erase("run");
  EXPECT_EQ(a, b);
}

TEST_F(MpiCli, AScenarioThatFailsOnItsRankIsReportedAndTheOthersFinish) {
  if (!MM_HAVE_MPI) GTEST_SKIP() << "this build has no MPI";
  const CliRun run = on_ranks(3, "evaluate " + kSweep + " --threads 1 -o " + quote(path("r.json")),
                              "MM_TEST_FAIL_SCENARIO='close Boise'");
  // Results written, then exit 1 naming the failure.
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("error: internal: 1 scenario failed"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("close Boise    failed: rank "), std::string::npos) << run.out;
  const Json results = Json::parse(slurp(path("r.json")));
  ASSERT_EQ(results["scenarios"].size(), 4u);
  for (const Json& s : results["scenarios"]) {
    SCOPED_TRACE(s["name"].get<std::string>());
    if (s["name"] == "close Boise") {
      EXPECT_EQ(s["status"], "failed");
      EXPECT_NE(s["error"].get<std::string>().find("fails on purpose"), std::string::npos);
    } else {
      EXPECT_EQ(s["verified"], true);
      EXPECT_NE(s["status"], "failed");
    }
  }
  EXPECT_NE(slurp(path("r.csv")).find("\nclose Boise,failed,"), std::string::npos);
}

TEST_F(MpiCli, ARankThatDiesLosesOnlyItsScenario) {
  if (!MM_HAVE_MPI) GTEST_SKIP() << "this build has no MPI";
  // Rank 2 kills itself when its first scenario arrives; --enable-recovery keeps the job up
  // (Open MPI then reports exit 0 whatever the ranks return: the results and stdout tell).
  const CliRun run = on_ranks(
      3, "evaluate " + kSweep + " --threads 1 --rank-timeout 2 -o " + quote(path("r.json")),
      "MM_TEST_KILL_RANK=2", "--enable-recovery");
  EXPECT_NE(run.out.find("lost rank 2"), std::string::npos) << run.out << run.err;
  const Json results = Json::parse(slurp(path("r.json")));
  ASSERT_EQ(results["scenarios"].size(), 4u);
  int lost = 0;
  for (const Json& s : results["scenarios"]) {
    SCOPED_TRACE(s["name"].get<std::string>());
    if (s["status"] == "failed") {
      ++lost;
      EXPECT_NE(s["error"].get<std::string>().find("rank 2 was lost"), std::string::npos);
    } else {
      EXPECT_EQ(s["verified"], true);
    }
  }
  EXPECT_EQ(lost, 1);
}

TEST_F(MpiCli, CtrlCAtRankZeroLeavesTheResultsSoFar) {
  if (!MM_HAVE_MPI) GTEST_SKIP() << "this build has no MPI";
  // Seven scenarios that each take their whole time limit (5 s), three at a time: Ctrl-C to
  // mpirun as soon as the baseline is planned finds scenarios under way and others not dealt.
  const std::string args = "evaluate " + quote(kScenarios + "two_centers.json") +
                           " --sweep close-each=lane --time-limit 5 --baseline-time-limit 2 "
                           "--threads 1 -o " +
                           quote(path("r.json"));
  const std::string err = path("err.txt");
  const CliRun run =
      run_shell(mpirun(3) + quote(MM_CLI_PATH) + " " + args + " --mpi 2>" + quote(err) +
                    " & pid=$!; i=0; while [ $i -lt 600 ] && ! grep -q 'baseline planned' " +
                    quote(err) + "; do sleep 0.1; i=$((i+1)); done; kill -INT $pid; wait $pid",
                dir_);
  const std::string stderr_text = slurp(err);
  EXPECT_NE(stderr_text.find("interrupted: the results so far are written to"), std::string::npos)
      << stderr_text;
  const Json results = Json::parse(slurp(path("r.json")));
  ASSERT_EQ(results["scenarios"].size(), 7u);
  int not_run = 0;
  for (const Json& s : results["scenarios"]) not_run += s["status"] == "not_run" ? 1 : 0;
  EXPECT_GT(not_run, 0);
  EXPECT_TRUE(fs::exists(path("r.csv")));
}

TEST_F(MpiCli, WithoutMpiTheFlagIsOneClearError) {
  if (MM_HAVE_MPI) GTEST_SKIP() << "this build has MPI";
  const CliRun run =
      run_middlemile("evaluate " + kSweep + " -o " + quote(path("r.json")) + " --mpi", dir_);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "error: --mpi: this build of middlemile has no MPI (install libopenmpi-dev and "
            "openmpi-bin, then configure with -DMIDDLEMILE_MPI=ON)\n");
}

}  // namespace
}  // namespace mm::cli_test
