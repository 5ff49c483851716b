// `middlemile explain INSTANCE PLAN (--demand ID | --departure LANE@MINUTE | --facility ID |
// --empty-move LANE@MINUTE | --fleet TYPE)`:
// why the plan looks the way it does (explain/explain.h; README "Why this plan: explain").
// Text for a terminal, or with --json one JSON object on stdout. A plan that does not belong to
// the instance, or an id the instance does not have, is bad input (exit 2).
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "explain/explain.h"
#include "explain/explain_json.h"
#include "explain/explain_text.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "tools/commands.h"

namespace mm::tools {

namespace {

struct ExplainFlags {
  std::string instance;
  std::string plan;
  std::string demand;
  std::string departure;
  std::string facility;
  std::string empty_move;
  std::string fleet;
  bool json = false;
  double time_limit = 20.0;
  int threads = 1;
  std::size_t alternatives = 5;
};

// "LANE@MINUTE" of `flag`; lane ids may hold '@', the minute is after the last one.
std::pair<std::string, int> parse_departure(const std::string& text, const std::string& flag) {
  const auto at = text.rfind('@');
  const std::string usage =
      flag + ": expected LANE@MINUTE (e.g. SEA1>SC-PDX@360), got \"" + text + "\"";
  if (at == std::string::npos || at == 0 || at + 1 == text.size()) throw network::InputError(usage);
  const std::string minute = text.substr(at + 1);
  if (minute.find_first_not_of("0123456789") != std::string::npos || minute.size() > 9)
    throw network::InputError(usage);
  return {text.substr(0, at), std::stoi(minute)};
}

int run_explain(const ExplainFlags& flags) {
  const network::Instance instance = network::read_instance_file(flags.instance);
  const network::Plan plan = network::read_plan_file(flags.plan);
  explain::ExplainOptions options;
  options.time_limit_seconds = flags.time_limit;
  options.threads =
      flags.threads > 0 ? flags.threads : static_cast<int>(std::thread::hardware_concurrency());
  options.alternatives = flags.alternatives;
  if (!flags.demand.empty()) {
    const auto e = explain::explain_demand(instance, plan, flags.demand, options);
    if (flags.json)
      std::cout << explain::explanation_json(e).dump(2) << "\n";
    else
      print_explanation(e, std::cout);
  } else if (!flags.departure.empty()) {
    const auto [lane, minute] = parse_departure(flags.departure, "--departure");
    const auto e = explain::explain_departure(instance, plan, lane, minute, options);
    if (flags.json)
      std::cout << explain::explanation_json(e).dump(2) << "\n";
    else
      print_explanation(e, std::cout);
  } else if (!flags.empty_move.empty()) {
    const auto [lane, minute] = parse_departure(flags.empty_move, "--empty-move");
    const auto e = explain::explain_empty_move(instance, plan, lane, minute);
    if (flags.json)
      std::cout << explain::explanation_json(e).dump(2) << "\n";
    else
      print_explanation(e, std::cout);
  } else if (!flags.fleet.empty()) {
    const auto e = explain::explain_fleet(instance, plan, flags.fleet, options);
    if (flags.json)
      std::cout << explain::explanation_json(e).dump(2) << "\n";
    else
      print_explanation(e, std::cout);
  } else {
    const auto e = explain::explain_facility(instance, plan, flags.facility, options);
    if (flags.json)
      std::cout << explain::explanation_json(e).dump(2) << "\n";
    else
      print_explanation(e, std::cout);
  }
  return kSuccess;
}

}  // namespace

void add_explain_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<ExplainFlags>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Why the plan routes a demand, runs a departure, or uses a facility as it does");
  cmd->add_option("INSTANCE", flags->instance, "middlemile-instance/1 JSON file")->required();
  cmd->add_option("PLAN", flags->plan, "middlemile-plan/1 JSON file of that instance")->required();
  auto* demand =
      cmd->add_option("--demand", flags->demand,
                      "Its routes, cost share, slack and the alternatives it did not take");
  auto* departure = cmd->add_option(
      "--departure", flags->departure,
      "LANE@MINUTE: who rides it, what closing it costs (a re-plan), its LP shadow prices");
  auto* facility =
      cmd->add_option("--facility", flags->facility,
                      "Sort use per hour, the LP value of sort capacity and of later due minutes");
  auto* empty_move = cmd->add_option(
      "--empty-move", flags->empty_move,
      "LANE@MINUTE (cyclic types): why the vehicle runs empty — the loaded trips at both ends "
      "and the departure that needs it");
  auto* fleet = cmd->add_option(
      "--fleet", flags->fleet,
      "TYPE (cyclic types): the fleet used, and what one more or one fewer vehicle is worth "
      "(two re-plans)");
  demand->excludes(departure)->excludes(facility)->excludes(empty_move)->excludes(fleet);
  departure->excludes(facility)->excludes(empty_move)->excludes(fleet);
  facility->excludes(empty_move)->excludes(fleet);
  empty_move->excludes(fleet);
  cmd->add_flag("--json", flags->json, "One JSON object on stdout instead of text");
  cmd->add_option("--time-limit", flags->time_limit,
                  "Seconds for each re-plan (closing a departure, a fleet one larger or smaller) "
                  "and for each LP (default 20)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads", flags->threads, "Threads (default 1; 0: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--alternatives", flags->alternatives,
                  "How many cheapest alternative routes to weigh (default 5)")
      ->check(CLI::Range(1, 100));
  cmd->callback([flags, result] {
    *result = run_guarded([&] {
      if (flags->demand.empty() && flags->departure.empty() && flags->facility.empty() &&
          flags->empty_move.empty() && flags->fleet.empty())
        throw network::InputError(
            "explain: give one of --demand ID, --departure LANE@MINUTE, --facility ID, "
            "--empty-move LANE@MINUTE, --fleet TYPE");
      return run_explain(*flags);
    });
  });
}

}  // namespace mm::tools
