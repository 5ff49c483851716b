// A table of cities with coordinates and population, read from a CSV file through GDAL/OGR.
//
// The expected layout is the SimpleMaps US Cities Database (simplemaps.com, CC BY 4.0):
// a header line naming at least the columns `city`, `state_id`, `lat`, `lng` and
// `population` (others, such as rank, density and timezone, are ignored), one city per line.
// Coordinates are WGS84 degrees; population is a whole number of people > 0.
//
// Every value is read as text and parsed strictly here, so a bad row fails with one line
// naming the file, the line number and the field (`cities.csv:7: field "lat": not a number
// "abc"`) instead of becoming a silent 0. Rows keep their file order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mm::geo {

struct City {
  std::string name;   // `city`, e.g. "Chicago"
  std::string state;  // `state_id`, e.g. "IL"
  double lon = 0.0;   // `lng`, degrees east
  double lat = 0.0;   // `lat`, degrees north
  std::int64_t population = 0;
  int line = 0;  // line of the source file the city came from (header = line 1)
};

// Reads every city of `path`. Throws network::InputError naming the file (and line and field
// for a bad value) when the file cannot be opened as CSV, a required column is missing, a value
// is empty, not a number or out of range, or the file holds no city.
std::vector<City> read_city_table(const std::string& path);

}  // namespace mm::geo
