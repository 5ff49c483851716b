// The flags several subcommands share, defined once so that every command spells, checks and
// explains them the same way in --help: --time-limit, --threads, --quiet, --serialize-cbc (a no-op
// kept for compatibility), --demand-cv, --engine-option (plan, cmnd), the recourse's --correlation,
// --spot-factor and
// --late-penalty (simulate, plan --samples), --mpi and --rank-timeout
// (evaluate, simulate), and --log-level (which main.cc adds to every subcommand).
#pragma once

#include <optional>

#include <CLI/CLI.hpp>

#include "engine/engine_options.h"

namespace mm::tools {

// --time-limit SECONDS (> 0); `*seconds` keeps its default when the flag is absent.
void add_time_limit_flag(CLI::App& command, double* seconds);
// --threads N (>= 0; 0 = all cores).
void add_threads_flag(CLI::App& command, int* threads);
// --quiet: no progress bar or progress lines on stderr (errors and warnings still print).
void add_quiet_flag(CLI::App& command, bool* quiet);
// --serialize-cbc: accepted and ignored, for scripts written when it was a switch: every CBC
// call in the process now takes one lock (mip/cbc_driver.h).
void add_serialize_cbc_flag(CLI::App& command);
// --demand-cv C (0..10): the coefficient of variation of demands without their own
// packages_cv or packages_p10/p90 (simulate, plan --demand-quantile; docs/SIMULATION.md).
void add_demand_cv_flag(CLI::App& command, double* cv);
// The recourse's settings (simulate, plan --samples; docs/SIMULATION.md): --correlation R
// (0..1), --spot-factor F (>= 0) and --late-penalty P (>= 0; unset: half the unserved penalty).
void add_correlation_flag(CLI::App& command, double* correlation);
void add_spot_factor_flag(CLI::App& command, double* factor);
void add_late_penalty_flag(CLI::App& command, std::optional<double>* penalty);
// --engine-option NAME=VALUE (repeatable): one of the engine's tuning constants
// (engine/engine_options.h), checked when parsed.
void add_engine_option_flag(CLI::App& command, engine::EngineOptions* options);
// --mpi: run on the ranks of `mpirun -n N` (tools/on_ranks.h); --rank-timeout S (> 0, default
// 60): a rank not heard from for S seconds is counted lost.
void add_mpi_flags(CLI::App& command, bool* mpi, double* rank_timeout);
// --log-level error|warn|info|debug: applied as soon as it is parsed (tools/logging.h).
void add_log_level_flag(CLI::App& command);

// `threads` as given, or every hardware thread when 0.
int resolve_threads(int threads);

}  // namespace mm::tools
