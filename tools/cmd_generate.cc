// `middlemile generate`: writes a sample instance built from real US cities
// (geo/sample_network_generator.h) and reports its size and how much demand has an on-time path.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "geo/city_table.h"
#include "geo/sample_network_generator.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/number_text.h"
#include "network/text_file.h"
#include "tools/commands.h"

namespace mm::tools {
namespace {

struct GenerateFlags {
  std::string cities = "data/uscities-top1000.csv";
  std::string output;
  geo::SampleNetworkOptions options;
  std::string center;
  double radius_km = 0.0;
};

int run_generate(const GenerateFlags& flags, const CLI::App& command) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (fs::exists(flags.output, ignored) && fs::equivalent(flags.output, flags.cities, ignored))
    throw network::InputError(flags.output + ": refusing to overwrite the cities file");
  network::check_writable(flags.output);

  geo::SampleNetworkOptions options = flags.options;
  if (command.count("--name") == 0) options.name = fs::path(flags.output).stem().string();
  if (command.count("--center") > 0) options.center = flags.center;
  if (command.count("--radius-km") > 0) options.radius_km = flags.radius_km;

  std::vector<geo::City> cities = geo::read_city_table(flags.cities);
  geo::SampleNetwork generated = geo::generate_sample_network(cities, options);
  std::string json = network::write_instance_json(generated.instance);
  // Re-read what is about to be written: the file must be a valid instance, whatever changes.
  network::parse_instance(json, flags.output);
  network::write_file_atomically(flags.output, json);

  const geo::SampleNetworkReport& r = generated.report;
  const double share = r.demands == 0 ? 0.0 : 100.0 * r.demands_with_path / r.demands;
  const std::string percent = network::fixed_text(share, 1) + "%";
  std::cout << "wrote " << flags.output << " (" << generated.instance.name() << ", seed "
            << options.seed << ")\n"
            << "facilities: " << generated.instance.facilities().size() << " (" << r.origins
            << " origins, " << r.sort_centers << " sort centers, " << r.air_hubs << " air hubs, "
            << r.delivery_stations << " delivery stations)\n"
            << "lanes: " << r.lanes << " (" << r.departures << " departures)\n"
            << "demand: " << r.demands << " (" << r.demands_with_path << ", " << percent
            << ", have an on-time path)\n";
  return kSuccess;
}

}  // namespace

void add_generate_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<GenerateFlags>();
  CLI::App* command = app.add_subcommand(
      "generate", "Generate a sample instance from real US cities (SimpleMaps, CC BY 4.0)");
  command
      ->add_option("--cities", flags->cities, "City table CSV (city,state_id,lat,lng,population)")
      ->capture_default_str();
  command->add_option("--facilities", flags->options.facilities, "Number of facilities (>= 4)")
      ->capture_default_str();
  command->add_option("--demands", flags->options.demands, "Number of demands (>= 1)")
      ->capture_default_str();
  command->add_option("--seed", flags->options.seed, "Random seed")->capture_default_str();
  command->add_option("--name", flags->options.name, "Instance name (default: output file stem)");
  command->add_option("--center", flags->center,
                      "Center city \"City, ST\" for --radius-km (default: the largest city)");
  command->add_option("--radius-km", flags->radius_km,
                      "Use only cities within this geodesic distance of the center");
  command->add_option("-o,--output", flags->output, "Instance JSON to write")->required();
  command->callback([flags, result, command] {
    *result = run_guarded([&] { return run_generate(*flags, *command); });
  });
}

}  // namespace mm::tools
