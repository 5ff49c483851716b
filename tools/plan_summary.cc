#include "tools/plan_summary.h"

#include <iomanip>
#include <string>

#include "network/number_text.h"

namespace mm::tools {

void print_plan_summary(const network::Instance& instance, const network::Plan& plan,
                        std::ostream& out) {
  double packages = 0.0, unserved = 0.0;
  for (const auto& d : instance.demand()) packages += d.packages;
  for (const auto& u : plan.unserved) unserved += u.packages;
  out << "plan for \"" << plan.instance << "\": " << network::to_string(plan.status) << "\n";
  out << "  objective   " << std::setw(14) << network::fixed_text(plan.objective, 2) << "\n";
  out << "    vehicles  " << std::setw(14) << network::fixed_text(plan.cost.vehicles, 2) << "\n";
  out << "    packages  " << std::setw(14) << network::fixed_text(plan.cost.packages, 2) << "\n";
  out << "    handling  " << std::setw(14) << network::fixed_text(plan.cost.handling, 2) << "\n";
  out << "    unserved  " << std::setw(14) << network::fixed_text(plan.cost.unserved, 2) << "\n";
  if (!plan.fleet.empty()) {
    out << "    empty moves" << std::setw(13) << network::fixed_text(plan.cost.repositioning, 2)
        << "\n";
    out << "    fleet     " << std::setw(14) << network::fixed_text(plan.cost.fleet, 2) << "\n";
  }
  if (plan.lower_bound) {
    out << "  lower bound " << std::setw(14) << network::fixed_text(*plan.lower_bound, 2)
        << "   gap " << (plan.gap ? network::fixed_text(100.0 * *plan.gap, 2) + "%" : "-");
    // network/gap.h: the gap leaves out what no plan can avoid; say how much that is.
    if (plan.unavoidable_penalty && *plan.unavoidable_penalty > 0)
      out << " (of the cost the plan controls: the objective less "
          << network::fixed_text(*plan.unavoidable_penalty, 2)
          << " of penalty for demand with no on-time path)";
    out << "\n";
  }
  for (const auto& [mode, trips] : plan.kpis.vehicle_trips) {
    out << "  " << mode << ": " << trips << " vehicle trips, fill cube "
        << network::fixed_text(100.0 * plan.kpis.fill_cube.at(mode), 1) << "%, weight "
        << network::fixed_text(100.0 * plan.kpis.fill_weight.at(mode), 1) << "%\n";
  }
  if (plan.kpis.vehicle_trips.empty()) out << "  no vehicle trips\n";
  out << "  on time     " << network::fixed_text(packages - unserved, 0) << " of "
      << network::fixed_text(packages, 0) << " packages ("
      << network::fixed_text(100.0 * plan.kpis.on_time_share, 2) << "%)";
  out << "; unserved " << network::fixed_text(unserved, 0) << " packages in "
      << plan.unserved.size() << " demand" << (plan.unserved.size() == 1 ? "" : "s") << "\n";
  // A plan that serves nothing is a finding to say out loud, not a quiet success.
  const double unavoidable_packages =
      plan.unavoidable_penalty && instance.unserved_penalty_per_package() > 0
          ? *plan.unavoidable_penalty / instance.unserved_penalty_per_package()
          : 0.0;
  if (packages > 0 && unserved >= packages - 1e-6 && unavoidable_packages < packages - 1e-6)
    out << "  warning: the plan serves no package although "
        << network::fixed_text(packages - unavoidable_packages, 0)
        << " packages have an on-time path: no route pays for its vehicles at the unserved "
           "penalty of "
        << network::number_text(instance.unserved_penalty_per_package()) << " per package\n";
  // Vehicle balance of cyclic types: the fleet, the empty trips, where the vehicles stand.
  for (const network::FleetUse& use : plan.fleet) {
    int empty_trips = 0;
    double empty_cost = 0.0;
    for (const network::EmptyMove& m : plan.repositioning)
      if (m.vehicle_type == use.vehicle_type) empty_trips += m.vehicles, empty_cost += m.cost;
    out << "  " << use.vehicle_type << " (cyclic): fleet " << use.vehicles;
    if (const auto t = instance.vehicle_type_index(use.vehicle_type);
        t && instance.vehicle_types()[*t].fleet)
      out << " of " << *instance.vehicle_types()[*t].fleet;
    out << ", " << empty_trips << " empty trips costing " << network::fixed_text(empty_cost, 2)
        << "; at cycle start " << use.en_route_at_start << " en route";
    for (const auto& [facility, n] : use.parked_at_start) out << ", " << n << " at " << facility;
    out << "\n";
  }
  out << "  departures " << plan.departures.size() << ", routes " << plan.routes.size()
      << ", solved in " << network::fixed_text(plan.kpis.solve_seconds, 1) << " s\n";
}

}  // namespace mm::tools
