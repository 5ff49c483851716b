// `middlemile verify INSTANCE PLAN`: the independent referee (network/plan_verifier.h).
//
// Prints every violation on stdout as `violation: <where>: <message>`, then one summary line:
// `verify: OK (objective X recomputed Y)` or `verify: N violations (objective X recomputed Y)`.
// Exit 0 only when there is no violation; an invalid plan is bad input (exit 2), as is an
// unreadable or malformed file (through run_guarded).
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "network/instance_json.h"
#include "network/number_text.h"
#include "network/plan_json.h"
#include "network/plan_verifier.h"
#include "tools/commands.h"

namespace mm::tools {

namespace {

int run_verify(const std::string& instance_path, const std::string& plan_path) {
  const network::Instance instance = network::read_instance_file(instance_path);
  const network::Plan plan = network::read_plan_file(plan_path);
  const network::PlanVerification result = network::check_plan(instance, plan);
  for (const network::Violation& v : result.violations)
    std::cout << "violation: " << v.where << ": " << v.message << "\n";
  const std::string objectives =
      "(objective " + network::number_text(result.reported_objective, 12) + " recomputed " +
      network::number_text(result.recomputed_objective, 12) + ")";
  if (result.ok()) {
    std::cout << "verify: OK " << objectives << "\n";
    return kSuccess;
  }
  const std::size_t n = result.violations.size();
  std::cout << "verify: " << n << (n == 1 ? " violation " : " violations ") << objectives << "\n";
  return kBadInput;
}

}  // namespace

void add_verify_command(CLI::App& app, int* result) {
  CLI::App* cmd = app.add_subcommand(
      "verify", "Check a plan against an instance independently of the solver (exit 2 if invalid)");
  auto instance_path = std::make_shared<std::string>();
  auto plan_path = std::make_shared<std::string>();
  cmd->add_option("INSTANCE", *instance_path, "middlemile-instance/1 JSON file")->required();
  cmd->add_option("PLAN", *plan_path, "middlemile-plan/1 JSON file")->required();
  cmd->callback([result, instance_path, plan_path] {
    *result = run_guarded([&] { return run_verify(*instance_path, *plan_path); });
  });
}

}  // namespace mm::tools
