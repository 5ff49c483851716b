// libFuzzer harness: simulation results (`middlemile-simulation/1`, network/simulation_json.h)
// read, written back, and drawn as the report's simulation section (`report --simulation`).
// needs: report
// seeds: tests/data/simulation/results
//
// A file that cannot be read must end in InputError (not JSON) or ValidationError (not results,
// every problem with its JSON path); readable results, however odd their numbers, must write
// and render without a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "network/errors.h"
#include "network/simulation_json.h"
#include "report/simulation_section.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("MIDDLEMILE_MEMORY_LIMIT_MB", "256", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const mm::network::SimulationResults results =
        mm::network::parse_simulation_json(text, "fuzz-simulation.json");
    (void)mm::network::write_simulation_json(results);
    (void)mm::report::render_simulation_section(results, 5);
  } catch (const mm::network::InputError&) {
  } catch (const mm::network::ValidationError&) {
  }
  return 0;
}
