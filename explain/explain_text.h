// Terminal rendering of `middlemile explain` (explain/explain.h): short aligned tables, money
// with two decimals, minutes as integers.
#pragma once

#include <ostream>

#include "explain/explain.h"

namespace mm::explain {

void print_explanation(const explain::DemandExplanation& e, std::ostream& out);
void print_explanation(const explain::DepartureExplanation& e, std::ostream& out);
void print_explanation(const explain::FacilityExplanation& e, std::ostream& out);
void print_explanation(const explain::EmptyMoveExplanation& e, std::ostream& out);
void print_explanation(const explain::FleetExplanation& e, std::ostream& out);

}  // namespace mm::explain
