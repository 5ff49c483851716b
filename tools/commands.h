// The `middlemile` subcommands. Each lives in its own file (cmd_<name>.cc), registers its flags
// on the CLI11 app and runs through `run_guarded`, which maps library exceptions to the exit
// codes of FORMAT.md. tools/ only parses flags and calls the libraries.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace mm::tools {

// FORMAT.md, "Exit codes".
enum ExitCode : int {
  kSuccess = 0,
  kInternalError = 1,
  kBadInput = 2,
  kNoSolution = 3,
  kInterrupted = 130,
};

// Runs `body`, printing one `error: …` line on stderr for any exception and returning the
// matching exit code (InputError/ValidationError -> 2, anything else -> 1).
int run_guarded(const std::function<int()>& body);

// Each adds one subcommand; when it is chosen, its callback stores the exit code in `*result`.
void add_validate_command(CLI::App& app, int* result);
void add_plan_command(CLI::App& app, int* result);
void add_verify_command(CLI::App& app, int* result);
void add_cmnd_command(CLI::App& app, int* result);
void add_generate_command(CLI::App& app, int* result);
void add_import_command(CLI::App& app, int* result);
void add_export_command(CLI::App& app, int* result);
void add_evaluate_command(CLI::App& app, int* result);
void add_explain_command(CLI::App& app, int* result);
void add_report_command(CLI::App& app, int* result);
void add_simulate_command(CLI::App& app, int* result);
void add_schedule_command(CLI::App& app, int* result);

}  // namespace mm::tools
