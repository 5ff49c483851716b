#include "cluster/evaluation_wire.h"

#include <nlohmann/json.hpp>

#include "cluster/wire.h"
#include "network/plan_json.h"

namespace mm::cluster {

namespace {

void put_plan(WireWriter& out, const network::Plan& plan) {
  out.text(network::write_plan_json(plan));
}

network::Plan get_plan(WireReader& in) {
  return network::parse_plan(in.text(), "plan from another rank");
}

}  // namespace

std::string encode_job(const EvaluationJob& job) {
  const scenarios::EvaluationOptions& o = job.options;
  WireWriter out;
  out.number(o.baseline_time_limit_seconds)
      .number(o.scenario_time_limit_seconds)
      .number<std::uint64_t>(o.seed)
      .number(o.gap)
      .number(o.packing_efficiency)
      .number<std::uint8_t>(o.warm ? 1 : 0)
      .number(o.offer_threshold)
      .number<std::uint64_t>(job.scenarios)
      .text(job.baseline_json);
  return out.take();
}

EvaluationJob decode_job(const std::string& bytes) {
  WireReader in(bytes);
  EvaluationJob job;
  scenarios::EvaluationOptions& o = job.options;
  o.baseline_time_limit_seconds = in.number<double>();
  o.scenario_time_limit_seconds = in.number<double>();
  o.seed = in.number<std::uint64_t>();
  o.gap = in.number<double>();
  o.packing_efficiency = in.number<double>();
  o.warm = in.number<std::uint8_t>() != 0;
  o.offer_threshold = in.number<double>();
  job.scenarios = static_cast<std::size_t>(in.number<std::uint64_t>());
  job.baseline_json = in.text();
  in.expect_end();
  return job;
}

std::string encode_baseline(const network::Plan& plan,
                            const std::vector<engine::RouteColumn>& pool) {
  WireWriter out;
  put_plan(out, plan);
  out.text(encode_route_columns(pool));
  return out.take();
}

void decode_baseline(const std::string& bytes, network::Plan* plan,
                     std::vector<engine::RouteColumn>* pool) {
  WireReader in(bytes);
  *plan = get_plan(in);
  *pool = decode_route_columns(in.text());
  in.expect_end();
}

// [[demand, share, [[lane, minute], ...]], ...]
std::string encode_route_columns(const std::vector<engine::RouteColumn>& columns) {
  nlohmann::json all = nlohmann::json::array();
  for (const engine::RouteColumn& c : columns) {
    nlohmann::json legs = nlohmann::json::array();
    for (const network::RouteLeg& leg : c.legs) legs.push_back({leg.lane, leg.departure_minute});
    all.push_back({c.demand, c.share, std::move(legs)});
  }
  return all.dump();
}

std::vector<engine::RouteColumn> decode_route_columns(const std::string& json_text) {
  const nlohmann::json all = nlohmann::json::parse(json_text);
  std::vector<engine::RouteColumn> columns;
  columns.reserve(all.size());
  for (const nlohmann::json& c : all) {
    engine::RouteColumn column;
    column.demand = c.at(0).get<std::string>();
    column.share = c.at(1).get<double>();
    for (const nlohmann::json& leg : c.at(2))
      column.legs.push_back({leg.at(0).get<std::string>(), leg.at(1).get<int>()});
    columns.push_back(std::move(column));
  }
  return columns;
}

std::string encode_task(const EvaluationTask& task) {
  WireWriter out;
  out.number(static_cast<std::uint8_t>(task.kind))
      .number<std::uint64_t>(task.scenario)
      .text(task.name)
      .text(task.instance_json)
      .text(encode_route_columns(task.routes));
  return out.take();
}

EvaluationTask decode_task(const std::string& bytes) {
  WireReader in(bytes);
  EvaluationTask task;
  const auto kind = in.number<std::uint8_t>();
  if (kind < 1 || kind > 3) throw WireError("unknown evaluation task " + std::to_string(kind));
  task.kind = static_cast<EvaluationTaskKind>(kind);
  task.scenario = static_cast<std::size_t>(in.number<std::uint64_t>());
  task.name = in.text();
  task.instance_json = in.text();
  task.routes = decode_route_columns(in.text());
  in.expect_end();
  return task;
}

std::string encode_outcome(const scenarios::ScenarioOutcome& s) {
  WireWriter out;
  out.text(s.name).number<std::uint8_t>(s.solved ? 1 : 0).text(s.error);
  if (!s.solved) return out.take();
  put_plan(out, s.plan);
  std::vector<double> trace;
  for (const auto& [seconds, objective] : s.incumbent_trace) {
    trace.push_back(seconds);
    trace.push_back(objective);
  }
  out.number(s.seconds)
      .number<std::uint8_t>(s.warm ? 1 : 0)
      .number<std::uint64_t>(s.warm_columns_mapped)
      .number<std::uint64_t>(s.warm_columns_refused)
      .number(s.warm_start_objective)
      .numbers(trace)
      .texts(s.incumbent_phases)
      .number<std::uint64_t>(s.violations)
      .text(s.first_violation);
  return out.take();
}

scenarios::ScenarioOutcome decode_outcome(const std::string& bytes) {
  WireReader in(bytes);
  scenarios::ScenarioOutcome s;
  s.name = in.text();
  s.solved = in.number<std::uint8_t>() != 0;
  s.error = in.text();
  if (!s.solved) {
    in.expect_end();
    return s;
  }
  s.plan = get_plan(in);
  s.seconds = in.number<double>();
  s.warm = in.number<std::uint8_t>() != 0;
  s.warm_columns_mapped = static_cast<std::size_t>(in.number<std::uint64_t>());
  s.warm_columns_refused = static_cast<std::size_t>(in.number<std::uint64_t>());
  s.warm_start_objective = in.number<double>();
  const std::vector<double> trace = in.numbers<double>();
  for (std::size_t i = 0; i + 1 < trace.size(); i += 2)
    s.incumbent_trace.emplace_back(trace[i], trace[i + 1]);
  s.incumbent_phases = in.texts();
  s.violations = static_cast<std::size_t>(in.number<std::uint64_t>());
  s.first_violation = in.text();
  in.expect_end();
  return s;
}

std::string encode_replan(const scenarios::Replan& r) {
  WireWriter out;
  put_plan(out, r.plan);
  out.number(r.seconds).number<std::uint64_t>(r.violations);
  return out.take();
}

scenarios::Replan decode_replan(const std::string& bytes) {
  WireReader in(bytes);
  scenarios::Replan r;
  r.plan = get_plan(in);
  r.seconds = in.number<double>();
  r.violations = static_cast<std::size_t>(in.number<std::uint64_t>());
  in.expect_end();
  return r;
}

}  // namespace mm::cluster
