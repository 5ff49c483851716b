#include "cluster/simulation_wire.h"

#include <cstdint>

#include "cluster/wire.h"

namespace mm::cluster {

std::string encode_simulation_job(const SimulationJob& job) {
  const simulation::SimulationOptions& o = job.options;
  WireWriter out;
  out.number<std::uint64_t>(o.samples)
      .number<std::uint64_t>(o.seed)
      .number(o.demand_cv)
      .number(o.correlation)
      .text(o.scenarios_file)
      .number<std::uint8_t>(o.spot ? 1 : 0)
      .number(o.spot_factor)
      .number<std::uint8_t>(o.late_penalty_per_package ? 1 : 0)
      .number(o.late_penalty_per_package.value_or(0.0))
      .text(o.plan_name)
      .number<std::uint8_t>(job.explicit_days ? 1 : 0)
      .number<std::uint64_t>(job.days.size());
  for (const simulation::DemandScenario& day : job.days) out.text(day.name).numbers(day.packages);
  out.text(job.instance_json).text(job.plan_json);
  return out.take();
}

SimulationJob decode_simulation_job(const std::string& bytes) {
  WireReader in(bytes);
  SimulationJob job;
  simulation::SimulationOptions& o = job.options;
  o.samples = static_cast<std::size_t>(in.number<std::uint64_t>());
  o.seed = in.number<std::uint64_t>();
  o.demand_cv = in.number<double>();
  o.correlation = in.number<double>();
  o.scenarios_file = in.text();
  o.spot = in.number<std::uint8_t>() != 0;
  o.spot_factor = in.number<double>();
  const bool late = in.number<std::uint8_t>() != 0;
  const double penalty = in.number<double>();
  if (late) o.late_penalty_per_package = penalty;
  o.plan_name = in.text();
  job.explicit_days = in.number<std::uint8_t>() != 0;
  const auto days = in.number<std::uint64_t>();
  for (std::uint64_t i = 0; i < days; ++i) {
    simulation::DemandScenario day;
    day.name = in.text();
    day.packages = in.numbers<double>();
    job.days.push_back(std::move(day));
  }
  job.instance_json = in.text();
  job.plan_json = in.text();
  in.expect_end();
  return job;
}

std::string encode_block(const DayBlock& block) {
  WireWriter out;
  out.number<std::uint64_t>(block.begin).number<std::uint64_t>(block.end);
  return out.take();
}

DayBlock decode_block(const std::string& bytes) {
  WireReader in(bytes);
  DayBlock block;
  block.begin = static_cast<std::size_t>(in.number<std::uint64_t>());
  block.end = static_cast<std::size_t>(in.number<std::uint64_t>());
  in.expect_end();
  return block;
}

std::string encode_days(const std::vector<simulation::DayRecord>& days) {
  WireWriter out;
  out.number<std::uint64_t>(days.size());
  for (const simulation::DayRecord& day : days) {
    const network::SampleRecord& r = day.record;
    const network::SimulatedCost& c = r.cost;
    out.number<std::uint8_t>(day.done ? 1 : 0)
        .number<std::uint64_t>(r.index)
        .text(r.scenario)
        .number(r.packages)
        .number(r.on_time)
        .number(r.late)
        .number(r.unserved)
        .number(r.unserved_by_plan)
        .number<std::int32_t>(r.spot_vehicles)
        .number(c.planned_vehicles)
        .number(c.spot_vehicles)
        .number(c.packages)
        .number(c.handling)
        .number(c.late)
        .number(c.unserved)
        .numbers(day.spot_vehicles)
        .numbers(day.overflow)
        .numbers(day.peak_utilization);
  }
  return out.take();
}

std::vector<simulation::DayRecord> decode_days(const std::string& bytes) {
  WireReader in(bytes);
  const auto n = in.number<std::uint64_t>();
  std::vector<simulation::DayRecord> days;
  for (std::uint64_t i = 0; i < n; ++i) {
    simulation::DayRecord day;
    network::SampleRecord& r = day.record;
    network::SimulatedCost& c = r.cost;
    day.done = in.number<std::uint8_t>() != 0;
    r.index = static_cast<std::size_t>(in.number<std::uint64_t>());
    r.scenario = in.text();
    r.packages = in.number<double>();
    r.on_time = in.number<double>();
    r.late = in.number<double>();
    r.unserved = in.number<double>();
    r.unserved_by_plan = in.number<double>();
    r.spot_vehicles = in.number<std::int32_t>();
    c.planned_vehicles = in.number<double>();
    c.spot_vehicles = in.number<double>();
    c.packages = in.number<double>();
    c.handling = in.number<double>();
    c.late = in.number<double>();
    c.unserved = in.number<double>();
    day.spot_vehicles = in.numbers<int>();
    day.overflow = in.numbers<std::uint8_t>();
    day.peak_utilization = in.numbers<double>();
    days.push_back(std::move(day));
  }
  in.expect_end();
  return days;
}

}  // namespace mm::cluster
