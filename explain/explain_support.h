// Small pieces the explanations share (explain/explain.h): naming a departure as
// `LANE@MINUTE`, a dispatch arc as an ExplainLeg, and a copy of an instance with one departure
// removed (to re-plan without it).
#pragma once

#include <string>

#include "explain/explain.h"
#include "network/instance.h"
#include "network/time_expanded_network.h"

namespace mm::explain {

std::string departure_name(const network::Instance& instance, const network::DispatchArc& arc);
ExplainLeg explain_leg(const network::Instance& instance, const network::DispatchArc& arc);

// The instance with `minute` removed from the departures of lane `lane` (an index).
network::Instance without_departure(const network::Instance& instance, std::size_t lane,
                                    int minute);

}  // namespace mm::explain
