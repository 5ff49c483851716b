// A solver-neutral sparse MIP/LP (columns with bounds, cost and integrality; rows as ranges
// over sparse entries) and the calls that hand it to CBC (MIP) or CLP (LP relaxation).
//
// The compact baselines (compact_cmnd_mip, compact_ten_mip) build a SparseModel and never see
// a COIN-OR type: those stay in compact_mip_runner.cc. CBC runs through the project's one driver
// (mip/cbc_driver.h: CBC's standard CbcMain0/CbcMain1 with presolve, default cuts and
// heuristics, as the `cbc` program does; logging off, a wall-clock time limit, the process-wide
// CBC lock) and no CBC threads (threads 0: serial search).
// Infinite bounds are written as ±std::numeric_limits<double>::infinity().
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace mm::baselines {

class SparseModel {
 public:
  static constexpr double kInf = std::numeric_limits<double>::infinity();

  // Adds a column; returns its index.
  int add_column(double lower, double upper, double cost, bool integer);

  // Rows are written entry by entry: push() the entries, then end_row() with the range.
  void push(int column, double value) {
    index_.push_back(column);
    value_.push_back(value);
  }
  void end_row(double lower, double upper);

  std::size_t columns() const { return cost_.size(); }
  std::size_t rows() const { return row_lower_.size(); }
  std::size_t nonzeros() const { return value_.size(); }

  const std::vector<double>& col_lower() const { return col_lower_; }
  const std::vector<double>& col_upper() const { return col_upper_; }
  const std::vector<double>& cost() const { return cost_; }
  const std::vector<char>& integer() const { return integer_; }
  const std::vector<double>& row_lower() const { return row_lower_; }
  const std::vector<double>& row_upper() const { return row_upper_; }
  const std::vector<std::size_t>& row_start() const { return row_start_; }
  const std::vector<int>& index() const { return index_; }
  const std::vector<double>& value() const { return value_; }

 private:
  std::vector<double> col_lower_, col_upper_, cost_;
  std::vector<char> integer_;
  std::vector<double> row_lower_, row_upper_;
  std::vector<std::size_t> row_start_{0};  // CSR: row r has entries [start[r], start[r+1])
  std::vector<int> index_;
  std::vector<double> value_;
};

enum class MipOutcome {
  optimal,      // proven optimal (within CBC's default gap tolerances)
  feasible,     // a solution, not proven optimal (time limit)
  infeasible,   // proven infeasible
  no_solution,  // time limit without any solution
};

struct MipResult {
  MipOutcome outcome = MipOutcome::no_solution;
  std::vector<double> values;  // per column; empty unless optimal or feasible
  double objective = SparseModel::kInf;
  double lower_bound = -SparseModel::kInf;  // CBC's best possible objective
  double seconds = 0.0;                     // wall clock, CBC call only
};

MipResult solve_mip_with_cbc(const SparseModel& model, double time_limit_seconds);

struct LpResult {
  bool optimal = false;  // false: infeasible, unbounded or stopped
  double objective = SparseModel::kInf;
  std::vector<double> values;
};

// The LP relaxation (integrality ignored), solved by CLP's dual simplex.
LpResult solve_lp_with_clp(const SparseModel& model);

}  // namespace mm::baselines
