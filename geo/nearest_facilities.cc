#include "geo/nearest_facilities.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "network/geodesic.h"

namespace mm::geo {
namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using Point = bg::model::point<double, 3, bg::cs::cartesian>;
using Entry = std::pair<Point, std::size_t>;

Point on_sphere(const network::Facility& f) {
  const double to_radians = 3.14159265358979323846 / 180.0;
  double lon = f.lon * to_radians, lat = f.lat * to_radians;
  return Point(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat));
}

}  // namespace

struct NearestFacilities::Tree {
  bgi::rtree<Entry, bgi::quadratic<16>> rtree;
};

NearestFacilities::NearestFacilities(const std::vector<network::Facility>& facilities,
                                     const std::vector<std::size_t>& subset)
    : facilities_(facilities), tree_(std::make_unique<Tree>()) {
  std::vector<Entry> entries;
  for (std::size_t index : subset) entries.emplace_back(on_sphere(facilities[index]), index);
  tree_->rtree = bgi::rtree<Entry, bgi::quadratic<16>>(entries.begin(), entries.end());
}

NearestFacilities::~NearestFacilities() = default;

std::vector<std::pair<double, std::size_t>> NearestFacilities::nearest(std::size_t from,
                                                                       std::size_t k) const {
  std::vector<Entry> found;
  tree_->rtree.query(bgi::nearest(on_sphere(facilities_[from]), static_cast<unsigned>(k + 1)),
                     std::back_inserter(found));
  std::vector<std::pair<double, std::size_t>> ranked;
  const network::Facility& a = facilities_[from];
  for (const Entry& entry : found) {
    if (entry.second == from) continue;
    const network::Facility& b = facilities_[entry.second];
    ranked.emplace_back(network::geodesic_km(a.lon, a.lat, b.lon, b.lat), entry.second);
  }
  std::sort(ranked.begin(), ranked.end());
  if (ranked.size() > k) ranked.resize(k);
  return ranked;
}

std::vector<std::pair<double, std::size_t>> NearestFacilities::within(std::size_t from,
                                                                      double max_km) const {
  const network::Facility& a = facilities_[from];
  std::vector<Entry> found;
  // Radians on the unit sphere that a geodesic of max_km can span (see the header), a hair
  // wider so rounding cannot drop a point on the edge; beyond half a turn, everything.
  const double kMinRadiusKm = 6335.4;
  const double angle = max_km / kMinRadiusKm * (1.0 + 1e-9) + 1e-12;
  if (!(angle < 3.14159265358979323846)) {
    found.assign(tree_->rtree.begin(), tree_->rtree.end());
  } else {
    const double chord = 2.0 * std::sin(angle / 2.0);
    const Point centre = on_sphere(a);
    const Point low(bg::get<0>(centre) - chord, bg::get<1>(centre) - chord,
                    bg::get<2>(centre) - chord);
    const Point high(bg::get<0>(centre) + chord, bg::get<1>(centre) + chord,
                     bg::get<2>(centre) + chord);
    tree_->rtree.query(bgi::intersects(bg::model::box<Point>(low, high)),
                       std::back_inserter(found));
  }
  std::vector<std::pair<double, std::size_t>> ranked;
  for (const Entry& entry : found) {
    if (entry.second == from) continue;
    const network::Facility& b = facilities_[entry.second];
    const double km = network::geodesic_km(a.lon, a.lat, b.lon, b.lat);
    if (km <= max_km) ranked.emplace_back(km, entry.second);
  }
  std::sort(ranked.begin(), ranked.end());
  return ranked;
}

}  // namespace mm::geo
