// PLACEHOLDER: replaced by the real 'cmnd' subcommand.
#include "tools/commands.h"
namespace mm::tools {
void add_cmnd_command(CLI::App& app, int* result) {
  app.add_subcommand("cmnd", "(not yet built)")->callback([result] { *result = kInternalError; });
}
}  // namespace mm::tools
