// Numbers as text, for every message, table and file the project writes: one function per
// style, so the same figure reads the same everywhere and no locale changes a decimal point.
//
//   number_text(1200.0)          "1200"          shortest, 6 significant digits (as << prints)
//   number_text(1e-300 / 3, 15)  "3.33333333333333e-301"   `digits` significant digits
//   fixed_text(2.5, 2)           "2.50"          fixed decimals (printf %.Nf)
//   grouped_text(1234567.891, 2) "1,234,567.89"  thousands separated; "-" when not finite
//   percent_text(0.9411, 1)      "94.1%"         a share as a percent; "-" when not finite
//   exact_text(0.1)              "0.1"           the shortest text that reads back to the same
//                                                double (JSON's: 1e+308, 3.0 for a whole double)
//
// Not finite: number_text and fixed_text print "inf", "-inf" or "nan" (as printf does); the
// display styles print "-".
#pragma once

#include <string>

namespace mm::network {

std::string number_text(double value, int digits = 6);
std::string fixed_text(double value, int decimals);
std::string grouped_text(double value, int decimals = 0);
std::string percent_text(double share, int decimals);
std::string exact_text(double value);

}  // namespace mm::network
