#include "cluster/test_hooks.h"

#include <csignal>
#include <cstdlib>
#include <stdexcept>

namespace mm::cluster::test_hooks {

void on_task(int rank) {
  const char* kill = std::getenv("MM_TEST_KILL_RANK");
  if (kill && rank > 0 && std::to_string(rank) == kill) std::raise(SIGKILL);
}

void on_scenario(const std::string& scenario) {
  const char* fail = std::getenv("MM_TEST_FAIL_SCENARIO");
  if (fail && scenario == fail)
    throw std::runtime_error("MM_TEST_FAIL_SCENARIO: planning \"" + scenario +
                             "\" fails on purpose");
}

}  // namespace mm::cluster::test_hooks
