// What rank 0 and the other ranks send each other for `simulate --mpi`: the job (the
// simulation's settings, the instance and the plan as their JSON formats, the days of a scenario
// file), a block of days to simulate, and the block's day records (cluster/wire.h: numbers bit
// for bit, so the results formed at rank 0 are those of one process).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "simulation/demand_scenarios.h"
#include "simulation/simulation_run.h"
#include "simulation/simulator.h"

namespace mm::cluster {

struct SimulationJob {
  simulation::SimulationOptions options;         // without threads, stop and the scenarios pointer
  std::vector<simulation::DemandScenario> days;  // with a scenario file
  bool explicit_days = false;
  std::string instance_json;
  std::string plan_json;
};
std::string encode_simulation_job(const SimulationJob& job);
SimulationJob decode_simulation_job(const std::string& bytes);

struct DayBlock {
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::string encode_block(const DayBlock& block);
DayBlock decode_block(const std::string& bytes);

std::string encode_days(const std::vector<simulation::DayRecord>& days);
std::vector<simulation::DayRecord> decode_days(const std::string& bytes);

}  // namespace mm::cluster
