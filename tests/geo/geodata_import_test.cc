// geo/geodata_import.h and geo/instance_layers.h: round trip export -> import on the shipped
// sample, CSV sources with a field mapping, reprojection from EPSG:3857, and the exact message
// of each kind of bad source.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "geo/geodata_import.h"
#include "geo/instance_layers.h"
#include "network/errors.h"
#include "network/instance_json.h"

namespace {

using mm::geo::ImportOptions;
using mm::geo::LayerSource;
using mm::network::InputError;

std::string geo_data(const std::string& name) {
  return std::string(MM_TEST_DATA_DIR) + "/geo/" + name;
}

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "geo_import_" + std::to_string(::getpid()) + "_" + name;
}

// The import message of `options`, or "" when it succeeds.
std::string import_error(const ImportOptions& options) {
  try {
    mm::geo::import_instance(options);
  } catch (const InputError& e) {
    return e.what();
  } catch (const mm::network::ValidationError& e) {
    // Every problem, each "<source>: <problem>", joined by " | ".
    std::string all;
    for (const std::string& problem : e.problems())
      all += (all.empty() ? "" : " | ") + e.source() + ": " + problem;
    return all;
  }
  return "";
}

ImportOptions csv_options() {
  ImportOptions options;
  options.facilities = {geo_data("sites.csv"), ""};
  options.demand = {geo_data("orders.csv"), ""};
  options.lanes = LayerSource{geo_data("lanes.csv"), ""};
  options.vehicles = geo_data("vehicles.json");
  options.mapping = geo_data("mapping.json");
  options.name = "csv";
  return options;
}

TEST(GeodataImport, ExportedSampleImportsBackToTheSameInstance) {
  const auto sample =
      mm::network::read_instance_file(std::string(MM_SOURCE_DIR) + "/data/sample.json");
  const std::string layers = temp_path("sample.gpkg");
  mm::geo::export_instance_layers(sample, layers);

  // VEHICLES.json: the sample's own vehicle types.
  auto json = nlohmann::json::parse(mm::network::write_instance_json(sample));
  const std::string vehicles = temp_path("vehicles.json");
  std::ofstream(vehicles) << nlohmann::json{{"vehicle_types", json["vehicle_types"]}}.dump();

  ImportOptions options;
  options.facilities = mm::geo::parse_layer_source(layers + ":facilities");
  options.demand = mm::geo::parse_layer_source(layers + ":demand");
  options.lanes = mm::geo::parse_layer_source(layers + ":lanes");
  options.vehicles = vehicles;
  options.name = sample.name();
  options.horizon_minutes = sample.horizon_minutes();
  options.time_step_minutes = sample.time_step_minutes();
  options.unserved_penalty_per_package = sample.unserved_penalty_per_package();
  const auto imported = mm::geo::import_instance(options);
  EXPECT_EQ(mm::network::write_instance_json(imported), mm::network::write_instance_json(sample));
  EXPECT_EQ(imported.lanes().size(), 30u);

  // Without a layer name, the dataset's layer named after the role is used; without a
  // horizon, whole days covering every due minute and listed departure (the sample's 3 days).
  options.horizon_minutes.reset();
  options.facilities = {layers, ""};
  options.demand = {layers, ""};
  options.lanes = LayerSource{layers, ""};
  EXPECT_EQ(mm::network::write_instance_json(mm::geo::import_instance(options)),
            mm::network::write_instance_json(sample));
  std::filesystem::remove(layers);
  std::filesystem::remove(vehicles);
}

TEST(GeodataImport, CsvWithLonLatColumnsAndMapping) {
  const auto instance = mm::geo::import_instance(csv_options());
  EXPECT_EQ(instance.name(), "csv");
  EXPECT_EQ(instance.horizon_minutes(), 1440);  // latest due minute 1440: one day
  EXPECT_EQ(instance.time_step_minutes(), 30);
  ASSERT_EQ(instance.facilities().size(), 3u);
  const auto& pdx = instance.facilities()[1];
  EXPECT_EQ(pdx.id, "SC-PDX");
  EXPECT_EQ(pdx.kind, mm::network::FacilityKind::sort_center);
  EXPECT_EQ(pdx.lon, -122.68);
  EXPECT_EQ(pdx.lat, 45.52);
  EXPECT_EQ(pdx.handling_minutes, 90);
  EXPECT_EQ(pdx.sort_capacity_per_hour, 20000.0);
  EXPECT_FALSE(instance.facilities()[0].sort_capacity_per_hour.has_value());
  ASSERT_EQ(instance.demand().size(), 2u);
  EXPECT_EQ(instance.demand()[1].id, "d2");
  EXPECT_EQ(instance.demand()[1].packages, 80.0);
  EXPECT_EQ(instance.demand()[1].weight_kg, 200.5);
  EXPECT_EQ(instance.demand()[1].due_minute, 900);
  ASSERT_EQ(instance.lanes().size(), 2u);
  EXPECT_EQ(instance.lanes()[0].id, "SEA1>SC-PDX:truck53");
  EXPECT_EQ(instance.lanes()[0].departures, (std::vector<int>{360, 720, 1080}));
  EXPECT_EQ(instance.lanes()[1].departures.size(), 48u);  // empty: every time step
  EXPECT_EQ(instance.vehicle_types().size(), 3u);
}

TEST(GeodataImport, ReprojectsEpsg3857ToWgs84) {
  // The facilities use the default field names; demand keeps its renames.
  const std::string mapping = temp_path("mapping_demand.json");
  std::ofstream(mapping) << R"({"demand": {"id": "order_id", "origin": "from_site",
      "destination": "to_site", "packages": "parcels"}})";
  ImportOptions options = csv_options();
  options.facilities = {geo_data("sites_3857.geojson"), ""};
  options.mapping = mapping;
  const auto instance = mm::geo::import_instance(options);
  ASSERT_EQ(instance.facilities().size(), 3u);
  EXPECT_EQ(instance.facilities()[0].id, "SEA1");
  EXPECT_NEAR(instance.facilities()[0].lon, -122.33, 1e-6);
  EXPECT_NEAR(instance.facilities()[0].lat, 47.61, 1e-6);
  EXPECT_NEAR(instance.facilities()[2].lon, -123.09, 1e-6);
  EXPECT_NEAR(instance.facilities()[2].lat, 44.05, 1e-6);
  std::filesystem::remove(mapping);
}

TEST(GeodataImport, CrsNamedInTheMappingReprojectsLonLatColumns) {
  // The same 3857 coordinates as text columns, declared through "crs".
  const std::string sites = temp_path("sites_xy.csv");
  std::ofstream(sites) << "id,kind,x,y\nSEA1,origin,-13617713.3087,6042216.2504\n"
                          "SC-PDX,sort_center,-13656675.1305,5703759.7276\n"
                          "DS-EUG,delivery_station,-13702316.1217,5473183.0616\n";
  const std::string mapping = temp_path("mapping_crs.json");
  std::ofstream(mapping) << R"({"facilities": {"lon": "x", "lat": "y", "crs": "EPSG:3857"},
      "demand": {"id": "order_id", "origin": "from_site", "destination": "to_site",
                 "packages": "parcels"}})";
  ImportOptions options = csv_options();
  options.facilities = {sites, ""};
  options.mapping = mapping;
  const auto instance = mm::geo::import_instance(options);
  EXPECT_NEAR(instance.facilities()[1].lon, -122.68, 1e-6);
  EXPECT_NEAR(instance.facilities()[1].lat, 45.52, 1e-6);

  std::ofstream(mapping) << R"({"facilities": {"lon": "x", "lat": "y", "crs": "EPSG:999999"}})";
  EXPECT_EQ(import_error(options), mapping + ": facilities.crs: unknown CRS \"EPSG:999999\"");
  std::filesystem::remove(sites);
  std::filesystem::remove(mapping);
}

TEST(GeodataImport, WrongTypeNamesFileLayerFeatureAndField) {
  ImportOptions options = csv_options();
  options.facilities = {geo_data("sites_bad_type.csv"), ""};
  EXPECT_EQ(import_error(options), geo_data("sites_bad_type.csv") +
                                       ": layer \"sites_bad_type\", feature 2, field \"handling\": "
                                       "not an integer \"abc\"");
}

TEST(GeodataImport, MissingFieldNamesFileLayerAndField) {
  ImportOptions options = csv_options();
  options.demand = {geo_data("orders_no_weight.csv"), ""};
  EXPECT_EQ(import_error(options), geo_data("orders_no_weight.csv") +
                                       ": layer \"orders_no_weight\": no field \"weight_kg\"");
  // A renamed field says which instance field it was to fill.
  options.demand = {geo_data("tiny_demand.csv"), ""};
  EXPECT_EQ(import_error(options), geo_data("tiny_demand.csv") +
                                       ": layer \"tiny_demand\": no field \"order_id\" "
                                       "(mapped to \"id\")");
}

TEST(GeodataImport, NonPointGeometryNamesTheFeature) {
  ImportOptions options = csv_options();
  options.facilities = {geo_data("sites_line.geojson"), ""};
  options.mapping = std::nullopt;
  EXPECT_EQ(import_error(options), geo_data("sites_line.geojson") +
                                       ": layer \"sites_line\", feature 1, field \"geometry\": "
                                       "geometry is a Line String, not a point");
}

TEST(GeodataImport, MissingLayerAndUnknownMappingField) {
  ImportOptions options = csv_options();
  options.lanes = LayerSource{geo_data("lanes.csv"), "roads"};
  EXPECT_EQ(import_error(options),
            geo_data("lanes.csv") + ": no layer \"roads\" (layers: \"lanes\")");

  const std::string mapping = temp_path("mapping_typo.json");
  std::ofstream(mapping) << R"({"demand": {"packges": "parcels"}})";
  options = csv_options();
  options.mapping = mapping;
  EXPECT_EQ(import_error(options),
            mapping + ": demand.packges: unknown field (did you mean \"packages\"?)");
  std::filesystem::remove(mapping);
}

TEST(GeodataImport, RuleViolationsNameTheFeature) {
  // An unknown facility in a lane: parse_instance's problem, prefixed with its feature.
  const std::string lanes = temp_path("lanes_bad.csv");
  std::ofstream(lanes) << "from,to,vehicle_type\nSEA1,SC-PDX,truck53\nSEA1,PDX9,truck53\n";
  ImportOptions options = csv_options();
  options.lanes = LayerSource{lanes, ""};
  try {
    mm::geo::import_instance(options);
    FAIL() << "expected a ValidationError";
  } catch (const mm::network::ValidationError& e) {
    const std::string layer = std::filesystem::path(lanes).stem().string();
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0], lanes + ": layer \"" + layer +
                                   "\", feature 2: lanes[1].to: unknown facility \"PDX9\"");
  }
  std::filesystem::remove(lanes);
}

TEST(GeodataImport, LayerSourceSplitsAtTheLastColon) {
  EXPECT_EQ(mm::geo::parse_layer_source("a/b.gpkg:sites").dataset, "a/b.gpkg");
  EXPECT_EQ(mm::geo::parse_layer_source("a/b.gpkg:sites").layer, "sites");
  EXPECT_EQ(mm::geo::parse_layer_source("a/b.gpkg").layer, "");
  EXPECT_EQ(mm::geo::parse_layer_source("PG:dbname=mm").dataset, "PG:dbname=mm");
  EXPECT_EQ(mm::geo::parse_layer_source("PG:dbname=mm").layer, "");
  EXPECT_EQ(mm::geo::parse_layer_source("PG:dbname=mm host=db:facilities").layer, "facilities");
  EXPECT_EQ(mm::geo::parse_layer_source("PG:dbname=mm host=db:facilities").dataset,
            "PG:dbname=mm host=db");
}

}  // namespace
