// The command-line contract of docs/FORMAT.md against the program: every subcommand
// `middlemile --help` lists has its section (### `middlemile NAME`), and every flag a
// subcommand's --help lists is named in that section.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "network/text_file.h"
#include "tests/cli/cli_support.h"

namespace mm {
namespace {

std::string format_md() {
  return network::read_text_file(std::string(MM_SOURCE_DIR) + "/docs/FORMAT.md");
}

// The names under "Subcommands:" in `middlemile --help`.
std::vector<std::string> subcommands() {
  const cli_test::CliRun help = cli_test::run_middlemile("--help", ::testing::TempDir());
  EXPECT_EQ(help.exit_code, 0);
  std::vector<std::string> names;
  const auto at = help.out.find("Subcommands:");
  EXPECT_NE(at, std::string::npos) << help.out;
  const std::regex line(R"(\n  ([a-z]+) )");
  for (std::sregex_iterator it(help.out.begin() + static_cast<long>(at), help.out.end(), line), end;
       it != end; ++it)
    names.push_back((*it)[1]);
  return names;
}

// The section of FORMAT.md for one subcommand: from its heading to the next heading.
std::string section(const std::string& text, const std::string& name) {
  const std::string heading = "### `middlemile " + name + "`";
  const auto start = text.find(heading);
  if (start == std::string::npos) return "";
  const auto end = text.find("\n#", start + heading.size());
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

TEST(DocsCliContract, EverySubcommandAndFlagIsDescribed) {
  const std::string text = format_md();
  const std::vector<std::string> names = subcommands();
  EXPECT_GE(names.size(), 10u);
  // Flags every subcommand has, described once for all in "Command line".
  const std::set<std::string> shared = {"--help", "--log-level"};
  for (const std::string& name : names) {
    const std::string part = section(text, name);
    ASSERT_FALSE(part.empty()) << "docs/FORMAT.md has no section ### `middlemile " << name << "`";
    const cli_test::CliRun help = cli_test::run_middlemile(name + " --help", ::testing::TempDir());
    EXPECT_EQ(help.exit_code, 0) << name;
    const std::regex flag(R"((--[a-z][a-z0-9-]*))");
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), flag), end; it != end; ++it) {
      const std::string f = (*it)[1];
      if (shared.count(f)) continue;
      EXPECT_NE(part.find(f), std::string::npos)
          << name << " " << f << " is not described in its section of docs/FORMAT.md";
    }
  }
  EXPECT_NE(text.find("--log-level"), std::string::npos);
}

}  // namespace
}  // namespace mm
