#include "tools/shared_flags.h"

#include <string>
#include <thread>

#include "tools/logging.h"

namespace mm::tools {

void add_time_limit_flag(CLI::App& command, double* seconds) {
  command
      .add_option("--time-limit", *seconds,
                  "Wall-clock seconds for the solve (default " + std::to_string(int(*seconds)) +
                      "); the best solution found by then is used")
      ->check(CLI::PositiveNumber);
}

void add_threads_flag(CLI::App& command, int* threads) {
  command.add_option("--threads", *threads, "Worker threads (default 0: all cores)")
      ->check(CLI::NonNegativeNumber);
}

void add_quiet_flag(CLI::App& command, bool* quiet) {
  command.add_flag("--quiet", *quiet,
                   "No progress on stderr (a bar on a terminal, lines otherwise); errors still "
                   "print");
}

void add_serialize_cbc_flag(CLI::App& command) {
  command.add_flag("--serialize-cbc",
                   "Ignored (kept for compatibility): CBC models always run one at a time");
}

void add_demand_cv_flag(CLI::App& command, double* cv) {
  command
      .add_option("--demand-cv", *cv,
                  "Coefficient of variation of each demand's packages (lognormal around the "
                  "forecast), for demands without their own packages_cv or packages_p10/p90 "
                  "(default 0.2)")
      ->check(CLI::Range(0.0, 10.0));
}

void add_correlation_flag(CLI::App& command, double* correlation) {
  command
      .add_option("--correlation", *correlation,
                  "Correlation of the log-demand of two demands sharing origin and destination "
                  "region (half for those sharing one), 0..1 (default 0)")
      ->check(CLI::Range(0.0, 1.0));
}

void add_spot_factor_flag(CLI::App& command, double* factor) {
  command
      .add_option("--spot-factor", *factor,
                  "A spot vehicle costs this many times the lane's cost per trip (default 1.5)")
      ->check(CLI::Range(0.0, 1e6));
}

void add_late_penalty_flag(CLI::App& command, std::optional<double>* penalty) {
  command
      .add_option("--late-penalty", *penalty,
                  "Cost per package delivered after its due minute (default: half the "
                  "instance's unserved penalty)")
      ->check(CLI::Range(0.0, 1e12));
}

void add_mpi_flags(CLI::App& command, bool* mpi, double* rank_timeout) {
  command.add_flag("--mpi", *mpi,
                   "Run on the ranks of `mpirun -n N`: rank 0 reads the inputs and writes the "
                   "results, the work is dealt to every rank (--threads is per rank)");
  command
      .add_option("--rank-timeout", *rank_timeout,
                  "With --mpi: a rank not heard from for this many seconds is counted lost and "
                  "its work reported lost (default 60)")
      ->check(CLI::PositiveNumber);
}

void add_log_level_flag(CLI::App& command) {
  command
      .add_option_function<std::string>(
          "--log-level", [](const std::string& level) { set_log_level(level); },
          "Log lines on stderr from this level up: error, warn (default), info, debug")
      ->check(CLI::IsMember({"error", "warn", "info", "debug"}));
}

int resolve_threads(int threads) {
  if (threads > 0) return threads;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? static_cast<int>(cores) : 1;
}

void add_engine_option_flag(CLI::App& command, engine::EngineOptions* options) {
  command
      .add_option_function<std::vector<std::string>>(
          "--engine-option",
          [options](const std::vector<std::string>& assignments) {
            for (const std::string& a : assignments) {
              try {
                engine::set_engine_option(*options, a);
              } catch (const std::invalid_argument& e) {
                throw CLI::ValidationError("--engine-option", e.what());
              }
            }
          },
          "Set one of the engine's tuning constants, NAME=VALUE (repeatable; names, defaults "
          "and ranges: engine/engine_options.h)")
      ->type_name("NAME=VALUE");
}

}  // namespace mm::tools
