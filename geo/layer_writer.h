// Writes vector layers (WGS84 lon/lat, EPSG:4326) as a GeoPackage or GeoJSON, atomically.
//
// `NAME.gpkg` holds every layer in one file. GeoJSON holds one layer per file, so
// `NAME.geojson` becomes `NAME.<layer>.geojson`, one per layer. Each file is written under a
// temporary name in the same folder and renamed into place, so a failed run never leaves half
// a file. Lines are straight segments between the listed lon/lat points.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace mm::geo {

enum class GeometryKind { none, point, line };
enum class ValueType { text, integer, real, boolean };

struct LayerField {
  std::string name;
  ValueType type = ValueType::text;
};

struct LayerFeature {
  std::vector<std::pair<double, double>> points;  // lon, lat; one for a point layer
  nlohmann::ordered_json values;                  // array aligned with the fields; null = unset
};

struct LayerData {
  std::string name;
  GeometryKind geometry = GeometryKind::none;
  std::vector<LayerField> fields;
  std::vector<LayerFeature> features;
};

// The files `write_layers(path, layers)` writes: [path] for .gpkg, one per layer for .geojson.
// Throws network::InputError for any other extension.
std::vector<std::string> layer_file_paths(const std::string& path,
                                          const std::vector<std::string>& layer_names);

// Throws network::InputError naming the file when it cannot be written.
void write_layers(const std::string& path, const std::vector<LayerData>& layers);

}  // namespace mm::geo
