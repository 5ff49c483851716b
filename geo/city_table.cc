#include "geo/city_table.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogrsf_frmts.h>

#include "geo/gdal_support.h"
#include "network/errors.h"

namespace mm::geo {
namespace {

using network::InputError;

struct DatasetHandleCloser {
  void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};

class RowReader {
 public:
  RowReader(const std::string& path, const OGRFeature& feature, int line)
      : path_(path), feature_(feature), line_(line) {}

  std::string text(int field, const char* name) const {
    std::string value =
        feature_.IsFieldSetAndNotNull(field) ? feature_.GetFieldAsString(field) : std::string();
    if (value.empty()) fail(name, "empty");
    return value;
  }

  double number(int field, const char* name, double min, double max) const {
    std::string value = text(field, name);
    char* end = nullptr;
    double parsed = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0' || !std::isfinite(parsed))
      fail(name, "not a number \"" + value + "\"");
    if (parsed < min || parsed > max) fail(name, value + " is out of range");
    return parsed;
  }

  [[noreturn]] void fail(const char* name, const std::string& what) const {
    throw InputError(path_ + ":" + std::to_string(line_) + ": field \"" + name + "\": " + what);
  }

 private:
  const std::string& path_;
  const OGRFeature& feature_;
  int line_;
};

}  // namespace

std::vector<City> read_city_table(const std::string& path) {
  register_gdal_drivers();
  QuietGdalErrors quiet;

  const char* const drivers[] = {"CSV", nullptr};
  std::unique_ptr<void, DatasetHandleCloser> dataset(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  if (!dataset) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) throw InputError(path + ": no such file");
    throw InputError(path + ": cannot open as a CSV file" + last_gdal_message());
  }
  auto* ogr = GDALDataset::FromHandle(dataset.get());
  if (ogr->GetLayerCount() != 1) throw InputError(path + ": expected one table of cities");
  OGRLayer* layer = ogr->GetLayer(0);
  OGRFeatureDefn* definition = layer->GetLayerDefn();

  auto column = [&](const char* name) {
    int index = definition->GetFieldIndex(name);
    if (index < 0) throw InputError(path + ": missing column \"" + name + "\"");
    return index;
  };
  const int city_field = column("city");
  const int state_field = column("state_id");
  const int lat_field = column("lat");
  const int lng_field = column("lng");
  const int population_field = column("population");

  std::vector<City> cities;
  layer->ResetReading();
  for (auto& feature : *layer) {
    // The CSV driver numbers data rows from 1, so row N sits on line N + 1 after the header.
    const int line = static_cast<int>(feature->GetFID()) + 1;
    RowReader row(path, *feature, line);
    City city;
    city.name = row.text(city_field, "city");
    city.state = row.text(state_field, "state_id");
    city.lat = row.number(lat_field, "lat", -90.0, 90.0);
    city.lon = row.number(lng_field, "lng", -180.0, 180.0);
    double population = row.number(population_field, "population", 1.0, 1e10);
    if (population != std::floor(population))
      row.fail("population",
               "not a whole number \"" + row.text(population_field, "population") + "\"");
    city.population = static_cast<std::int64_t>(population);
    city.line = line;
    cities.push_back(std::move(city));
  }
  if (CPLGetLastErrorType() >= CE_Failure)
    throw InputError(path + ": read error" + last_gdal_message());
  if (cities.empty()) throw InputError(path + ": no cities");
  return cities;
}

}  // namespace mm::geo
