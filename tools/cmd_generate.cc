// `middlemile generate`: writes an instance built from real US cities — the sample network
// (geo/sample_network_generator.h) or, with `--family middle-mile`, a network of the middle-mile
// benchmark family (geo/middle_mile_generator.h) — and reports its size and how much demand has
// an on-time path.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "geo/city_table.h"
#include "geo/middle_mile_generator.h"
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
  std::string family = "sample";
  geo::SampleNetworkOptions options;
  std::string center;
  double radius_km = 0.0;
  // --family middle-mile
  geo::MiddleMileOptions family_options;
  std::string region;
  double sort_capacity = 0.0;
  int freighters = 0;
  double packages_per_day = 0.0;
};

// The flags that only --family middle-mile reads.
const char* const kFamilyFlags[] = {"--origins",
                                    "--sort-centers",
                                    "--air-hubs",
                                    "--stations",
                                    "--days",
                                    "--sort-capacity",
                                    "--freighters",
                                    "--unserved-penalty",
                                    "--packages-per-day",
                                    "--trunk-departures",
                                    "--region"};

// --family middle-mile's options from the flags: the counts split from --facilities (default
// 15), each count given replacing its share (the stations then take the rest).
geo::MiddleMileOptions family_options(const GenerateFlags& flags, const CLI::App& command) {
  if (command.count("--demands") > 0)
    throw network::InputError(
        "--demands does not apply to --family middle-mile: its demand is every origin to every "
        "delivery station, two waves a service day (--days)");
  geo::MiddleMileOptions options = flags.family_options;
  const bool total = command.count("--facilities") > 0;
  geo::MiddleMileOptions split;
  geo::split_facilities(flags.options.facilities, split);
  auto count = [&](const char* flag, int given, int from_split) {
    return command.count(flag) > 0 ? given : from_split;
  };
  options.origins = count("--origins", options.origins, split.origins);
  options.sort_centers = count("--sort-centers", options.sort_centers, split.sort_centers);
  options.air_hubs = count("--air-hubs", options.air_hubs, split.air_hubs);
  const int others = options.origins + options.sort_centers + options.air_hubs;
  if (command.count("--stations") == 0)
    options.stations = total ? flags.options.facilities - others : split.stations;
  else if (total && others + options.stations != flags.options.facilities)
    throw network::InputError("--facilities " + std::to_string(flags.options.facilities) +
                              " is not --origins + --sort-centers + --air-hubs + --stations (" +
                              std::to_string(others + options.stations) + ")");
  if (options.stations < 1)
    throw network::InputError("--facilities " + std::to_string(flags.options.facilities) +
                              " leaves no delivery station after " + std::to_string(others) +
                              " origins, sort centers and air hubs");
  if (command.count("--sort-capacity") > 0) options.sort_capacity_per_hour = flags.sort_capacity;
  if (command.count("--freighters") > 0) options.freighters = flags.freighters;
  if (command.count("--packages-per-day") > 0) options.packages_per_day = flags.packages_per_day;
  if (command.count("--center") > 0) options.center = flags.center;
  if (command.count("--radius-km") > 0) options.radius_km = flags.radius_km;
  std::stringstream states(flags.region);
  for (std::string state; std::getline(states, state, ',');) {
    state.erase(0, state.find_first_not_of(' '));
    state.erase(state.find_last_not_of(' ') + 1);
    if (state.empty())
      throw network::InputError("--region: an empty state id in \"" + flags.region + "\"");
    options.states.push_back(state);
  }
  options.seed = flags.options.seed;
  options.cyclic = flags.options.cyclic;
  options.name = command.count("--name") > 0 ? flags.options.name
                                             : std::filesystem::path(flags.output).stem().string();
  return options;
}

int run_generate(const GenerateFlags& flags, const CLI::App& command) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (fs::exists(flags.output, ignored) && fs::equivalent(flags.output, flags.cities, ignored))
    throw network::InputError(flags.output + ": refusing to overwrite the cities file");
  network::check_writable(flags.output);

  const bool family = flags.family == "middle-mile";
  if (!family) {
    for (const char* flag : kFamilyFlags)
      if (command.count(flag) > 0)
        throw network::InputError(std::string(flag) + " needs --family middle-mile");
  }
  geo::SampleNetworkOptions options = flags.options;
  if (command.count("--name") == 0) options.name = fs::path(flags.output).stem().string();
  if (command.count("--center") > 0) options.center = flags.center;
  if (command.count("--radius-km") > 0) options.radius_km = flags.radius_km;
  const geo::MiddleMileOptions middle_mile =
      family ? family_options(flags, command) : geo::MiddleMileOptions();

  std::vector<geo::City> cities = geo::read_city_table(flags.cities);
  geo::SampleNetwork generated = family ? geo::generate_middle_mile_network(cities, middle_mile)
                                        : geo::generate_sample_network(cities, options);
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
  if (family) {
    double packages = 0.0;
    for (const network::Demand& demand : generated.instance.demand()) packages += demand.packages;
    std::cout << "packages: " << network::fixed_text(packages, 0) << " over " << middle_mile.days
              << (middle_mile.days == 1 ? " service day" : " service days") << "; horizon "
              << generated.instance.horizon_minutes() / 1440 << " days\n";
  }
  return kSuccess;
}

}  // namespace

void add_generate_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<GenerateFlags>();
  CLI::App* command = app.add_subcommand(
      "generate",
      "Generate an instance from real US cities (SimpleMaps, CC BY 4.0): the sample network or "
      "the middle-mile benchmark family");
  command
      ->add_option("--cities", flags->cities, "City table CSV (city,state_id,lat,lng,population)")
      ->capture_default_str();
  command
      ->add_option("--family", flags->family,
                   "What to build: the sample network, or a network of the middle-mile "
                   "benchmark family")
      ->check(CLI::IsMember({"sample", "middle-mile"}))
      ->capture_default_str();
  command->add_option("--facilities", flags->options.facilities, "Number of facilities (>= 4)")
      ->capture_default_str();
  command->add_option("--demands", flags->options.demands, "Number of demands (>= 1; sample only)")
      ->capture_default_str();
  geo::MiddleMileOptions& family = flags->family_options;
  command->add_option("--origins", family.origins,
                      "Middle-mile: origins (default: a share of --facilities)");
  command->add_option("--sort-centers", family.sort_centers, "Middle-mile: sort centers");
  command->add_option("--air-hubs", family.air_hubs, "Middle-mile: air hubs");
  command->add_option("--stations", family.stations,
                      "Middle-mile: delivery stations (default: the rest of --facilities)");
  command->add_option("--days", family.days, "Middle-mile: service days of demand (1-14)")
      ->capture_default_str();
  command->add_option("--sort-capacity", flags->sort_capacity,
                      "Middle-mile: packages per hour at every sort center (default: unlimited)");
  command->add_option("--freighters", flags->freighters,
                      "Middle-mile: fleet of freighters (default: unlimited)");
  command
      ->add_option("--unserved-penalty", family.unserved_penalty_per_package,
                   "Middle-mile: penalty per unserved package")
      ->capture_default_str();
  command->add_option("--packages-per-day", flags->packages_per_day,
                      "Middle-mile: packages a service day (default 60000 + 60 per origin and "
                      "station)");
  command
      ->add_option("--trunk-departures", family.trunk_departures_per_day,
                   "Middle-mile: departures a day on origin, sort center and hub feeder lanes")
      ->capture_default_str();
  command->add_option("--region", flags->region,
                      "Middle-mile: only cities of these states (comma-separated ids, e.g. "
                      "\"IL,IN,OH\")");
  command->add_option("--seed", flags->options.seed, "Random seed")->capture_default_str();
  command->add_flag("--cyclic", flags->options.cyclic,
                    "Cyclic vehicle types: a daily schedule whose vehicles come back (turn times, "
                    "ownership costs)");
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
