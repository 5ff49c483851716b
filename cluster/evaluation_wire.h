// What rank 0 and the other ranks send each other for `evaluate --mpi`: the job's settings,
// the baseline's plan and column pool, the tasks (plan scenario i; offer a plan to the
// baseline; offer a sibling's plan to scenario i) and their results. Instances and plans travel
// as their JSON formats (network/instance_json.h, network/plan_json.h: every value written so
// that it reads back the same), route columns as a compact JSON array, the rest as numbers
// (cluster/wire.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/route_columns.h"
#include "network/instance.h"
#include "scenarios/scenario_evaluation.h"
#include "scenarios/scenario_steps.h"

namespace mm::cluster {

// Sent first: the settings every rank plans with, how many scenarios there are, the baseline.
struct EvaluationJob {
  scenarios::EvaluationOptions options;  // threads and stop are each rank's own
  std::size_t scenarios = 0;
  std::string baseline_json;
};
std::string encode_job(const EvaluationJob& job);
EvaluationJob decode_job(const std::string& bytes);

// Sent when the baseline is planned: its plan and column pool.
std::string encode_baseline(const network::Plan& plan,
                            const std::vector<engine::RouteColumn>& pool);
void decode_baseline(const std::string& bytes, network::Plan* plan,
                     std::vector<engine::RouteColumn>* pool);

std::string encode_route_columns(const std::vector<engine::RouteColumn>& columns);
std::vector<engine::RouteColumn> decode_route_columns(const std::string& json_text);

enum class EvaluationTaskKind : std::uint8_t {
  scenario = 1,
  baseline_offer = 2,
  sibling_offer = 3
};

struct EvaluationTask {
  EvaluationTaskKind kind = EvaluationTaskKind::scenario;
  std::size_t scenario = 0;                 // the scenario planned, or whose plan is offered
  std::string name;                         // its name
  std::string instance_json;                // its instance (scenario, sibling_offer)
  std::vector<engine::RouteColumn> routes;  // the offered plan's routes (the offers)
};
std::string encode_task(const EvaluationTask& task);
EvaluationTask decode_task(const std::string& bytes);

std::string encode_outcome(const scenarios::ScenarioOutcome& outcome);
scenarios::ScenarioOutcome decode_outcome(const std::string& bytes);

std::string encode_replan(const scenarios::Replan& replan);
scenarios::Replan decode_replan(const std::string& bytes);

}  // namespace mm::cluster
