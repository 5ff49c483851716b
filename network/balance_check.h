// The referee's rules of vehicle balance (FORMAT.md, "Vehicle balance"), checked from the
// formats alone like the rest of network/plan_verifier.h, of which it is a part.
//
// For every vehicle type with balance "cyclic" the plan's departures and empty moves are folded
// onto one cycle of C = cycle_minutes (a trip leaving at minute d leaves at d mod C every cycle,
// and its vehicle is ready again transit + turn_minutes later, possibly cycles later). Then, at
// every facility: the vehicles that become ready there over the cycle equal those that leave;
// starting from the plan's `parked_at_start` and taking each minute's ready vehicles before its
// departures, no departure leaves with a vehicle that is not there; the type's vehicles are the
// parked ones plus those en route across the cycle start (a trip from folded d to ready r
// crosses it floor(r / C) times), within its `fleet` and priced at `cost_per_vehicle`. Empty
// moves run on a lane of the type or its reverse and cost what the type's empty costs say.
// Rotations cover each departure's vehicles and each empty move's vehicles exactly once, chain
// from facility to facility, take exactly `cycles` × C minutes, and their cycles add up to the
// fleet.
#pragma once

#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/plan_verifier.h"

namespace mm::network {

struct BalanceCheck {
  std::vector<Violation> violations;
  double repositioning = 0.0;  // the empty moves' cost, recomputed
  double fleet = 0.0;          // the cyclic types' ownership cost, recomputed
};

BalanceCheck check_vehicle_balance(const Instance& instance, const Plan& plan, double tolerance);

}  // namespace mm::network
