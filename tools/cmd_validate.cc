// `middlemile validate INSTANCE`: checks every rule of FORMAT.md and prints a summary of the
// instance and the size of its time-expanded network. Every problem goes to stderr as its own
// `error: <json path>: <message>` line (run_guarded) and the exit code is 2.
#include <array>
#include <iostream>
#include <sstream>

#include "network/instance_json.h"
#include "network/number_text.h"
#include "network/time_expanded_network.h"
#include "tools/commands.h"

namespace mm::tools {

namespace {

// Totals print as plain numbers: 1200, 30.5, 4000 (no exponent below 10^12).
void print_summary(const network::Instance& instance, std::ostream& out) {
  using network::FacilityKind;
  using network::Mode;
  out << "valid instance \"" << instance.name() << "\"\n";
  out << "horizon: " << instance.horizon_minutes() << " minutes, time step "
      << instance.time_step_minutes() << " minutes\n";

  constexpr std::array<FacilityKind, 4> kinds = {FacilityKind::origin, FacilityKind::sort_center,
                                                 FacilityKind::air_hub,
                                                 FacilityKind::delivery_station};
  out << "facilities: " << instance.facilities().size() << " (";
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    std::size_t count = 0;
    for (const auto& f : instance.facilities()) count += f.kind == kinds[k] ? 1 : 0;
    out << (k == 0 ? "" : ", ") << network::to_string(kinds[k]) << " " << count;
  }
  out << ")\n";

  constexpr std::array<Mode, 2> modes = {Mode::truck, Mode::air};
  out << "vehicle types: " << instance.vehicle_types().size() << " (";
  for (std::size_t m = 0; m < modes.size(); ++m) {
    std::size_t count = 0;
    for (const auto& v : instance.vehicle_types()) count += v.mode == modes[m] ? 1 : 0;
    out << (m == 0 ? "" : ", ") << network::to_string(modes[m]) << " " << count;
  }
  out << ")\n";

  out << "lanes: " << instance.lanes().size() << " (";
  for (std::size_t m = 0; m < modes.size(); ++m) {
    std::size_t lanes = 0;
    std::size_t departures = 0;
    for (const auto& lane : instance.lanes()) {
      if (instance.vehicle_type_of(lane).mode != modes[m]) continue;
      ++lanes;
      departures += lane.departures.size();
    }
    out << (m == 0 ? "" : "; ") << network::to_string(modes[m]) << " " << lanes << " with "
        << departures << " departures";
  }
  out << ")\n";

  double packages = 0.0;
  double cube = 0.0;
  double weight = 0.0;
  for (const auto& d : instance.demand()) {
    packages += d.packages;
    cube += d.cube_m3;
    weight += d.weight_kg;
  }
  out << "demand: " << instance.demand().size() << " (" << network::number_text(packages, 12)
      << " packages, " << network::number_text(cube, 12) << " m3, "
      << network::number_text(weight, 12) << " kg)\n";
  out << "unserved penalty: " << network::number_text(instance.unserved_penalty_per_package(), 12)
      << " per package\n";

  network::TimeExpandedNetwork ten(instance);
  out << "time-expanded network: " << ten.node_count() << " nodes, " << ten.dispatch_count()
      << " dispatch arcs, " << ten.holding_count() << " holding arcs, " << ten.dropped_departures()
      << " dropped departures (arriving after the horizon)\n";
}

}  // namespace

void add_validate_command(CLI::App& app, int* result) {
  auto* command = app.add_subcommand(
      "validate", "Check an instance against every rule of FORMAT.md and summarize it");
  auto path = std::make_shared<std::string>();
  command->add_option("INSTANCE", *path, "middlemile-instance/1 JSON file")->required();
  command->callback([result, path] {
    *result = run_guarded([&] {
      network::Instance instance = network::read_instance_file(*path);
      print_summary(instance, std::cout);
      return static_cast<int>(kSuccess);
    });
  });
}

}  // namespace mm::tools
