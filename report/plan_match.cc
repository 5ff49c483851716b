#include "report/plan_match.h"

#include "network/errors.h"
#include "network/json_text.h"

namespace mm::report {

namespace {
std::string item(const std::string& list, std::size_t index, const std::string& field) {
  return list + "[" + std::to_string(index) + "]." + field;
}
}  // namespace

void require_plan_of_instance(const network::Instance& instance, const network::Plan& plan,
                              const std::string& plan_source) {
  using network::in_quotes;
  const auto fail = [&](const std::string& where, const std::string& problem) {
    throw network::InputError(plan_source + ": " + where + ": " + problem +
                              " (the plan does not belong to instance " +
                              in_quotes(instance.name()) + ")");
  };
  if (plan.instance != instance.name())
    fail("instance", "plan is for instance " + in_quotes(plan.instance));
  for (std::size_t j = 0; j < plan.departures.size(); ++j)
    if (!instance.lane_index(plan.departures[j].lane))
      fail(item("departures", j, "lane"), "unknown lane " + in_quotes(plan.departures[j].lane));
  for (std::size_t r = 0; r < plan.routes.size(); ++r) {
    const network::Route& route = plan.routes[r];
    if (!instance.demand_index(route.demand))
      fail(item("routes", r, "demand"), "unknown demand " + in_quotes(route.demand));
    for (std::size_t l = 0; l < route.legs.size(); ++l)
      if (!instance.lane_index(route.legs[l].lane))
        fail(item("routes", r, "legs[" + std::to_string(l) + "].lane"),
             "unknown lane " + in_quotes(route.legs[l].lane));
  }
  for (std::size_t u = 0; u < plan.unserved.size(); ++u)
    if (!instance.demand_index(plan.unserved[u].demand))
      fail(item("unserved", u, "demand"), "unknown demand " + in_quotes(plan.unserved[u].demand));
}

}  // namespace mm::report
