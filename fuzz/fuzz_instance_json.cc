// libFuzzer harness: instance JSON (network/instance_json.h), parsing and every validation rule.
// seeds: tests/data/tiny.json tests/data/verify/tiny_instance.json
//        tests/data/broken tests/data/hostile/instance
//
// Bad input must end in InputError or ValidationError; anything else escaping (an out_of_range, a
// logic_error), a crash or a sanitizer report is a finding. A valid instance also gets its
// time-expanded network built, which exercises the derived values the parser produced.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/time_expanded_network.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The memory guard stops instances that would not fit in the fuzzer's RSS limit (2 GiB).
  setenv("MIDDLEMILE_MEMORY_LIMIT_MB", "256", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const mm::network::Instance instance = mm::network::parse_instance(text, "fuzz.json");
    const mm::network::TimeExpandedNetwork ten(instance);
    (void)mm::network::write_instance_json(instance);
  } catch (const mm::network::InputError&) {
  } catch (const mm::network::ValidationError&) {
  }
  return 0;
}
