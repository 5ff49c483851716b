// geo/layer_writer.h into a real PostGIS database: layers become tables read back with GDAL
// (types, values, geometry in EPSG:4326), a second write replaces them, and a write that fails
// half-way leaves the tables of the first write untouched (one transaction).
//
// Needs the server of scripts/postgis-server.sh (MM_TEST_POSTGIS, see
// tests/cli/postgis_cli_test.cc): without it the test fails under MM_REQUIRE_POSTGIS=1 and is
// skipped, with the reason, otherwise.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include <gdal.h>
#include <ogrsf_frmts.h>

#include "geo/layer_writer.h"

namespace {

struct PostgisDatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using PostgisDataset = std::unique_ptr<GDALDataset, PostgisDatasetCloser>;

PostgisDataset open(const std::string& path, bool update) {
  GDALAllRegister();
  return PostgisDataset(GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY),
                 nullptr, nullptr, nullptr)));
}

void execute(GDALDataset& dataset, const std::string& sql) {
  if (OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr))
    dataset.ReleaseResultSet(result);
}

mm::geo::LayerData stops(int count) {
  mm::geo::LayerData layer{"stops",
                           mm::geo::GeometryKind::point,
                           {{"name", mm::geo::ValueType::text},
                            {"visits", mm::geo::ValueType::integer},
                            {"load", mm::geo::ValueType::real},
                            {"open", mm::geo::ValueType::boolean}},
                           {}};
  for (int i = 0; i < count; ++i)
    layer.features.push_back(
        {{{-87.5 - i, 41.5}},
         nlohmann::ordered_json::array({"S" + std::to_string(i), i, 0.25 * i, i % 2 == 0})});
  return layer;
}

mm::geo::LayerData legs(bool broken) {
  mm::geo::LayerData layer{
      "legs", mm::geo::GeometryKind::line, {{"name", mm::geo::ValueType::text}}, {}};
  layer.features.push_back({{{-87.5, 41.5}, {-88.5, 41.5}}, nlohmann::ordered_json::array({"L0"})});
  // A feature with fewer values than fields: the writer throws while writing it.
  if (broken) layer.features.push_back({{{-87.5, 41.5}, {-89.5, 41.5}}, {}});
  return layer;
}

TEST(PostgisLayers, TablesAreWrittenReplacedAndLeftAloneByAFailedWrite) {
  const char* connection = std::getenv("MM_TEST_POSTGIS");
  if (connection == nullptr || *connection == '\0') {
    const char* require = std::getenv("MM_REQUIRE_POSTGIS");
    if (require != nullptr && std::string(require) == "1")
      FAIL() << "no PostGIS server: MM_REQUIRE_POSTGIS=1 but MM_TEST_POSTGIS is not set "
                "(scripts/postgis-server.sh did not start; see the output of scripts/test.sh)";
    GTEST_SKIP() << "no PostGIS server: set MM_TEST_POSTGIS to the connection string that "
                    "`scripts/postgis-server.sh start DIR` prints (scripts/test.sh does this)";
  }
  const std::string schema = "mm_layers_" + std::to_string(::getpid());
  const std::string destination = std::string(connection) + " active_schema=" + schema;
  PostgisDataset admin = open(connection, true);
  ASSERT_TRUE(admin) << "cannot reach the PostGIS server " << connection << ": "
                     << CPLGetLastErrorMsg();
  execute(*admin, "CREATE SCHEMA " + schema);

  mm::geo::write_layers(destination, {stops(3), legs(false)});
  mm::geo::write_layers(destination, {stops(2), legs(false)});  // replaces, not appends
  // Fails on the second layer, after the first was rewritten inside the transaction.
  EXPECT_THROW(mm::geo::write_layers(destination, {stops(5), legs(true)}), std::exception);
  {
    PostgisDataset read = open(destination, false);
    ASSERT_TRUE(read);
    OGRLayer* layer = read->GetLayerByName("stops");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 2);
    EXPECT_EQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), std::string("4326"));
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    EXPECT_EQ(definition->GetFieldDefn(definition->GetFieldIndex("visits"))->GetType(), OFTInteger);
    EXPECT_EQ(definition->GetFieldDefn(definition->GetFieldIndex("open"))->GetSubType(),
              OFSTBoolean);
    layer->SetAttributeFilter("name = 'S1'");
    std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
    ASSERT_TRUE(feature);
    EXPECT_EQ(feature->GetFieldAsInteger("visits"), 1);
    EXPECT_DOUBLE_EQ(feature->GetFieldAsDouble("load"), 0.25);
    EXPECT_EQ(feature->GetFieldAsInteger("open"), 0);
    const auto* point = feature->GetGeometryRef()->toPoint();
    EXPECT_DOUBLE_EQ(point->getX(), -88.5);
    EXPECT_DOUBLE_EQ(point->getY(), 41.5);
    OGRLayer* lines = read->GetLayerByName("legs");
    ASSERT_NE(lines, nullptr);
    EXPECT_EQ(lines->GetFeatureCount(), 1);
  }
  execute(*admin, "DROP SCHEMA " + schema + " CASCADE");
}

}  // namespace
