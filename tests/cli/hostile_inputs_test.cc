// The hostile-input corpus (tests/data/hostile/): every file there is run through the command its
// `.expected` companion names, under a timeout, and must end with the documented exit code and
// name the offending item in one `error:` line — never a crash, a hang or an internal error.
//
// A companion `NAME.expected` beside each input holds, one per line (`#` starts a comment):
//   args: validate {file}            the middlemile arguments; {file} is the input, {data}
//                                    tests/data, {out} a fresh output path
//   env: MIDDLEMILE_MEMORY_LIMIT_MB=1024   an environment setting (optional; may repeat)
//   exit: 2                          the exit code
//   stderr: error: demand[0]...      a line stderr must contain (whole line; may repeat)
//   stdout: verify: 1 violation ...  a line stdout must contain (whole line; may repeat)
//   stdout-part: "status":"feasible" text stdout must contain (for lines with timings)
// Every stderr line must be an `error:` line (progress is off: plan runs take --quiet), and a
// failed run must not leave the output file behind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_support.h"

namespace {

namespace fs = std::filesystem;
using mm::cli_test::CliRun;

struct HostileCase {
  fs::path input;     // the hostile file
  fs::path expected;  // its .expected companion
};

void PrintTo(const HostileCase& c, std::ostream* out) {
  *out << c.input.filename().string();
}

std::vector<HostileCase> all_cases() {
  std::vector<HostileCase> cases;
  const fs::path root = fs::path(MM_TEST_DATA_DIR) / "hostile";
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".expected") continue;
    fs::path input = entry.path();
    input.replace_extension();  // "x.json.expected" -> "x.json"
    cases.push_back({input, entry.path()});
  }
  std::sort(cases.begin(), cases.end(),
            [](const HostileCase& a, const HostileCase& b) { return a.input < b.input; });
  return cases;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

bool has_line(const std::string& text, const std::string& line) {
  const auto lines = lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

class HostileInput : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileInput, FailsCleanlyNamingTheItem) {
  const HostileCase& c = GetParam();
  // A folder of its own, so the output's name (and the instance name import derives from it)
  // is the same "out" in every run.
  const fs::path folder =
      fs::path(::testing::TempDir()) /
      ("hostile_" + std::to_string(::getpid()) + "_" + c.input.filename().string());
  fs::create_directories(folder);
  const std::string out = (folder / "out.json").string();
  fs::remove(out);
  auto expand = [&](const std::string& text) {
    return replace_all(
        replace_all(replace_all(text, "{file}", c.input.string()), "{data}", MM_TEST_DATA_DIR),
        "{out}", out);
  };

  std::string args;
  std::string env;
  int exit_code = -1;
  std::vector<std::string> stderr_lines, stdout_lines, stdout_parts;
  std::ifstream spec(c.expected);
  std::string line;
  while (std::getline(spec, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto colon = line.find(": ");
    ASSERT_NE(colon, std::string::npos) << c.expected << ": bad line " << line;
    const std::string key = line.substr(0, colon);
    const std::string value = expand(line.substr(colon + 2));
    if (key == "args")
      args = value;
    else if (key == "env")
      env += " " + mm::cli_test::quote(value);
    else if (key == "exit")
      exit_code = std::stoi(value);
    else if (key == "stderr")
      stderr_lines.push_back(value);
    else if (key == "stdout")
      stdout_lines.push_back(value);
    else if (key == "stdout-part")
      stdout_parts.push_back(value);
    else
      FAIL() << c.expected << ": unknown key " << key;
  }
  ASSERT_FALSE(args.empty()) << c.expected << ": no args";
  ASSERT_GE(exit_code, 0) << c.expected << ": no exit";
  ASSERT_FALSE(stderr_lines.empty() && stdout_lines.empty() && stdout_parts.empty())
      << c.expected << ": nothing to check";

  // The arguments are split on spaces (no paths in tests/data hold one), each quoted.
  std::string command = "env" + env + " timeout -k 10 180 " + mm::cli_test::quote(MM_CLI_PATH);
  std::istringstream words(args);
  for (std::string word; words >> word;) command += " " + mm::cli_test::quote(word);
  const CliRun run = mm::cli_test::run_shell(command, ::testing::TempDir());

  ASSERT_NE(run.exit_code, 124) << "timed out (a hang): " << args;
  EXPECT_EQ(run.exit_code, exit_code) << args << "\nstderr:\n" << run.err << "stdout:\n" << run.out;
  for (const std::string& expected : stderr_lines)
    EXPECT_TRUE(has_line(run.err, expected)) << "stderr lacks: " << expected << "\nstderr:\n"
                                             << run.err;
  for (const std::string& expected : stdout_lines)
    EXPECT_TRUE(has_line(run.out, expected)) << "stdout lacks: " << expected << "\nstdout:\n"
                                             << run.out;
  for (const std::string& part : stdout_parts)
    EXPECT_NE(run.out.find(part), std::string::npos) << "stdout lacks: " << part << "\nstdout:\n"
                                                     << run.out;
  for (const std::string& l : lines_of(run.err)) {
    EXPECT_EQ(l.rfind("error: ", 0), 0u) << "stray stderr line: " << l;
    EXPECT_EQ(l.find("internal"), std::string::npos) << l;
  }
  if (run.exit_code != 0) {
    EXPECT_FALSE(fs::exists(out)) << "a failed run left " << out;
  }
  fs::remove_all(folder);
}

std::string case_name(const ::testing::TestParamInfo<HostileCase>& info) {
  const fs::path relative = fs::relative(info.param.input, fs::path(MM_TEST_DATA_DIR) / "hostile");
  std::string name = relative.string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileInput, ::testing::ValuesIn(all_cases()), case_name);

}  // namespace
