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

}  // namespace mm::cli_test
