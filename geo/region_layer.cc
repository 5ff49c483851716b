#include "geo/region_layer.h"

#include <vector>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

#include "geo/gdal_support.h"
#include "geo/ogr_dataset.h"
#include "network/errors.h"
#include "network/json_text.h"

namespace mm::geo {

namespace bg = boost::geometry;
using LonLat = bg::model::d2::point_xy<double>;
using Polygon = bg::model::polygon<LonLat>;

struct Region::Shapes {
  std::string name;
  std::vector<Polygon> polygons;
  std::vector<bg::model::box<LonLat>> boxes;  // envelope of each polygon, a cheap first test
};

namespace {

using network::InputError;

std::vector<LonLat> ring_points(const OGRLinearRing& ring, OGRCoordinateTransformation* transform,
                                const std::string& where) {
  std::vector<LonLat> points;
  for (int i = 0; i < ring.getNumPoints(); ++i) {
    double x = ring.getX(i), y = ring.getY(i);
    if (transform && !transform->Transform(1, &x, &y))
      throw InputError(where + ": cannot transform a vertex to WGS84" + last_gdal_message());
    points.emplace_back(x, y);
  }
  return points;
}

Polygon to_polygon(const OGRPolygon& source, OGRCoordinateTransformation* transform,
                   const std::string& where) {
  Polygon polygon;
  if (const OGRLinearRing* outer = source.getExteriorRing()) {
    for (const LonLat& p : ring_points(*outer, transform, where)) polygon.outer().push_back(p);
  }
  for (int i = 0; i < source.getNumInteriorRings(); ++i) {
    polygon.inners().emplace_back();
    for (const LonLat& p : ring_points(*source.getInteriorRing(i), transform, where))
      polygon.inners().back().push_back(p);
  }
  bg::correct(polygon);  // ring orientation and closure as Boost.Geometry expects
  return polygon;
}

}  // namespace

Region::Region(std::unique_ptr<Shapes> shapes) : shapes_(std::move(shapes)) {}
Region::Region(Region&&) noexcept = default;
Region& Region::operator=(Region&&) noexcept = default;
Region::~Region() = default;

Region Region::read(const std::string& text) {
  QuietGdalErrors quiet;
  const LayerSource source = parse_layer_source(text);
  DatasetPtr dataset = open_dataset(source.dataset);
  OGRLayer* layer = choose_layer(*dataset, source, "region");
  auto shapes = std::make_unique<Shapes>();
  const std::string layer_where =
      source.dataset + ": layer " + network::in_quotes(layer->GetName());
  shapes->name = layer_where;
  TransformPtr transform;
  if (const OGRSpatialReference* crs = layer->GetSpatialRef()) {
    transform = to_wgs84(*crs, layer_where);
  }
  layer->ResetReading();
  for (auto& feature : *layer) {
    const std::string where = layer_where + ", feature " + std::to_string(feature->GetFID());
    const OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry == nullptr || geometry->IsEmpty()) throw InputError(where + ": no geometry");
    const auto type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPolygon) {
      shapes->polygons.push_back(to_polygon(*geometry->toPolygon(), transform.get(), where));
    } else if (type == wkbMultiPolygon) {
      for (const OGRPolygon* part : *geometry->toMultiPolygon())
        shapes->polygons.push_back(to_polygon(*part, transform.get(), where));
    } else {
      throw InputError(where + ": geometry is a " +
                       OGRGeometryTypeToName(geometry->getGeometryType()) + ", not a polygon");
    }
  }
  if (shapes->polygons.empty()) throw InputError(layer_where + ": no polygons");
  for (const Polygon& polygon : shapes->polygons)
    shapes->boxes.push_back(bg::return_envelope<bg::model::box<LonLat>>(polygon));
  return Region(std::move(shapes));
}

bool Region::contains(double lon, double lat) const {
  const LonLat point(lon, lat);
  for (std::size_t i = 0; i < shapes_->polygons.size(); ++i)
    if (bg::covered_by(point, shapes_->boxes[i]) && bg::covered_by(point, shapes_->polygons[i]))
      return true;
  return false;
}

const std::string& Region::name() const {
  return shapes_->name;
}

}  // namespace mm::geo
