// `middlemile import` and `plan --geo-out` against a real PostgreSQL + PostGIS server: facilities
// read from a table through a `PG:` connection string, plan layers written back as tables and
// read again with GDAL's ogrinfo.
//
// The server is the one scripts/postgis-server.sh starts (scripts/test.sh does so before ctest);
// its connection string comes from MM_TEST_POSTGIS. Without it the tests FAIL when
// MM_REQUIRE_POSTGIS=1 (test.sh, CI: the server should have started) and are reported as
// SKIPPED with the reason otherwise (a developer's ctest with no server); never passed.
// Each test works in its own schema, dropped at the end.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_support.h"

namespace {

namespace fs = std::filesystem;
using mm::cli_test::CliRun;
using mm::cli_test::quote;
using mm::cli_test::slurp;

std::string shipped_data(const std::string& name) {
  return std::string(MM_SOURCE_DIR) + "/data/" + name;
}

class PostgisCli : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* connection = std::getenv("MM_TEST_POSTGIS");
    const char* require = std::getenv("MM_REQUIRE_POSTGIS");
    if (connection == nullptr || *connection == '\0') {
      if (require != nullptr && std::string(require) == "1")
        FAIL() << "no PostGIS server: MM_REQUIRE_POSTGIS=1 but MM_TEST_POSTGIS is not set "
                  "(scripts/postgis-server.sh did not start; its messages are above in the "
                  "output of scripts/test.sh)";
      GTEST_SKIP() << "no PostGIS server: set MM_TEST_POSTGIS to the connection string that "
                      "`scripts/postgis-server.sh start DIR` prints (scripts/test.sh does this)";
    }
    pg_ = connection;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    // PostgreSQL cuts names at 63 bytes: a short prefix of the test's name keeps them apart.
    schema_ =
        "mm_test_" + std::to_string(::getpid()) + "_" + std::string(info->name()).substr(0, 24);
    for (char& c : schema_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    dir_ = fs::path(::testing::TempDir()) / schema_;
    fs::create_directories(dir_);
    const CliRun created = sql("CREATE SCHEMA " + schema_);
    ASSERT_EQ(created.exit_code, 0)
        << "cannot reach the PostGIS server " << pg_ << ": " << created.err;
    schema_made_ = true;
  }

  void TearDown() override {
    if (schema_made_) sql("DROP SCHEMA " + schema_ + " CASCADE");
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // The connection string with the test's schema as the default for new and unqualified tables.
  std::string in_schema() const { return pg_ + " active_schema=" + schema_; }

  CliRun shell(const std::string& command) const {
    return mm::cli_test::run_shell(command, ::testing::TempDir());
  }
  CliRun cli(const std::string& arguments) const {
    return mm::cli_test::run_middlemile(arguments, ::testing::TempDir());
  }
  // Runs one SQL statement through GDAL's PostgreSQL driver; stdout holds any result rows.
  CliRun sql(const std::string& statement) const {
    return shell("ogrinfo -ro -q " + quote(pg_) + " -sql " + quote(statement));
  }
  // The integer a one-row, one-column query returns ("  n (Integer64) = 76").
  long long sql_number(const std::string& statement) const {
    const CliRun run = sql(statement);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const std::size_t at = run.out.find(" = ");
    if (at == std::string::npos) {
      ADD_FAILURE() << statement << ": no value in " << run.out;
      return -1;
    }
    return std::atoll(run.out.c_str() + at + 3);
  }

  std::string pg_, schema_;
  fs::path dir_;
  bool schema_made_ = false;
};

std::string import_arguments(const std::string& facilities, const fs::path& output) {
  return "import --facilities " + quote(facilities) + " --demand " +
         quote(shipped_data("sample-demand.csv")) + " --vehicles " +
         quote(shipped_data("sample-vehicles.json")) + " --lane-rules " +
         quote(shipped_data("sample-lane-rules.json")) + " -o " + quote(output.string());
}

// The sample facilities go into a PostGIS table in Web Mercator (EPSG:3857), so the import
// reads them through the PG driver and reprojects them to WGS84; the instance equals the one
// imported from the GeoPackage. The plan's layers go back into the database as tables, which
// ogrinfo reads: one row per departure, lane, route and facility, matching the plan JSON;
// planning again replaces the tables instead of appending to them.
TEST_F(PostgisCli, FacilitiesFromATablePlanLayersBackIntoTheDatabase) {
  const CliRun loaded = shell("ogr2ogr -f PostgreSQL " + quote(in_schema()) + " " +
                              quote(shipped_data("sample-facilities.gpkg")) +
                              " facilities -nln sites -t_srs EPSG:3857 -lco GEOMETRY_NAME=geom");
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_EQ(sql_number("SELECT count(*) AS n FROM " + schema_ + ".sites"), 30);
  EXPECT_EQ(sql_number("SELECT ST_SRID(geom) AS n FROM " + schema_ + ".sites LIMIT 1"), 3857);

  const fs::path from_db = dir_ / "network.json";
  const CliRun imported = cli(import_arguments(pg_ + ":" + schema_ + ".sites", from_db));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out,
            "wrote " + from_db.string() + " (network): 30 facilities, 64 lanes, 120 demands\n");
  const fs::path from_file = dir_ / "network-file.json";
  const CliRun reference =
      cli(import_arguments(shipped_data("sample-facilities.gpkg") + ":facilities", from_file));
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  auto db = nlohmann::json::parse(slurp(from_db));
  auto file = nlohmann::json::parse(slurp(from_file));
  ASSERT_EQ(db["facilities"].size(), file["facilities"].size());
  for (std::size_t i = 0; i < db["facilities"].size(); ++i) {
    auto& a = db["facilities"][i];
    auto& b = file["facilities"][i];
    // Through Web Mercator and back: equal to far below a millimetre.
    EXPECT_NEAR(a["lon"].get<double>(), b["lon"].get<double>(), 1e-9) << a["id"];
    EXPECT_NEAR(a["lat"].get<double>(), b["lat"].get<double>(), 1e-9) << a["id"];
    for (auto* f : {&a, &b}) {
      f->erase("lon");
      f->erase("lat");
    }
  }
  // Lane distances and costs follow the coordinates (to about 1e-12 relative), and so does the
  // default penalty; the rest is equal.
  ASSERT_EQ(db["lanes"].size(), file["lanes"].size());
  for (std::size_t i = 0; i < db["lanes"].size(); ++i) {
    auto& a = db["lanes"][i];
    auto& b = file["lanes"][i];
    for (const char* field : {"distance_km", "cost_per_trip"}) {
      EXPECT_NEAR(a[field].get<double>(), b[field].get<double>(), 1e-6) << a["id"] << field;
      a.erase(field);
      b.erase(field);
    }
  }
  // The default penalty is 100 × the largest trip cost.
  EXPECT_NEAR(db["unserved_penalty_per_package"].get<double>(),
              file["unserved_penalty_per_package"].get<double>(), 1e-3);
  for (auto* instance : {&db, &file}) {
    instance->erase("name");
    instance->erase("unserved_penalty_per_package");
  }
  EXPECT_TRUE(db == file) << "instances differ beyond coordinates, distances and trip costs";

  const fs::path plan = dir_ / "plan.json";
  const std::string plan_command = "plan " + quote(from_db.string()) + " -o " +
                                   quote(plan.string()) + " --geo-out " + quote(in_schema()) +
                                   " --time-limit 5 --threads 1 --quiet";
  const CliRun planned = cli(plan_command);
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  const CliRun verified = cli("verify " + quote(from_db.string()) + " " + quote(plan.string()));
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  nlohmann::json written;
  long long vehicles = 0;
  // The plan file just written: the tables must hold the same plan.
  auto read_plan = [&] {
    written = nlohmann::json::parse(slurp(plan));
    vehicles = 0;
    for (const auto& departure : written["departures"])
      vehicles += departure["vehicles"].get<long long>();
  };
  read_plan();
  ASSERT_GT(written["departures"].size(), 0u);

  auto check_tables = [&] {
    const std::string s = schema_ + ".";
    EXPECT_EQ(sql_number("SELECT count(*) AS n FROM " + s + "facilities"), 30);
    EXPECT_EQ(sql_number("SELECT count(*) AS n FROM " + s + "lanes"), 64);
    EXPECT_EQ(sql_number("SELECT count(*) AS n FROM " + s + "departures"),
              static_cast<long long>(written["departures"].size()));
    EXPECT_EQ(sql_number("SELECT sum(vehicles) AS n FROM " + s + "departures"), vehicles);
    EXPECT_EQ(sql_number("SELECT count(*) AS n FROM " + s + "routes"),
              static_cast<long long>(written["routes"].size()));
    EXPECT_EQ(sql_number("SELECT sum(trips) AS n FROM " + s + "lanes"), vehicles);
  };
  check_tables();
  // GDAL reads the tables back as layers in WGS84, as QGIS would open them.
  const CliRun layers = shell("ogrinfo -ro -so " + quote(in_schema()) + " departures");
  ASSERT_EQ(layers.exit_code, 0) << layers.err;
  EXPECT_NE(layers.out.find("Geometry: Line String\n"), std::string::npos) << layers.out;
  EXPECT_NE(
      layers.out.find("Feature Count: " + std::to_string(written["departures"].size()) + "\n"),
      std::string::npos)
      << layers.out;
  EXPECT_NE(layers.out.find("ID[\"EPSG\",4326]]"), std::string::npos) << layers.out;
  EXPECT_NE(layers.out.find("fill_cube: Real"), std::string::npos) << layers.out;

  // Planning again replaces the tables (not appends to them). Under a 5 s limit on a loaded
  // machine the second plan may differ from the first: compare with the file it wrote.
  const CliRun again = cli(plan_command);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  read_plan();
  check_tables();
}

// A database that cannot be opened, or a schema that does not exist, stops `plan` before it
// solves, with one line naming the destination (password hidden) and the reason; no plan file
// is written. A missing
// table stops `import` naming the connection and the table.
TEST_F(PostgisCli, UnreachableDestinationMissingSchemaAndMissingTableAreOneLineErrors) {
  const fs::path plan = dir_ / "plan.json";
  const std::string wrong = pg_ + " dbname=no_such_db password=secret";
  const CliRun planned = cli("plan " + quote(shipped_data("sample.json")) + " -o " +
                             quote(plan.string()) + " --geo-out " + quote(wrong) + " --quiet");
  EXPECT_EQ(planned.exit_code, 2);
  EXPECT_EQ(planned.err.rfind("error: " + pg_ +
                                  " dbname=no_such_db password=***: cannot open the database "
                                  "for writing: PQconnectdb failed. ",
                              0),
            0u)
      << planned.err;
  EXPECT_NE(planned.err.find("database \"no_such_db\" does not exist\n"), std::string::npos)
      << planned.err;
  EXPECT_EQ(planned.err.find('\n'), planned.err.size() - 1) << planned.err;
  EXPECT_EQ(planned.err.find("secret"), std::string::npos) << planned.err;
  EXPECT_FALSE(fs::exists(plan));

  // GDAL alone would write into `public` when active_schema names no schema.
  const std::string absent = pg_ + " active_schema=" + schema_ + "_absent";
  const CliRun misdirected =
      cli("plan " + quote(shipped_data("sample.json")) + " -o " + quote(plan.string()) +
          " --geo-out " + quote(absent) + " --time-limit 5 --quiet");
  EXPECT_EQ(misdirected.exit_code, 2);
  EXPECT_EQ(misdirected.err, "error: " + absent + ": schema \"" + schema_ +
                                 "_absent\" does not exist (CREATE SCHEMA it first)\n");
  EXPECT_FALSE(fs::exists(plan));

  const CliRun imported =
      cli(import_arguments(pg_ + ":" + schema_ + ".nowhere", dir_ / "network.json"));
  EXPECT_EQ(imported.exit_code, 2);
  EXPECT_EQ(imported.err.rfind("error: " + pg_ + ": no layer \"" + schema_ + ".nowhere\" (", 0), 0u)
      << imported.err;
  EXPECT_EQ(imported.err.find('\n'), imported.err.size() - 1) << imported.err;
}

}  // namespace
