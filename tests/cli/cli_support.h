// Shared by the CLI tests: run the built `middlemile` (or any shell command) with stdout and
// stderr captured in files, and read files back. Header-only; tests/cli/*.cc include it.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace mm::cli_test {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  double seconds = 0.0;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string quote(const std::string& s) {
  return "'" + s + "'";
}

// Runs `command` through the shell; its output goes to files in `dir` named after this process
// (ctest runs tests of one folder in parallel processes).
inline CliRun run_shell(const std::string& command, const std::filesystem::path& dir) {
  static int calls = 0;
  const std::string stem = "mm_cli_" + std::to_string(::getpid()) + "_" + std::to_string(++calls);
  const std::filesystem::path out = dir / (stem + ".out");
  const std::filesystem::path err = dir / (stem + ".err");
  const auto started = std::chrono::steady_clock::now();
  const int status =
      std::system((command + " >" + quote(out.string()) + " 2>" + quote(err.string())).c_str());
  CliRun run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = slurp(out);
  run.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

// Runs `middlemile ARGS`.
inline CliRun run_middlemile(const std::string& args, const std::filesystem::path& dir) {
  return run_shell(quote(MM_CLI_PATH) + " " + args, dir);
}

// Runs `middlemile ARGS` with its output captured in GoogleTest's temporary folder.
inline CliRun run_cli(const std::string& args) {
  return run_middlemile(args, ::testing::TempDir());
}

// A CLI test with a folder of its own under the system's temporary folder (named after the
// fixture's `prefix`, the test and this process, removed after the test), where commands run.
class CliTest : public ::testing::Test {
 protected:
  explicit CliTest(std::string prefix) : prefix_(std::move(prefix)) {}
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("mm_" + prefix_ + "_cli_" + info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CliRun run(const std::string& args) const { return run_middlemile(args, dir_); }

  std::filesystem::path dir_;

 private:
  std::string prefix_;
};

}  // namespace mm::cli_test
