// The distribution of each demand's packages on a day (docs/SIMULATION.md, "Demand").
//
// Every demand's packages are lognormal — positive, right-skewed, and fitted by two numbers:
//  - from a coefficient of variation c (the demand's `packages_cv`, else the command's
//    --demand-cv) around the forecast mean μ = `packages`: σ² = ln(1 + c²), and
//    X = μ · exp(σZ − σ²/2), so E[X] = μ and CV[X] = c exactly;
//  - from the demand's `packages_p10` and `packages_p90`: the lognormal through both,
//    σ = (ln p90 − ln p10) / (2 · 1.2816), median √(p10 · p90), X = median · exp(σZ) (its mean
//    need not be `packages`, which stays the forecast the plan is made for).
// Cube and weight follow packages in proportion. With σ = 0, X is the forecast exactly.
//
// Correlation: the standard normal Z_k of demand k is
//    Z_k = √(ρ/2) · (O_origin(k) + R_region(destination(k))) + √(1 − ρ) · ε_k,
// with independent standard normals O per origin facility, R per destination region (the
// facility's `region`, else the facility itself) and ε per demand. So each Z_k is N(0, 1)
// (marginals unchanged), two demands sharing origin and region have correlation ρ in Z, those
// sharing one of the two ρ/2, others 0: a heavy day at an origin, or in a region, is heavy for
// all its demands at once.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "network/instance.h"

namespace mm::simulation {

// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation refined by one Halley step on erfc
// (absolute error below 1e-15 in practice).
double normal_quantile(double p);

// X = scale · exp(sigma · Z).
struct DemandSpread {
  double scale = 0.0;
  double sigma = 0.0;
};

class DemandModel {
 public:
  // `demand_cv` >= 0 applies to every demand without its own packages_cv or p10/p90.
  // Throws std::invalid_argument for a negative or non-finite cv (the CLI checks it first).
  DemandModel(const network::Instance& instance, double demand_cv);

  std::size_t size() const { return spreads_.size(); }
  const DemandSpread& spread(std::size_t k) const { return spreads_[k]; }

  // Packages of demand k at its standard normal z.
  double packages(std::size_t k, double z) const {
    return z == 0.0 ? spreads_[k].scale : spreads_[k].scale * std::exp(spreads_[k].sigma * z);
  }
  // The q-quantile of demand k's packages, q in (0, 1).
  double quantile(std::size_t k, double q) const;

  // The shared factors: demand k uses origin factor origin_factor(k) and region factor
  // region_factor(k), indices into [0, origin_factors()) and [0, region_factors()).
  std::size_t origin_factor(std::size_t k) const { return origin_of_[k]; }
  std::size_t region_factor(std::size_t k) const { return region_of_[k]; }
  std::size_t origin_factors() const { return origin_count_; }
  std::size_t region_factors() const { return region_count_; }

 private:
  std::vector<DemandSpread> spreads_;
  std::vector<std::size_t> origin_of_;
  std::vector<std::size_t> region_of_;
  std::size_t origin_count_ = 0;
  std::size_t region_count_ = 0;
};

// Draws one day: the packages of every demand, from (seed, index) alone (simulation/random.h).
// The draws are made in a fixed order — origin factors, region factors, then one ε per demand —
// whatever ρ is, so plans and correlations compared with one seed see the same days (common
// random numbers). `correlation` in [0, 1].
void draw_packages(const DemandModel& model, double correlation, std::uint64_t seed,
                   std::uint64_t index, std::vector<double>& packages);

}  // namespace mm::simulation
