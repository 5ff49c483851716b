// Terminal rendering of `middlemile explain` (solvers/explain.h): short aligned tables, money
// with two decimals, minutes as integers.
#pragma once

#include <ostream>

#include "solvers/explain.h"

namespace mm::tools {

void print_explanation(const solvers::DemandExplanation& e, std::ostream& out);
void print_explanation(const solvers::DepartureExplanation& e, std::ostream& out);
void print_explanation(const solvers::FacilityExplanation& e, std::ostream& out);

}  // namespace mm::tools
