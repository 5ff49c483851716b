// Log lines on stderr through spdlog: "<level>: <message>" ("warning: …", "info: …",
// "debug: …"), the same shape as the `error: …` lines every command prints, so scripts that
// grep stderr see one format. The default level is warn: a successful run prints no log lines
// unless --log-level asks for them.
#pragma once

#include <string>

namespace mm::tools {

// Installs the stderr logger as spdlog's default; call once at startup.
void init_logging();
// "error", "warn", "info" or "debug".
void set_log_level(const std::string& level);

}  // namespace mm::tools
