// `middlemile cmnd FILE.dow`: the CMND benchmark through the planner's engine (FORMAT.md).
#include <chrono>
#include <cmath>
#include <iostream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "baselines/cmnd_design.h"
#include "baselines/cmnd_instance.h"
#include "baselines/cmnd_solution.h"
#include "baselines/compact_cmnd_mip.h"
#include "network/text_file.h"
#include "tools/commands.h"
#include "tools/interrupt.h"
#include "tools/progress_printer.h"
#include "tools/shared_flags.h"

namespace mm::tools {

namespace {
struct CmndFlags {
  std::string file;
  double time_limit = 60.0;
  int threads = 0;
  std::uint64_t seed = 1;
  engine::EngineOptions engine;
  std::string solution;
  std::string method = "cg";
  bool balanced = false;
  bool quiet = false;
};

nlohmann::json number_or_null(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nullptr;
}

// Why the engine found no solution, naming the first commodity it could not route in full
// (0-based, file order; nodes 1-based as in the file).
std::string no_solution_reason(const baselines::CmndInstance& instance,
                               const engine::DesignSolverResult& engine) {
  std::vector<double> served(instance.commodities.size(), 0.0);
  for (const engine::DesignPath& p : engine.best.paths) served[p.commodity] += p.share;
  for (std::size_t k = 0; k < instance.commodities.size(); ++k) {
    const bool reachable = k < engine.reachable.size() && engine.reachable[k];
    if (reachable && served[k] > 1.0 - 1e-6) continue;
    const auto& c = instance.commodities[k];
    return "commodity " + std::to_string(k) + " (node " + std::to_string(c.origin + 1) +
           " to node " + std::to_string(c.destination + 1) + ") " +
           (reachable ? "cannot be routed within the arc capacities" : "has no path");
  }
  return "the time limit ended before a first solution";
}

int run_cmnd(const CmndFlags& flags) {
  if (!flags.solution.empty()) network::check_writable(flags.solution);
  const baselines::CmndInstance instance = baselines::read_dow_file(flags.file);
  baselines::CmndStatus status = baselines::CmndStatus::no_solution;
  bool lp_bound_only = false;  // --method strong-lp: a bound and no solution, "status": "lp"
  double objective = NAN, bound = NAN, seconds = 0;
  baselines::CmndSolution solution;
  std::string reason = "the time limit ended before a first solution";
  if (flags.method == "strong-lp") {
    // The LP relaxation of the strong arc formulation: the bound column generation must match.
    const auto started = std::chrono::steady_clock::now();
    bound = baselines::strong_lp_bound(instance, flags.balanced);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    lp_bound_only = std::isfinite(bound);
  } else if (flags.method == "compact") {
    const auto r = baselines::solve_compact_cmnd(instance, flags.time_limit, flags.balanced);
    status = r.status;
    objective = r.objective;
    bound = r.lower_bound;
    seconds = r.seconds;
    solution = r.solution;
  } else {
    engine::DesignSolverOptions options;
    options.time_limit_seconds = flags.time_limit;
    options.threads = resolve_threads(flags.threads);
    options.seed = flags.seed;
    options.engine = flags.engine;
    options.stop = install_interrupt_handler();
    ProgressDisplay progress(flags.quiet, flags.time_limit);
    const auto r = baselines::solve_cmnd(instance, options, progress.callback(), flags.balanced);
    progress.finish();
    status = r.status;
    if (status == baselines::CmndStatus::no_solution)
      reason = no_solution_reason(instance, r.engine);
    // Routing designs may well exist while none the engine found could be balanced: say so
    // rather than blame one commodity's routing.
    if (status == baselines::CmndStatus::no_solution && flags.balanced &&
        reason.find("has no path") == std::string::npos)
      reason =
          "no balanced design found within the time limit (--method compact solves the balanced "
          "model exactly, given time)";
    objective = r.objective;
    bound = r.lower_bound;
    seconds = r.seconds;
    solution = r.solution;
  }
  // A balanced solution is checked, balance included, before it is reported.
  if (flags.balanced && status != baselines::CmndStatus::no_solution) {
    const baselines::CmndCheck check =
        baselines::check_cmnd_solution(instance, solution, 1e-6, flags.balanced);
    if (!check.violations.empty())
      throw std::runtime_error("the solution fails its check: " + check.violations.front());
    // The objective reported is the one the check recomputes from the instance.
    if (std::abs(check.objective - objective) > 1e-6 * std::max(1.0, std::abs(objective)))
      throw std::runtime_error("the solution's cost recomputed is " +
                               std::to_string(check.objective) + ", not the engine's " +
                               std::to_string(objective));
  }
  nlohmann::json out;
  out["instance"] = instance.name;
  if (flags.balanced) out["balanced"] = true;
  out["objective"] = number_or_null(objective);
  out["lower_bound"] = number_or_null(bound);
  out["gap"] = std::isfinite(objective) && std::isfinite(bound)
                   ? nlohmann::json(std::max(0.0, (objective - bound) / std::abs(objective)))
                   : nlohmann::json(nullptr);
  out["status"] = lp_bound_only ? "lp" : baselines::to_string(status);
  out["seconds"] = seconds;
  std::cout << out.dump() << std::endl;
  const bool solved = lp_bound_only || status != baselines::CmndStatus::no_solution;
  if (!flags.solution.empty() && solved)
    network::write_file_atomically(flags.solution, baselines::write_cmnd_solution_json(solution));
  if (interrupted()) return kInterrupted;
  if (solved) return kSuccess;
  std::cerr << "error: " << flags.file << ": no solution: " << reason << "\n";
  return kNoSolution;
}
}  // namespace

void add_cmnd_command(CLI::App& app, int* result) {
  auto flags = std::make_shared<CmndFlags>();
  CLI::App* cmd =
      app.add_subcommand("cmnd", "Solve a CMND benchmark instance (.dow) and print one JSON line");
  cmd->add_option("file", flags->file, "Canad .dow file")->required();
  add_time_limit_flag(*cmd, &flags->time_limit);
  add_threads_flag(*cmd, &flags->threads);
  cmd->add_option("--seed", flags->seed, "Seed of the engine's random choices (default 1)");
  add_engine_option_flag(*cmd, &flags->engine);
  cmd->add_option("--solution", flags->solution, "Write open arcs and flows to this JSON file");
  cmd->add_option("--method", flags->method,
                  "cg: column generation engine (default); compact: strong arc MIP in CBC; "
                  "strong-lp: only the LP relaxation of the strong arc formulation")
      ->check(CLI::IsMember({"cg", "compact", "strong-lp"}));
  cmd->add_flag("--balanced", flags->balanced,
                "Design-balanced CMND: as many open arcs leave every node as enter it");
  add_quiet_flag(*cmd, &flags->quiet);
  add_serialize_cbc_flag(*cmd);
  cmd->callback([flags, result] { *result = run_guarded([&] { return run_cmnd(*flags); }); });
}

}  // namespace mm::tools
