// PLACEHOLDER: replaced by the real 'verify' subcommand.
#include "tools/commands.h"
namespace mm::tools {
void add_verify_command(CLI::App& app, int* result) {
  app.add_subcommand("verify", "(not yet built)")->callback([result] { *result = kInternalError; });
}
}  // namespace mm::tools
