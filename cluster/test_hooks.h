// Failures on demand, for the tests of running on ranks (tests/cluster/): a real run never sets
// these variables. Both are read from the environment (`mpirun -x NAME` passes them on):
//   MM_TEST_KILL_RANK=R          rank R (> 0) kills itself (SIGKILL) when its first task arrives,
//                                as a crashed node would: its tasks are lost;
//   MM_TEST_FAIL_SCENARIO=NAME   planning the scenario named NAME throws on whichever rank
//                                plans it: the scenario is reported failed.
#pragma once

#include <string>

namespace mm::cluster::test_hooks {

void on_task(int rank);
// Throws std::runtime_error when `scenario` is MM_TEST_FAIL_SCENARIO.
void on_scenario(const std::string& scenario);

}  // namespace mm::cluster::test_hooks
