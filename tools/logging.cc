#include "tools/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace mm::tools {

void init_logging() {
  // Not the colour sink: the lines must read the same in a terminal and in a log file.
  auto logger = spdlog::stderr_logger_mt("middlemile");
  logger->set_pattern("%l: %v");
  logger->set_level(spdlog::level::warn);
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

void set_log_level(const std::string& level) {
  spdlog::set_level(level == "error"   ? spdlog::level::err
                    : level == "info"  ? spdlog::level::info
                    : level == "debug" ? spdlog::level::debug
                                       : spdlog::level::warn);
}

}  // namespace mm::tools
