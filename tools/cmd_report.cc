// `middlemile report INSTANCE PLAN -o REPORT.html`: one self-contained HTML page about a plan
// (report/report_page.h). The plan must belong to the instance (exit 2 otherwise); rule
// violations the referee finds do not stop the report: they appear in a warning box and as one
// `warning:` log line, and the exit code stays 0, because a report is how one looks at a bad plan.
// With --simulation, the results of `middlemile simulate` (of this instance and plan, else exit 2)
// add the simulation section.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "network/plan_verifier.h"
#include "network/simulation_json.h"
#include "network/text_file.h"
#include "report/plan_match.h"
#include "report/report_page.h"
#include "tools/commands.h"

namespace mm::tools {

namespace {
struct ReportFlags {
  std::string instance;
  std::string plan;
  std::string output;
  std::size_t rows = 10;
  std::string simulation;
};

// Simulation results must be of this instance and this plan (same objective).
void require_simulation_of_plan(const network::SimulationResults& results,
                                const network::Instance& instance, const network::Plan& plan,
                                const std::string& source) {
  if (results.instance != instance.name())
    throw network::InputError(source + ": simulation of instance \"" + results.instance +
                              "\", not \"" + instance.name() + "\"");
  if (std::abs(results.plan_objective - plan.objective) >
      1e-9 * std::max(1.0, std::abs(plan.objective)))
    throw network::InputError(source + ": simulation of another plan (objective " +
                              std::to_string(results.plan_objective) + ", this plan's " +
                              std::to_string(plan.objective) + ")");
}

int run_report(const ReportFlags& flags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& input : {flags.instance, flags.plan, flags.simulation})
    if (fs::exists(flags.output, ec) && fs::equivalent(flags.output, input, ec))
      throw network::InputError(flags.output + ": refusing to overwrite an input");
  network::check_writable(flags.output);
  const network::Instance instance = network::read_instance_file(flags.instance);
  const network::Plan plan = network::read_plan_file(flags.plan);
  report::require_plan_of_instance(instance, plan, flags.plan);
  std::optional<network::SimulationResults> simulation;
  if (!flags.simulation.empty()) {
    simulation = network::read_simulation_file(flags.simulation);
    require_simulation_of_plan(*simulation, instance, plan, flags.simulation);
  }
  const network::PlanVerification check = network::check_plan(instance, plan);
  if (!check.ok())
    spdlog::warn("{}: {} violation{} (shown in the report; `middlemile verify` lists them)",
                 flags.plan, check.violations.size(), check.violations.size() == 1 ? "" : "s");
  report::ReportOptions options;
  options.instance_source = fs::path(flags.instance).filename().string();
  options.plan_source = fs::path(flags.plan).filename().string();
  options.lane_table_rows = flags.rows;
  if (simulation) options.simulation = &*simulation;
  const std::string html = report::render_report(instance, plan, check.violations, options);
  network::write_file_atomically(flags.output, html);
  spdlog::info("{}: {} bytes", flags.output, html.size());
  std::cout << "report written to " << flags.output << " ("
            << (check.ok() ? std::string("plan verified")
                           : std::to_string(check.violations.size()) + " violation" +
                                 (check.violations.size() == 1 ? "" : "s") + " shown")
            << ")\n";
  return kSuccess;
}
}  // namespace

void add_report_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write a self-contained HTML report of a plan: KPIs, map, charts, lane tables");
  cmd->add_option("instance", flags->instance, "Instance JSON (middlemile-instance/1)")->required();
  cmd->add_option("plan", flags->plan, "Plan JSON (middlemile-plan/1) of that instance")
      ->required();
  cmd->add_option("-o,--output", flags->output, "HTML file to write (atomically)")->required();
  cmd->add_option("--rows", flags->rows,
                  "Rows of the busiest and emptiest lane tables (default 10)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--simulation", flags->simulation,
                  "Add the plan's simulation under uncertain demand: results of `middlemile "
                  "simulate --json` (histograms, percentiles, overflowing departures)");
  cmd->callback([flags, result] { *result = run_guarded([&] { return run_report(*flags); }); });
}

}  // namespace mm::tools
