#include "simulation/simulation_run.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "network/errors.h"
#include "network/plan_verifier.h"
#include "simulation/demand_model.h"
#include "simulation/recourse.h"
#include "simulation/recourse_network.h"
#include "simulation/schedule.h"
#include "simulation/statistics.h"

namespace mm::simulation {

namespace {

void require_verified(const network::Instance& instance, const network::Plan& plan,
                      const std::string& name) {
  const auto violations = network::verify_plan(instance, plan);
  if (violations.empty()) return;
  throw network::InputError(name + ": the plan fails the referee against instance \"" +
                            instance.name() + "\" (" + std::to_string(violations.size()) +
                            " violation" + (violations.size() == 1 ? "" : "s") +
                            "; first: " + violations.front().where + ": " +
                            violations.front().message + "); `middlemile verify` lists them");
}

network::SimulationSummary summarize(const std::vector<const network::SampleRecord*>& days) {
  std::vector<double> packages, share, cost, spot, late, unserved;
  network::SimulationSummary s;
  for (const network::SampleRecord* r : days) {
    packages.push_back(r->packages);
    share.push_back(r->on_time_share());
    cost.push_back(r->cost.total());
    spot.push_back(r->spot_vehicles);
    late.push_back(r->late);
    unserved.push_back(r->unserved);
  }
  s.packages = distribution_of(packages);
  s.on_time_share = distribution_of(share);
  s.cost = distribution_of(cost);
  s.spot_vehicles = distribution_of(spot);
  s.late_packages = distribution_of(late);
  s.unserved_packages = distribution_of(unserved);
  const double n = days.empty() ? 1.0 : static_cast<double>(days.size());
  network::SimulatedCost& m = s.mean_cost;
  for (const network::SampleRecord* r : days) {
    m.planned_vehicles += r->cost.planned_vehicles / n;
    m.spot_vehicles += r->cost.spot_vehicles / n;
    m.packages += r->cost.packages / n;
    m.handling += r->cost.handling / n;
    m.late += r->cost.late / n;
    m.unserved += r->cost.unserved / n;
  }
  return s;
}

std::vector<network::DepartureRisk> departure_risks(const network::Plan& plan,
                                                    const Schedule& schedule,
                                                    const std::vector<const DayRecord*>& days) {
  const double n = days.empty() ? 1.0 : static_cast<double>(days.size());
  std::vector<network::DepartureRisk> risks;
  for (std::size_t i = 0; i < schedule.departures().size(); ++i) {
    const network::PlannedDeparture& p = plan.departures[schedule.departures()[i].plan_index];
    network::DepartureRisk r;
    r.lane = p.lane;
    r.departure_minute = p.departure_minute;
    r.vehicles = p.vehicles;
    double overflow = 0.0, spot = 0.0, vehicles = 0.0;
    for (const DayRecord* day : days) {
      overflow += day->overflow[i];
      spot += day->spot_vehicles[i] > 0 ? 1.0 : 0.0;
      vehicles += day->spot_vehicles[i];
    }
    r.overflow_probability = overflow / n;
    r.spot_probability = spot / n;
    r.mean_spot_vehicles = vehicles / n;
    risks.push_back(r);
  }
  std::stable_sort(risks.begin(), risks.end(),
                   [](const network::DepartureRisk& a, const network::DepartureRisk& b) {
                     if (a.overflow_probability != b.overflow_probability)
                       return a.overflow_probability > b.overflow_probability;
                     return a.spot_probability > b.spot_probability;
                   });
  return risks;
}

std::vector<network::FacilityRisk> facility_risks(const network::Instance& instance,
                                                  const Schedule& schedule,
                                                  const std::vector<const DayRecord*>& days) {
  const double n = days.empty() ? 1.0 : static_cast<double>(days.size());
  std::vector<network::FacilityRisk> risks;
  const auto& capacitated = schedule.capacitated_facilities();
  for (std::size_t j = 0; j < capacitated.size(); ++j) {
    const network::Facility& f = instance.facilities()[capacitated[j]];
    network::FacilityRisk r;
    r.facility = f.id;
    r.sort_capacity_per_hour = *f.sort_capacity_per_hour;
    std::vector<double> peaks;
    double exceeded = 0.0;
    for (const DayRecord* day : days) {
      peaks.push_back(day->peak_utilization[j]);
      // Beyond capacity by more than floating-point noise.
      exceeded += day->peak_utilization[j] > 1.0 + 1e-9 ? 1.0 : 0.0;
    }
    const network::Distribution peak = distribution_of(peaks);
    r.exceed_probability = exceeded / n;
    r.mean_peak_utilization = peak.mean;
    r.p95_peak_utilization = peak.p95;
    risks.push_back(r);
  }
  std::stable_sort(risks.begin(), risks.end(),
                   [](const network::FacilityRisk& a, const network::FacilityRisk& b) {
                     if (a.exceed_probability != b.exceed_probability)
                       return a.exceed_probability > b.exceed_probability;
                     return a.mean_peak_utilization > b.mean_peak_utilization;
                   });
  return risks;
}

}  // namespace

void check_simulation_options(const SimulationOptions& o) {
  if (!(o.demand_cv >= 0.0) || !std::isfinite(o.demand_cv))
    throw std::invalid_argument("demand cv must be >= 0");
  if (!(o.correlation >= 0.0 && o.correlation <= 1.0))
    throw std::invalid_argument("correlation must be in [0, 1]");
  if (!(o.spot_factor >= 0.0) || !std::isfinite(o.spot_factor))
    throw std::invalid_argument("spot factor must be >= 0");
  if (o.late_penalty_per_package && !(*o.late_penalty_per_package >= 0.0))
    throw std::invalid_argument("late penalty must be >= 0");
  if (o.threads < 1) throw std::invalid_argument("threads must be >= 1");
}

struct SimulationRun::Parts {
  Parts(const network::Instance& instance, const network::Plan& plan,
        const SimulationOptions& options)
      : schedule(instance, plan),
        network(instance, schedule),
        recourse(recourse_options(instance, options)),
        evaluator(schedule, network, recourse),
        model(instance, options.demand_cv) {}

  static RecourseOptions recourse_options(const network::Instance& instance,
                                          const SimulationOptions& options) {
    RecourseOptions recourse;
    recourse.spot = options.spot;
    recourse.spot_factor = options.spot_factor;
    recourse.late_penalty_per_package =
        options.late_penalty_per_package.value_or(default_late_penalty(instance));
    recourse.unserved_penalty_per_package = instance.unserved_penalty_per_package();
    return recourse;
  }

  const Schedule schedule;
  const RecourseNetwork network;
  const RecourseOptions recourse;
  const RecourseEvaluator evaluator;
  const DemandModel model;
};

namespace {
const SimulationOptions& checked(const SimulationOptions& options) {
  check_simulation_options(options);
  return options;
}
}  // namespace

SimulationRun::SimulationRun(const network::Instance& instance, const network::Plan& plan,
                             const SimulationOptions& options)
    : instance_(instance), plan_(plan), options_(checked(options)) {
  require_verified(instance, plan, options_.plan_name.empty() ? "plan" : options_.plan_name);
  parts_ = std::make_unique<Parts>(instance, plan, options_);
}

SimulationRun::~SimulationRun() = default;

std::size_t SimulationRun::total() const {
  return options_.scenarios ? options_.scenarios->size() : options_.samples;
}

std::vector<DayRecord> SimulationRun::simulate_days(std::size_t begin, std::size_t end, int threads,
                                                    const std::atomic<bool>* stop,
                                                    const std::function<void()>& on_day) const {
  if (begin > end || end > total()) throw std::invalid_argument("days out of range");
  std::vector<DayRecord> days(end - begin);
  const bool explicit_days = options_.scenarios != nullptr;
  struct ThreadState {
    RecourseWorkspacePtr workspace;
    std::vector<double> packages;
  };
  tbb::enumerable_thread_specific<ThreadState> states;
  tbb::task_arena arena(std::max(1, threads));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(begin, end, 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
          ThreadState& state = states.local();
          if (!state.workspace) state.workspace = parts_->evaluator.make_workspace();
          for (std::size_t i = range.begin(); i != range.end(); ++i) {
            if (stop && stop->load()) return;
            if (explicit_days)
              state.packages = (*options_.scenarios)[i].packages;
            else
              draw_packages(parts_->model, options_.correlation, options_.seed, i, state.packages);
            DayOutcome outcome = parts_->evaluator.evaluate(state.packages, *state.workspace);
            DayRecord& day = days[i - begin];
            day.record = std::move(outcome.record);
            day.record.index = i;
            if (explicit_days) day.record.scenario = (*options_.scenarios)[i].name;
            day.spot_vehicles = std::move(outcome.spot_vehicles);
            day.overflow = std::move(outcome.overflow);
            day.vehicles_used = std::move(outcome.vehicles_used);
            day.peak_utilization = std::move(outcome.peak_utilization);
            day.done = true;
            if (on_day) on_day();
          }
        });
  });
  return days;
}

const Schedule& SimulationRun::schedule() const {
  return parts_->schedule;
}

network::SimulationResults SimulationRun::results(const std::vector<DayRecord>& days,
                                                  double seconds, int threads) const {
  network::SimulationResults results;
  results.instance = instance_.name();
  results.plan = options_.plan_name.empty() ? "plan" : options_.plan_name;
  results.plan_objective = plan_.objective;
  network::SimulationSettings& s = results.settings;
  s.demand = options_.scenarios ? "scenarios" : "sampled";
  s.samples = total();
  s.seed = options_.seed;
  s.demand_cv = options_.demand_cv;
  s.correlation = options_.correlation;
  s.scenarios_file = options_.scenarios_file;
  s.spot = options_.spot;
  s.spot_factor = options_.spot_factor;
  s.late_penalty_per_package = parts_->recourse.late_penalty_per_package;
  s.unserved_penalty_per_package = parts_->recourse.unserved_penalty_per_package;
  std::vector<const DayRecord*> finished;
  std::vector<const network::SampleRecord*> records;
  for (const DayRecord& day : days) {
    if (!day.done) continue;
    finished.push_back(&day);
    records.push_back(&day.record);
    results.samples.push_back(day.record);
  }
  results.interrupted = finished.size() < total();
  results.summary = summarize(records);
  results.departures = departure_risks(plan_, parts_->schedule, finished);
  results.facilities = facility_risks(instance_, parts_->schedule, finished);
  results.threads = threads;
  results.seconds = seconds;
  return results;
}

}  // namespace mm::simulation
