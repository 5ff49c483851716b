// Reads one layer of any OGR data source (GeoPackage, GeoJSON, Shapefile, CSV, PostGIS via
// "PG:…") into JSON values named as the instance fields they fill, strictly.
//
// Each requested field is looked up by its source name (after the user's mapping) and converted
// to the kind the instance needs: text, integer, number, or a list of minutes (a text of
// space-separated integers, or an OGR integer list). Text fields are parsed strictly, so a CSV
// (whose columns are all text) is checked exactly like a typed GeoPackage. A null, unset or
// empty value is absent: an error for a required field, a default for an optional one.
//
// Points come from the point geometry, reprojected from the layer's CRS (or the one named in
// the mapping) to WGS84 lon/lat with OGRCoordinateTransformation in traditional GIS (x = lon)
// axis order; or, when the layer has no geometry or the mapping names `lon`/`lat` fields, from
// those two number fields (WGS84 unless a CRS is named).
//
// Every problem throws network::InputError with one line naming the dataset, layer, feature id
// and field: `demand.csv: layer "demand", feature 3, field "packages": not a number "abc"`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mm::geo {

// "SRC[:LAYER]". The layer is split off at the last ':' unless SRC:LAYER is itself an existing
// file, the tail looks like part of a path or connection string (has '/', '\\', '=' or ' '),
// or the head is just a driver prefix such as "PG". An empty layer means "choose" (see below).
struct LayerSource {
  std::string dataset;
  std::string layer;
};
LayerSource parse_layer_source(const std::string& text);

enum class FieldKind { text, integer, number, minute_list };

struct FieldRequest {
  std::string target;  // the instance field it fills, e.g. "handling_minutes"
  std::string source;  // the field's name in the layer (== target unless mapped)
  FieldKind kind = FieldKind::text;
  bool required = false;
};

struct PointRequest {
  // Names of the lon/lat fields when the mapping gives them; otherwise the point geometry is
  // used if the layer has one, else fields named "lon" and "lat".
  std::optional<std::string> lon_field;
  std::optional<std::string> lat_field;
  // A CRS ("EPSG:3857", WKT, PROJ string) overriding the layer's; `crs_origin` names where it
  // was given (for messages), e.g. "mapping.json: facilities.crs".
  std::optional<std::string> crs;
  std::string crs_origin;
};

struct SourceFeature {
  long long fid = 0;
  // target -> value (string, integer, double or array of integers); absent fields left out.
  // With a PointRequest, "lon" and "lat" are always present (WGS84 degrees).
  nlohmann::ordered_json values = nlohmann::ordered_json::object();
};

struct SourceLayer {
  std::string dataset;  // as messages show it (a connection string without its password)
  std::string layer;
  std::vector<SourceFeature> features;  // in layer order

  // `<dataset>: layer "<layer>", feature <fid>` for messages.
  std::string where(long long fid) const;
};

// Reads every feature of the layer. Without a layer name, a dataset with one layer uses it, and
// one with several uses the layer named `role` ("facilities", "demand", "lanes"). `point` null:
// geometry is not read (demand, lanes).
SourceLayer read_source_layer(const LayerSource& source, const std::string& role,
                              const std::vector<FieldRequest>& fields, const PointRequest* point);

}  // namespace mm::geo
