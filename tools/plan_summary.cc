#include "tools/plan_summary.h"

#include <cstdio>
#include <string>

namespace mm::tools {

std::string printf_number(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

namespace {
std::string fmt(const char* format, double value) {
  return printf_number(format, value);
}
}  // namespace

void print_plan_summary(const network::Instance& instance, const network::Plan& plan,
                        std::ostream& out) {
  double packages = 0.0, unserved = 0.0;
  for (const auto& d : instance.demand()) packages += d.packages;
  for (const auto& u : plan.unserved) unserved += u.packages;
  out << "plan for \"" << plan.instance << "\": " << network::to_string(plan.status) << "\n";
  out << "  objective   " << fmt("%14.2f", plan.objective) << "\n";
  out << "    vehicles  " << fmt("%14.2f", plan.cost.vehicles) << "\n";
  out << "    packages  " << fmt("%14.2f", plan.cost.packages) << "\n";
  out << "    handling  " << fmt("%14.2f", plan.cost.handling) << "\n";
  out << "    unserved  " << fmt("%14.2f", plan.cost.unserved) << "\n";
  if (plan.lower_bound) {
    out << "  lower bound " << fmt("%14.2f", *plan.lower_bound) << "   gap "
        << fmt("%.2f", 100.0 * plan.gap.value_or(0.0)) << "%\n";
  }
  for (const auto& [mode, trips] : plan.kpis.vehicle_trips) {
    out << "  " << mode << ": " << trips << " vehicle trips, fill cube "
        << fmt("%.1f", 100.0 * plan.kpis.fill_cube.at(mode)) << "%, weight "
        << fmt("%.1f", 100.0 * plan.kpis.fill_weight.at(mode)) << "%\n";
  }
  if (plan.kpis.vehicle_trips.empty()) out << "  no vehicle trips\n";
  out << "  on time     " << fmt("%.0f", packages - unserved) << " of " << fmt("%.0f", packages)
      << " packages (" << fmt("%.2f", 100.0 * plan.kpis.on_time_share) << "%)";
  out << "; unserved " << fmt("%.0f", unserved) << " packages in " << plan.unserved.size()
      << " demand" << (plan.unserved.size() == 1 ? "" : "s") << "\n";
  out << "  departures " << plan.departures.size() << ", routes " << plan.routes.size()
      << ", solved in " << fmt("%.1f", plan.kpis.solve_seconds) << " s\n";
}

}  // namespace mm::tools
