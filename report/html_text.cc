#include "report/html_text.h"

#include <cmath>
#include <cstdio>

namespace mm::report {

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string digits = buf;
  const std::size_t point = digits.find('.');
  const std::string fraction = point == std::string::npos ? "" : digits.substr(point);
  std::string whole = digits.substr(0, point);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  // -0.00 prints as 0.00: a sign only when the rounded value is not zero.
  const bool negative = value < 0 && digits.find_first_of("123456789") != std::string::npos;
  return (negative ? "-" : "") + grouped + fraction;
}

std::string format_percent(double share) {
  if (!std::isfinite(share)) return "-";
  return format_number(100.0 * share, 1) + "%";
}

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  const double rounded = std::round(value * 10.0) / 10.0;
  char buf[64];
  if (rounded == std::floor(rounded))
    std::snprintf(buf, sizeof buf, "%.0f", rounded == 0.0 ? 0.0 : rounded);
  else
    std::snprintf(buf, sizeof buf, "%.1f", rounded);
  return buf;
}

}  // namespace mm::report
