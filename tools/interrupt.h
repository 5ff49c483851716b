// Ctrl-C for long solves: the first SIGINT sets a flag the solvers poll (they stop at the next
// safe point, and the command writes the best plan so far, then exits 130); a second SIGINT
// exits at once.
#pragma once

#include <atomic>

namespace mm::tools {

const std::atomic<bool>* install_interrupt_handler();
bool interrupted();

}  // namespace mm::tools
