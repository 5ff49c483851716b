#include "mip/cbc_driver.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include <coin/CbcEventHandler.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/OsiClpSolverInterface.hpp>

namespace mm::mip {

namespace {

using Clock = std::chrono::steady_clock;

// Every CBC call in the process, whichever module makes it.
std::mutex g_cbc_mutex;

// Stops CBC at its next event when the caller sets `stop` or the wall-clock deadline passes.
// Also passes each event on to the caller's heartbeat (progress reporting).
class StopHandler : public CbcEventHandler {
 public:
  StopHandler(const std::atomic<bool>* stop, Clock::time_point deadline,
              const std::function<void()>* heartbeat)
      : stop_(stop), deadline_(deadline), heartbeat_(heartbeat) {}
  CbcAction event(CbcEvent) override {
    if (heartbeat_ && *heartbeat_) (*heartbeat_)();
    const bool stop = (stop_ && stop_->load()) || Clock::now() > deadline_;
    return stop ? CbcEventHandler::stop : CbcEventHandler::noAction;
  }
  CbcEventHandler* clone() const override { return new StopHandler(*this); }

 private:
  const std::atomic<bool>* stop_;
  Clock::time_point deadline_;
  const std::function<void()>* heartbeat_;
};

int no_callback(CbcModel*, int) {
  return 0;
}

double seconds_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// CbcMain0 resets log levels: everything CBC and its LP solver print must stay quiet.
void silence(CbcModel& model) {
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  model.solver()->messageHandler()->setLogLevel(0);
  if (auto* clp = dynamic_cast<OsiClpSolverInterface*>(model.solver()))
    clp->getModelPtr()->setLogLevel(0);
}

std::string number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

}  // namespace

const char* to_string(CbcOutcome outcome) {
  switch (outcome) {
    case CbcOutcome::optimal:
      return "optimal";
    case CbcOutcome::feasible:
      return "feasible";
    case CbcOutcome::infeasible:
      return "infeasible";
    case CbcOutcome::no_solution:
      return "no_solution";
    case CbcOutcome::not_run:
      return "not_run";
  }
  return "?";
}

CbcRun run_cbc(CbcModel& model, const CbcOptions& options) {
  CbcRun run;
  const auto asked = Clock::now();
  std::lock_guard<std::mutex> lock(g_cbc_mutex);
  const auto started = Clock::now();
  run.waited_seconds = seconds_between(asked, started);
  const auto budget = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(std::max(0.0, options.seconds)));
  const auto deadline = options.deadline - started < budget ? options.deadline : started + budget;
  const double seconds_left = seconds_between(started, deadline);
  if (seconds_left < options.minimum_seconds || (options.stop && options.stop->load())) return run;

  silence(model);
  StopHandler handler(options.stop, deadline, &options.heartbeat);
  model.passInEventHandler(&handler);
  CbcSolverUsefulData data;
  data.noPrinting_ = true;
  data.useSignalHandler_ = false;
  CbcMain0(model, data);
  silence(model);
  if (options.start)
    model.setBestSolution(options.start->data(), static_cast<int>(options.start->size()),
                          options.start_objective, false);
  if (options.skip_solution_check) model.setSpecialOptions(model.specialOptions() | 4);

  std::vector<std::string> words = {"middlemile", "-log",     "0",
                                    "-slog",      "0",        "-timeMode",
                                    "elapsed",    "-seconds", number(std::max(0.0, seconds_left))};
  if (options.cutoff) {
    words.push_back("-cutoff");
    words.push_back(number(*options.cutoff));
  }
  words.insert(words.end(), options.arguments.begin(), options.arguments.end());
  words.push_back("-solve");
  words.push_back("-quit");
  std::vector<const char*> argv;
  for (const std::string& word : words) argv.push_back(word.c_str());
  CbcMain1(static_cast<int>(argv.size()), argv.data(), model, no_callback, data);

  const bool solution = model.bestSolution() != nullptr;
  if (model.isProvenInfeasible() && !solution)
    run.outcome = CbcOutcome::infeasible;
  else if (!solution)
    run.outcome = CbcOutcome::no_solution;
  else if (model.isProvenOptimal())
    run.outcome = CbcOutcome::optimal;
  else
    run.outcome = CbcOutcome::feasible;
  // CBC's status 0 is "finished"; its secondary status then says how: 0 searched to the end,
  // 1 the relaxation infeasible or worse than the cutoff (CBC 2.10's CbcModel.hpp).
  run.search_complete =
      model.status() == 0 && (model.secondaryStatus() == 0 || model.secondaryStatus() == 1);
  run.seconds = seconds_between(started, Clock::now());
  return run;
}

}  // namespace mm::mip
