#include "geo/city_table.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "network/errors.h"

namespace mm::geo {
namespace {

namespace fs = std::filesystem;

const std::string kTopCities = std::string(MM_SOURCE_DIR) + "/data/uscities-top1000.csv";

// A scratch folder per test, removed afterwards.
class CityTableFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("mm_city_table_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << content;
    return path;
  }

  std::string error_of(const std::string& path) {
    try {
      read_city_table(path);
    } catch (const network::InputError& e) {
      return e.what();
    }
    return "no error";
  }

  fs::path dir_;
};

TEST(CityTable, ReadsTheShippedTopThousand) {
  std::vector<City> cities = read_city_table(kTopCities);
  ASSERT_EQ(cities.size(), 1000u);
  EXPECT_EQ(cities.front().name, "New York");
  EXPECT_EQ(cities.front().population, 18832416);
  EXPECT_EQ(cities.back().name, "Roseville");
  EXPECT_EQ(cities.back().state, "MI");
  EXPECT_EQ(cities.back().line, 1001);

  const City& chicago = cities[2];
  EXPECT_EQ(chicago.name, "Chicago");
  EXPECT_EQ(chicago.state, "IL");
  EXPECT_DOUBLE_EQ(chicago.lat, 41.8375);
  EXPECT_DOUBLE_EQ(chicago.lon, -87.6866);
  EXPECT_EQ(chicago.population, 8489066);
  EXPECT_EQ(chicago.line, 4);
}

TEST_F(CityTableFiles, KeepsQuotedNamesAndIgnoresExtraColumns) {
  std::string path =
      write("ok.csv",
            "city,state_id,lat,lng,population,timezone\n"
            "\"Winston-Salem, Twin City\",NC,36.1029,-80.261,420924,America/New_York\n"
            "Boise,ID,43.6007,-116.2312,438711,America/Boise\n");
  std::vector<City> cities = read_city_table(path);
  ASSERT_EQ(cities.size(), 2u);
  EXPECT_EQ(cities[0].name, "Winston-Salem, Twin City");
  EXPECT_EQ(cities[1].name, "Boise");
  EXPECT_DOUBLE_EQ(cities[1].lon, -116.2312);
  EXPECT_EQ(cities[1].population, 438711);
  EXPECT_EQ(cities[1].line, 3);
}

TEST_F(CityTableFiles, MissingColumnNamesFileAndColumn) {
  std::string path = write("no_lng.csv",
                           "city,state_id,lat,population\n"
                           "Boise,ID,43.6007,438711\n");
  EXPECT_EQ(error_of(path), path + ": missing column \"lng\"");
}

TEST_F(CityTableFiles, EmptyFieldNamesLineAndField) {
  std::string path = write("empty.csv",
                           "city,state_id,lat,lng,population\n"
                           "Boise,ID,43.6007,-116.2312,438711\n"
                           "Reno,NV,39.5497,-119.8483,\n");
  EXPECT_EQ(error_of(path), path + ":3: field \"population\": empty");
}

TEST_F(CityTableFiles, BadNumbersNameLineAndField) {
  std::string text = write("text.csv",
                           "city,state_id,lat,lng,population\n"
                           "Boise,ID,north,-116.2312,438711\n");
  EXPECT_EQ(error_of(text), text + ":2: field \"lat\": not a number \"north\"");

  std::string range = write("range.csv",
                            "city,state_id,lat,lng,population\n"
                            "Boise,ID,43.6007,-200.5,438711\n");
  EXPECT_EQ(error_of(range), range + ":2: field \"lng\": -200.5 is out of range");

  std::string fraction = write("fraction.csv",
                               "city,state_id,lat,lng,population\n"
                               "Boise,ID,43.6007,-116.2312,1.5\n");
  EXPECT_EQ(error_of(fraction), fraction + ":2: field \"population\": not a whole number \"1.5\"");
}

TEST_F(CityTableFiles, EmptyTableAndMissingFileAreErrors) {
  std::string header_only = write("header.csv", "city,state_id,lat,lng,population\n");
  EXPECT_EQ(error_of(header_only), header_only + ": no cities");

  std::string missing = (dir_ / "absent.csv").string();
  EXPECT_EQ(error_of(missing), missing + ": no such file");

  std::string not_csv = write("cities.bin", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  EXPECT_EQ(error_of(not_csv).rfind(not_csv + ": cannot open as a CSV file", 0), 0u)
      << error_of(not_csv);
}

}  // namespace
}  // namespace mm::geo
