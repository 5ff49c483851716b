// Nearest facilities among a subset, by geodesic (WGS84) distance.
//
// A Boost.Geometry R-tree holds the subset as points on the unit sphere: chord length orders
// points exactly like great-circle distance, so the tree's k nearest by chord are the k nearest
// on the sphere, and those candidates are then ranked by the ellipsoidal geodesic km that lane
// distances use. Shared by the sample generator and the rule-based lane generator.
//
// `within` answers a distance query with a box search in the same tree: on WGS84 every path is
// at least 6335.4 km (the smallest radius of curvature, the meridian's at the equator) times
// its length on the unit sphere through the same latitudes and longitudes, so a geodesic of
// d km joins points at most d / 6335.4 radians apart; the box around that chord holds every
// candidate, and the geodesic km of each decides.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "network/instance.h"

namespace mm::geo {

class NearestFacilities {
 public:
  // `facilities` must outlive this object; `subset` holds indices into it.
  NearestFacilities(const std::vector<network::Facility>& facilities,
                    const std::vector<std::size_t>& subset);
  ~NearestFacilities();
  NearestFacilities(const NearestFacilities&) = delete;
  NearestFacilities& operator=(const NearestFacilities&) = delete;

  // Up to k facilities of the subset nearest to facility `from` (itself excluded), as
  // (geodesic km, index) pairs, nearest first; ties broken by index.
  std::vector<std::pair<double, std::size_t>> nearest(std::size_t from, std::size_t k) const;

  // Every facility of the subset at most `max_km` geodesic km from facility `from` (itself
  // excluded; max_km may be infinite), as (km, index) pairs, nearest first; ties by index.
  std::vector<std::pair<double, std::size_t>> within(std::size_t from, double max_km) const;

 private:
  struct Tree;
  const std::vector<network::Facility>& facilities_;
  std::unique_ptr<Tree> tree_;
};

}  // namespace mm::geo
