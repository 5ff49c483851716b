// What `middlemile simulate` found about a plan under uncertain demand (docs/SIMULATION.md):
// the settings, the distribution of each outcome over the samples, one record per sample, and
// the departures and facilities that overflow. Plain data, so that `report` (which may use only
// network/ and loading/) can show a simulation without depending on the simulation module;
// network/simulation_json.h reads and writes it as middlemile-simulation/1.
//
// Units: packages, the instance's currency, shares in [0, 1].
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mm::network {

// Mean and quantiles of one outcome over the samples (quantiles linearly interpolated between
// order statistics, the common "type 7" definition).
struct Distribution {
  double mean = 0.0;
  double min = 0.0;
  double p5 = 0.0;
  double p50 = 0.0;
  double p95 = 0.0;
  double max = 0.0;
};

// The cost of one day under the plan: the planned vehicles are paid whatever happens; the rest
// depends on the day's packages and the recourse.
struct SimulatedCost {
  double planned_vehicles = 0.0;  // the plan's departures × vehicles × lane cost per trip
  double spot_vehicles = 0.0;     // extra vehicles × spot factor × lane cost per trip
  double packages = 0.0;          // lane cost per package carried
  double handling = 0.0;          // handling cost per package at every facility left
  double late = 0.0;              // late packages × late penalty
  double unserved = 0.0;          // unserved packages × the instance's unserved penalty
  double total() const {
    return planned_vehicles + spot_vehicles + packages + handling + late + unserved;
  }
};

struct SampleRecord {
  std::size_t index = 0;  // sample number, 0-based (the scenario's position with --scenarios)
  std::string scenario;   // the scenario's name with --scenarios, else empty
  double packages = 0.0;  // all packages of the day
  double on_time = 0.0;
  double late = 0.0;
  double unserved = 0.0;          // all unserved packages, the plan's own share included
  double unserved_by_plan = 0.0;  // of them: the share the plan itself leaves unserved
  int spot_vehicles = 0;
  SimulatedCost cost;
  double on_time_share() const { return packages > 0.0 ? on_time / packages : 1.0; }
};

struct SimulationSettings {
  std::string demand;  // "sampled" or "scenarios"
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  double demand_cv = 0.0;
  double correlation = 0.0;
  std::string scenarios_file;  // with --scenarios
  bool spot = true;
  double spot_factor = 1.5;
  double late_penalty_per_package = 0.0;
  double unserved_penalty_per_package = 0.0;
};

struct SimulationSummary {
  Distribution packages;
  Distribution on_time_share;
  Distribution cost;
  Distribution spot_vehicles;
  Distribution late_packages;
  Distribution unserved_packages;
  SimulatedCost mean_cost;  // each part's mean
};

// A departure of the plan: how often the day's packages, routed as the plan routes them, do not
// fit its vehicles (overflow), and how often the recourse adds spot vehicles to it.
struct DepartureRisk {
  std::string lane;
  int departure_minute = 0;
  int vehicles = 0;
  double overflow_probability = 0.0;
  double spot_probability = 0.0;
  double mean_spot_vehicles = 0.0;
};

// A facility with a sort capacity: how often the day's packages, routed as the plan routes them,
// exceed it in some clock hour, and the peak hour's use (packages / capacity).
struct FacilityRisk {
  std::string facility;
  double sort_capacity_per_hour = 0.0;
  double exceed_probability = 0.0;
  double mean_peak_utilization = 0.0;
  double p95_peak_utilization = 0.0;
};

struct SimulationResults {
  std::string instance;  // the instance's name
  std::string plan;      // the plan file as given on the command line
  double plan_objective = 0.0;
  SimulationSettings settings;
  SimulationSummary summary;
  std::vector<SampleRecord> samples;      // every sample simulated, by index
  std::vector<DepartureRisk> departures;  // every departure of the plan, riskiest first
  std::vector<FacilityRisk> facilities;   // every facility with a sort capacity, riskiest first
  double seconds = 0.0;
  int threads = 0;
  bool interrupted = false;  // stopped early: `samples` holds those that finished
};

}  // namespace mm::network
