// Recourse routing of a fixed schedule for one day's packages (docs/SIMULATION.md, "Recourse").
//
// The plan's departures and vehicles stay as they are. The day is routed in two phases:
//  1. The plan's own load plan, scaled: every demand's packages, up to its forecast, follow the
//     plan's routes in the plan's proportions, and the share the plan leaves unserved stays
//     unserved. This always fits (loads and sort use only shrink), and a day equal to the
//     forecast reproduces the plan's routing and cost exactly.
//  2. What exceeds the forecast is routed by the recourse a planner has, over the schedule only
//     (simulation/recourse_network.h): room left on planned departures, later departures, spot
//     vehicles on a planned departure at spot factor × the lane's trip cost (up to max vehicles
//     per departure; hired, so outside any fleet), late delivery at the late penalty per
//     package, or unserved at the instance's penalty; sort capacity per clock hour is respected.
//     Demands are routed one after another, most constrained first (least slack: groups of
//     one destination and due minute by their slack, within a group the latest ready first),
//     each as a minimum-cost flow with LEMON's network simplex on the part of the network its
//     destination can use, with the capacities the earlier ones left. One demand has one cube
//     and one weight per package, so every capacity in packages is exact.
//  A spot vehicle is a fixed cost, a flow knows costs per package: phase 2 is run up to
//  `spot_pricing_rounds` times, first with a spot vehicle's trip cost spread over a full vehicle
//  of the demand's packages, then with each departure's spot vehicles priced at what they cost
//  per package they carried (slope scaling), and the cheapest day is kept.
//
// What is exact and what is not: phase 1 is the plan itself; each demand's flow is optimal for
// it given what earlier demands took and the round's spot prices; loads, whole spot vehicles
// (from the loads in cube and weight), sort use and every cost are counted exactly. The
// sequence is greedy (a multicommodity optimum could share room and sort capacity
// differently), and slope scaling prices the fixed cost heuristically. bench/recourse_reference
// measures the result against the exact model of the same recourse (CBC): BENCHMARKS.md.
//
// Units: packages (the flow counts thousandths), the instance's currency.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "network/instance.h"
#include "network/plan.h"
#include "network/simulation_results.h"
#include "simulation/recourse_network.h"
#include "simulation/schedule.h"

namespace mm::simulation {

struct RecourseOptions {
  bool spot = true;
  double spot_factor = 1.5;  // × the lane's cost per trip, for each spot vehicle
  double late_penalty_per_package = 0.0;
  double unserved_penalty_per_package = 0.0;
  // Phase 2 is routed up to this many times (slope scaling, above: Kim & Pardalos, "A solution
  // approach to the fixed charge network flow problem using a dynamic slope scaling
  // procedure", Operations Research Letters 24, 1999); it stops early when the spot vehicles
  // repeat.
  int spot_pricing_rounds = 4;
};

// The late penalty when none is given: half the unserved penalty (late beats never).
double default_late_penalty(const network::Instance& instance);

struct DayOutcome {
  network::SampleRecord record;  // index and scenario left for the caller
  // Per scheduled departure (Schedule::departures()):
  std::vector<int> spot_vehicles;
  std::vector<network::Load> loads;    // after the recourse
  std::vector<std::uint8_t> overflow;  // the day on the plan's routes would not fit
  // Whole vehicles the loads after the recourse need (at most planned + spot): how often a
  // departure's last planned vehicle is used (simulation/two_stage_plan.h).
  std::vector<int> vehicles_used;
  // Per sort slot (Schedule::slots()): packages leaving after the recourse.
  std::vector<double> slot_packages;
  // Per facility with a sort capacity (Schedule::capacitated_facilities()): the day on the
  // plan's routes, the busiest hour's packages / capacity.
  std::vector<double> peak_utilization;
};

// A thread's work arrays and flow solver (defined in recourse.cc).
class RecourseWorkspace;
struct RecourseWorkspaceDeleter {
  void operator()(RecourseWorkspace* workspace) const;
};
using RecourseWorkspacePtr = std::unique_ptr<RecourseWorkspace, RecourseWorkspaceDeleter>;

class RecourseEvaluator {
 public:
  // All three must outlive the evaluator.
  RecourseEvaluator(const Schedule& schedule, const RecourseNetwork& network,
                    RecourseOptions options);
  ~RecourseEvaluator();

  // One per thread; reused from day to day (results never depend on its history).
  RecourseWorkspacePtr make_workspace() const;

  // `packages` per demand of the instance.
  DayOutcome evaluate(const std::vector<double>& packages, RecourseWorkspace& workspace) const;

 private:
  const Schedule& schedule_;
  const RecourseNetwork& network_;
  RecourseOptions options_;
};

}  // namespace mm::simulation
