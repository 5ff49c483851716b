// `middlemile report INSTANCE PLAN -o REPORT.html` end to end, and the command-line conventions
// every command shares: --log-level on each subcommand, progress as plain lines when stderr is
// not a terminal and as a bar with an ETA when it is (under `script`, which gives it a pty).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::slurp;

namespace fs = std::filesystem;

const std::string kInstance = std::string(MM_TEST_DATA_DIR) + "/verify/tiny_instance.json";
const std::string kPlan = std::string(MM_TEST_DATA_DIR) + "/verify/tiny_plan.json";
const std::string kTinyInstance = std::string(MM_TEST_DATA_DIR) + "/tiny.json";

class ReportCli : public mm::cli_test::CliTest {
 protected:
  ReportCli() : CliTest("report") {}

  // A copy of the tiny plan with `edit` applied.
  std::string edited_plan(const std::function<void(nlohmann::json&)>& edit) const {
    nlohmann::json plan = nlohmann::json::parse(slurp(kPlan));
    edit(plan);
    const fs::path path = dir_ / "edited-plan.json";
    std::ofstream(path) << plan.dump();
    return path.string();
  }
};

TEST_F(ReportCli, WritesTheReportOfAVerifiedPlan) {
  const fs::path html = dir_ / "report.html";
  const CliRun r =
      run("report " + quote(kInstance) + " " + quote(kPlan) + " -o " + quote(html.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "report written to " + html.string() + " (plan verified)\n");
  EXPECT_EQ(r.err, "");
  const std::string page = slurp(html);
  EXPECT_NE(page.find("id=\"map\""), std::string::npos);
  EXPECT_NE(page.find("<div class=\"value\">6,044.00</div>"), std::string::npos);
  EXPECT_EQ(page.find("id=\"violations\""), std::string::npos);
  // Atomic write: no temporary file left beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator{}), 1);
}

TEST_F(ReportCli, ShowsViolationsInsteadOfRefusing) {
  const std::string plan = edited_plan([](nlohmann::json& p) { p["objective"] = 7000.0; });
  const fs::path html = dir_ / "report.html";
  const std::string args =
      "report " + quote(kInstance) + " " + quote(plan) + " -o " + quote(html.string());
  const CliRun r = run(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "report written to " + html.string() + " (2 violations shown)\n");
  EXPECT_EQ(r.err, "warning: " + plan +
                       ": 2 violations (shown in the report; `middlemile verify` lists them)\n");
  const std::string page = slurp(html);
  EXPECT_NE(page.find("id=\"violations\""), std::string::npos);
  EXPECT_NE(page.find("<li>objective: is 7000 but recomputed 6044</li>"), std::string::npos);
  EXPECT_NE(page.find("The referee found 2 violations</h2>"), std::string::npos);
  // --log-level error keeps the warning off stderr; the report still shows it.
  const CliRun quiet = run(args + " --log-level error");
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

// tests/data/tiny.json names its first lane "SEA1>SC-PDX" too, but derives the second lane's id
// ("SC-PDX>DS-EUG:truck53"): the first unknown item is the plan's second departure.
TEST_F(ReportCli, APlanOfAnotherInstanceIsBadInput) {
  const fs::path html = dir_ / "report.html";
  const CliRun r =
      run("report " + quote(kTinyInstance) + " " + quote(kPlan) + " -o " + quote(html.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "error: " + kPlan +
                       ": departures[1].lane: unknown lane \"SC-PDX>DS-EUG\" (the plan does not "
                       "belong to instance \"tiny\")\n");
  EXPECT_FALSE(fs::exists(html));

  const std::string renamed = edited_plan([](nlohmann::json& p) { p["instance"] = "other"; });
  const CliRun other =
      run("report " + quote(kInstance) + " " + quote(renamed) + " -o " + quote(html.string()));
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_EQ(other.err, "error: " + renamed +
                           ": instance: plan is for instance \"other\" (the plan does not belong "
                           "to instance \"tiny\")\n");
}

TEST_F(ReportCli, UnwritableOutputAndOverwritingAnInputAreBadInput) {
  const CliRun missing_dir = run("report " + quote(kInstance) + " " + quote(kPlan) + " -o " +
                                 quote((dir_ / "no" / "such" / "r.html").string()));
  EXPECT_EQ(missing_dir.exit_code, 2);
  EXPECT_EQ(missing_dir.err.rfind("error: ", 0), 0u) << missing_dir.err;
  const fs::path copy = dir_ / "plan.json";
  fs::copy_file(kPlan, copy);
  const CliRun overwrite = run("report " + quote(kInstance) + " " + quote(copy.string()) + " -o " +
                               quote(copy.string()));
  EXPECT_EQ(overwrite.exit_code, 2);
  EXPECT_EQ(overwrite.err, "error: " + copy.string() + ": refusing to overwrite an input\n");
  EXPECT_EQ(slurp(copy), slurp(kPlan));
}

TEST_F(ReportCli, EveryCommandTakesTheSharedLogLevelFlag) {
  for (const char* command :
       {"validate", "plan", "verify", "cmnd", "generate", "import", "export", "report"}) {
    const CliRun help = run(std::string(command) + " --help");
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--log-level"), std::string::npos) << command;
    EXPECT_NE(help.out.find("error, warn (default), info, debug"), std::string::npos) << command;
  }
  for (const char* command : {"plan", "cmnd"}) {
    const CliRun help = run(std::string(command) + " --help");
    EXPECT_NE(help.out.find("No progress on stderr (a bar on a terminal, lines otherwise)"),
              std::string::npos)
        << command;
    EXPECT_NE(help.out.find("Wall-clock seconds for the solve (default 60)"), std::string::npos)
        << command;
  }
  const CliRun bad = run("validate " + quote(kTinyInstance) + " --log-level loud");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--log-level"), std::string::npos) << bad.err;
  const CliRun info = run("report " + quote(kInstance) + " " + quote(kPlan) + " -o " +
                          quote((dir_ / "r.html").string()) + " --log-level info");
  EXPECT_EQ(info.exit_code, 0);
  EXPECT_EQ(info.err.rfind("info: " + (dir_ / "r.html").string() + ": ", 0), 0u) << info.err;
}

TEST_F(ReportCli, ProgressIsLinesInAPipeAndABarOnATerminal) {
  const fs::path plan = dir_ / "plan.json";
  const std::string args = "plan " + quote(kTinyInstance) + " -o " + quote(plan.string()) +
                           " --time-limit 10 --threads 1";
  const CliRun piped = run(args);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.err.rfind("[    0.0s] start", 0), 0u) << piped.err;
  EXPECT_EQ(piped.err.find("ETA"), std::string::npos);
  EXPECT_EQ(piped.err.find('\r'), std::string::npos);

  // `script` runs the command on a pseudo-terminal; its output (stdout and stderr) is the file.
  if (std::system("command -v script >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "util-linux `script` is not installed: cannot test the terminal bar";
  const fs::path typescript = dir_ / "tty.txt";
  const CliRun tty = mm::cli_test::run_shell(
      "script -qec \"" + quote(MM_CLI_PATH) + " " + args + "\" " + quote(typescript.string()),
      dir_);
  ASSERT_EQ(tty.exit_code, 0) << tty.out << tty.err;
  const std::string screen = slurp(typescript);
  EXPECT_NE(screen.find("\r["), std::string::npos) << screen;
  EXPECT_NE(screen.find(" s of 10 s  ETA "), std::string::npos) << screen;
  EXPECT_NE(screen.find("plan written to"), std::string::npos) << screen;
}

}  // namespace
