// Writes vector layers (WGS84 lon/lat, EPSG:4326) as a GeoPackage, GeoJSON or PostGIS tables,
// atomically.
//
// `NAME.gpkg` holds every layer in one file. GeoJSON holds one layer per file, so
// `NAME.geojson` becomes `NAME.<layer>.geojson`, one per layer. Each file is written under a
// temporary name in the same folder and renamed into place, so a failed run never leaves half
// a file. A `PG:` connection string (GDAL's PostgreSQL driver, e.g.
// `PG:host=db dbname=mm active_schema=plans`) writes one table per layer into the database:
// existing tables of those names are replaced, all in one transaction, so a failed run leaves
// the old tables as they were. `active_schema=` must name an existing schema (GDAL alone would
// quietly write to `public`); tables get a `fid` key and a `geom` column. Lines are straight
// segments between the listed lon/lat points.
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

// True for a database destination (`PG:…`, any case) rather than a file.
bool is_database_destination(const std::string& path);

// The files `write_layers(path, layers)` writes: [path] for .gpkg (and for a database, which
// is one destination), one per layer for .geojson. Throws network::InputError for any other
// extension.
std::vector<std::string> layer_file_paths(const std::string& path,
                                          const std::vector<std::string>& layer_names);

// Checks, before any long work, that the layers can be written: the files' folders are
// writable, or the database accepts a connection for update. Throws network::InputError.
void check_layers_writable(const std::string& path, const std::vector<std::string>& layer_names);

// Throws network::InputError naming the file when it cannot be written.
void write_layers(const std::string& path, const std::vector<LayerData>& layers);

}  // namespace mm::geo
