// `middlemile import` and `middlemile export` end to end: export the shipped sample to a
// GeoPackage (checked with `ogrinfo -so`), import it back and validate it; import CSV sources
// with a mapping and with lane rules; a bad value exits 2 with one `error:` line.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "tests/cli/cli_support.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "network/instance_json.h"

namespace {

using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::run_cli;
using mm::cli_test::slurp;

std::string import_temp(const std::string& name) {
  return ::testing::TempDir() + "import_cli_" + std::to_string(::getpid()) + "_" + name;
}

// Runs a shell command (or `middlemile <arguments>`) with its output captured.
CliRun run_shell(const std::string& command) {
  return mm::cli_test::run_shell(command, ::testing::TempDir());
}

std::string geo_data(const std::string& name) {
  return std::string(MM_TEST_DATA_DIR) + "/geo/" + name;
}

TEST(ImportCli, ExportedSampleImportsBackAndValidates) {
  const std::string sample = std::string(MM_SOURCE_DIR) + "/data/sample.json";
  const std::string layers = import_temp("sample.gpkg");
  CliRun exported = run_cli("export '" + sample + "' -o '" + layers + "'");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out, "wrote " + layers + " (15 facilities, 40 demands, 30 lanes)\n");

  CliRun info = run_shell("ogrinfo -so '" + layers + "'");
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("1: facilities (Point)\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("2: demand (Line String)\n"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("3: lanes (Line String)\n"), std::string::npos) << info.out;

  const std::string vehicles = import_temp("vehicles.json");
  auto json = nlohmann::json::parse(slurp(sample));
  std::ofstream(vehicles) << nlohmann::json{{"vehicle_types", json["vehicle_types"]}}.dump();
  const std::string imported = import_temp("sample.json");
  CliRun import = run_cli("import --facilities '" + layers + ":facilities' --demand '" + layers +
                          ":demand' --lanes '" + layers + ":lanes' --vehicles '" + vehicles +
                          "' --name sample --horizon 4320 --time-step 30 -o '" + imported + "'");
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_EQ(import.out, "wrote " + imported + " (sample): 15 facilities, 30 lanes, 40 demands\n");
  CliRun validate = run_cli("validate '" + imported + "'");
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_EQ(mm::network::write_instance_json(mm::network::read_instance_file(imported)),
            mm::network::write_instance_json(mm::network::read_instance_file(sample)));
  for (const std::string& file : {layers, vehicles, imported}) std::filesystem::remove(file);
}

TEST(ImportCli, CsvWithMappingAndLaneRules) {
  const std::string output = import_temp("csv_import.json");
  CliRun import = run_cli("import --facilities '" + geo_data("sites.csv") + "' --demand '" +
                          geo_data("orders.csv") + "' --lanes '" + geo_data("lanes.csv") +
                          "' --vehicles '" + geo_data("vehicles.json") + "' --mapping '" +
                          geo_data("mapping.json") + "' -o '" + output + "'");
  ASSERT_EQ(import.exit_code, 0) << import.err;
  CliRun validate = run_cli("validate '" + output + "'");
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  const std::string name = std::filesystem::path(output).stem().string();
  EXPECT_EQ(validate.out.substr(0, validate.out.find('\n')), "valid instance \"" + name + "\"");

  CliRun rules =
      run_cli("import --facilities '" + geo_data("tiny_sites.csv") + "' --demand '" +
              geo_data("tiny_demand.csv") + "' --lane-rules '" + geo_data("tiny_rules.json") +
              "' --vehicles '" + geo_data("vehicles.json") + "' -o '" + output + "'");
  ASSERT_EQ(rules.exit_code, 0) << rules.err;
  EXPECT_EQ(rules.out, "wrote " + output + " (" + name + "): 8 facilities, 9 lanes, 1 demands\n");
  EXPECT_EQ(run_cli("validate '" + output + "'").exit_code, 0);
  std::filesystem::remove(output);
}

TEST(ImportCli, BadValueExitsTwoAndWritesNothing) {
  const std::string output = import_temp("bad.json");
  CliRun import = run_cli("import --facilities '" + geo_data("sites_bad_type.csv") +
                          "' --demand '" + geo_data("orders.csv") + "' --lanes '" +
                          geo_data("lanes.csv") + "' --vehicles '" + geo_data("vehicles.json") +
                          "' --mapping '" + geo_data("mapping.json") + "' -o '" + output + "'");
  EXPECT_EQ(import.exit_code, 2);
  EXPECT_EQ(import.err, "error: " + geo_data("sites_bad_type.csv") +
                            ": layer \"sites_bad_type\", feature 2, field \"handling\": not an "
                            "integer \"abc\"\n");
  EXPECT_FALSE(std::filesystem::exists(output));

  CliRun neither = run_cli("import --facilities '" + geo_data("sites.csv") + "' --demand '" +
                           geo_data("orders.csv") + "' --vehicles '" + geo_data("vehicles.json") +
                           "' -o '" + output + "'");
  EXPECT_EQ(neither.exit_code, 2);
  EXPECT_EQ(neither.err, "error: import needs --lanes SRC[:LAYER] or --lane-rules RULES.json\n");
}

}  // namespace
