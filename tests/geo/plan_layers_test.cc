// geo/plan_layers.h: solves the FORMAT.md example, writes the plan as a GeoPackage and as
// GeoJSON files, and reads them back with GDAL (layer names, feature counts, field values).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gdal.h>
#include <ogrsf_frmts.h>

#include "engine/planner.h"
#include "geo/plan_layers.h"
#include "network/errors.h"
#include "network/instance_json.h"

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

Dataset open(const std::string& path) {
  GDALAllRegister();
  return Dataset(GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

class PlanLayers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    instance_ = std::make_unique<mm::network::Instance>(
        mm::network::read_instance_file(std::string(MM_TEST_DATA_DIR) + "/tiny.json"));
    mm::engine::PlannerOptions options;
    options.time_limit_seconds = 30;
    plan_ = std::make_unique<mm::network::Plan>(
        mm::engine::plan_network(*instance_, options, nullptr).plan);
  }
  static void TearDownTestSuite() {
    instance_.reset();
    plan_.reset();
  }
  static std::string temp(const std::string& name) {
    return ::testing::TempDir() + "plan_layers_" + std::to_string(::getpid()) + name;
  }
  static std::unique_ptr<mm::network::Instance> instance_;
  static std::unique_ptr<mm::network::Plan> plan_;
};
std::unique_ptr<mm::network::Instance> PlanLayers::instance_;
std::unique_ptr<mm::network::Plan> PlanLayers::plan_;

TEST_F(PlanLayers, GeoPackageHoldsFourLayers) {
  // The example: 1200 packages SEA1 -> SC-PDX -> DS-EUG; 30.5 m³ fit one 53' truck per leg.
  ASSERT_EQ(plan_->status, mm::network::PlanStatus::optimal);
  ASSERT_EQ(plan_->departures.size(), 2u);
  ASSERT_EQ(plan_->routes.size(), 1u);

  const std::string path = temp(".gpkg");
  mm::geo::write_plan_layers(*instance_, *plan_, path);
  Dataset dataset = open(path);
  ASSERT_TRUE(dataset);
  ASSERT_EQ(dataset->GetLayerCount(), 4);
  EXPECT_STREQ(dataset->GetLayer(0)->GetName(), "facilities");
  EXPECT_STREQ(dataset->GetLayer(1)->GetName(), "departures");
  EXPECT_STREQ(dataset->GetLayer(2)->GetName(), "lanes");
  EXPECT_STREQ(dataset->GetLayer(3)->GetName(), "routes");
  EXPECT_EQ(dataset->GetLayer(0)->GetFeatureCount(), 3);
  EXPECT_EQ(dataset->GetLayer(1)->GetFeatureCount(), 2);
  EXPECT_EQ(dataset->GetLayer(2)->GetFeatureCount(), 2);
  EXPECT_EQ(dataset->GetLayer(3)->GetFeatureCount(), 1);

  OGRLayer* facilities = dataset->GetLayerByName("facilities");
  std::unique_ptr<OGRFeature> pdx(facilities->GetFeature(2));
  ASSERT_TRUE(pdx);
  EXPECT_STREQ(pdx->GetFieldAsString("id"), "SC-PDX");
  EXPECT_DOUBLE_EQ(pdx->GetFieldAsDouble("packages_handled"), 1200.0);
  // All 1200 packages leave on one departure, within one clock hour, capacity 20000 per hour.
  EXPECT_DOUBLE_EQ(pdx->GetFieldAsDouble("peak_sort_utilization"), 1200.0 / 20000.0);
  std::unique_ptr<OGRFeature> sea(facilities->GetFeature(1));
  EXPECT_TRUE(sea->IsFieldNull(sea->GetFieldIndex("peak_sort_utilization")));  // unlimited
  EXPECT_DOUBLE_EQ(pdx->GetGeometryRef()->toPoint()->getX(), -122.68);

  OGRLayer* departures = dataset->GetLayerByName("departures");
  std::unique_ptr<OGRFeature> first(departures->GetFeature(1));
  EXPECT_STREQ(first->GetFieldAsString("lane"), "SEA1>SC-PDX");
  EXPECT_EQ(first->GetFieldAsInteger("vehicles"), 1);
  EXPECT_DOUBLE_EQ(first->GetFieldAsDouble("fill_cube"), 0.305);
  EXPECT_DOUBLE_EQ(first->GetFieldAsDouble("cost"), instance_->lanes()[0].cost_per_trip);
  EXPECT_EQ(first->GetGeometryRef()->toLineString()->getNumPoints(), 2);

  OGRLayer* routes = dataset->GetLayerByName("routes");
  std::unique_ptr<OGRFeature> route(routes->GetFeature(1));
  EXPECT_STREQ(route->GetFieldAsString("demand"), "d1");
  EXPECT_EQ(route->GetFieldAsInteger("on_time"), 1);
  EXPECT_EQ(route->GetGeometryRef()->toLineString()->getNumPoints(), 3);

  OGRLayer* lanes = dataset->GetLayerByName("lanes");
  std::unique_ptr<OGRFeature> lane(lanes->GetFeature(1));
  EXPECT_EQ(lane->GetFieldAsInteger("trips"), 1);
  EXPECT_DOUBLE_EQ(lane->GetFieldAsDouble("avg_fill_weight"), 4000.0 / 20000.0);
  dataset.reset();
  std::filesystem::remove(path);
}

TEST_F(PlanLayers, GeoJsonWritesOneFilePerLayer) {
  const std::string path = temp(".geojson");
  mm::geo::write_plan_layers(*instance_, *plan_, path);
  const std::string stem = path.substr(0, path.size() - 8);
  for (const char* layer : {"facilities", "departures", "lanes", "routes"}) {
    const std::string file = stem + "." + layer + ".geojson";
    Dataset dataset = open(file);
    ASSERT_TRUE(dataset) << file;
    EXPECT_EQ(dataset->GetLayer(0)->GetFeatureCount(), std::string(layer) == "facilities" ? 3
                                                       : std::string(layer) == "routes"   ? 1
                                                                                          : 2);
    dataset.reset();
    std::filesystem::remove(file);
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(PlanLayers, ErrorsNameThePath) {
  try {
    mm::geo::write_plan_layers(*instance_, *plan_, temp(".shp"));
    FAIL();
  } catch (const mm::network::InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              temp(".shp") +
                  ": unsupported geodata output (name it .gpkg or .geojson, or give a "
                  "PG: connection string)");
  }
  mm::network::Plan wrong = *plan_;
  wrong.departures[0].lane = "nowhere";
  try {
    mm::geo::write_plan_layers(*instance_, wrong, temp(".gpkg"));
    FAIL();
  } catch (const mm::network::InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "plan names lane \"nowhere\", which the instance does not have");
  }
  EXPECT_FALSE(std::filesystem::exists(temp(".gpkg")));
}

// tests/data/balance/shuttle.json: a cyclic truck type, 10 packages A → B at minute 60 and
// nothing back, so the truck returns empty B → A on the lane's reverse. The plan gains the
// repositioning and rotations layers.
TEST(PlanLayersCyclic, EmptyMovesAndRotationsAreLayersToo) {
  const auto instance =
      mm::network::read_instance_file(std::string(MM_TEST_DATA_DIR) + "/balance/shuttle.json");
  EXPECT_EQ(mm::geo::plan_layer_names(instance),
            (std::vector<std::string>{"facilities", "departures", "lanes", "routes",
                                      "repositioning", "rotations"}));
  mm::engine::PlannerOptions options;
  options.time_limit_seconds = 2;
  options.threads = 1;
  const mm::network::Plan plan = mm::engine::plan_network(instance, options, nullptr).plan;
  ASSERT_EQ(plan.repositioning.size(), 1u);
  ASSERT_EQ(plan.rotations.size(), 1u);
  const std::string path =
      ::testing::TempDir() + "plan_layers_cyclic_" + std::to_string(::getpid()) + ".gpkg";
  mm::geo::write_plan_layers(instance, plan, path);
  Dataset dataset = open(path);
  ASSERT_TRUE(dataset);
  ASSERT_EQ(dataset->GetLayerCount(), 6);
  OGRLayer* moves = dataset->GetLayerByName("repositioning");
  ASSERT_NE(moves, nullptr);
  ASSERT_EQ(moves->GetFeatureCount(), 1);
  std::unique_ptr<OGRFeature> move(moves->GetFeature(1));
  EXPECT_STREQ(move->GetFieldAsString("from"), "B");
  EXPECT_STREQ(move->GetFieldAsString("to"), "A");
  EXPECT_EQ(move->GetFieldAsInteger("vehicles"), 1);
  EXPECT_DOUBLE_EQ(move->GetFieldAsDouble("cost"), 100.0);                 // 1 per km × 100 km
  EXPECT_DOUBLE_EQ(move->GetGeometryRef()->toLineString()->getX(0), 1.0);  // starts at B
  OGRLayer* rotations = dataset->GetLayerByName("rotations");
  ASSERT_NE(rotations, nullptr);
  ASSERT_EQ(rotations->GetFeatureCount(), 1);
  std::unique_ptr<OGRFeature> rotation(rotations->GetFeature(1));
  EXPECT_EQ(rotation->GetFieldAsInteger("legs"), 2);
  EXPECT_EQ(rotation->GetFieldAsInteger("empty_legs"), 1);
  EXPECT_STREQ(rotation->GetFieldAsString("stops"), "A > B ~> A");
  EXPECT_EQ(rotation->GetGeometryRef()->toLineString()->getNumPoints(), 3);
  dataset.reset();
  std::filesystem::remove(path);
}

}  // namespace
