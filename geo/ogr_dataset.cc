#include "geo/ogr_dataset.h"

#include <filesystem>

#include "geo/gdal_support.h"
#include "network/errors.h"
#include "network/json_text.h"

namespace mm::geo {

using network::in_quotes;
using network::InputError;

DatasetPtr open_dataset(const std::string& path) {
  register_gdal_drivers();
  DatasetPtr dataset(GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!dataset) {
    std::error_code error;
    const bool connection = path.find(':') != std::string::npos && !std::filesystem::exists(path);
    if (!connection && !std::filesystem::exists(path, error))
      throw InputError(path + ": no such file");
    throw InputError(dataset_for_messages(path) + ": cannot open as vector geodata" +
                     last_gdal_message());
  }
  return dataset;
}

OGRLayer* choose_layer(GDALDataset& dataset, const LayerSource& source, const std::string& role) {
  auto names = [&] {
    std::string list;
    for (int i = 0; i < dataset.GetLayerCount(); ++i)
      list += (i == 0 ? "" : ", ") + in_quotes(dataset.GetLayer(i)->GetName());
    return list.empty() ? std::string("none") : list;
  };
  if (!source.layer.empty()) {
    OGRLayer* layer = dataset.GetLayerByName(source.layer.c_str());
    if (layer == nullptr)
      throw InputError(dataset_for_messages(source.dataset) + ": no layer " +
                       in_quotes(source.layer) + " (layers: " + names() + ")");
    return layer;
  }
  if (dataset.GetLayerCount() == 1) return dataset.GetLayer(0);
  if (OGRLayer* layer = dataset.GetLayerByName(role.c_str())) return layer;
  const std::string shown = dataset_for_messages(source.dataset);
  throw InputError(shown + ": " + std::to_string(dataset.GetLayerCount()) +
                   " layers and none named " + in_quotes(role) + " (layers: " + names() +
                   "): name one as " + shown + ":LAYER");
}

// The transformation from `source_crs` to WGS84 lon/lat, or null when it is WGS84 lon/lat.
TransformPtr to_wgs84(const OGRSpatialReference& source_crs, const std::string& where) {
  OGRSpatialReference source(source_crs);
  source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (source.IsSame(&wgs84)) return nullptr;
  TransformPtr transform(OGRCreateCoordinateTransformation(&source, &wgs84));
  if (!transform)
    throw InputError(where + ": CRS cannot be transformed to WGS84" + last_gdal_message());
  return transform;
}

OGRSpatialReference crs_from_text(const std::string& text, const std::string& origin) {
  OGRSpatialReference crs;
  if (crs.SetFromUserInput(text.c_str()) != OGRERR_NONE)
    throw InputError(origin + ": unknown CRS " + in_quotes(text));
  return crs;
}

}  // namespace mm::geo
