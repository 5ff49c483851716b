// `middlemile schedule PLAN [--type T] [--csv]`: a plan's truck and flight schedule, one line per
// leg of every rotation (FORMAT.md, "Vehicle balance"): tail (the rotation's id), leg number,
// from, to, departure and arrival minutes, loaded or empty. Only plans of instances with cyclic
// vehicle types have rotations; `--type` keeps one vehicle type.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "network/errors.h"
#include "network/plan_json.h"
#include "tools/commands.h"

namespace mm::tools {

namespace {

struct ScheduleFlags {
  std::string plan;
  std::string type;
  bool csv = false;
};

int run_schedule(const ScheduleFlags& flags) {
  const network::Plan plan = network::read_plan_file(flags.plan);
  bool known = flags.type.empty();
  for (const network::Rotation& r : plan.rotations) known |= r.vehicle_type == flags.type;
  if (!known)
    throw network::InputError(flags.plan + ": no rotation of vehicle type \"" + flags.type + "\"");
  if (flags.csv)
    std::cout << "tail,vehicle_type,cycles,leg,from,to,departure_minute,arrival_minute,kind\n";
  else
    std::cout << std::left << std::setw(16) << "tail" << std::setw(5) << "leg" << std::setw(22)
              << "from" << std::setw(22) << "to" << std::right << std::setw(10) << "departure"
              << std::setw(10) << "arrival"
              << "  kind\n";
  std::size_t legs = 0;
  for (const network::Rotation& r : plan.rotations) {
    if (!flags.type.empty() && r.vehicle_type != flags.type) continue;
    for (std::size_t i = 0; i < r.legs.size(); ++i, ++legs) {
      const network::RotationLeg& leg = r.legs[i];
      const char* kind = leg.loaded ? "loaded" : "empty";
      if (flags.csv)
        std::cout << r.id << "," << r.vehicle_type << "," << r.cycles << "," << i + 1 << ","
                  << leg.from << "," << leg.to << "," << leg.departure_minute << ","
                  << leg.arrival_minute << "," << kind << "\n";
      else
        std::cout << std::left << std::setw(16) << r.id << std::setw(5) << i + 1 << std::setw(22)
                  << leg.from << std::setw(22) << leg.to << std::right << std::setw(10)
                  << leg.departure_minute << std::setw(10) << leg.arrival_minute << "  " << kind
                  << "\n";
    }
  }
  if (!flags.csv)
    std::cout << plan.rotations.size() << " rotations, " << legs << " legs"
              << (plan.rotations.empty() ? " (the plan has no cyclic vehicle types)" : "") << "\n";
  return kSuccess;
}

}  // namespace

void add_schedule_command(CLI::App& app, int* result) {
  CLI::App* cmd =
      app.add_subcommand("schedule", "Print a plan's vehicle rotations as a schedule table");
  auto flags = std::make_shared<ScheduleFlags>();
  cmd->add_option("PLAN", flags->plan, "middlemile-plan/1 JSON file")->required();
  cmd->add_option("--type", flags->type, "Only the rotations of this vehicle type");
  cmd->add_flag("--csv", flags->csv, "CSV instead of an aligned table");
  cmd->callback([result, flags] { *result = run_guarded([&] { return run_schedule(*flags); }); });
}

}  // namespace mm::tools
