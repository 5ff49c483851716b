#include "network/geodesic.h"

// Boost 1.74's math headers include one of its own deprecated headers, which prints a note on
// every build; the replacement is Boost's business, not ours.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/core/cs.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/strategies/geographic/distance.hpp>
#include <boost/geometry/strategies/geographic/parameters.hpp>

namespace mm::network {

namespace bg = boost::geometry;

double geodesic_km(double lon1, double lat1, double lon2, double lat2) {
  using Point = bg::model::point<double, 2, bg::cs::geographic<bg::degree>>;
  // WGS84: semi-major axis a and semi-minor axis b = a (1 - f), f = 1 / 298.257223563.
  static const bg::srs::spheroid<double> wgs84(6378137.0, 6356752.314245179);
  static const bg::strategy::distance::geographic<bg::strategy::vincenty, bg::srs::spheroid<double>>
      vincenty(wgs84);
  return bg::distance(Point(lon1, lat1), Point(lon2, lat2), vincenty) / 1000.0;
}

}  // namespace mm::network
