// Shared by the report tests: the referee's hand-checked tiny instance and plan
// (tests/data/verify), and counting substrings in rendered HTML.
#pragma once

#include <string>

#include "network/instance.h"
#include "network/instance_json.h"
#include "network/plan.h"
#include "network/plan_json.h"

namespace mm::report_test {

inline const std::string kTinyInstance =
    std::string(MM_TEST_DATA_DIR) + "/verify/tiny_instance.json";
inline const std::string kTinyPlan = std::string(MM_TEST_DATA_DIR) + "/verify/tiny_plan.json";

inline network::Instance tiny_instance() {
  return network::read_instance_file(kTinyInstance);
}
inline network::Plan tiny_plan() {
  return network::read_plan_file(kTinyPlan);
}

inline std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace mm::report_test
