// PLACEHOLDER: replaced by the real 'plan' subcommand.
#include "tools/commands.h"
namespace mm::tools {
void add_plan_command(CLI::App& app, int* result) {
  app.add_subcommand("plan", "(not yet built)")->callback([result] { *result = kInternalError; });
}
}  // namespace mm::tools
