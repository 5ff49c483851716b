// Text for HTML and SVG: escaping of everything that comes from input files (ids may hold <, &
// and quotes), and locale-independent number formatting for the report (thousands separators,
// fixed decimals, percentages).
#pragma once

#include <string>

namespace mm::report {

// Replaces & < > " ' by entities, so the result is safe in element text and in attribute
// values quoted with either quote character.
std::string escape_html(const std::string& text);

// 1234567.891 with 2 decimals -> "1,234,567.89"; NaN and infinities -> "-".
std::string format_number(double value, int decimals = 0);

// 0.9411 -> "94.1%" (one decimal); NaN -> "-".
std::string format_percent(double share);

// A coordinate or length for SVG attributes: at most 1 decimal, no exponent ("12.5", "-3").
std::string svg_number(double value);

}  // namespace mm::report
