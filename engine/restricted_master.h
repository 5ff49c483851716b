// The restricted master LP of column generation, solved with CLP (DESIGN.md).
//
// Rows and columns are created lazily so that a network with hundreds of thousands of dispatch
// arcs costs only what the generated paths touch: a design arc gets its capacity rows and its
// y column the first time a path uses it (until then its duals are 0, which is dual feasible
// because y would price at its fixed cost >= 0). Resource rows (sort capacity) likewise appear
// with the first path through their group; vehicle-pool rows (fleet) exist from the start.
// Strong linking rows λ(a,k) <= min(1, u_a/q_k) y_a and residual capacity rows over a set of
// commodities on one arc (engine/residual_capacity_cuts.h) are separated from the current
// solution; both have entries in path columns, and their duals reach pricing as per (arc,
// commodity) terms of MasterDuals::linking.
// Design rows (balance) exist from the start, with the y columns of every arc they name.
//
// Columns are added in batches and re-solved with warm-started primal simplex; rows with warm
// dual simplex. A path that already exists for its commodity is never added twice (CLP may
// return stale duals right after columns are added, which would otherwise re-generate it).
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/design_problem.h"

namespace mm::engine {

enum class LpStatus { optimal, infeasible, stopped, failed };

// Row duals in the sign convention reduced_cost(column) = cost - Σ_rows coefficient × dual.
struct MasterDuals {
  std::vector<double> convexity;                          // per commodity
  std::vector<std::array<double, kDimensions>> capacity;  // per design arc (0 if no row)
  std::vector<double> resource;                           // per resource group (0 if no row)
  // Per (arc, commodity), key arc × K + commodity: what a path of the commodity through the arc
  // pays for the linking and residual capacity rows (their duals × the path's coefficients).
  std::unordered_map<std::size_t, double> linking;
  std::vector<double> pool;  // per vehicle pool
};

class RestrictedMaster {
 public:
  explicit RestrictedMaster(const DesignProblem& problem);
  ~RestrictedMaster();
  RestrictedMaster(const RestrictedMaster&) = delete;
  RestrictedMaster& operator=(const RestrictedMaster&) = delete;

  // A copy with an LP of its own (rows, columns, basis and solution): column generation goes on
  // in the copy, for the bound only, while CBC searches the original on another core.
  std::unique_ptr<RestrictedMaster> snapshot() const;

  // Adds the paths that are new for their commodity (arcs: pricing-graph arc ids); returns how
  // many were added.
  std::size_t add_paths(const std::vector<DesignPath>& paths);
  bool has_path(std::size_t commodity, const std::vector<std::size_t>& arcs) const;

  // Adds strong linking rows violated by more than `tolerance` at the current solution, the
  // most violated first, at most `max_rows`; returns how many.
  std::size_t add_violated_linking_rows(double tolerance, std::size_t max_rows);
  // Adds residual capacity rows violated by more than `tolerance` × the arc's capacity at the
  // current solution (one per design arc and dimension at most, the most violated first, at
  // most `max_rows`); returns how many.
  std::size_t add_violated_residual_rows(double tolerance, std::size_t max_rows);

  LpStatus solve(double seconds_left);
  // Whether the last solve ended optimal: only then is the primal solution feasible (a solve
  // stopped by the time limit can leave it infeasible).
  bool solution_optimal() const { return last_status_ == LpStatus::optimal; }
  double objective() const;
  MasterDuals duals() const;

  // Current primal values.
  double units(std::size_t design_arc) const;  // 0 for arcs without a column yet
  bool arc_active(std::size_t design_arc) const { return y_column_[design_arc] >= 0; }
  double unserved_share(std::size_t commodity) const;
  DesignSolution current_solution(double min_share = 1e-9) const;

  // Bounds on y (for diving); arcs without a column are activated first.
  void set_unit_bounds(std::size_t design_arc, double lower, double upper);
  void reset_unit_bounds();

  // Exact reduced cost of a path under `duals` (cost - a·dual).
  double reduced_cost(const MasterDuals& duals, std::size_t commodity,
                      const std::vector<std::size_t>& arcs) const;

  // Adds the row Σ coefficient × y_a + Σ coefficient × s_k ≥ rhs over vehicle columns and
  // unserved shares only (a cut on whole vehicles: engine/cutset_cuts.h). No path column has an
  // entry, so pricing is unchanged; the y columns it names are activated.
  void add_cover_row(const std::vector<std::pair<std::size_t, double>>& arcs,
                     const std::vector<std::pair<std::size_t, double>>& unserved, double rhs);

  std::size_t path_count() const { return paths_.size(); }
  std::size_t linking_row_count() const { return linking_row_.size(); }
  std::size_t residual_row_count() const { return residual_rows_.size(); }
  std::size_t cover_row_count() const { return cover_rows_; }

  const DesignProblem& problem() const { return problem_; }

  // For code that hands the master to CBC (price_and_branch.cc).
  struct Clp;  // defined in restricted_master_clp.h
  struct PathColumn {
    std::size_t commodity;
    std::vector<std::size_t> arcs;
    int column;
  };
  const Clp& clp() const { return *clp_; }
  int y_column(std::size_t design_arc) const { return y_column_[design_arc]; }
  // The LP column of each of the problem's design columns, in order.
  const std::vector<int>& design_columns() const { return design_column_; }
  const std::vector<PathColumn>& path_columns() const { return paths_; }
  const std::vector<std::size_t>& paths_of(std::size_t commodity) const {
    return paths_of_commodity_[commodity];
  }

 private:
  struct Copy {};
  RestrictedMaster(const RestrictedMaster& other, Copy);
  void activate_arcs(const std::vector<std::size_t>& design_arcs);
  void add_design_rows();
  void activate_resources(const std::vector<int>& groups);
  std::vector<std::pair<int, double>> path_entries(std::size_t commodity,
                                                   const std::vector<std::size_t>& arcs) const;
  double path_cost(std::size_t commodity, const std::vector<std::size_t>& arcs) const;
  std::size_t linking_key(std::size_t arc, std::size_t commodity) const {
    return arc * problem_.commodities.size() + commodity;
  }
  // Each commodity's share on each design arc at the current solution (shares above
  // `tolerance`), by linking_key.
  std::unordered_map<std::size_t, double> arc_shares(double tolerance) const;

  const DesignProblem& problem_;
  std::unique_ptr<Clp> clp_;
  std::vector<int> y_column_;                           // per design arc, -1 if none
  std::vector<int> design_column_;                      // per design column
  std::vector<std::array<int, kDimensions>> cap_row_;   // per design arc, -1 if none
  std::vector<int> resource_row_;                       // per group, -1 if none
  std::vector<int> pool_row_;                           // per pool
  std::vector<std::vector<std::size_t>> pools_of_arc_;  // design arc -> pool ids
  std::unordered_map<std::size_t, int> linking_row_;    // key -> row
  struct ResidualRow {
    std::size_t arc;
    int dimension;
    std::vector<std::size_t> commodities;  // ascending
    int row;
  };
  std::vector<ResidualRow> residual_rows_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> residual_rows_of_arc_;  // -> index
  std::vector<PathColumn> paths_;
  std::vector<std::vector<std::size_t>> paths_of_commodity_;  // -> index into paths_
  std::unordered_set<std::size_t> path_hashes_;               // hash(commodity, arcs)
  bool rows_added_since_solve_ = false;
  bool solved_once_ = false;
  LpStatus last_status_ = LpStatus::failed;
  std::vector<std::array<bool, kDimensions>> binding_;  // per design arc: capacity rows needed
  std::size_t cover_rows_ = 0;
};

}  // namespace mm::engine
