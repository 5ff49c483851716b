#include "baselines/compact_cmnd_mip.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "baselines/compact_mip_runner.h"

namespace mm::baselines {
namespace {

// Column indices of the strong arc formulation; flow[k][a] is -1 where x_ak is left out.
struct CmndColumns {
  std::vector<int> open;               // y_a
  std::vector<std::vector<int>> flow;  // x_ak
};

CmndColumns build_model(const CmndInstance& instance, SparseModel& model, bool balanced) {
  const std::size_t arcs = instance.arcs.size();
  const std::size_t commodities = instance.commodities.size();
  CmndColumns columns;
  columns.open.resize(arcs);
  for (std::size_t a = 0; a < arcs; ++a)
    columns.open[a] = model.add_column(0.0, 1.0, instance.arcs[a].fixed_cost, true);
  columns.flow.assign(commodities, std::vector<int>(arcs, -1));
  for (std::size_t k = 0; k < commodities; ++k) {
    const CmndCommodity& c = instance.commodities[k];
    for (std::size_t a = 0; a < arcs; ++a) {
      const CmndArc& arc = instance.arcs[a];
      if (arc.head == c.origin || arc.tail == c.destination) continue;  // cycles only
      columns.flow[k][a] = model.add_column(0.0, SparseModel::kInf, arc.unit_cost, false);
    }
  }

  // Conservation, one row per (commodity, node), from per-node arc lists.
  std::vector<std::vector<std::size_t>> out(instance.nodes), in(instance.nodes);
  for (std::size_t a = 0; a < arcs; ++a) {
    out[instance.arcs[a].tail].push_back(a);
    in[instance.arcs[a].head].push_back(a);
  }
  for (std::size_t k = 0; k < commodities; ++k) {
    const CmndCommodity& c = instance.commodities[k];
    for (std::size_t i = 0; i < instance.nodes; ++i) {
      for (std::size_t a : out[i])
        if (columns.flow[k][a] >= 0) model.push(columns.flow[k][a], 1.0);
      for (std::size_t a : in[i])
        if (columns.flow[k][a] >= 0) model.push(columns.flow[k][a], -1.0);
      const double supply = i == c.origin ? c.demand : i == c.destination ? -c.demand : 0.0;
      model.end_row(supply, supply);
    }
  }

  // Capacity and strong linking.
  for (std::size_t a = 0; a < arcs; ++a) {
    const CmndArc& arc = instance.arcs[a];
    for (std::size_t k = 0; k < commodities; ++k)
      if (columns.flow[k][a] >= 0) model.push(columns.flow[k][a], 1.0);
    model.push(columns.open[a], -arc.capacity);
    model.end_row(-SparseModel::kInf, 0.0);
    for (std::size_t k = 0; k < commodities; ++k) {
      if (columns.flow[k][a] < 0) continue;
      model.push(columns.flow[k][a], 1.0);
      model.push(columns.open[a], -std::min(instance.commodities[k].demand, arc.capacity));
      model.end_row(-SparseModel::kInf, 0.0);
    }
  }

  // Design balance (cmnd_balance.h): as many open arcs out of every node as into it.
  if (balanced)
    for (std::size_t i = 0; i < instance.nodes; ++i) {
      if (out[i].empty() && in[i].empty()) continue;
      for (std::size_t a : out[i]) model.push(columns.open[a], 1.0);
      for (std::size_t a : in[i]) model.push(columns.open[a], -1.0);
      model.end_row(0.0, 0.0);
    }
  return columns;
}

}  // namespace

CompactCmndResult solve_compact_cmnd(const CmndInstance& instance, double time_limit_seconds,
                                     bool balanced) {
  const auto start = std::chrono::steady_clock::now();
  SparseModel model;
  const CmndColumns columns = build_model(instance, model, balanced);
  const double build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const MipResult mip =
      solve_mip_with_cbc(model, std::max(0.0, time_limit_seconds - build_seconds));

  CompactCmndResult result;
  result.lower_bound = mip.lower_bound;
  result.objective = SparseModel::kInf;
  switch (mip.outcome) {
    case MipOutcome::optimal:
      result.status = CmndStatus::optimal;
      break;
    case MipOutcome::feasible:
      result.status = CmndStatus::feasible;
      break;
    case MipOutcome::infeasible:
    case MipOutcome::no_solution:
      result.status = CmndStatus::no_solution;
      break;
  }
  if (!mip.values.empty()) {
    for (std::size_t a = 0; a < instance.arcs.size(); ++a)
      if (mip.values[columns.open[a]] > 0.5) result.solution.open_arcs.push_back(a);
    for (std::size_t k = 0; k < instance.commodities.size(); ++k)
      for (std::size_t a = 0; a < instance.arcs.size(); ++a) {
        const int column = columns.flow[k][a];
        if (column >= 0 && mip.values[column] > 1e-9)
          result.solution.flows.push_back({k, a, mip.values[column]});
      }
    // Recomputed from the reported solution (flows ≤ 1e-9 dropped), so that it is exactly what
    // check_cmnd_solution sees; it differs from CBC's value by rounding only.
    result.objective = check_cmnd_solution(instance, result.solution).objective;
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

double strong_lp_bound(const CmndInstance& instance, bool balanced) {
  SparseModel model;
  build_model(instance, model, balanced);
  const LpResult lp = solve_lp_with_clp(model);
  return lp.optimal ? lp.objective : SparseModel::kInf;
}

}  // namespace mm::baselines
