// `middlemile cmnd FILE.dow` end to end: one JSON line with the six keys of FORMAT.md on
// stdout, and a --solution file that the independent checker accepts with the same objective.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "tests/cli/cli_support.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "baselines/cmnd_instance.h"
#include "baselines/cmnd_solution.h"

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::slurp;

namespace fs = std::filesystem;

class CmndCli : public mm::cli_test::CliTest {
 protected:
  CmndCli() : CliTest("cmnd") {}
};

const std::string kTinyDow = std::string(MM_TEST_DATA_DIR) + "/cmnd/tiny.dow";

// tiny.dow's optimum is 101 (hand computation in tests/engine/cmnd_engine_test.cc): arcs 1, 2
// and 3 open.
void expect_tiny_solution(const fs::path& solution_path, const std::string& method) {
  ASSERT_TRUE(fs::exists(solution_path)) << method;
  const mm::baselines::CmndInstance instance = mm::baselines::read_dow_file(kTinyDow);
  const mm::baselines::CmndSolution solution =
      mm::baselines::parse_cmnd_solution_json(slurp(solution_path), solution_path.string());
  const mm::baselines::CmndCheck check = mm::baselines::check_cmnd_solution(instance, solution);
  EXPECT_TRUE(check.violations.empty()) << method << ": " << check.violations.front();
  EXPECT_NEAR(check.objective, 101.0, 1e-6) << method;
  EXPECT_EQ(solution.open_arcs, (std::vector<std::size_t>{1, 2, 3})) << method;
}

TEST_F(CmndCli, TinyDowPrintsOneJsonLineAndWritesACheckableSolution) {
  for (const std::string method : {"cg", "compact"}) {
    const fs::path solution = dir_ / ("solution_" + method + ".json");
    const CliRun cmnd = run("cmnd " + quote(kTinyDow) + " --time-limit 10 --threads 1 --quiet" +
                            " --method " + method + " --solution " + quote(solution.string()));
    ASSERT_EQ(cmnd.exit_code, 0) << method << ": " << cmnd.err;
    EXPECT_EQ(cmnd.err, "") << method;
    // One line, one JSON object.
    ASSERT_FALSE(cmnd.out.empty());
    EXPECT_EQ(std::count(cmnd.out.begin(), cmnd.out.end(), '\n'), 1) << cmnd.out;
    EXPECT_EQ(cmnd.out.back(), '\n');
    const nlohmann::json line = nlohmann::json::parse(cmnd.out);
    ASSERT_TRUE(line.is_object()) << cmnd.out;
    std::set<std::string> keys;
    for (const auto& item : line.items()) keys.insert(item.key());
    EXPECT_EQ(keys, (std::set<std::string>{"instance", "objective", "lower_bound", "gap", "status",
                                           "seconds"}))
        << cmnd.out;
    EXPECT_EQ(line.at("instance"), "tiny");
    // CBC closes the gap; the engine's bound is at least the strong LP (77.6 on tiny.dow, see
    // tests/engine/cmnd_engine_test.cc) and "optimal" only when it reaches the optimum.
    const double objective = line.at("objective").get<double>();
    const double bound = line.at("lower_bound").get<double>();
    EXPECT_NEAR(objective, 101.0, 1e-6) << method;
    EXPECT_GE(bound, (method == "compact" ? 101.0 : 77.6) - 1e-6) << method;
    EXPECT_LE(bound, 101.0 + 1e-6) << method;
    EXPECT_EQ(line.at("status"), bound >= 101.0 - 1e-6 ? "optimal" : "feasible") << method;
    EXPECT_NEAR(line.at("gap").get<double>(), (objective - bound) / objective, 1e-12) << method;
    EXPECT_GE(line.at("seconds").get<double>(), 0.0) << method;
    expect_tiny_solution(solution, method);
  }
}

TEST_F(CmndCli, MissingDowFileIsBadInput) {
  const fs::path solution = dir_ / "solution.json";
  const CliRun cmnd = run("cmnd " + quote((dir_ / "absent.dow").string()) + " --quiet --solution " +
                          quote(solution.string()));
  EXPECT_EQ(cmnd.exit_code, 2) << cmnd.err;
  EXPECT_EQ(cmnd.out, "");
  EXPECT_EQ(cmnd.err.rfind("error: ", 0), 0u) << cmnd.err;
  EXPECT_NE(cmnd.err.find("absent.dow"), std::string::npos) << cmnd.err;
  EXPECT_FALSE(fs::exists(solution));
}

// Demand 30 over one arc of capacity 20: no solution (exit 3), the JSON line still printed with
// null objective and gap, and no solution file written.
TEST_F(CmndCli, InfeasibleInstanceExits3WithoutSolutionFile) {
  const fs::path dow = dir_ / "over.dow";
  std::ofstream(dow) << "OVER\n2 1 1\n1 2 1 20 100 1 1\n1 2 30\n";
  const fs::path solution = dir_ / "solution.json";
  const CliRun cmnd =
      run("cmnd " + quote(dow.string()) + " --time-limit 5 --threads 1 --quiet --solution " +
          quote(solution.string()));
  EXPECT_EQ(cmnd.exit_code, 3) << cmnd.err;
  const nlohmann::json line = nlohmann::json::parse(cmnd.out);
  EXPECT_EQ(line.at("instance"), "over");
  EXPECT_EQ(line.at("status"), "no_solution");
  EXPECT_TRUE(line.at("objective").is_null()) << cmnd.out;
  EXPECT_TRUE(line.at("gap").is_null()) << cmnd.out;
  EXPECT_FALSE(fs::exists(solution));
}

}  // namespace
