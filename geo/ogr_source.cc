#include "geo/ogr_source.h"
#include "network/json_text.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include <gdal.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/gdal_support.h"
#include "geo/ogr_dataset.h"
#include "network/errors.h"
#include "network/number_text.h"

namespace mm::geo {
namespace {

using network::in_quotes;
using network::utf8_or_replaced;

using Json = nlohmann::ordered_json;
using network::InputError;

std::string trimmed(const std::string& text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

// Strict whole-text parses: "12x", "", "1e999" are not numbers.
std::optional<long long> parse_integer(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// Converts one field of one feature; throws naming the feature and field.
class FeatureReader {
 public:
  FeatureReader(const SourceLayer& layer, OGRFeature& feature) : layer_(layer), feature_(feature) {}

  [[noreturn]] void fail(const std::string& field, const std::string& what) const {
    throw InputError(layer_.where(feature_.GetFID()) + ", field " + in_quotes(field) + ": " + what);
  }

  // Absent (null, unset, empty text) -> nullopt.
  std::optional<Json> read(int index, const FieldRequest& request) const {
    if (!feature_.IsFieldSetAndNotNull(index)) return absent(request);
    const OGRFieldType type = feature_.GetFieldDefnRef(index)->GetType();
    const bool integral = type == OFTInteger || type == OFTInteger64;
    switch (request.kind) {
      case FieldKind::text: {
        if (type == OFTString) {
          std::string text = feature_.GetFieldAsString(index);
          if (text.empty()) return absent(request);
          // Ids end up in JSON, which holds only UTF-8 (a Latin-1 export is the usual cause).
          if (utf8_or_replaced(text) != text)
            fail(request.source,
                 "not UTF-8 text " + in_quotes(text) + " (save the source as UTF-8)");
          return Json(text);
        }
        if (integral) return Json(std::to_string(feature_.GetFieldAsInteger64(index)));
        fail(request.source, std::string("expected text, got a ") +
                                 OGRFieldDefn::GetFieldTypeName(type) + " value " +
                                 in_quotes(feature_.GetFieldAsString(index)));
      }
      case FieldKind::integer: {
        if (integral) return Json(checked_int(request, feature_.GetFieldAsInteger64(index)));
        if (type == OFTReal) {
          double value = feature_.GetFieldAsDouble(index);
          if (value != std::floor(value) || std::fabs(value) > INT_MAX)
            fail(request.source, "not an integer " + network::number_text(value, 17));
          return Json(static_cast<int>(value));
        }
        if (type == OFTString) {
          std::string text = trimmed(feature_.GetFieldAsString(index));
          if (text.empty()) return absent(request);
          auto value = parse_integer(text);
          if (!value) fail(request.source, "not an integer " + in_quotes(text));
          return Json(checked_int(request, *value));
        }
        break;
      }
      case FieldKind::number: {
        if (integral) return Json(static_cast<double>(feature_.GetFieldAsInteger64(index)));
        if (type == OFTReal) return Json(feature_.GetFieldAsDouble(index));
        if (type == OFTString) {
          std::string text = trimmed(feature_.GetFieldAsString(index));
          if (text.empty()) return absent(request);
          auto value = parse_number(text);
          if (!value) fail(request.source, "not a number " + in_quotes(text));
          return Json(*value);
        }
        break;
      }
      case FieldKind::minute_list: {
        Json list = Json::array();
        if (integral) {
          list.push_back(checked_int(request, feature_.GetFieldAsInteger64(index)));
          return list;
        }
        if (type == OFTIntegerList || type == OFTInteger64List) {
          int count = 0;
          const GIntBig* values = feature_.GetFieldAsInteger64List(index, &count);
          for (int i = 0; i < count; ++i) list.push_back(checked_int(request, values[i]));
          return list;
        }
        if (type == OFTString) {
          std::istringstream words(feature_.GetFieldAsString(index));
          std::string word;
          while (words >> word) {
            auto value = parse_integer(word);
            if (!value)
              fail(request.source, "not a space-separated list of minutes: " + in_quotes(word) +
                                       " is not an integer");
            list.push_back(checked_int(request, *value));
          }
          if (list.empty()) return absent(request);
          return list;
        }
        break;
      }
    }
    fail(request.source,
         std::string("unsupported field type ") + OGRFieldDefn::GetFieldTypeName(type));
  }

 private:
  std::optional<Json> absent(const FieldRequest& request) const {
    if (request.required) fail(request.source, "missing value");
    return std::nullopt;
  }

  int checked_int(const FieldRequest& request, long long value) const {
    if (value < INT_MIN || value > INT_MAX)
      fail(request.source, std::to_string(value) + " is out of range");
    return static_cast<int>(value);
  }

  const SourceLayer& layer_;
  OGRFeature& feature_;
};

}  // namespace

LayerSource parse_layer_source(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return {text, ""};
  std::error_code error;
  if (std::filesystem::exists(text, error)) return {text, ""};
  const std::string head = text.substr(0, colon), tail = text.substr(colon + 1);
  if (tail.find_first_of("/\\= ") != std::string::npos) return {text, ""};
  if (head.find_first_of("/\\.") == std::string::npos && head.find('=') == std::string::npos &&
      head.size() <= 8 && !std::filesystem::exists(head, error)) {
    // "PG:dbname" style: a bare driver prefix, not a file followed by a layer.
    bool prefix = true;
    for (char c : head) prefix = prefix && std::isupper(static_cast<unsigned char>(c));
    if (prefix) return {text, ""};
  }
  return {head, tail};
}

std::string SourceLayer::where(long long fid) const {
  return dataset + ": layer " + in_quotes(layer) + ", feature " + std::to_string(fid);
}

SourceLayer read_source_layer(const LayerSource& source, const std::string& role,
                              const std::vector<FieldRequest>& requests,
                              const PointRequest* point) {
  QuietGdalErrors quiet;
  DatasetPtr dataset = open_dataset(source.dataset);
  OGRLayer* layer = choose_layer(*dataset, source, role);
  SourceLayer result;
  result.dataset = dataset_for_messages(source.dataset);
  result.layer = layer->GetName();
  const std::string layer_where = result.dataset + ": layer " + in_quotes(result.layer);
  OGRFeatureDefn* definition = layer->GetLayerDefn();

  std::vector<FieldRequest> fields = requests;
  const bool use_geometry = point != nullptr && !point->lon_field && !point->lat_field &&
                            definition->GetGeomFieldCount() > 0 && layer->GetGeomType() != wkbNone;
  if (point != nullptr && !use_geometry) {
    fields.push_back({"lon", point->lon_field.value_or("lon"), FieldKind::number, true});
    fields.push_back({"lat", point->lat_field.value_or("lat"), FieldKind::number, true});
  }
  std::vector<int> indices;
  for (const FieldRequest& field : fields) {
    int index = definition->GetFieldIndex(field.source.c_str());
    if (index < 0 && field.required) {
      std::string mapped =
          field.source == field.target ? "" : " (mapped to " + in_quotes(field.target) + ")";
      throw InputError(layer_where + ": no field " + in_quotes(field.source) + mapped);
    }
    indices.push_back(index);
  }

  TransformPtr transform;
  std::string geometry_field = "geometry";
  if (point != nullptr) {
    std::optional<OGRSpatialReference> crs;
    if (point->crs) {
      crs = crs_from_text(*point->crs, point->crs_origin);
    } else if (use_geometry) {
      const OGRSpatialReference* layer_crs = layer->GetSpatialRef();
      if (layer_crs == nullptr)
        throw InputError(layer_where +
                         ": unknown CRS (the layer has none; name one as \"crs\" in the mapping)");
      crs = *layer_crs;
    }
    if (crs) transform = to_wgs84(*crs, point->crs ? point->crs_origin : layer_where);
    if (use_geometry && *layer->GetGeometryColumn() != '\0')
      geometry_field = layer->GetGeometryColumn();
  }

  layer->ResetReading();
  for (auto& feature : *layer) {
    FeatureReader reader(result, *feature);
    SourceFeature row;
    row.fid = feature->GetFID();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (indices[i] < 0) continue;  // optional field the layer does not have
      if (auto value = reader.read(indices[i], fields[i])) row.values[fields[i].target] = *value;
    }
    if (point != nullptr) {
      double x = 0.0, y = 0.0;
      if (use_geometry) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) reader.fail(geometry_field, "no geometry");
        if (wkbFlatten(geometry->getGeometryType()) != wkbPoint)
          reader.fail(geometry_field, std::string("geometry is a ") +
                                          OGRGeometryTypeToName(geometry->getGeometryType()) +
                                          ", not a point");
        x = geometry->toPoint()->getX();
        y = geometry->toPoint()->getY();
      } else {
        x = row.values["lon"].get<double>();
        y = row.values["lat"].get<double>();
      }
      if (transform && !transform->Transform(1, &x, &y))
        reader.fail(use_geometry ? geometry_field : fields[fields.size() - 2].source,
                    "cannot transform " + network::number_text(x, 17) + " " +
                        network::number_text(y, 17) + " to WGS84" + last_gdal_message());
      row.values["lon"] = x;
      row.values["lat"] = y;
    }
    result.features.push_back(std::move(row));
  }
  if (CPLGetLastErrorType() >= CE_Failure)
    throw InputError(layer_where + ": read error" + last_gdal_message());
  return result;
}

}  // namespace mm::geo
