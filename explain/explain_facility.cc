// explain_facility (explain/explain.h): packages through a facility, sort use per hour with
// its LP value, and what later due minutes are worth for its tightest demands.
#include <algorithm>
#include <cmath>
#include <map>

#include "explain/explain.h"
#include "explain/plan_on_ten.h"
#include "network/errors.h"
#include "network/json_text.h"

namespace mm::explain {

FacilityExplanation explain_facility(const network::Instance& instance, const network::Plan& plan,
                                     const std::string& facility_id,
                                     const ExplainOptions& options) {
  const auto f = instance.facility_index(facility_id);
  if (!f)
    throw network::InputError("--facility: facility " + network::in_quotes(facility_id) +
                              " is not in instance " + network::in_quotes(instance.name()));
  const network::TimeExpandedNetwork ten(instance);
  const PlanOnTen on_ten(instance, ten, plan);
  const network::Facility& facility = instance.facilities()[*f];

  FacilityExplanation out;
  out.facility = facility.id;
  out.kind = network::to_string(facility.kind);
  out.sort_capacity_per_hour = facility.sort_capacity_per_hour;
  for (std::size_t a = 0; a < ten.dispatch_count(); ++a) {
    const network::Lane& lane = instance.lanes()[ten.dispatch(a).lane];
    if (lane.to == *f) out.packages_in += on_ten.use(a).load.packages;
  }

  MarginalValueOptions lp;
  lp.threads = options.threads;
  lp.time_limit_seconds = options.time_limit_seconds;
  const MarginalValues values = root_marginal_values(instance, ten, lp);
  out.lp_converged = values.converged;
  out.lp_value = values.lp_value;

  std::map<int, SortHour> hours;
  for (const auto& [key, packages] : on_ten.leaving_by_hour()) {
    if (key.first != *f || packages <= 0.0) continue;
    hours[key.second].hour = key.second;
    hours[key.second].packages = packages;
    out.packages_out += packages;
  }
  // Hours with packages in the plan, or with sort capacity worth something in the LP.
  for (const SortMarginal& s : values.sort) {
    if (s.facility != *f || (s.per_package <= 0.0 && !hours.count(s.hour))) continue;
    SortHour& h = hours[s.hour];
    h.hour = s.hour;
    h.in_lp = s.in_lp;
    h.value_per_package = s.per_package;
  }
  for (auto& [hour, h] : hours) {
    if (facility.sort_capacity_per_hour && *facility.sort_capacity_per_hour > 0) {
      h.utilization = h.packages / *facility.sort_capacity_per_hour;
      if (*h.utilization > out.peak_utilization || !out.peak_hour) {
        out.peak_utilization = *h.utilization;
        out.peak_hour = hour;
      }
    }
    out.hours.push_back(h);
  }

  // Demands through the facility (a leg from or to it, or unserved with it as an end), least
  // slack first; unserved ones count as the tightest.
  struct Candidate {
    std::size_t demand;
    std::optional<int> arrival;
    double slack;
  };
  std::vector<Candidate> candidates;
  for (std::size_t k = 0; k < instance.demand().size(); ++k) {
    const network::Demand& d = instance.demand()[k];
    bool touches = (d.origin == *f || d.destination == *f) && on_ten.unserved_packages(k) > 0;
    std::optional<int> arrival;
    for (std::size_t r : on_ten.routes_of(k)) {
      for (std::size_t a : on_ten.route_arcs(r)) {
        const network::Lane& lane = instance.lanes()[ten.dispatch(a).lane];
        if (lane.from == *f || lane.to == *f) touches = true;
      }
      arrival =
          std::max(arrival.value_or(plan.routes[r].arrival_minute), plan.routes[r].arrival_minute);
    }
    if (!touches) continue;
    const double slack = on_ten.unserved_packages(k) > 0 || !arrival
                             ? -1e18
                             : static_cast<double>(d.due_minute - *arrival);
    candidates.push_back({k, arrival, slack});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.slack < y.slack; });
  if (candidates.size() > options.due_demands) candidates.resize(options.due_demands);
  out.due_method = "root LP re-solved with the due minute " +
                   std::to_string(options.due_extension_minutes) +
                   " min later, one demand at a time: an LP estimate, not a re-plan";
  for (const Candidate& c : candidates) {
    const network::Demand& d = instance.demand()[c.demand];
    DueValue v;
    v.demand = d.id;
    v.due_minute = d.due_minute;
    v.arrival_minute = c.arrival;
    if (c.arrival) v.slack_minutes = d.due_minute - *c.arrival;
    MarginalValueOptions later = lp;
    later.due_overrides = {{c.demand, d.due_minute + options.due_extension_minutes}};
    v.lp_now = values.lp_value;
    v.lp_later = root_marginal_values(instance, ten, later).lp_value;
    v.value = v.lp_now - v.lp_later;
    out.due_values.push_back(v);
  }
  return out;
}

}  // namespace mm::explain
