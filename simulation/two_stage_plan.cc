#include "simulation/two_stage_plan.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "engine/design_problem.h"
#include "engine/vehicle_balance.h"
#include "network/errors.h"
#include "network/plan_verifier.h"
#include "network/time_expanded_network.h"
#include "simulation/quantile_plan.h"
#include "simulation/simulation_run.h"
#include "simulation/simulator.h"

namespace mm::simulation {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kPhaseProgressInterval = 0.5;  // seconds between progress reports within a phase

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The settings every simulation of the search shares: the demand model and the recourse.
SimulationOptions recourse_settings(const TwoStageOptions& o) {
  SimulationOptions so;
  so.demand_cv = o.demand_cv;
  so.correlation = o.correlation;
  so.spot_factor = o.spot_factor;
  so.late_penalty_per_package = o.late_penalty_per_package;
  so.threads = o.threads;
  return so;
}

void check_options(const TwoStageOptions& o) {
  if (!o.scenarios && o.samples == 0) throw std::invalid_argument("samples must be >= 1");
  if (o.scenarios && o.scenarios->empty())
    throw std::invalid_argument("the scenario file has no day");
  check_simulation_options(recourse_settings(o));  // demand cv, correlation, spot, threads
  if (!(o.time_limit_seconds >= 0.0)) throw std::invalid_argument("time limit must be >= 0");
}

// A departure of the start plan, whose vehicles the search changes.
struct BaseDeparture {
  std::string lane;
  int minute = 0;
};

// One first stage (vehicles per base departure) judged on the in-sample days.
struct Evaluation {
  std::vector<int> vehicles;  // per base departure
  network::Plan plan;
  double expected_cost = engine::kInfinity;
  // Per base departure (0 where the plan runs none):
  std::vector<double> trip_cost;
  std::vector<double> spot_share;        // days with a spot vehicle
  std::vector<double> last_used_share;   // days whose loads use every planned vehicle
  std::vector<std::uint8_t> can_add;     // below the lane's vehicle limit
  std::vector<std::uint8_t> can_remove;  // the forecast's load fits one vehicle fewer
};

struct Move {
  std::size_t departure = 0;  // base departure
  int delta = 0;              // +1 or −1
  double gain = 0.0;          // estimated, per day
  bool operator<(const Move& o) const {
    return std::make_pair(departure, delta) < std::make_pair(o.departure, o.delta);
  }
};

class Search {
 public:
  Search(const network::Instance& instance, const network::Plan& start,
         const TwoStageOptions& options, const TwoStageProgressCallback& progress)
      : instance_(instance),
        ten_(instance),
        start_(start),
        options_(options),
        progress_(progress),
        started_(Clock::now()),
        last_report_(started_) {
    for (const network::PlannedDeparture& d : start.departures) {
      index_[{d.lane, d.departure_minute}] = base_.size();
      base_.push_back({d.lane, d.departure_minute});
    }
  }

  // The start's evaluation; nullopt when stopped before it finished.
  std::optional<Evaluation> evaluate_start() {
    std::vector<int> vehicles;
    for (const network::PlannedDeparture& d : start_.departures) vehicles.push_back(d.vehicles);
    return evaluate(vehicles);
  }

  // Step 2 from `best`: moves until none is left, the time box or a stop.
  Evaluation run(Evaluation best, double start_cost, TwoStageResult& result) {
    std::set<Move> set_aside;
    std::size_t promising = 0;
    std::vector<Move> moves = candidate_moves(best, set_aside, promising);
    std::size_t batch = promising;
    while (!moves.empty() && !stopped() && seconds_since(started_) < options_.time_limit_seconds) {
      batch = std::max<std::size_t>(1, std::min(batch, moves.size()));
      std::vector<int> vehicles = best.vehicles;
      for (std::size_t m = 0; m < batch; ++m) vehicles[moves[m].departure] += moves[m].delta;
      std::optional<Evaluation> tried = evaluate(vehicles);
      ++result.evaluations;
      if (!tried) break;  // stopped during the days: the incumbent stands
      report(result.evaluations, start_cost, std::min(best.expected_cost, tried->expected_cost));
      const double margin = 1e-9 * std::max(1.0, std::abs(best.expected_cost));
      if (tried->expected_cost < best.expected_cost - margin) {
        best = std::move(*tried);
        ++result.accepted;
        set_aside.clear();
        moves = candidate_moves(best, set_aside, promising);
        batch = std::max(2 * batch, promising);  // a success lets the batches grow again
      } else if (batch > 1) {
        batch /= 2;
      } else {
        // This move alone does not pay: the next one is tried alone, down the estimates.
        set_aside.insert(moves.front());
        moves.erase(moves.begin());
      }
    }
    result.interrupted = stopped();
    return best;
  }

  // After each evaluation (never concurrently with the reports within one).
  void report(std::size_t evaluations, double start_cost, double best_cost) {
    const std::lock_guard<std::mutex> lock(progress_mutex_);
    last_progress_.phase = "search";
    last_progress_.evaluations = evaluations;
    last_progress_.start_expected_cost = start_cost;
    last_progress_.best_expected_cost = best_cost;
    last_progress_.elapsed_seconds = seconds_since(started_);
    last_report_ = Clock::now();
    if (progress_) progress_(last_progress_);
  }

  std::size_t days() const {
    return options_.scenarios ? options_.scenarios->size() : options_.samples;
  }

 private:
  bool stopped() const { return options_.stop && options_.stop->load(); }

  // The start's routes with these vehicles, re-assembled (costs, fills), balanced (cyclic
  // vehicle types); nullopt when a cyclic fleet cannot run it. The referee's check is
  // SimulationRun's (evaluate).
  std::optional<network::Plan> plan_with(const std::vector<int>& vehicles) const {
    network::Plan plan = start_;
    plan.departures.clear();
    for (std::size_t i = 0; i < base_.size(); ++i) {
      if (vehicles[i] <= 0) continue;
      network::PlannedDeparture d = start_.departures[i];
      d.vehicles = vehicles[i];
      plan.departures.push_back(std::move(d));
    }
    network::Plan assembled = plan_for_original(instance_, ten_, instance_, plan);
    if (!engine::balance_plan(instance_, assembled)) return std::nullopt;
    assembled.kpis.sections = start_.kpis.sections;
    return assembled;
  }

  std::optional<Evaluation> evaluate(const std::vector<int>& vehicles) {
    Evaluation e;
    e.vehicles = vehicles;
    std::optional<network::Plan> plan = plan_with(vehicles);
    if (!plan) return e;  // refused: infinitely expensive
    e.plan = std::move(*plan);
    SimulationOptions so = recourse_settings(options_);
    so.samples = options_.samples;
    so.seed = options_.seed;
    so.scenarios = options_.scenarios;
    so.scenarios_file = options_.scenarios_file;
    so.plan_name = "two-stage candidate";
    // SimulationRun referees the plan (a fleet, a lane's vehicle limit): a refusal is a
    // candidate that is not better, not an error.
    std::optional<SimulationRun> checked;
    try {
      checked.emplace(instance_, e.plan, so);
    } catch (const network::InputError&) {
      return e;
    }
    const SimulationRun& run = *checked;
    // Progress within an evaluation too (many days can take longer than a report's interval).
    std::atomic<std::size_t> done{0};
    const std::vector<DayRecord> records =
        run.simulate_days(0, run.total(), options_.threads, options_.stop, [&] {
          const std::size_t now = ++done;
          std::unique_lock<std::mutex> lock(progress_mutex_, std::try_to_lock);
          if (!lock.owns_lock() || !progress_ ||
              seconds_since(last_report_) < kPhaseProgressInterval)
            return;
          last_report_ = Clock::now();
          TwoStageProgress p = last_progress_;
          p.days_done = now;
          p.days_total = run.total();
          p.elapsed_seconds = seconds_since(started_);
          progress_(p);
        });
    double total = 0.0;
    for (const DayRecord& day : records) {
      if (!day.done) return std::nullopt;
      total += day.record.cost.total();
    }
    const double n = static_cast<double>(records.size());
    e.expected_cost = total / n;
    const std::size_t m = base_.size();
    e.trip_cost.assign(m, 0.0);
    e.spot_share.assign(m, 0.0);
    e.last_used_share.assign(m, 0.0);
    e.can_add.assign(m, 0);
    e.can_remove.assign(m, 0);
    const auto& scheduled = run.schedule().departures();
    for (std::size_t i = 0; i < scheduled.size(); ++i) {
      const ScheduledDeparture& d = scheduled[i];
      const network::PlannedDeparture& p = e.plan.departures[d.plan_index];
      const auto found = index_.find({p.lane, p.departure_minute});
      if (found == index_.end()) continue;
      const std::size_t b = found->second;
      double spot = 0.0, used = 0.0;
      for (const DayRecord& day : records) {
        spot += day.spot_vehicles[i] > 0 ? 1.0 : 0.0;
        used += day.vehicles_used[i] >= d.vehicles ? 1.0 : 0.0;
      }
      e.trip_cost[b] = d.cost_per_trip;
      e.spot_share[b] = spot / n;
      e.last_used_share[b] = used / n;
      e.can_add[b] = !d.max_vehicles || d.vehicles < *d.max_vehicles;
      // The forecast's load on one vehicle fewer (the referee has the last word).
      const double fewer = d.vehicles - 1;
      e.can_remove[b] = d.vehicles > 1 &&
                        p.load.cube_m3 <= fewer * d.capacity.cube_m3 * (1.0 + 1e-9) &&
                        p.load.weight_kg <= fewer * d.capacity.weight_kg * (1.0 + 1e-9);
    }
    return e;
  }

  // Every move worth an exact look, best estimate first (ties: base order, then additions):
  // one vehicle more where spot vehicles were hired on some day, one fewer where the forecast
  // still fits. `promising` counts those with a positive estimate, tried together first.
  std::vector<Move> candidate_moves(const Evaluation& e, const std::set<Move>& set_aside,
                                    std::size_t& promising) const {
    std::vector<Move> moves;
    promising = 0;
    if (e.trip_cost.size() != base_.size()) return moves;  // a refused plan: nothing to estimate
    const double f = options_.spot_factor;
    for (std::size_t b = 0; b < base_.size(); ++b) {
      const double c = e.trip_cost[b];
      if (c <= 0.0) continue;
      const Move add{b, +1, c * (f * e.spot_share[b] - 1.0)};
      const Move remove{b, -1, c * (1.0 - f * e.last_used_share[b])};
      if (e.can_add[b] && e.spot_share[b] > 0.0 && !set_aside.count(add)) moves.push_back(add);
      if (e.can_remove[b] && !set_aside.count(remove)) moves.push_back(remove);
    }
    std::stable_sort(moves.begin(), moves.end(),
                     [](const Move& a, const Move& b) { return a.gain > b.gain; });
    promising = static_cast<std::size_t>(
        std::count_if(moves.begin(), moves.end(), [](const Move& m) { return m.gain > 0.0; }));
    return moves;
  }

  const network::Instance& instance_;
  const network::TimeExpandedNetwork ten_;
  const network::Plan& start_;
  const TwoStageOptions& options_;
  const TwoStageProgressCallback& progress_;
  std::vector<BaseDeparture> base_;
  std::map<std::pair<std::string, int>, std::size_t> index_;
  const Clock::time_point started_;  // the search's time box counts from here
  std::mutex progress_mutex_;
  Clock::time_point last_report_;
  TwoStageProgress last_progress_;
};

std::uint64_t out_of_sample_seed(const TwoStageOptions& o) {
  if (o.out_of_sample_seed != 0) return o.out_of_sample_seed;
  const std::uint64_t seed = o.seed ^ 0x9E3779B97F4A7C15ULL;
  return seed == o.seed || seed == 0 ? o.seed + 1 : seed;
}

nlohmann::ordered_json section_of(const TwoStageResult& r, const TwoStageOptions& o) {
  nlohmann::ordered_json s{{"in_sample_days", r.in_sample_days},
                           {"demand", o.scenarios ? "scenarios" : "sampled"},
                           {"seed", o.seed},
                           {"demand_cv", o.demand_cv},
                           {"correlation", o.correlation},
                           {"spot_factor", o.spot_factor},
                           {"start_expected_cost", r.start_expected_cost},
                           {"expected_cost", r.expected_cost},
                           {"vehicles_added", r.vehicles_added},
                           {"vehicles_removed", r.vehicles_removed},
                           {"evaluations", r.evaluations},
                           {"accepted", r.accepted},
                           {"search_seconds", r.search_seconds},
                           {"interrupted", r.interrupted}};
  if (o.scenarios) s["scenarios_file"] = o.scenarios_file;
  if (r.out_of_sample) {
    const network::SimulationResults& x = *r.out_of_sample;
    s["out_of_sample"] = {{"days", x.samples.size()},
                          {"seed", x.settings.seed},
                          {"expected_cost", x.summary.cost.mean},
                          {"on_time_share_mean", x.summary.on_time_share.mean},
                          {"on_time_share_p5", x.summary.on_time_share.p5},
                          {"on_time_share_p50", x.summary.on_time_share.p50},
                          {"spot_vehicles_mean", x.summary.spot_vehicles.mean},
                          {"late_packages_mean", x.summary.late_packages.mean},
                          {"unserved_packages_mean", x.summary.unserved_packages.mean}};
  } else {
    s["out_of_sample"] = nullptr;
  }
  return s;
}

}  // namespace

TwoStageResult improve_for_days(const network::Instance& instance, const network::Plan& start,
                                const TwoStageOptions& options,
                                const TwoStageProgressCallback& progress) {
  check_options(options);
  const auto violations = network::verify_plan(instance, start);
  if (!violations.empty())
    throw network::InputError("the start of the two-stage plan fails the referee: " +
                              violations.front().where + ": " + violations.front().message);
  const Clock::time_point started = Clock::now();
  TwoStageResult result;
  result.plan = start;
  Search search(instance, start, options, progress);
  result.in_sample_days = search.days();
  std::optional<Evaluation> first = search.evaluate_start();
  result.evaluations = 1;
  if (first && !std::isfinite(first->expected_cost)) {
    // The start re-assembled fails the referee (it passed as given): keep it as it is.
    first.reset();
  }
  if (first) {
    result.start_expected_cost = first->expected_cost;
    search.report(1, first->expected_cost, first->expected_cost);
    const double start_cost = first->expected_cost;
    Evaluation best = search.run(std::move(*first), start_cost, result);
    result.expected_cost = best.expected_cost;
    result.plan = std::move(best.plan);
    for (std::size_t i = 0; i < best.vehicles.size(); ++i) {
      const int delta = best.vehicles[i] - start.departures[i].vehicles;
      (delta > 0 ? result.vehicles_added : result.vehicles_removed) += std::abs(delta);
    }
  } else {
    result.interrupted = options.stop && options.stop->load();  // else the start stands as given
  }
  result.search_seconds = seconds_since(started);

  if (options.out_of_sample > 0 && !(options.stop && options.stop->load())) {
    SimulationOptions so = recourse_settings(options);
    so.samples = options.out_of_sample;
    so.seed = out_of_sample_seed(options);
    so.plan_name = "two-stage plan";
    so.stop = options.stop;
    const Clock::time_point checked = Clock::now();
    result.out_of_sample =
        simulate_plan(instance, result.plan, so, [&](const SimulationProgress& p) {
          if (!progress) return;
          TwoStageProgress t;
          t.phase = "out of sample";
          t.evaluations = result.evaluations;
          t.start_expected_cost = result.start_expected_cost;
          t.best_expected_cost = result.expected_cost;
          t.days_done = p.done;
          t.days_total = p.total;
          t.elapsed_seconds = seconds_since(checked);
          progress(t);
        });
    if (result.out_of_sample->interrupted) result.interrupted = true;
  }
  result.plan.kpis.sections["two_stage"] = section_of(result, options).dump();
  return result;
}

}  // namespace mm::simulation
