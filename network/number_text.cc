#include "network/number_text.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

namespace mm::network {

std::string number_text(double value, int digits) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(digits);
  out << value;
  return out.str();
}

std::string fixed_text(double value, int decimals) {
  char buffer[400];  // DBL_MAX has 309 digits before the point
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string grouped_text(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  const std::string digits = fixed_text(std::fabs(value), decimals);
  const std::size_t point = digits.find('.');
  const std::string fraction = point == std::string::npos ? "" : digits.substr(point);
  const std::string whole = digits.substr(0, point);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  // -0.00 prints as 0.00: a sign only when the rounded value is not zero.
  const bool negative = value < 0 && digits.find_first_of("123456789") != std::string::npos;
  return (negative ? "-" : "") + grouped + fraction;
}

std::string percent_text(double share, int decimals) {
  if (!std::isfinite(share)) return "-";
  return grouped_text(100.0 * share, decimals) + "%";
}

std::string exact_text(double value) {
  return nlohmann::json(value).dump();
}

}  // namespace mm::network
