// Small pieces the explanations share (explain/explain.h): naming a departure as
// `LANE@MINUTE`, a dispatch arc as an ExplainLeg, a copy of an instance with one departure
// removed (to re-plan without it), and the re-plan of a changed instance against the plan.
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

// `changed` re-planned from scratch under options' time limit and threads, against `plan`: the
// figures of a ClosingCost (resolved, objectives, gaps, delta and its interval, seconds); the
// note is the caller's (what the change means decides the words).
ClosingCost replan_against(const network::Plan& plan, const network::Instance& changed,
                           const ExplainOptions& options);

}  // namespace mm::explain
