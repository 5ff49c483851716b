#include "geo/layer_writer.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <system_error>

#include <unistd.h>

#include <gdal.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/gdal_support.h"
#include "network/errors.h"
#include "network/text_file.h"

namespace mm::geo {
namespace {

namespace fs = std::filesystem;
using network::InputError;

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

OGRFieldType field_type(ValueType type) {
  switch (type) {
    case ValueType::text:
      return OFTString;
    case ValueType::integer:
    case ValueType::boolean:
      return OFTInteger;
    case ValueType::real:
      return OFTReal;
  }
  return OFTString;
}

// `options`: GDAL layer creation options (NAME=VALUE), or none.
void add_layer(GDALDataset& dataset, const LayerData& data, const std::string& path,
               const std::vector<std::string>& options = {}) {
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const OGRwkbGeometryType type = data.geometry == GeometryKind::point  ? wkbPoint
                                  : data.geometry == GeometryKind::line ? wkbLineString
                                                                        : wkbNone;
  std::vector<char*> option_list;
  for (const std::string& option : options)
    option_list.push_back(const_cast<char*>(option.c_str()));
  option_list.push_back(nullptr);
  OGRLayer* layer = dataset.CreateLayer(data.name.c_str(), type == wkbNone ? nullptr : &wgs84, type,
                                        option_list.data());
  if (layer == nullptr)
    throw InputError(path + ": cannot create layer \"" + data.name + "\"" + last_gdal_message());
  for (const LayerField& field : data.fields) {
    OGRFieldDefn definition(field.name.c_str(), field_type(field.type));
    if (field.type == ValueType::boolean) definition.SetSubType(OFSTBoolean);
    if (layer->CreateField(&definition) != OGRERR_NONE)
      throw InputError(path + ": cannot create field \"" + field.name + "\"" + last_gdal_message());
  }
  for (const LayerFeature& item : data.features) {
    OGRFeature feature(layer->GetLayerDefn());
    for (std::size_t i = 0; i < data.fields.size(); ++i) {
      const auto& value = item.values.at(i);
      const int index = static_cast<int>(i);
      if (value.is_null()) {
        feature.SetFieldNull(index);
      } else if (value.is_string()) {
        feature.SetField(index, value.get<std::string>().c_str());
      } else if (value.is_boolean()) {
        feature.SetField(index, value.get<bool>() ? 1 : 0);
      } else if (value.is_number_integer()) {
        feature.SetField(index, static_cast<GIntBig>(value.get<long long>()));
      } else {
        feature.SetField(index, value.get<double>());
      }
    }
    if (data.geometry == GeometryKind::point) {
      OGRPoint point(item.points.at(0).first, item.points.at(0).second);
      point.assignSpatialReference(&wgs84);
      feature.SetGeometry(&point);
    } else if (data.geometry == GeometryKind::line) {
      OGRLineString line;
      for (auto [lon, lat] : item.points) line.addPoint(lon, lat);
      line.assignSpatialReference(&wgs84);
      feature.SetGeometry(&line);
    }
    if (layer->CreateFeature(&feature) != OGRERR_NONE)
      throw InputError(path + ": cannot write layer \"" + data.name + "\"" + last_gdal_message());
  }
}

// Writes `layers` with `driver_name` to a temporary file next to `path`, then renames it.
void write_file(const std::string& driver_name, const std::string& path,
                const std::vector<const LayerData*>& layers) {
  network::check_writable(path);
  const fs::path target(path);
  const fs::path temporary =
      target.parent_path() / ("." + target.stem().string() + ".tmp-" + std::to_string(::getpid()) +
                              target.extension().string());
  std::error_code ignored;
  fs::remove(temporary, ignored);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
  if (driver == nullptr) throw InputError(path + ": GDAL has no " + driver_name + " driver");
  try {
    GDALDataset* dataset =
        driver->Create(temporary.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (dataset == nullptr) throw InputError(path + ": cannot create" + last_gdal_message());
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> closer(
        dataset, [](GDALDataset* d) { GDALClose(GDALDataset::ToHandle(d)); });
    // One transaction: a GeoPackage commits once instead of once per feature.
    const bool transaction = dataset->StartTransaction() == OGRERR_NONE;
    for (const LayerData* layer : layers) add_layer(*dataset, *layer, path);
    if (transaction && dataset->CommitTransaction() != OGRERR_NONE)
      throw InputError(path + ": cannot write" + last_gdal_message());
    closer.reset();
    if (CPLGetLastErrorType() >= CE_Failure)
      throw InputError(path + ": cannot write" + last_gdal_message());
    fs::rename(temporary, target);
  } catch (const std::filesystem::filesystem_error& e) {
    fs::remove(temporary, ignored);
    throw InputError(path + ": cannot write: " + e.code().message());
  } catch (...) {
    fs::remove(temporary, ignored);
    throw;
  }
}

using WritableDataset = std::unique_ptr<GDALDataset, void (*)(GDALDataset*)>;

// The value of `active_schema=` in a PG: connection string (GDAL's own keyword), or "".
std::string active_schema(const std::string& path) {
  const std::string key = "active_schema=";
  for (std::size_t at = path.find(key); at != std::string::npos; at = path.find(key, at + 1)) {
    if (at > 0 && path[at - 1] != ' ' && path[at - 1] != ':') continue;
    const std::size_t begin = at + key.size();
    return path.substr(begin, path.find(' ', begin) - begin);
  }
  return "";
}

WritableDataset open_database(const std::string& path) {
  const char* const drivers[] = {"PostgreSQL", nullptr};
  GDALDataset* dataset = GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
  if (dataset == nullptr)
    throw InputError(dataset_for_messages(path) + ": cannot open the database for writing" +
                     last_gdal_message());
  WritableDataset result(dataset, [](GDALDataset* d) { GDALClose(GDALDataset::ToHandle(d)); });
  // GDAL creates tables in `public` when active_schema names a schema that does not exist;
  // writing somewhere else than asked would be silent, so it is an error.
  if (const std::string schema = active_schema(path); !schema.empty()) {
    std::string quoted = "'";
    for (char c : schema) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    quoted += "'";
    OGRLayer* rows = result->ExecuteSQL(
        ("SELECT count(*) AS n FROM pg_namespace WHERE nspname = " + quoted).c_str(), nullptr,
        nullptr);
    long long found = 0;
    if (rows != nullptr) {
      if (OGRFeature* row = rows->GetNextFeature()) {
        found = row->GetFieldAsInteger64(0);
        OGRFeature::DestroyFeature(row);
      }
      result->ReleaseResultSet(rows);
    }
    if (found == 0)
      throw InputError(dataset_for_messages(path) + ": schema \"" + schema +
                       "\" does not exist (CREATE SCHEMA it first)");
  }
  return result;
}

// One transaction around the whole write: PostgreSQL's DDL is transactional, so the old tables
// are dropped (OVERWRITE) and the new ones filled or, on any failure, nothing changes.
void write_database(const std::string& path, const std::vector<LayerData>& layers) {
  const std::string name = dataset_for_messages(path);
  WritableDataset dataset = open_database(path);
  if (dataset->StartTransaction() != OGRERR_NONE)
    throw InputError(name + ": cannot start a transaction" + last_gdal_message());
  try {
    for (const LayerData& layer : layers)
      add_layer(*dataset, layer, name, {"OVERWRITE=YES", "GEOMETRY_NAME=geom", "FID=fid"});
    if (dataset->CommitTransaction() != OGRERR_NONE)
      throw InputError(name + ": cannot write" + last_gdal_message());
  } catch (...) {
    dataset->RollbackTransaction();
    throw;
  }
  dataset.reset();
  if (CPLGetLastErrorType() >= CE_Failure)
    throw InputError(name + ": cannot write" + last_gdal_message());
}

}  // namespace

bool is_database_destination(const std::string& path) {
  return path.size() >= 3 && (path[0] == 'P' || path[0] == 'p') &&
         (path[1] == 'G' || path[1] == 'g') && path[2] == ':';
}

std::vector<std::string> layer_file_paths(const std::string& path,
                                          const std::vector<std::string>& layer_names) {
  if (ends_with(path, ".gpkg") || is_database_destination(path)) return {path};
  if (ends_with(path, ".geojson")) {
    const std::string stem = path.substr(0, path.size() - 8);
    std::vector<std::string> paths;
    for (const std::string& name : layer_names) paths.push_back(stem + "." + name + ".geojson");
    return paths;
  }
  throw InputError(path +
                   ": unsupported geodata output (name it .gpkg or .geojson, or give a PG: "
                   "connection string)");
}

void check_layers_writable(const std::string& path, const std::vector<std::string>& layer_names) {
  const std::vector<std::string> paths = layer_file_paths(path, layer_names);
  if (!is_database_destination(path)) {
    for (const std::string& file : paths) network::check_writable(file);
    return;
  }
  register_gdal_drivers();
  QuietGdalErrors quiet;
  open_database(path);
}

void write_layers(const std::string& path, const std::vector<LayerData>& layers) {
  std::vector<std::string> names;
  for (const LayerData& layer : layers) names.push_back(layer.name);
  const std::vector<std::string> paths = layer_file_paths(path, names);
  register_gdal_drivers();
  QuietGdalErrors quiet;
  if (is_database_destination(path)) {
    write_database(path, layers);
    return;
  }
  if (ends_with(path, ".gpkg")) {
    std::vector<const LayerData*> all;
    for (const LayerData& layer : layers) all.push_back(&layer);
    write_file("GPKG", path, all);
    return;
  }
  for (const std::string& file : paths) network::check_writable(file);
  for (std::size_t i = 0; i < layers.size(); ++i) write_file("GeoJSON", paths[i], {&layers[i]});
}

}  // namespace mm::geo
