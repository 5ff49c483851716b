// Loading a plan (DESIGN.md, "Loading"; docs/LOADING.md): per departure, containerize the
// packages, pack the containers into the departure's vehicles, write a manifest per vehicle, and
// correct the plan where packing needs more vehicles than its capacity rows gave.
//
// Per departure (lane, departure_minute):
// 1. Container groups. A container holds packages that leave the vehicle at the departure's
//    destination (`to`) and then continue on the same next lane of their route — or end there.
//    Its "next stop" is that next lane's destination (or `to` itself), so the sort center at
//    `to` can cross-dock the container to one outbound door without opening it.
// 2. Containerization (containerize.h): whole packages for space, true shares in the manifest.
// 3. Packing (bin_packing.h): containers into vehicles by cube, weight (contents + tare) and
//    floor positions; first-fit decreasing, and the exact CBC model when FFD is above the lower
//    bound and the departure has at most `exact_max_containers` containers.
// 4. Correction. When packing needs more vehicles than the plan has, the departure gets them:
//    vehicles, fill, cost.vehicles, objective, gap, kpis (trips, fill by mode) are updated, an
//    `optimal` status becomes `feasible` (the objective is no longer the model's optimum), and
//    the corrected plan is re-checked by network::check_plan. Adding vehicles can break
//    max_vehicles_per_departure or the fleet limit: those show up as verification violations
//    (the result reports them; the plan is corrected anyway, so the load is never left behind).
//    When packing needs fewer vehicles than the plan has, the plan is kept and the spare vehicles
//    are listed with no containers.
//
// Every departure's fill in the plan (and the kpis fill by mode) is recomputed against
// `instance`, so a plan solved with a packing-efficiency factor (the planner's
// `packing_efficiency`, which plans against a share of each vehicle's capacity) is reported
// against the real vehicles.
//
// Units: m³, kg, packages, minutes, the instance's currency.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "loading/bin_packing.h"
#include "loading/loading_config.h"
#include "network/instance.h"
#include "network/plan.h"
#include "network/plan_verifier.h"

namespace mm::loading {

struct ManifestLine {
  std::string demand;
  double packages = 0.0;
  double cube_m3 = 0.0;
  double weight_kg = 0.0;
};

struct LoadedContainer {
  std::string type;
  std::string next_stop;                 // facility id
  std::optional<std::string> next_lane;  // lane id; none when the packages end at `to`
  double cube_m3 = 0.0;                  // the container's cube (taken in the vehicle)
  double tare_kg = 0.0;
  int positions = 1;
  network::Load contents;
  std::vector<ManifestLine> demands;
};

struct LoadedVehicle {
  int vehicle = 0;  // 1-based within the departure
  std::vector<LoadedContainer> containers;
  network::Load load;              // contents: what the plan's load counts
  double fill_cube = 0.0;          // load cube / vehicle cube
  double fill_weight = 0.0;        // load weight / vehicle weight
  double container_cube_m3 = 0.0;  // cube the containers take
  double gross_weight_kg = 0.0;    // load weight + tare
  int positions_used = 0;
};

struct DepartureLoading {
  std::string lane, from, to, vehicle_type;
  network::Mode mode = network::Mode::truck;
  int departure_minute = 0;
  int vehicles_planned = 0;  // in the plan before correction
  network::Capacity capacity;
  int positions = 0;  // per vehicle
  network::Load load;
  Packing packing;  // packing.bins vehicles carry containers; vehicles.size() ≥ that
  std::vector<LoadedVehicle> vehicles;  // as many as the corrected plan's vehicles
};

struct DepartureCorrection {
  std::string lane;
  int departure_minute = 0;
  int vehicles_before = 0;
  int vehicles_after = 0;
  double cost_added = 0.0;  // (after − before) × lane cost per trip
};

// Totals and ratios. Fill ratios are over all loaded departures of a mode.
struct LoadingKpis {
  std::size_t departures = 0;
  int vehicles = 0;        // after correction
  int vehicles_empty = 0;  // plan vehicles that packing did not need
  std::size_t containers = 0;
  std::map<std::string, std::size_t> containers_by_type;
  std::map<std::string, double> fill_cube;            // by mode: contents cube / vehicles' cube
  std::map<std::string, double> fill_weight;          // by mode: contents weight / vehicles' kg
  std::map<std::string, double> container_fill_cube;  // by mode: containers' cube / vehicles'
  std::map<std::string, double> position_fill;        // by mode: positions used / offered
  double contents_cube_m3 = 0.0;
  double container_cube_m3 = 0.0;
  double containerization_loss_m3 = 0.0;      // container cube − contents cube
  double containerization_loss_share = 0.0;   // of the container cube
  std::size_t departures_proven_optimal = 0;  // packing meets its lower bound or CBC proved it
  std::size_t departures_exact = 0;           // the CBC model ran
  std::size_t departures_corrected = 0;
  int vehicles_added = 0;
  double cost_added = 0.0;
  double objective_before = 0.0;
  double objective_after = 0.0;
};

struct LoadingResult {
  std::string instance;
  std::vector<DepartureLoading> departures;  // in the plan's departure order
  std::vector<DepartureCorrection> corrections;
  LoadingKpis kpis;
  network::PlanVerification verification;  // of the corrected plan
};

// Loads every departure of `plan` and corrects `plan` in place (see above). Throws
// network::InputError when the plan does not match the instance (unknown lane or demand, a route
// leg whose departure is not in the plan's departures), network::ValidationError when the
// configuration does not match the instance, and network::InputError naming the demand and
// departure when a single package fits no container type of the departure's vehicle.
LoadingResult load_plan(const network::Instance& instance, network::Plan& plan,
                        const LoadingConfig& config);

}  // namespace mm::loading
