#include "engine/plan_invariants.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "network/json_text.h"
#include "network/plan_verifier.h"

namespace mm::engine {

void check_package_accounting(const network::Instance& instance, const network::Plan& plan) {
  const auto& demand = instance.demand();
  std::vector<double> routed(demand.size(), 0.0), unserved(demand.size(), 0.0);
  auto index_of = [&](const std::string& id, const char* where) {
    const auto k = instance.demand_index(id);
    if (!k)
      throw std::logic_error("plan invariant: " + std::string(where) + " names unknown demand " +
                             network::in_quotes(id));
    return *k;
  };
  for (const network::Route& r : plan.routes) routed[index_of(r.demand, "a route")] += r.packages;
  for (const network::UnservedDemand& u : plan.unserved)
    unserved[index_of(u.demand, "an unserved entry")] += u.packages;
  for (std::size_t k = 0; k < demand.size(); ++k) {
    const double input = demand[k].packages;
    const double accounted = routed[k] + unserved[k];
    if (std::abs(accounted - input) <= 1e-6 * std::max(1.0, input)) continue;
    std::ostringstream message;
    message.precision(12);
    message << "plan invariant: demand " << network::in_quotes(demand[k].id) << " has " << routed[k]
            << " routed + " << unserved[k] << " unserved packages, input " << input;
    throw std::logic_error(message.str());
  }
}

void check_plan_invariants(const network::Instance& instance, const network::Plan& plan) {
  check_package_accounting(instance, plan);
#ifndef NDEBUG
  // A plan without a solution only lists unserved demand: nothing for the referee to check.
  if (plan.status == network::PlanStatus::no_solution) return;
  const network::PlanVerification referee = network::check_plan(instance, plan);
  if (!referee.ok()) {
    const network::Violation& first = referee.violations.front();
    throw std::logic_error("plan invariant (referee, " + std::to_string(referee.violations.size()) +
                           " violations): " + first.where + ": " + first.message);
  }
#endif
}

}  // namespace mm::engine
