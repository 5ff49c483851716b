#include "report/html_text.h"

#include <cmath>

#include "network/number_text.h"

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

std::string svg_number(double value) {
  if (!std::isfinite(value)) return "0";
  const double rounded = std::round(value * 10.0) / 10.0;
  if (rounded == std::floor(rounded)) return network::fixed_text(rounded == 0.0 ? 0.0 : rounded, 0);
  return network::fixed_text(rounded, 1);
}

}  // namespace mm::report
