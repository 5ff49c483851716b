// Which demands have an on-time path at all: a chain of lane departures from the origin (at or
// after the ready minute) to the destination (arriving by the due minute) that obeys the time
// rules of FORMAT.md — leave a facility no earlier than arrival + its handling minutes, arrive
// within the horizon — whatever the capacities. Demand without one is unserved in every plan;
// its penalty is the `unavoidable` part of the objective that network/gap.h leaves out.
//
// An earliest-arrival search (Dijkstra on arrival minutes; lanes are FIFO: leaving later never
// arrives earlier) per distinct (origin, ready minute), over the instance alone: the referee
// uses it to check the planner's claim without trusting the time-expanded network.
#pragma once

#include <vector>

#include "network/instance.h"

namespace mm::network {

// Per demand, in instance order.
std::vector<bool> has_on_time_path(const Instance& instance);

}  // namespace mm::network
