#include "cluster/cluster_evaluation.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include <tbb/task_arena.h>

#include "cluster/coordinator.h"
#include "cluster/evaluation_wire.h"
#include "cluster/test_hooks.h"
#include "cluster/wire.h"
#include "cluster/worker.h"
#include "network/instance_json.h"
#include "scenarios/scenario_steps.h"

namespace mm::cluster {

namespace {

using Clock = std::chrono::steady_clock;

// What one rank needs to run evaluation tasks, and runs them: the settings, the baseline, its
// plan's warm start and the scenario instances it has (rank 0: all; the others: those of the
// tasks they got).
class EvaluationRank {
 public:
  explicit EvaluationRank(int threads) : threads_(std::max(1, threads)), arena_(threads_) {}

  // Runs `work` among this rank's threads (as one process runs everything in one arena).
  template <class Work>
  void in_arena(Work&& work) {
    arena_.execute(std::forward<Work>(work));
  }

  void set_job(const scenarios::EvaluationOptions& options, std::size_t scenarios,
               std::shared_ptr<const network::Instance> baseline) {
    const std::atomic<bool>* stop = options_.stop;
    options_ = options;
    options_.threads = threads_;
    options_.stop = stop;
    scenarios_ = scenarios;
    baseline_ = std::move(baseline);
  }
  void set_stop(const std::atomic<bool>* stop) { options_.stop = stop; }
  void set_baseline(const network::Plan& plan, std::vector<engine::RouteColumn> pool) {
    pool_ = std::move(pool);
    warm_ = scenarios::warm_start_from(*baseline_, plan, pool_, options_);
  }
  void add_instance(std::size_t index, std::shared_ptr<const network::Instance> instance) {
    std::lock_guard<std::mutex> lock(mutex_);
    instances_[index] = std::move(instance);
  }

  std::string run(const std::string& bytes) {
    std::string result;
    in_arena([&] { result = run_here(bytes); });
    return result;
  }

 private:
  std::string run_here(const std::string& bytes) {
    EvaluationTask task = decode_task(bytes);
    const int each = scenarios::scenario_threads(threads_, scenarios_);
    switch (task.kind) {
      case EvaluationTaskKind::scenario: {
        test_hooks::on_scenario(task.name);
        const auto instance = instance_of(task);
        return encode_outcome(scenarios::plan_scenario(
            task.name, *instance, options_.warm ? &warm_ : nullptr, options_, each));
      }
      case EvaluationTaskKind::baseline_offer:
        return encode_replan(
            scenarios::plan_offer(*baseline_, pool_, std::move(task.routes), options_, threads_));
      case EvaluationTaskKind::sibling_offer: {
        const auto instance = instance_of(task);
        return encode_replan(scenarios::plan_offer(*instance, warm_.columns, std::move(task.routes),
                                                   options_, each));
      }
    }
    throw WireError("unknown evaluation task");
  }

  std::shared_ptr<const network::Instance> instance_of(const EvaluationTask& task) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto found = instances_.find(task.scenario);
      if (found != instances_.end()) return found->second;
    }
    if (task.instance_json.empty())
      throw WireError("scenario \"" + task.name + "\" came without its instance");
    auto instance = std::make_shared<const network::Instance>(
        network::parse_instance(task.instance_json, "scenario \"" + task.name + "\""));
    add_instance(task.scenario, instance);
    return instance;
  }

  int threads_;
  tbb::task_arena arena_;
  scenarios::EvaluationOptions options_;
  std::size_t scenarios_ = 0;
  std::shared_ptr<const network::Instance> baseline_;
  std::vector<engine::RouteColumn> pool_;
  engine::PlannerWarmStart warm_;
  std::mutex mutex_;
  std::map<std::size_t, std::shared_ptr<const network::Instance>> instances_;
};

// A non-owning pointer for what rank 0 already holds.
std::shared_ptr<const network::Instance> borrowed(const network::Instance& instance) {
  return std::shared_ptr<const network::Instance>(&instance, [](const network::Instance*) {});
}

// One offer: to the baseline (from scenario `from`) or to scenario `to` (from sibling `from`).
struct Offer {
  bool to_baseline = false;
  std::size_t to = 0;
  std::size_t from = 0;
};

}  // namespace

scenarios::EvaluationResult evaluate_on_ranks(
    Session& session, const network::Instance& baseline,
    const std::vector<scenarios::ScenarioToEvaluate>& scenarios,
    const scenarios::EvaluationOptions& options, const RankOptions& ranks,
    const scenarios::EvaluationProgress& progress, const PartialEvaluation& on_interrupt,
    RankRun* run) {
  const auto started = Clock::now();
  const int threads = std::max(1, ranks.threads);
  EvaluationRank rank0(threads);
  rank0.set_job(options, scenarios.size(), borrowed(baseline));
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    rank0.add_instance(i, borrowed(*scenarios[i].instance));
  Mailbox mailbox;
  Coordinator coordinator(session, mailbox, threads, threads,
                          [&](const std::string& task) { return rank0.run(task); },
                          {ranks.rank_timeout_seconds, options.stop});
  rank0.set_stop(coordinator.task_stop());
  coordinator.send_setup(
      encode_job({options, scenarios.size(), network::write_instance_json(baseline)}));

  scenarios::EvaluationResult result;
  scenarios::BaselinePlanned planned;
  coordinator.run_beside([&] {
    rank0.in_arena([&] { planned = scenarios::plan_baseline(baseline, options, threads); });
  });
  result.baseline = std::move(planned.plan);
  result.baseline_seconds = planned.seconds;
  result.baseline_violations = planned.violations;
  const int total = static_cast<int>(scenarios.size());
  if (progress) progress("baseline", -1, 0, total, result.baseline_seconds);
  coordinator.send_setup(encode_baseline(result.baseline, planned.pool));
  rank0.set_baseline(result.baseline, std::move(planned.pool));

  result.scenarios.resize(scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) result.scenarios[i].name = scenarios[i].name;
  std::set<std::pair<int, std::size_t>> holds;  // (rank, scenario): the rank has its instance
  const auto instance_for = [&](std::size_t i, int rank) {
    if (rank == 0 || !holds.insert({rank, i}).second) return std::string();
    return network::write_instance_json(*scenarios[i].instance);
  };
  const auto interrupted = [&] {
    if (!on_interrupt) return;
    scenarios::EvaluationResult partial = result;
    scenarios::compare_with_baseline(partial, options);
    on_interrupt(partial);
  };

  int done = 0;
  coordinator.deal(
      scenarios.size(),
      [&](std::size_t i, int rank) {
        EvaluationTask task;
        task.kind = EvaluationTaskKind::scenario;
        task.scenario = i;
        task.name = scenarios[i].name;
        task.instance_json = instance_for(i, rank);
        return encode_task(task);
      },
      [&](std::size_t i, TaskOutcome&& outcome) {
        scenarios::ScenarioOutcome& out = result.scenarios[i];
        const std::string where = "rank " + std::to_string(outcome.rank) + ": ";
        try {
          if (outcome.ok) out = decode_outcome(outcome.bytes);
        } catch (const std::exception& e) {
          outcome = {false, outcome.rank, "", where + "its result does not decode: " + e.what()};
        }
        if (!outcome.ok) {
          out = scenarios::ScenarioOutcome{};
          out.name = scenarios[i].name;
          out.error = outcome.error;
        } else if (!out.error.empty()) {
          out.error = where + out.error;
        }
        if (progress) progress(out.name, static_cast<int>(i), ++done, total, out.seconds);
      },
      interrupted);

  if (!coordinator.stopping()) {
    std::vector<Offer> offers;
    for (std::size_t i : scenarios::baseline_offers(result, options))
      offers.push_back({true, 0, i});
    const std::vector<int> siblings = scenarios::sibling_offers(result, options);
    for (std::size_t i = 0; i < siblings.size(); ++i)
      if (siblings[i] >= 0) offers.push_back({false, i, static_cast<std::size_t>(siblings[i])});
    std::vector<std::optional<scenarios::Replan>> again(offers.size());
    std::vector<std::string> errors(offers.size());
    coordinator.deal(
        offers.size(),
        [&](std::size_t k, int rank) {
          const Offer& offer = offers[k];
          EvaluationTask task;
          task.kind = offer.to_baseline ? EvaluationTaskKind::baseline_offer
                                        : EvaluationTaskKind::sibling_offer;
          task.scenario = offer.to_baseline ? offer.from : offer.to;
          task.name = scenarios[task.scenario].name;
          if (!offer.to_baseline) task.instance_json = instance_for(offer.to, rank);
          task.routes = engine::plan_route_columns(*scenarios[offer.from].instance,
                                                   result.scenarios[offer.from].plan);
          return encode_task(task);
        },
        [&](std::size_t k, TaskOutcome&& outcome) {
          try {
            if (outcome.ok) again[k] = decode_replan(outcome.bytes);
          } catch (const std::exception& e) {
            outcome.ok = false;
            outcome.error = "rank " + std::to_string(outcome.rank) +
                            ": its result does not decode: " + e.what();
          }
          if (!outcome.ok) errors[k] = outcome.error;
        },
        interrupted);
    // In the order one process applies them: the baseline's, cheapest scenario first; then the
    // siblings'.
    for (std::size_t k = 0; k < offers.size(); ++k) {
      const Offer& offer = offers[k];
      if (offer.to_baseline) {
        if (again[k])
          scenarios::accept_baseline_offer(result, offer.from, std::move(*again[k]));
        else if (!errors[k].empty())
          result.baseline_offer_error = errors[k];
      } else if (again[k]) {
        scenarios::accept_sibling_offer(result.scenarios[offer.to], scenarios[offer.from].name,
                                        std::move(*again[k]));
      } else if (!errors[k].empty()) {
        result.scenarios[offer.to].offer_error = errors[k];
      }
    }
  }
  scenarios::compare_with_baseline(result, options);
  coordinator.finish();
  if (run) *run = coordinator.report(std::chrono::duration<double>(Clock::now() - started).count());
  return result;
}

void serve_evaluation(Session& session, const RankOptions& ranks) {
  const int threads = std::max(1, ranks.threads);
  std::atomic<bool> task_stop{false};
  EvaluationRank rank(threads);
  rank.set_stop(&task_stop);
  int setups = 0;
  Mailbox mailbox;
  serve(
      session, mailbox, {threads, threads, ranks.rank_timeout_seconds, ranks.interrupted},
      [&](const std::string& bytes) {
        if (setups++ == 0) {
          const EvaluationJob job = decode_job(bytes);
          rank.set_job(job.options, job.scenarios,
                       std::make_shared<const network::Instance>(
                           network::parse_instance(job.baseline_json, "baseline")));
        } else {
          network::Plan plan;
          std::vector<engine::RouteColumn> pool;
          decode_baseline(bytes, &plan, &pool);
          rank.set_baseline(plan, std::move(pool));
        }
      },
      [&](const std::string& task) { return rank.run(task); }, task_stop);
}

}  // namespace mm::cluster
