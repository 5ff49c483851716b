// `middlemile plan INSTANCE -o PLAN`: solve, write the plan atomically, check it with the
// referee, print the summary (FORMAT.md, "Command line"). With --demand-quantile Q it plans for
// the Q-quantile of every demand and writes the plan for the forecast
// (simulation/quantile_plan.h). With --samples N (or --scenarios) it makes a two-stage plan: the
// engine's start, then the vehicles searched for the days (simulation/two_stage_plan.h).
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include <spdlog/spdlog.h>

#include "baselines/compact_ten_mip.h"
#include "engine/planner.h"
#include "engine/vehicle_balance.h"
#include "geo/layer_writer.h"
#include "geo/plan_layers.h"
#include "loading/load_plan.h"
#include "loading/manifest_json.h"
#include "network/errors.h"
#include "network/instance_json.h"
#include "network/number_text.h"
#include "network/plan_json.h"
#include "network/plan_verifier.h"
#include "network/text_file.h"
#include "network/time_expanded_network.h"
#include "simulation/quantile_plan.h"
#include "tools/commands.h"
#include "tools/interrupt.h"
#include "tools/plan_summary.h"
#include "tools/progress_printer.h"
#include "tools/shared_flags.h"
#include "tools/two_stage_job.h"

namespace mm::tools {

namespace {
struct PlanFlags {
  std::string instance;
  std::string output;
  double time_limit = 60.0;
  int threads = 0;
  std::uint64_t seed = 1;
  double gap = 1e-4;
  engine::EngineOptions engine;
  std::string method = "cg";
  bool quiet = false;
  std::string geo_out;
  std::string manifests;
  std::string loading;
  double packing_efficiency = 1.0;
  std::optional<double> demand_quantile;
  double demand_cv = 0.2;
  TwoStageFlags two_stage;  // --samples, --scenarios, ...: a two-stage plan
};

network::Plan solve_compact(const network::Instance& instance, const PlanFlags& flags) {
  const network::TimeExpandedNetwork ten(instance);
  const auto r = baselines::solve_compact_ten(instance, ten, flags.time_limit);
  if (r.status == baselines::CompactTenStatus::too_large)
    throw std::runtime_error("the compact model is too large to build (" + std::to_string(r.rows) +
                             " rows)");
  network::Plan plan = engine::assemble_plan(instance, ten, r.solution, r.seconds, [](std::size_t) {
    return std::string(
        "not served by the compact "
        "MIP's solution");
  });
  // The compact MIP has no balance rows: its departures get their empty moves and fleet here.
  if (!engine::balance_plan(instance, plan))
    throw std::runtime_error("a cyclic fleet cannot run the compact MIP's departures");
  return plan;
}

int run_plan(const PlanFlags& flags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(flags.output, ec) && fs::equivalent(flags.instance, flags.output, ec))
    throw network::InputError(flags.output + ": refusing to overwrite the input instance");
  network::check_writable(flags.output);
  if (!flags.geo_out.empty())
    geo::check_layers_writable(flags.geo_out, {"facilities", "departures", "lanes", "routes"});
  if (!flags.manifests.empty()) network::check_writable(flags.manifests);
  const bool load = !flags.loading.empty() || !flags.manifests.empty();
  const network::Instance instance = network::read_instance_file(flags.instance);
  // Cyclic vehicle types add layers (repositioning, rotations): checked once the instance says.
  if (!flags.geo_out.empty())
    geo::check_layers_writable(flags.geo_out, geo::plan_layer_names(instance));
  spdlog::info("read {}: {} facilities, {} lanes, {} demands", flags.instance,
               instance.facilities().size(), instance.lanes().size(), instance.demand().size());
  // Container configuration: --loading, else the instance's "loading" section, else defaults.
  loading::LoadingConfig loading_config;
  if (!flags.loading.empty())
    loading_config = loading::read_loading_config_file(flags.loading);
  else if (load && !instance.loading_json().empty())
    loading_config =
        loading::parse_loading_config(instance.loading_json(), flags.instance + ": loading");
  if (load) loading::resolve_loading(instance, loading_config);  // bad config fails before solving

  network::Plan plan;
  bool interrupted_run = false;
  std::string quantile_line;
  if ((flags.demand_quantile || flags.two_stage.on()) && flags.method != "cg")
    throw network::InputError(
        std::string(flags.two_stage.on() ? "--samples and --scenarios" : "--demand-quantile") +
        " plan with the column generation engine only (not --method " + flags.method + ")");
  if (flags.method == "compact") {
    plan = solve_compact(instance, flags);
  } else {
    engine::PlannerOptions options;
    options.time_limit_seconds = flags.time_limit;
    options.threads = resolve_threads(flags.threads);
    options.seed = flags.seed;
    options.engine = flags.engine;
    options.engine.gap = flags.gap;
    options.packing_efficiency = flags.packing_efficiency;
    options.stop = install_interrupt_handler();
    spdlog::info("planning {} with {} threads, time limit {} s", flags.instance, options.threads,
                 flags.time_limit);
    ProgressDisplay progress(flags.quiet, flags.time_limit);
    if (flags.two_stage.on()) {
      TwoStageRun run =
          plan_for_days(instance, flags.two_stage, flags.demand_quantile, flags.demand_cv,
                        flags.time_limit, flags.quiet, options, progress);
      plan = std::move(run.plan);
      interrupted_run = run.interrupted;
      quantile_line = std::move(run.summary);
    } else if (flags.demand_quantile) {
      // Planned for the quantile, written for the forecast (simulation/quantile_plan.h).
      const auto result = simulation::plan_for_quantile(
          instance, *flags.demand_quantile, flags.demand_cv, options, progress.callback());
      progress.finish();
      plan = result.plan;
      interrupted_run = result.scaled.interrupted;
      using network::fixed_text;
      quantile_line =
          "  planned for the " + fixed_text(*flags.demand_quantile, 2) +
          "-quantile of demand (CV " + fixed_text(flags.demand_cv, 2) +
          " where a demand gives none): " + fixed_text(result.planned_packages, 0) + " packages, " +
          fixed_text(100.0 * (result.planned_packages / result.forecast_packages - 1.0), 1) +
          "% over the forecast's " + fixed_text(result.forecast_packages, 0) +
          "; written for the forecast (scaled objective " +
          fixed_text(result.scaled.plan.objective, 2) + ", gap " +
          fixed_text(100.0 * result.scaled.plan.gap.value_or(0.0), 2) + "%)";
    } else {
      const auto result = engine::plan_network(instance, options, progress.callback());
      progress.finish();
      plan = result.plan;
      interrupted_run = result.interrupted;
    }
  }
  if (plan.status == network::PlanStatus::no_solution) {
    std::cerr << "error: no plan found within " << flags.time_limit << " s\n";
    return interrupted_run ? kInterrupted : kNoSolution;
  }
  // The referee checks every plan before it is written: a plan that fails it is a bug.
  const auto check = network::check_plan(instance, plan);
  if (!check.ok()) {
    for (const auto& v : check.violations)
      std::cerr << "error: internal: plan violates " << v.where << ": " << v.message << "\n";
    throw std::runtime_error("the solver produced a plan that fails verification");
  }
  std::string loading_line;
  if (load) {
    // Containers and packing can need more vehicles than the capacity rows gave: the plan is
    // corrected (and re-checked by the referee) before it is written.
    const loading::LoadingResult loaded = loading::load_plan(instance, plan, loading_config);
    for (const auto& v : loaded.verification.violations)
      spdlog::warn("loading-corrected plan violates {}: {}", v.where, v.message);
    plan.kpis.sections["loading"] = loading::loading_kpis_json(loaded.kpis).dump();
    // Vehicles added by packing need their way back too (cyclic types).
    if (loaded.kpis.vehicles_added > 0 && !engine::balance_plan(instance, plan))
      throw std::runtime_error("a cyclic fleet cannot run the loading-corrected departures");
    if (!flags.manifests.empty())
      network::write_file_atomically(flags.manifests, loading::write_manifests_json(loaded));
    std::ostringstream line;
    line << "  loading: " << loaded.kpis.containers << " containers, "
         << loaded.kpis.departures_corrected << " departures corrected, +"
         << loaded.kpis.vehicles_added << " vehicles, +" << loaded.kpis.cost_added << " cost";
    loading_line = line.str();
  }
  network::write_file_atomically(flags.output, network::write_plan_json(plan));
  if (!flags.geo_out.empty()) geo::write_plan_layers(instance, plan, flags.geo_out);
  print_plan_summary(instance, plan, std::cout);
  if (!quantile_line.empty()) std::cout << quantile_line << "\n";
  if (!loading_line.empty()) std::cout << loading_line << "\n";
  std::cout << "  plan written to " << flags.output << " (verified)\n";
  return interrupted_run || interrupted() ? kInterrupted : kSuccess;
}
}  // namespace

void add_plan_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<PlanFlags>();
  CLI::App* cmd = app.add_subcommand("plan", "Plan departures, vehicles and routes");
  cmd->add_option("instance", flags->instance, "Instance JSON (middlemile-instance/1)")->required();
  cmd->add_option("-o,--output", flags->output, "Plan JSON to write (middlemile-plan/1)")
      ->required();
  add_time_limit_flag(*cmd, &flags->time_limit);
  add_threads_flag(*cmd, &flags->threads);
  add_engine_option_flag(*cmd, &flags->engine);
  cmd->add_option("--seed", flags->seed, "Seed of the local search order (default 1)");
  cmd->add_option("--gap", flags->gap, "Stop at this relative gap (default 0.0001)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--method", flags->method,
                  "cg: column generation engine (default); compact: arc-based MIP in CBC "
                  "(a baseline for benchmarks)")
      ->check(CLI::IsMember({"cg", "compact"}));
  cmd->add_option("--geo-out", flags->geo_out,
                  "Also write the plan as map layers (.gpkg, .geojson: one file per layer, or "
                  "PG:CONNECTION: PostGIS tables)");
  cmd->add_option("--manifests", flags->manifests,
                  "Also load the departures into containers and vehicles and write per-vehicle "
                  "manifests (JSON, docs/LOADING.md); the plan gains any vehicles packing needs");
  cmd->add_option("--packing-efficiency", flags->packing_efficiency,
                  "Plan loads against this share of each vehicle's cube and weight (default 1; "
                  "0.7 makes loading corrections rare with the default containers)")
      ->check(CLI::Range(0.01, 1.0));
  cmd->add_option("--loading", flags->loading,
                  "Container configuration (docs/LOADING.md; default: the instance's \"loading\" "
                  "section, else built in)");
  cmd->add_option("--demand-quantile", flags->demand_quantile,
                  "Plan for this quantile of each demand's packages (0..1, e.g. 0.9; "
                  "docs/SIMULATION.md); the plan is written for the forecast, with the "
                  "quantile's vehicles")
      ->check(CLI::Range(0.001, 0.999));
  add_demand_cv_flag(*cmd, &flags->demand_cv);
  add_two_stage_flags(*cmd, &flags->two_stage);
  add_quiet_flag(*cmd, &flags->quiet);
  add_serialize_cbc_flag(*cmd);
  cmd->callback([flags, result] { *result = run_guarded([&] { return run_plan(*flags); }); });
}

}  // namespace mm::tools
