// A region read from geodata: the union of the polygons of one OGR layer (a state, a metro
// area, a sales territory), reprojected to WGS84 lon/lat, for "is this facility inside?"
// tests (scenario demand scaling by region, docs/SCENARIOS.md).
//
// Containment is tested in the lon/lat plane (Boost.Geometry covered_by, so a point on the
// boundary is inside), which is how GIS tools draw and test such regions. Polygons and
// multipolygons are accepted; any other geometry is an error naming the feature.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace mm::geo {

class Region {
 public:
  // `source` is "SRC[:LAYER]" as for import. Throws network::InputError naming the dataset,
  // layer and feature of the first problem (no polygons, a line, an unknown CRS).
  static Region read(const std::string& source);

  Region(Region&&) noexcept;
  Region& operator=(Region&&) noexcept;
  ~Region();

  bool contains(double lon, double lat) const;
  const std::string& name() const;  // "<dataset>: layer "<layer>"", for messages

 private:
  struct Shapes;
  explicit Region(std::unique_ptr<Shapes> shapes);
  std::unique_ptr<Shapes> shapes_;
};

}  // namespace mm::geo
