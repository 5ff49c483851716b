#include "simulation/simulation_csv.h"

#include <sstream>

namespace mm::simulation {

namespace {
std::string csv_text(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}
}  // namespace

std::string simulation_csv(const network::SimulationResults& results) {
  std::ostringstream out;
  out.precision(10);
  out << "sample,scenario,packages,on_time,late,unserved,unserved_by_plan,on_time_share,"
         "spot_vehicles,cost,cost_planned_vehicles,cost_spot_vehicles,cost_packages,"
         "cost_handling,cost_late,cost_unserved\n";
  for (const network::SampleRecord& r : results.samples) {
    out << r.index << ',' << csv_text(r.scenario) << ',' << r.packages << ',' << r.on_time << ','
        << r.late << ',' << r.unserved << ',' << r.unserved_by_plan << ',' << r.on_time_share()
        << ',' << r.spot_vehicles << ',' << r.cost.total() << ',' << r.cost.planned_vehicles << ','
        << r.cost.spot_vehicles << ',' << r.cost.packages << ',' << r.cost.handling << ','
        << r.cost.late << ',' << r.cost.unserved << '\n';
  }
  return out.str();
}

}  // namespace mm::simulation
