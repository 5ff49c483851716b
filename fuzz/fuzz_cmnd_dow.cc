// libFuzzer harness: CMND `.dow` files (baselines/cmnd_instance.h).
// seeds: tests/data/cmnd tests/data/hostile/dow
//
// A bad file must end in InputError naming the line; a header that declares more than memory
// holds must be stopped by the memory guard, not by an allocation.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "baselines/cmnd_instance.h"
#include "network/errors.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("MIDDLEMILE_MEMORY_LIMIT_MB", "256", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    (void)mm::baselines::parse_dow(in, "fuzz.dow", "fuzz");
  } catch (const mm::network::InputError&) {
  }
  return 0;
}
