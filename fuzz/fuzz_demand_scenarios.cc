// libFuzzer harness: demand scenario files (`middlemile-demand-scenarios/1`,
// simulation/demand_scenarios.h) read against the simulation test network, and the days that
// pass simulated over its plan (`simulate --scenarios`, `plan --scenarios`).
// needs: simulation
// seeds: tests/data/simulation/days
//
// A bad file must end in InputError or ValidationError naming the scenario and field; the days
// of a good one are routed without a crash (the recourse takes any package counts >= 0).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "simulation/demand_scenarios.h"
#include "simulation/simulator.h"

namespace {
const mm::network::Instance& instance() {
  static const mm::network::Instance network =
      mm::network::read_instance_file(MM_TEST_DATA_DIR "/simulation/sim_small.json");
  return network;
}
const mm::network::Plan& plan() {
  static const mm::network::Plan p =
      mm::network::read_plan_file(MM_TEST_DATA_DIR "/simulation/sim_small_plan.json");
  return p;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("MIDDLEMILE_MEMORY_LIMIT_MB", "256", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const std::vector<mm::simulation::DemandScenario> days =
        mm::simulation::parse_demand_scenarios(instance(), text, "fuzz-days.json");
    if (days.size() > 64) return 0;  // routing thousands of days is speed, not parsing
    mm::simulation::SimulationOptions options;
    options.scenarios = &days;
    (void)mm::simulation::simulate_plan(instance(), plan(), options, nullptr);
  } catch (const mm::network::InputError&) {
  } catch (const mm::network::ValidationError&) {
  }
  return 0;
}
