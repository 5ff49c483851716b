// libFuzzer harness: plan JSON (network/plan_json.h) read and checked by the referee
// (network/plan_verifier.h) against the two small instances of tests/data.
// seeds: tests/data/verify/tiny_plan.json tests/data/hostile/plan
//
// A plan that cannot be read must end in InputError (not JSON) or ValidationError (not a
// plan); a readable one, however wrong, must come
// back from check_plan with violations, never crash it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "network/errors.h"
#include "network/instance_json.h"
#include "network/plan_json.h"
#include "network/plan_verifier.h"

namespace {
const std::vector<mm::network::Instance>& instances() {
  static const std::vector<mm::network::Instance> all = {
      mm::network::read_instance_file(MM_TEST_DATA_DIR "/tiny.json"),
      mm::network::read_instance_file(MM_TEST_DATA_DIR "/verify/tiny_instance.json")};
  return all;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const mm::network::Plan plan = mm::network::parse_plan(text, "fuzz-plan.json");
    for (const mm::network::Instance& instance : instances())
      (void)mm::network::check_plan(instance, plan);
    (void)mm::network::write_plan_json(plan);
  } catch (const mm::network::InputError&) {
  } catch (const mm::network::ValidationError&) {
  }
  return 0;
}
