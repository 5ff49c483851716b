// middlemile: command-line entry point. Subcommands are documented in README.md and docs/FORMAT.md.
#include <iostream>

#include "network/errors.h"
#include "tools/commands.h"
#include "tools/logging.h"
#include "tools/shared_flags.h"

namespace mm::tools {

int run_guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const network::ValidationError& e) {
    for (const auto& problem : e.problems()) std::cerr << "error: " << problem << "\n";
    std::cerr << "error: " << e.source() << ": " << e.problems().size() << " validation error"
              << (e.problems().size() == 1 ? "" : "s") << "\n";
    return kBadInput;
  } catch (const network::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory\n";
    return kInternalError;
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << "\n";
    return kInternalError;
  }
}

}  // namespace mm::tools

int main(int argc, char** argv) {
  mm::tools::init_logging();
  CLI::App app{"middlemile: middle-mile network design and load consolidation"};
  app.require_subcommand(1);
  int result = mm::tools::kSuccess;
  mm::tools::add_validate_command(app, &result);
  mm::tools::add_plan_command(app, &result);
  mm::tools::add_verify_command(app, &result);
  mm::tools::add_cmnd_command(app, &result);
  mm::tools::add_generate_command(app, &result);
  mm::tools::add_import_command(app, &result);
  mm::tools::add_export_command(app, &result);
  mm::tools::add_evaluate_command(app, &result);
  mm::tools::add_explain_command(app, &result);
  mm::tools::add_report_command(app, &result);
  mm::tools::add_simulate_command(app, &result);
  mm::tools::add_schedule_command(app, &result);
  // Every subcommand takes --log-level, defined once (tools/shared_flags.h).
  for (CLI::App* command : app.get_subcommands({})) mm::tools::add_log_level_flag(*command);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Usage errors are bad input (exit 2); --help is a success.
    int code = app.exit(e);
    return code == 0 ? 0 : mm::tools::kBadInput;
  }
  return result;
}
