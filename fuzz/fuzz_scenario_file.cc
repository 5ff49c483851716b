// libFuzzer harness: scenario files (`middlemile-scenarios/1`, scenarios/scenario_file.h), read
// and then built against the baseline instance of tests/data/scenarios (scenario_builder.h).
// needs: scenarios
// seeds: tests/data/scenarios
//
// A bad file must end in InputError or ValidationError naming the scenario and change.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "network/errors.h"
#include "scenarios/scenario_builder.h"
#include "scenarios/scenario_file.h"

namespace {
const mm::scenarios::BaselineDocument& baseline() {
  static const mm::scenarios::BaselineDocument document =
      mm::scenarios::read_baseline(MM_TEST_DATA_DIR "/scenarios/far_center.json");
  return document;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("MIDDLEMILE_MEMORY_LIMIT_MB", "256", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const mm::scenarios::ScenarioFile file = mm::scenarios::parse_scenario_file(
        text, "fuzz-scenarios.json", MM_TEST_DATA_DIR "/scenarios");
    (void)mm::scenarios::build_scenarios(baseline(), file);
  } catch (const mm::network::InputError&) {
  } catch (const mm::network::ValidationError&) {
  }
  return 0;
}
