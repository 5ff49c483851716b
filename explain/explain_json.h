// The explanations of explain/explain.h as one JSON object each (`middlemile explain --json`;
// keys documented in docs/FORMAT.md, "middlemile explain"). Keys keep the order they are
// written in; absent optional values are null.
#pragma once

#include <nlohmann/json.hpp>

#include "explain/explain.h"

namespace mm::explain {

nlohmann::ordered_json explanation_json(const DemandExplanation& e);
nlohmann::ordered_json explanation_json(const DepartureExplanation& e);
nlohmann::ordered_json explanation_json(const FacilityExplanation& e);
nlohmann::ordered_json explanation_json(const EmptyMoveExplanation& e);
nlohmann::ordered_json explanation_json(const FleetExplanation& e);

}  // namespace mm::explain
