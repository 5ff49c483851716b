// The city table the generator tests read: data/uscities-top1000.csv, read once per process.
#pragma once

#include <string>
#include <vector>

#include "geo/city_table.h"

namespace mm::geo {

inline const std::vector<City>& top_cities() {
  static const std::vector<City> cities =
      read_city_table(std::string(MM_SOURCE_DIR) + "/data/uscities-top1000.csv");
  return cities;
}

}  // namespace mm::geo
