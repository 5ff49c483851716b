// Invariants every plan the planner returns must satisfy, checked before it leaves the solver.
//
// Package accounting (DESIGN.md: "served + unserved = input demand, always"): for every demand,
// the packages of its routes plus its unserved packages equal its input packages, within a
// relative 1e-6 (routes may split a demand fractionally). In debug builds (NDEBUG not defined)
// the referee's checks run too (network/plan_verifier.h), so any solver change that breaks a
// FORMAT.md rule fails the test suite at the plan that shows it. A broken invariant is a bug,
// not bad input: check_plan_invariants throws std::logic_error (the CLI's exit 1, "internal"),
// naming the demand or the referee's first violation.
#pragma once

#include "network/instance.h"
#include "network/plan.h"

namespace mm::engine {

// Package accounting per demand; throws std::logic_error naming the first demand that is off.
void check_package_accounting(const network::Instance& instance, const network::Plan& plan);

// Package accounting always; the referee too when NDEBUG is not defined (on plans that have a
// solution).
void check_plan_invariants(const network::Instance& instance, const network::Plan& plan);

}  // namespace mm::engine
