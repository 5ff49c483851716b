#include "tools/interrupt.h"

#include <csignal>
#include <cstdlib>

namespace mm::tools {

namespace {
std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) {
  if (g_interrupted.exchange(true)) std::_Exit(130);
}
}  // namespace

const std::atomic<bool>* install_interrupt_handler() {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  return &g_interrupted;
}

bool interrupted() {
  return g_interrupted.load();
}

}  // namespace mm::tools
