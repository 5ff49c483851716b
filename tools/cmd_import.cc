// `middlemile import`: builds an instance from geodata (geo/geodata_import.h), and
// `middlemile export`: writes an instance's facilities, demand and lanes as layers
// (geo/instance_layers.h) that `import` reads back to the same instance.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "geo/gdal_support.h"
#include "geo/geodata_import.h"
#include "geo/instance_layers.h"
#include "geo/layer_writer.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/text_file.h"
#include "tools/commands.h"

namespace mm::tools {
namespace {

struct ImportFlags {
  std::string facilities, demand, vehicles, lanes, lane_rules, mapping, name, output;
  int horizon = 0;
  int time_step = 0;
  double unserved_penalty = 0.0;
};

int run_import(const ImportFlags& flags, const CLI::App& command) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  for (const std::string& input : {flags.facilities, flags.demand, flags.vehicles, flags.lanes,
                                   flags.lane_rules, flags.mapping})
    if (!input.empty() && fs::exists(flags.output, ignored) &&
        fs::equivalent(flags.output, input, ignored))
      throw network::InputError(flags.output + ": refusing to overwrite an input");
  network::check_writable(flags.output);

  geo::ImportOptions options;
  options.facilities = geo::parse_layer_source(flags.facilities);
  options.demand = geo::parse_layer_source(flags.demand);
  if (command.count("--lanes") > 0) options.lanes = geo::parse_layer_source(flags.lanes);
  if (command.count("--lane-rules") > 0) options.lane_rules = flags.lane_rules;
  options.vehicles = flags.vehicles;
  if (command.count("--mapping") > 0) options.mapping = flags.mapping;
  options.name = command.count("--name") > 0 ? flags.name : fs::path(flags.output).stem().string();
  if (command.count("--horizon") > 0) options.horizon_minutes = flags.horizon;
  if (command.count("--time-step") > 0) options.time_step_minutes = flags.time_step;
  if (command.count("--unserved-penalty") > 0)
    options.unserved_penalty_per_package = flags.unserved_penalty;

  const network::Instance instance = geo::import_instance(options);
  network::write_file_atomically(flags.output, network::write_instance_json(instance));
  std::cout << "wrote " << flags.output << " (" << instance.name()
            << "): " << instance.facilities().size() << " facilities, " << instance.lanes().size()
            << " lanes, " << instance.demand().size() << " demands\n";
  return kSuccess;
}

int run_export(const std::string& instance_path, const std::string& output) {
  const network::Instance instance = network::read_instance_file(instance_path);
  geo::export_instance_layers(instance, output);
  std::cout << "wrote";
  for (const std::string& file : geo::layer_file_paths(output, {"facilities", "demand", "lanes"}))
    std::cout << " " << geo::dataset_for_messages(file);
  std::cout << " (" << instance.facilities().size() << " facilities, " << instance.demand().size()
            << " demands, " << instance.lanes().size() << " lanes)\n";
  return kSuccess;
}

}  // namespace

void add_import_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* command =
      app.add_subcommand("import", "Build an instance from geodata layers (GDAL/OGR sources)");
  command->add_option("--facilities", flags->facilities, "Facilities point layer SRC[:LAYER]")
      ->required();
  command->add_option("--demand", flags->demand, "Demand table SRC[:LAYER]")->required();
  command->add_option("--vehicles", flags->vehicles, "VEHICLES.json {\"vehicle_types\": [...]}")
      ->required();
  auto* lanes = command->add_option("--lanes", flags->lanes, "Lanes layer SRC[:LAYER]");
  auto* rules =
      command->add_option("--lane-rules", flags->lane_rules, "RULES.json generating the lanes");
  lanes->excludes(rules);
  rules->excludes(lanes);
  command->add_option("--mapping", flags->mapping, "MAPPING.json renaming source fields");
  command->add_option("--name", flags->name, "Instance name (default: output file stem)");
  command->add_option("--horizon", flags->horizon,
                      "Horizon in minutes (default: latest due minute, rounded up to days)");
  command->add_option("--time-step", flags->time_step, "Time step in minutes (default 30)");
  command->add_option("--unserved-penalty", flags->unserved_penalty,
                      "Penalty per unserved package (default: FORMAT.md's)");
  command->add_option("-o,--output", flags->output, "Instance JSON to write")->required();
  command->callback([flags, result, command] {
    *result = run_guarded([&] {
      if (command->count("--lanes") + command->count("--lane-rules") != 1)
        throw network::InputError("import needs --lanes SRC[:LAYER] or --lane-rules RULES.json");
      return run_import(*flags, *command);
    });
  });
}

void add_export_command(CLI::App& app, int* result) {
  auto instance = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "export", "Write an instance's facilities, demand and lanes as layers (.gpkg, .geojson)");
  command->add_option("instance", *instance, "Instance JSON")->required();
  command
      ->add_option("-o,--output", *output,
                   "LAYERS.gpkg, NAME.geojson (one file a layer), or PG:CONNECTION (tables)")
      ->required();
  command->callback([instance, output, result] {
    *result = run_guarded([&] { return run_export(*instance, *output); });
  });
}

}  // namespace mm::tools
