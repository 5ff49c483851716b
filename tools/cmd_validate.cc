// PLACEHOLDER: replaced by the real 'validate' subcommand.
#include "tools/commands.h"
namespace mm::tools {
void add_validate_command(CLI::App& app, int* result) {
  app.add_subcommand("validate", "(not yet built)")->callback([result] { *result = kInternalError; });
}
}  // namespace mm::tools
