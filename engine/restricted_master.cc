#include "engine/restricted_master.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>
#include <tuple>

#include <coin/ClpSimplex.hpp>
#include <coin/CoinHelperFunctions.hpp>

#include "engine/residual_capacity_cuts.h"
#include "engine/restricted_master_clp.h"

namespace mm::engine {

namespace {

// Columns or rows gathered for one CLP call (CLP appends in bulk far faster than one by one).
struct Batch {
  std::vector<double> lower, upper, cost;
  std::vector<CoinBigIndex> starts{0};
  std::vector<int> index;
  std::vector<double> value;
  void add(double lo, double hi, double c, const std::vector<std::pair<int, double>>& entries) {
    lower.push_back(lo);
    upper.push_back(hi);
    cost.push_back(c);
    for (const auto& [i, v] : entries) {
      index.push_back(i);
      value.push_back(v);
    }
    starts.push_back(static_cast<CoinBigIndex>(index.size()));
  }
  int size() const { return static_cast<int>(lower.size()); }
};

std::size_t hash_path(std::size_t commodity, const std::vector<std::size_t>& arcs) {
  std::size_t h = std::hash<std::size_t>{}(commodity)*0x9E3779B97F4A7C15ull;
  for (std::size_t a : arcs) h = (h ^ std::hash<std::size_t>{}(a)) * 0x100000001B3ull + 0x7F4A7C15;
  return h;
}

double linking_coefficient(const DesignArc& arc, const Commodity& k) {
  // λ ≤ m·y with m = min(1, u/q): one vehicle carries at most u/q of the commodity.
  double m = 1.0;
  for (int r = 0; r < kDimensions; ++r)
    if (k.size[r] > 0 && std::isfinite(arc.capacity[r]))
      m = std::min(m, arc.capacity[r] / k.size[r]);
  return m;
}

}  // namespace

RestrictedMaster::RestrictedMaster(const DesignProblem& problem)
    : problem_(problem), clp_(std::make_unique<Clp>()) {
  auto& model = clp_->model;
  model.setLogLevel(0);
  model.setOptimizationDirection(1.0);
  const std::size_t K = problem_.commodities.size();
  const std::size_t A = problem_.design_arcs.size();
  y_column_.assign(A, -1);
  cap_row_.assign(A, {-1, -1});
  resource_row_.assign(problem_.resource_limits.size(), -1);
  pools_of_arc_.assign(A, {});
  paths_of_commodity_.assign(K, {});
  binding_ = binding_dimensions(problem_);

  // Rows: one convexity row per commodity (= 1), then one row per vehicle pool (<= limit).
  Batch rows;
  for (std::size_t k = 0; k < K; ++k) rows.add(1.0, 1.0, 0.0, {});
  for (std::size_t p = 0; p < problem_.vehicle_pools.size(); ++p) {
    pool_row_.push_back(static_cast<int>(K + p));
    rows.add(-COIN_DBL_MAX, problem_.vehicle_pools[p].limit, 0.0, {});
    for (std::size_t a : problem_.vehicle_pools[p].arcs) pools_of_arc_[a].push_back(p);
  }
  model.resize(rows.size(), 0);
  for (int r = 0; r < rows.size(); ++r) {
    model.setRowLower(r, rows.lower[r]);
    model.setRowUpper(r, rows.upper[r]);
  }
  // Columns: the unserved slack of each commodity, at its penalty.
  Batch slacks;
  for (std::size_t k = 0; k < K; ++k)
    slacks.add(0.0, COIN_DBL_MAX, problem_.commodities[k].penalty, {{static_cast<int>(k), 1.0}});
  model.addColumns(slacks.size(), slacks.lower.data(), slacks.upper.data(), slacks.cost.data(),
                   slacks.starts.data(), slacks.index.data(), slacks.value.data());
  add_design_rows();
}

void RestrictedMaster::add_design_rows() {
  if (problem_.design_rows.empty()) return;
  // Every arc a row names gets its y column now: with the rows, an arc no path uses may still
  // pay to open (to balance others), so leaving it out would leave the LP's bound unproven.
  std::vector<std::size_t> named;
  for (const DesignRow& row : problem_.design_rows)
    for (const auto& [a, coefficient] : row.arcs) named.push_back(a);
  activate_arcs(named);
  Batch rows;
  auto& model = clp_->model;
  const int first_row = model.numberRows();
  for (const DesignRow& row : problem_.design_rows) {
    std::map<int, double> entries;
    for (const auto& [a, coefficient] : row.arcs) entries[y_column_[a]] += coefficient;
    rows.add(row.lower, row.upper, 0.0, {entries.begin(), entries.end()});
  }
  model.addRows(rows.size(), rows.lower.data(), rows.upper.data(), rows.starts.data(),
                rows.index.data(), rows.value.data());
  Batch cols;
  int next_col = model.numberColumns();
  for (const DesignColumn& column : problem_.design_columns) {
    std::map<int, double> entries;
    for (const auto& [r, coefficient] : column.rows)
      entries[first_row + static_cast<int>(r)] += coefficient;
    design_column_.push_back(next_col++);
    cols.add(0.0, std::isfinite(column.upper) ? column.upper : COIN_DBL_MAX, column.cost,
             {entries.begin(), entries.end()});
  }
  model.addColumns(cols.size(), cols.lower.data(), cols.upper.data(), cols.cost.data(),
                   cols.starts.data(), cols.index.data(), cols.value.data());
  // Zero vehicles keep every row (their bounds hold 0): the all-unserved start stays feasible.
}

RestrictedMaster::~RestrictedMaster() = default;

// Every member, in declaration order: a member added to the class must be added here too.
RestrictedMaster::RestrictedMaster(const RestrictedMaster& other, Copy)
    : problem_(other.problem_),
      clp_(std::make_unique<Clp>(*other.clp_)),
      y_column_(other.y_column_),
      design_column_(other.design_column_),
      cap_row_(other.cap_row_),
      resource_row_(other.resource_row_),
      pool_row_(other.pool_row_),
      pools_of_arc_(other.pools_of_arc_),
      linking_row_(other.linking_row_),
      residual_rows_(other.residual_rows_),
      residual_rows_of_arc_(other.residual_rows_of_arc_),
      paths_(other.paths_),
      paths_of_commodity_(other.paths_of_commodity_),
      path_hashes_(other.path_hashes_),
      rows_added_since_solve_(other.rows_added_since_solve_),
      solved_once_(other.solved_once_),
      last_status_(other.last_status_),
      binding_(other.binding_),
      cover_rows_(other.cover_rows_) {}

std::unique_ptr<RestrictedMaster> RestrictedMaster::snapshot() const {
  return std::unique_ptr<RestrictedMaster>(new RestrictedMaster(*this, Copy{}));
}

void RestrictedMaster::activate_arcs(const std::vector<std::size_t>& design_arcs) {
  auto& model = clp_->model;
  std::vector<std::size_t> fresh;
  for (std::size_t a : design_arcs)
    if (y_column_[a] < 0 && std::find(fresh.begin(), fresh.end(), a) == fresh.end())
      fresh.push_back(a);
  if (fresh.empty()) return;
  // Capacity rows first (empty: the y column and the paths fill them), then the y columns.
  Batch rows;
  int next_row = model.numberRows();
  for (std::size_t a : fresh) {
    for (int r = 0; r < kDimensions; ++r) {
      if (!binding_[a][r]) continue;
      cap_row_[a][r] = next_row++;
      rows.add(-COIN_DBL_MAX, 0.0, 0.0, {});
    }
  }
  model.addRows(rows.size(), rows.lower.data(), rows.upper.data(), rows.starts.data(),
                rows.index.data(), rows.value.data());
  Batch cols;
  int next_col = model.numberColumns();
  for (std::size_t a : fresh) {
    const DesignArc& arc = problem_.design_arcs[a];
    std::vector<std::pair<int, double>> entries;
    for (int r = 0; r < kDimensions; ++r)
      if (cap_row_[a][r] >= 0) entries.emplace_back(cap_row_[a][r], -arc.capacity[r]);
    for (std::size_t p : pools_of_arc_[a]) entries.emplace_back(pool_row_[p], 1.0);
    y_column_[a] = next_col++;
    cols.add(0.0, std::isfinite(arc.max_units) ? arc.max_units : COIN_DBL_MAX, arc.fixed_cost,
             entries);
  }
  model.addColumns(cols.size(), cols.lower.data(), cols.upper.data(), cols.cost.data(),
                   cols.starts.data(), cols.index.data(), cols.value.data());
  // The new rows hold at the current solution (nothing uses the arc yet): primal stays feasible.
}

void RestrictedMaster::activate_resources(const std::vector<int>& groups) {
  auto& model = clp_->model;
  Batch rows;
  int next_row = model.numberRows();
  for (int g : groups) {
    if (g < 0 || resource_row_[g] >= 0) continue;
    resource_row_[g] = next_row++;
    rows.add(-COIN_DBL_MAX, problem_.resource_limits[g], 0.0, {});
  }
  if (rows.size() == 0) return;
  model.addRows(rows.size(), rows.lower.data(), rows.upper.data(), rows.starts.data(),
                rows.index.data(), rows.value.data());
  // As for capacity rows: no existing column crosses the group, the row holds.
}

double RestrictedMaster::path_cost(std::size_t commodity,
                                   const std::vector<std::size_t>& arcs) const {
  const Commodity& k = problem_.commodities[commodity];
  double unit = 0.0;
  for (std::size_t a : arcs)
    if (a < problem_.design_arcs.size()) unit += problem_.design_arcs[a].unit_cost;
  return k.packages * unit;
}

std::vector<std::pair<int, double>> RestrictedMaster::path_entries(
    std::size_t commodity, const std::vector<std::size_t>& arcs) const {
  const Commodity& k = problem_.commodities[commodity];
  std::map<int, double> entries;
  entries[static_cast<int>(commodity)] += 1.0;
  for (std::size_t a : arcs) {
    if (a >= problem_.design_arcs.size()) continue;  // free arc
    for (int r = 0; r < kDimensions; ++r)
      if (cap_row_[a][r] >= 0 && k.size[r] != 0.0) entries[cap_row_[a][r]] += k.size[r];
    const int g = problem_.design_arcs[a].resource_group;
    if (g >= 0 && resource_row_[g] >= 0) entries[resource_row_[g]] += k.packages;
    auto it = linking_row_.find(linking_key(a, commodity));
    if (it != linking_row_.end()) entries[it->second] += 1.0;
    auto residual = residual_rows_of_arc_.find(a);
    if (residual == residual_rows_of_arc_.end()) continue;
    for (std::size_t i : residual->second) {
      const ResidualRow& row = residual_rows_[i];
      if (std::binary_search(row.commodities.begin(), row.commodities.end(), commodity))
        entries[row.row] += k.size[row.dimension];
    }
  }
  return {entries.begin(), entries.end()};
}

bool RestrictedMaster::has_path(std::size_t commodity, const std::vector<std::size_t>& arcs) const {
  if (!path_hashes_.count(hash_path(commodity, arcs))) return false;
  for (std::size_t i : paths_of_commodity_[commodity])
    if (paths_[i].arcs == arcs) return true;
  return false;
}

std::size_t RestrictedMaster::add_paths(const std::vector<DesignPath>& paths) {
  std::vector<const DesignPath*> fresh;
  std::vector<std::size_t> arcs_used;
  std::vector<int> groups_used;
  std::unordered_set<std::size_t> batch_hashes;
  for (const DesignPath& p : paths) {
    if (has_path(p.commodity, p.arcs)) continue;
    const std::size_t h = hash_path(p.commodity, p.arcs);
    bool duplicate_in_batch = false;
    if (!batch_hashes.insert(h).second)
      for (const DesignPath* q : fresh)
        if (q->commodity == p.commodity && q->arcs == p.arcs) duplicate_in_batch = true;
    if (duplicate_in_batch) continue;
    fresh.push_back(&p);
    for (std::size_t a : p.arcs) {
      if (a >= problem_.design_arcs.size()) continue;
      arcs_used.push_back(a);
      groups_used.push_back(problem_.design_arcs[a].resource_group);
    }
  }
  if (fresh.empty()) return 0;
  activate_arcs(arcs_used);
  std::sort(groups_used.begin(), groups_used.end());
  groups_used.erase(std::unique(groups_used.begin(), groups_used.end()), groups_used.end());
  activate_resources(groups_used);

  auto& model = clp_->model;
  Batch cols;
  int next_col = model.numberColumns();
  for (const DesignPath* p : fresh) {
    cols.add(0.0, COIN_DBL_MAX, path_cost(p->commodity, p->arcs),
             path_entries(p->commodity, p->arcs));
    paths_of_commodity_[p->commodity].push_back(paths_.size());
    paths_.push_back({p->commodity, p->arcs, next_col++});
    path_hashes_.insert(hash_path(p->commodity, p->arcs));
  }
  model.addColumns(cols.size(), cols.lower.data(), cols.upper.data(), cols.cost.data(),
                   cols.starts.data(), cols.index.data(), cols.value.data());
  return fresh.size();
}

std::unordered_map<std::size_t, double> RestrictedMaster::arc_shares(double tolerance) const {
  const double* x = clp_->model.primalColumnSolution();
  std::unordered_map<std::size_t, double> share;
  for (const PathColumn& p : paths_) {
    const double v = x[p.column];
    if (v <= tolerance) continue;
    for (std::size_t a : p.arcs)
      if (a < problem_.design_arcs.size()) share[linking_key(a, p.commodity)] += v;
  }
  return share;
}

std::size_t RestrictedMaster::add_violated_linking_rows(double tolerance, std::size_t max_rows) {
  if (!solved_once_) return 0;
  const std::unordered_map<std::size_t, double> share = arc_shares(tolerance);
  struct Cut {
    double violation;
    std::size_t key;
  };
  std::vector<Cut> cuts;
  const std::size_t K = problem_.commodities.size();
  for (const auto& [key, s] : share) {
    if (linking_row_.count(key)) continue;
    const std::size_t a = key / K, k = key % K;
    const double m = linking_coefficient(problem_.design_arcs[a], problem_.commodities[k]);
    const double violation = s - m * units(a);
    if (violation > tolerance) cuts.push_back({violation, key});
  }
  std::sort(cuts.begin(), cuts.end(), [](const Cut& l, const Cut& r) {
    return l.violation != r.violation ? l.violation > r.violation : l.key < r.key;
  });
  if (cuts.size() > max_rows) cuts.resize(max_rows);
  if (cuts.empty()) return 0;

  Batch rows;
  auto& model = clp_->model;
  int next_row = model.numberRows();
  for (const Cut& cut : cuts) {
    const std::size_t a = cut.key / K, k = cut.key % K;
    std::vector<std::pair<int, double>> entries;
    for (std::size_t i : paths_of_commodity_[k]) {
      const PathColumn& p = paths_[i];
      if (std::find(p.arcs.begin(), p.arcs.end(), a) != p.arcs.end())
        entries.emplace_back(p.column, 1.0);
    }
    entries.emplace_back(y_column_[a],
                         -linking_coefficient(problem_.design_arcs[a], problem_.commodities[k]));
    std::sort(entries.begin(), entries.end());
    rows.add(-COIN_DBL_MAX, 0.0, 0.0, entries);
    linking_row_[cut.key] = next_row++;
  }
  model.addRows(rows.size(), rows.lower.data(), rows.upper.data(), rows.starts.data(),
                rows.index.data(), rows.value.data());
  rows_added_since_solve_ = true;
  return cuts.size();
}

std::size_t RestrictedMaster::add_violated_residual_rows(double tolerance, std::size_t max_rows) {
  if (!solved_once_ || max_rows == 0) return 0;
  const std::size_t K = problem_.commodities.size();
  // Each arc's commodities with their shares, in commodity order (a deterministic cut).
  std::map<std::size_t, std::vector<std::pair<std::size_t, double>>> on_arc;
  for (const auto& [key, s] : arc_shares(1e-9)) on_arc[key / K].emplace_back(key % K, s);
  struct Candidate {
    double relative_violation;
    std::size_t arc;
    int dimension;
    ResidualCut cut;
  };
  std::vector<Candidate> found;
  for (auto& [a, shares] : on_arc) {
    if (shares.size() < 2) continue;  // one commodity: its linking row is as strong
    std::sort(shares.begin(), shares.end());
    const DesignArc& arc = problem_.design_arcs[a];
    for (int r = 0; r < kDimensions; ++r) {
      if (cap_row_[a][r] < 0) continue;
      std::vector<ResidualItem> items;
      for (const auto& [k, s] : shares) {
        const double size = problem_.commodities[k].size[r];
        items.push_back({k, size, size * std::min(1.0, s)});
      }
      auto cut = most_violated_residual_cut(arc.capacity[r], units(a), items, tolerance);
      if (cut) found.push_back({cut->violation / arc.capacity[r], a, r, std::move(*cut)});
    }
  }
  std::sort(found.begin(), found.end(), [](const Candidate& l, const Candidate& r) {
    if (l.relative_violation != r.relative_violation)
      return l.relative_violation > r.relative_violation;
    return std::tie(l.arc, l.dimension) < std::tie(r.arc, r.dimension);
  });
  // One cut per arc and round: the LP moves after each, and two dimensions' cuts mostly agree.
  std::unordered_set<std::size_t> arcs_cut;
  Batch rows;
  auto& model = clp_->model;
  int next_row = model.numberRows();
  for (Candidate& c : found) {
    if (rows.size() >= static_cast<int>(max_rows)) break;
    if (!arcs_cut.insert(c.arc).second) continue;
    std::map<int, double> entries;
    for (std::size_t k : c.cut.commodities) {
      const double size = problem_.commodities[k].size[c.dimension];
      for (std::size_t i : paths_of_commodity_[k]) {
        const PathColumn& p = paths_[i];
        if (std::find(p.arcs.begin(), p.arcs.end(), c.arc) != p.arcs.end())
          entries[p.column] += size;
      }
    }
    entries[y_column_[c.arc]] -= c.cut.residual;
    rows.add(-COIN_DBL_MAX, c.cut.demand - c.cut.residual * c.cut.kappa, 0.0,
             {entries.begin(), entries.end()});
    residual_rows_of_arc_[c.arc].push_back(residual_rows_.size());
    residual_rows_.push_back({c.arc, c.dimension, std::move(c.cut.commodities), next_row++});
  }
  if (rows.size() == 0) return 0;
  model.addRows(rows.size(), rows.lower.data(), rows.upper.data(), rows.starts.data(),
                rows.index.data(), rows.value.data());
  rows_added_since_solve_ = true;
  return static_cast<std::size_t>(rows.size());
}

LpStatus RestrictedMaster::solve(double seconds_left) {
  auto& model = clp_->model;
  // Wall-clock only: CLP's CPU-seconds limit is process CPU time, which runs ahead of the clock
  // when other threads work (column generation beside a CBC search stopped at its first
  // iteration on it).
  model.setMaximumSeconds(-1.0);
  model.setMaximumWallSeconds(std::max(0.5, seconds_left));
  // New rows leave the old basis dual feasible: dual simplex. New columns leave it primal
  // feasible: primal simplex. Both start from the previous basis.
  if (rows_added_since_solve_ && solved_once_)
    model.dual();
  else
    model.primal();
  rows_added_since_solve_ = false;
  if (model.status() == 1 || model.status() == 2) {
    // Numerical trouble can report a false infeasibility; retry once from scratch.
    model.allSlackBasis(true);
    model.primal();
  }
  solved_once_ = true;
  switch (model.status()) {
    case 0:
      last_status_ = LpStatus::optimal;
      break;
    case 1:
      last_status_ = LpStatus::infeasible;
      break;
    case 3:
      last_status_ = LpStatus::stopped;
      break;
    default:
      last_status_ = LpStatus::failed;
  }
  return last_status_;
}

double RestrictedMaster::objective() const {
  return clp_->model.objectiveValue();
}

MasterDuals RestrictedMaster::duals() const {
  const double* pi = clp_->model.dualRowSolution();
  MasterDuals d;
  const std::size_t K = problem_.commodities.size();
  d.convexity.assign(pi, pi + K);
  d.capacity.assign(problem_.design_arcs.size(), {0.0, 0.0});
  for (std::size_t a = 0; a < cap_row_.size(); ++a)
    for (int r = 0; r < kDimensions; ++r)
      if (cap_row_[a][r] >= 0) d.capacity[a][r] = std::min(0.0, pi[cap_row_[a][r]]);
  d.resource.assign(problem_.resource_limits.size(), 0.0);
  for (std::size_t g = 0; g < resource_row_.size(); ++g)
    if (resource_row_[g] >= 0) d.resource[g] = std::min(0.0, pi[resource_row_[g]]);
  for (const auto& [key, row] : linking_row_) {
    const double v = std::min(0.0, pi[row]);
    if (v != 0.0) d.linking[key] = v;
  }
  for (const ResidualRow& row : residual_rows_) {
    const double v = std::min(0.0, pi[row.row]);
    if (v == 0.0) continue;
    for (std::size_t k : row.commodities)
      d.linking[linking_key(row.arc, k)] += problem_.commodities[k].size[row.dimension] * v;
  }
  d.pool.resize(pool_row_.size());
  for (std::size_t p = 0; p < pool_row_.size(); ++p) d.pool[p] = std::min(0.0, pi[pool_row_[p]]);
  return d;
}

double RestrictedMaster::reduced_cost(const MasterDuals& duals, std::size_t commodity,
                                      const std::vector<std::size_t>& arcs) const {
  const Commodity& k = problem_.commodities[commodity];
  double rc = path_cost(commodity, arcs) - duals.convexity[commodity];
  for (std::size_t a : arcs) {
    if (a >= problem_.design_arcs.size()) continue;
    for (int r = 0; r < kDimensions; ++r) rc -= k.size[r] * duals.capacity[a][r];
    const int g = problem_.design_arcs[a].resource_group;
    if (g >= 0) rc -= k.packages * duals.resource[g];
    auto it = duals.linking.find(linking_key(a, commodity));
    if (it != duals.linking.end()) rc -= it->second;
  }
  return rc;
}

double RestrictedMaster::units(std::size_t design_arc) const {
  const int c = y_column_[design_arc];
  return c < 0 || !solved_once_ ? 0.0 : clp_->model.primalColumnSolution()[c];
}

double RestrictedMaster::unserved_share(std::size_t commodity) const {
  return solved_once_ ? clp_->model.primalColumnSolution()[commodity] : 1.0;
}

DesignSolution RestrictedMaster::current_solution(double min_share) const {
  DesignSolution s;
  s.units.assign(problem_.design_arcs.size(), 0.0);
  if (!solved_once_) return s;
  for (std::size_t a = 0; a < y_column_.size(); ++a) s.units[a] = units(a);
  const double* x = clp_->model.primalColumnSolution();
  for (const PathColumn& p : paths_)
    if (x[p.column] > min_share) s.paths.push_back({p.commodity, p.arcs, x[p.column]});
  s.objective = objective();
  return s;
}

void RestrictedMaster::set_unit_bounds(std::size_t design_arc, double lower, double upper) {
  if (y_column_[design_arc] < 0) activate_arcs({design_arc});
  auto& model = clp_->model;
  model.setColumnLower(y_column_[design_arc], lower);
  model.setColumnUpper(y_column_[design_arc], std::isfinite(upper) ? upper : COIN_DBL_MAX);
}

void RestrictedMaster::reset_unit_bounds() {
  auto& model = clp_->model;
  for (std::size_t a = 0; a < y_column_.size(); ++a) {
    if (y_column_[a] < 0) continue;
    const double ub = problem_.design_arcs[a].max_units;
    model.setColumnLower(y_column_[a], 0.0);
    model.setColumnUpper(y_column_[a], std::isfinite(ub) ? ub : COIN_DBL_MAX);
  }
}

void RestrictedMaster::add_cover_row(const std::vector<std::pair<std::size_t, double>>& arcs,
                                     const std::vector<std::pair<std::size_t, double>>& unserved,
                                     double rhs) {
  std::vector<std::size_t> design;
  for (const auto& [a, coefficient] : arcs) design.push_back(a);
  activate_arcs(design);
  std::map<int, double> entries;
  for (const auto& [a, coefficient] : arcs) entries[y_column_[a]] += coefficient;
  for (const auto& [k, coefficient] : unserved) entries[static_cast<int>(k)] += coefficient;
  Batch rows;
  rows.add(rhs, COIN_DBL_MAX, 0.0, {entries.begin(), entries.end()});
  clp_->model.addRows(rows.size(), rows.lower.data(), rows.upper.data(), rows.starts.data(),
                      rows.index.data(), rows.value.data());
  rows_added_since_solve_ = true;
  ++cover_rows_;
}

}  // namespace mm::engine
