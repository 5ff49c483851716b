// Scenario evaluation with known answers (issue 6), warm against cold, every plan refereed.
#include "scenarios/scenario_evaluation.h"

#include <gtest/gtest.h>

#include "network/errors.h"
#include "network/plan_verifier.h"
#include "scenarios/scenario_builder.h"
#include "scenarios/sweep.h"

namespace mm::scenarios {
namespace {

const std::string kData = std::string(MM_TEST_DATA_DIR) + "/scenarios/";

struct Evaluated {
  BaselineDocument baseline;
  std::vector<ScenarioInstance> built;
  scenarios::EvaluationResult result;
};

Evaluated evaluate(const ScenarioFile& file, const BaselineDocument& baseline, bool warm) {
  Evaluated e{baseline, build_scenarios(baseline, file), {}};
  std::vector<scenarios::ScenarioToEvaluate> inputs;
  for (const auto& s : e.built) inputs.push_back({s.name, s.instance.get()});
  scenarios::EvaluationOptions options;
  // Far more than these three-facility networks need; the solves end when their search does.
  options.baseline_time_limit_seconds = 5;
  options.scenario_time_limit_seconds = 5;
  options.threads = 2;
  options.warm = warm;
  e.result = scenarios::evaluate_scenarios(*baseline.instance, inputs, options, nullptr);
  return e;
}

const scenarios::ScenarioOutcome& outcome(const Evaluated& e, const std::string& name) {
  for (const auto& s : e.result.scenarios)
    if (s.name == name) return s;
  throw std::runtime_error("no scenario " + name);
}

class KnownAnswers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const BaselineDocument baseline = read_baseline(kData + "far_center.json");
    const ScenarioFile file = read_scenario_file(kData + "near_center.json");
    warm_ = new Evaluated(evaluate(file, baseline, true));
    cold_ = new Evaluated(evaluate(file, baseline, false));
  }
  static void TearDownTestSuite() {
    delete warm_;
    delete cold_;
  }
  static Evaluated* warm_;
  static Evaluated* cold_;
};
Evaluated* KnownAnswers::warm_ = nullptr;
Evaluated* KnownAnswers::cold_ = nullptr;

TEST_F(KnownAnswers, EveryPlanPassesTheReferee) {
  EXPECT_NE(warm_->result.baseline.status, network::PlanStatus::no_solution);
  EXPECT_EQ(warm_->result.baseline_violations, 0u);
  for (const Evaluated* e : {warm_, cold_})
    for (std::size_t i = 0; i < e->result.scenarios.size(); ++i) {
      const auto& s = e->result.scenarios[i];
      SCOPED_TRACE(s.name);
      ASSERT_TRUE(s.solved);
      EXPECT_NE(s.plan.status, network::PlanStatus::no_solution);
      EXPECT_EQ(s.violations, 0u) << s.first_violation;
      EXPECT_EQ(e->result.baseline_violations, 0u);
      EXPECT_TRUE(network::check_plan(*e->built[i].instance, s.plan).ok());
    }
}

TEST_F(KnownAnswers, ClosingTheOnlySortCenterLeavesTheDemandUnservedWithItsReason) {
  const auto& s = outcome(*warm_, "close Boise");
  EXPECT_FALSE(s.cheaper_than_baseline);
  EXPECT_TRUE(s.plan.routes.empty());
  ASSERT_EQ(s.plan.unserved.size(), 2u);
  for (const auto& u : s.plan.unserved)
    EXPECT_EQ(u.reason, "no lane path from SEA1 to DS-EUG") << u.demand;
  EXPECT_DOUBLE_EQ(s.plan.objective, 2500 * 20.0);
  EXPECT_EQ(s.difference.lanes_closed,
            (std::vector<std::string>{"SC-BOI>DS-EUG:truck53", "SEA1>SC-BOI:truck53"}));
  EXPECT_EQ(s.difference.rerouted_demands, (std::vector<std::string>{"d1", "d2"}));
}

TEST_F(KnownAnswers, OpeningANearerSortCenterLowersCost) {
  const auto& s = outcome(*warm_, "open Portland");
  EXPECT_LT(s.plan.objective, warm_->result.baseline.objective - 1.0);
  // Cheaper than the baseline: flagged as a finding (it adds an option, so it may well be real),
  // and its plan could not improve the baseline, which has no Portland.
  EXPECT_TRUE(s.cheaper_than_baseline);
  EXPECT_TRUE(warm_->result.baseline_improved_from.empty());
  EXPECT_EQ(s.difference.lanes_opened,
            (std::vector<std::string>{"SC-PDX>DS-EUG:truck53", "SEA1>SC-PDX:truck53"}));
  EXPECT_DOUBLE_EQ(scenarios::unserved_packages(s.plan), 0.0);
}

TEST_F(KnownAnswers, MoreCapacityNeverRaisesCost) {
  // The baseline cannot carry everything: one truck per departure out of Boise.
  EXPECT_GT(scenarios::unserved_packages(warm_->result.baseline), 0.0);
  for (const char* name : {"two trucks", "bigger trucks"}) {
    const auto& s = outcome(*warm_, name);
    EXPECT_LE(s.plan.objective, warm_->result.baseline.objective + 1e-6) << name;
    EXPECT_LT(scenarios::unserved_packages(s.plan),
              scenarios::unserved_packages(warm_->result.baseline))
        << name;
  }
}

TEST_F(KnownAnswers, WarmStartsFromTheBaselineAndReachesTheColdOptimum) {
  for (std::size_t i = 0; i < warm_->result.scenarios.size(); ++i) {
    const auto& w = warm_->result.scenarios[i];
    const auto& c = cold_->result.scenarios[i];
    SCOPED_TRACE(w.name);
    EXPECT_TRUE(w.warm);
    EXPECT_FALSE(c.warm);
    EXPECT_NEAR(w.plan.objective, c.plan.objective, 1e-6 * std::max(1.0, c.plan.objective));
  }
  // Lanes that survive keep the baseline's columns and its plan as the first incumbent.
  const auto& trucks = outcome(*warm_, "two trucks");
  EXPECT_GT(trucks.warm_columns_mapped, 0u);
  EXPECT_EQ(trucks.warm_columns_refused, 0u);
  EXPECT_NEAR(trucks.warm_start_objective, warm_->result.baseline.objective, 1e-6);
  // With Boise closed, no baseline route is valid.
  const auto& closed = outcome(*warm_, "close Boise");
  EXPECT_EQ(closed.warm_columns_mapped, 0u);
  EXPECT_GT(closed.warm_columns_refused, 0u);
}

// Closing Tacoma disturbs the demands whose baseline routes went through it; the rest of the
// baseline plan stays valid. The warm start (the baseline plan made to fit, then what it leaves
// unserved inserted where it is cheapest, then a descent) must reach what a cold solve reaches
// before any column generation, and move only the disturbed demands.
TEST(WarmStart, ReachesTheColdObjectiveBeforeTheLpAndMovesOnlyWhatTheChangeDisturbed) {
  const BaselineDocument baseline = read_baseline(kData + "two_centers.json");
  const ScenarioFile file = read_scenario_file(kData + "close_tacoma.json");
  const Evaluated warm = evaluate(file, baseline, true);
  const Evaluated cold = evaluate(file, baseline, false);
  const auto& w = outcome(warm, "close Tacoma");
  const auto& c = outcome(cold, "close Tacoma");
  EXPECT_EQ(w.violations, 0u) << w.first_violation;
  EXPECT_EQ(c.violations, 0u) << c.first_violation;
  EXPECT_TRUE(network::check_plan(*warm.built[0].instance, w.plan).ok());
  EXPECT_TRUE(network::check_plan(*cold.built[0].instance, c.plan).ok());
  ASSERT_EQ(w.incumbent_trace.size(), w.incumbent_phases.size());
  double before_lp = engine::kInfinity;
  bool warm_phase = false;
  for (std::size_t i = 0; i < w.incumbent_trace.size(); ++i) {
    const std::string& phase = w.incumbent_phases[i];
    warm_phase = warm_phase || phase == "warm start";
    if (phase == "warm start" || phase == "construction" || phase == "descent")
      before_lp = std::min(before_lp, w.incumbent_trace[i].second);
  }
  EXPECT_TRUE(warm_phase);
  EXPECT_NEAR(before_lp, c.plan.objective, 1e-6 * c.plan.objective);
  EXPECT_NEAR(w.plan.objective, c.plan.objective, 1e-6 * c.plan.objective);
  // The demands that used Tacoma in the baseline are the ones that move.
  std::vector<std::string> through_tacoma;
  for (const network::Route& r : warm.result.baseline.routes)
    for (const network::RouteLeg& leg : r.legs)
      if (leg.lane.find("SC-TAC") != std::string::npos) {
        through_tacoma.push_back(r.demand);
        break;
      }
  ASSERT_FALSE(through_tacoma.empty());
  EXPECT_EQ(w.difference.rerouted_demands, through_tacoma);
}

TEST(Sweep, ClosesEachFacilityOfAKind) {
  const BaselineDocument baseline = read_baseline(kData + "far_center.json");
  const ScenarioFile file = sweep_scenarios("close-each=sort_center", *baseline.instance);
  ASSERT_EQ(file.scenarios.size(), 1u);
  EXPECT_EQ(file.scenarios[0].name, "close SC-BOI");
  EXPECT_EQ(sweep_scenarios("close-each=lane", *baseline.instance).scenarios.size(), 2u);
  try {
    sweep_scenarios("close-each=air_hub", *baseline.instance);
    FAIL() << "no error";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "--sweep \"close-each=air_hub\": the instance has no air_hub, so no scenario");
  }
  try {
    sweep_scenarios("open-each=x", *baseline.instance);
    FAIL() << "no error";
  } catch (const network::InputError& e) {
    EXPECT_STREQ(e.what(),
                 "--sweep \"open-each=x\": unknown sweep (expected close-each=<facility "
                 "kind> or close-each=lane)");
  }
}

}  // namespace
}  // namespace mm::scenarios
