// Geodesic (shortest surface) distance between two points on the WGS84 ellipsoid, in km.
//
// Coordinates are degrees: longitude in [-180, 180], latitude in [-90, 90]. The distance is
// the solution of the inverse geodesic problem by Vincenty's iteration (Boost.Geometry),
// accurate to well under a metre for any pair that is not nearly antipodal; lane distances are
// this value times the vehicle's circuity (FORMAT.md).
#pragma once

namespace mm::network {

double geodesic_km(double lon1, double lat1, double lon2, double lat2);

}  // namespace mm::network
