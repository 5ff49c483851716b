// The README's geodata walk-through, run verbatim: the first `sh` block under "## Geodata:
// import → plan → QGIS" is read from README.md and run by the shell in a fresh folder that sees
// the repository's data/ (a symlink) and the built `middlemile` on PATH. Then the results are
// checked: the instance the rules made from data/sample-facilities.gpkg and
// data/sample-demand.csv, a verified plan, and its four map layers as ogrinfo reads them. A
// second test re-makes the sample files with scripts/make-sample-geodata.sh and compares.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "network/instance_json.h"
#include "tests/cli/cli_support.h"

namespace {

namespace fs = std::filesystem;
using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::slurp;

// The lines of the first ```sh block after `heading` in README.md ("" when there is none).
std::string readme_block(const std::string& heading) {
  std::istringstream readme(slurp(fs::path(MM_SOURCE_DIR) / "README.md"));
  std::string line, block;
  bool in_section = false, in_block = false;
  while (std::getline(readme, line)) {
    if (!in_section) {
      in_section = line == heading;
    } else if (!in_block) {
      if (line.rfind("## ", 0) == 0) return "";
      in_block = line == "```sh";
    } else {
      if (line == "```") return block;
      block += line + "\n";
    }
  }
  return "";
}

// Feature count of one layer as `ogrinfo -so` reports it, or -1.
long long feature_count(const std::string& dataset, const std::string& layer) {
  const CliRun info = mm::cli_test::run_shell(
      "ogrinfo -ro -so " + quote(dataset) + " " + quote(layer), ::testing::TempDir());
  const std::size_t at = info.out.find("Feature Count: ");
  return info.exit_code == 0 && at != std::string::npos ? std::atoll(info.out.c_str() + at + 15)
                                                        : -1;
}

TEST(SampleGeodataCli, ReadmeWalkThroughRunsOnTheSampleFiles) {
  const std::string commands = readme_block("## Geodata: import → plan → QGIS");
  ASSERT_NE(commands.find("middlemile import --facilities data/sample-facilities.gpkg"),
            std::string::npos)
      << commands;
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("sample_geodata_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::create_directory_symlink(fs::path(MM_SOURCE_DIR) / "data", dir / "data");
  std::ofstream(dir / "walk.sh") << "set -e\n" << commands;
  const std::string path = fs::path(MM_CLI_PATH).parent_path().string();
  const CliRun run = mm::cli_test::run_shell(
      "cd " + quote(dir.string()) + " && PATH=" + quote(path) + ":\"$PATH\" sh walk.sh",
      ::testing::TempDir());
  ASSERT_EQ(run.exit_code, 0) << commands << run.out << run.err;
  EXPECT_NE(run.out.find("wrote out/network.json (network): 30 facilities, 64 lanes, "
                         "120 demands\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("verify: OK"), std::string::npos) << run.out;

  const auto instance = mm::network::read_instance_file((dir / "out/network.json").string());
  EXPECT_EQ(instance.facilities().size(), 30u);
  EXPECT_EQ(instance.lanes().size(), 64u);
  EXPECT_EQ(instance.demand().size(), 120u);
  EXPECT_EQ(instance.horizon_minutes(), 4320);
  const auto plan = nlohmann::json::parse(slurp(dir / "out/plan.json"));
  EXPECT_EQ(plan["format"], "middlemile-plan/1");
  ASSERT_GT(plan["departures"].size(), 0u);

  const std::string layers = (dir / "out/plan.gpkg").string();
  EXPECT_EQ(feature_count(layers, "facilities"), 30);
  EXPECT_EQ(feature_count(layers, "lanes"), 64);
  EXPECT_EQ(feature_count(layers, "departures"), static_cast<long long>(plan["departures"].size()));
  EXPECT_EQ(feature_count(layers, "routes"), static_cast<long long>(plan["routes"].size()));
  const std::string network = (dir / "out/network.gpkg").string();
  EXPECT_EQ(feature_count(network, "facilities"), 30);
  EXPECT_EQ(feature_count(network, "demand"), 120);
  EXPECT_EQ(feature_count(network, "lanes"), 64);
  fs::remove_all(dir);
}

// data/README.md says how the sample files were made: the script gives the same files again
// (CSV and JSON byte for byte, the GeoPackage feature for feature as ogrinfo lists it).
TEST(SampleGeodataCli, ScriptRemakesTheSampleFiles) {
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("sample_remake_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const CliRun run = mm::cli_test::run_shell(
      quote(std::string(MM_SOURCE_DIR) + "/scripts/make-sample-geodata.sh") + " " +
          quote(MM_CLI_PATH) + " " + quote(dir.string()),
      ::testing::TempDir());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path data = fs::path(MM_SOURCE_DIR) / "data";
  for (const char* file : {"sample-demand.csv", "sample-vehicles.json"})
    EXPECT_EQ(slurp(dir / file), slurp(data / file)) << file;
  auto listing = [](const fs::path& gpkg) {
    return mm::cli_test::run_shell("ogrinfo -ro -al " + quote(gpkg.string()) + " | tail -n +3",
                                   ::testing::TempDir())
        .out;
  };
  const std::string shipped = listing(data / "sample-facilities.gpkg");
  EXPECT_NE(shipped.find("Feature Count: 30\n"), std::string::npos) << shipped;
  EXPECT_EQ(listing(dir / "sample-facilities.gpkg"), shipped);
  fs::remove_all(dir);
}

}  // namespace
