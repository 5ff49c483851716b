// Text for HTML and SVG: escaping of everything that comes from input files (ids may hold <, &
// and quotes), and numbers for SVG attributes. Figures in the page are network/number_text.h's
// grouped_text and percent_text.
#pragma once

#include <string>

namespace mm::report {

// Replaces & < > " ' by entities, so the result is safe in element text and in attribute
// values quoted with either quote character.
std::string escape_html(const std::string& text);

// A coordinate or length for SVG attributes: at most 1 decimal, no exponent ("12.5", "-3").
std::string svg_number(double value);

}  // namespace mm::report
