#include "simulation/demand_model.h"

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

#include "simulation/random.h"

namespace mm::simulation {

namespace {
// Φ⁻¹(0.9): p10 and p90 lie this many standard deviations either side of the median.
constexpr double kZ90 = 1.2815515655446004;

DemandSpread spread_of(const network::Demand& d, double default_cv) {
  DemandSpread s;
  if (d.packages_p10 && d.packages_p90) {
    const double p10 = *d.packages_p10, p90 = *d.packages_p90;
    if (p10 == p90) return {p10, 0.0};
    s.sigma = (std::log(p90) - std::log(p10)) / (2.0 * kZ90);
    s.scale = std::sqrt(p10) * std::sqrt(p90);
    return s;
  }
  const double cv = d.packages_cv.value_or(default_cv);
  s.sigma = std::sqrt(std::log1p(cv * cv));
  s.scale = d.packages * std::exp(-0.5 * s.sigma * s.sigma);
  return s;
}
}  // namespace

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("normal_quantile: p must be in (0, 1)");
  // Acklam's coefficients.
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  const double low = 0.02425;
  double x;
  if (p < low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= 1.0 - low) {
    const double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  // One Halley step: e = Φ(x) − p.
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2.0 * M_PI) * std::exp(0.5 * x * x);
  return x - u / (1.0 + 0.5 * x * u);
}

DemandModel::DemandModel(const network::Instance& instance, double demand_cv) {
  if (!(demand_cv >= 0.0) || !std::isfinite(demand_cv))
    throw std::invalid_argument("demand cv must be a finite number >= 0 (got " +
                                std::to_string(demand_cv) + ")");
  const auto& facilities = instance.facilities();
  // Dense factor indices, in facility order: origins, then regions by first appearance.
  std::vector<std::size_t> origin_index(facilities.size(), 0);
  std::vector<std::size_t> region_index(facilities.size(), 0);
  std::map<std::string, std::size_t> regions;
  std::vector<bool> is_origin(facilities.size(), false), is_destination(facilities.size(), false);
  for (const network::Demand& d : instance.demand()) {
    is_origin[d.origin] = true;
    is_destination[d.destination] = true;
  }
  for (std::size_t f = 0; f < facilities.size(); ++f) {
    if (is_origin[f]) origin_index[f] = origin_count_++;
    if (!is_destination[f]) continue;
    // A facility without a region is a region of its own; the prefix keeps the two name spaces
    // apart (a region may be called like a facility).
    const std::string key =
        facilities[f].region ? "r:" + *facilities[f].region : "f:" + facilities[f].id;
    auto [it, inserted] = regions.emplace(key, regions.size());
    region_index[f] = it->second;
  }
  region_count_ = regions.size();
  for (const network::Demand& d : instance.demand()) {
    spreads_.push_back(spread_of(d, demand_cv));
    origin_of_.push_back(origin_index[d.origin]);
    region_of_.push_back(region_index[d.destination]);
  }
}

double DemandModel::quantile(std::size_t k, double q) const {
  const DemandSpread& s = spreads_[k];
  if (s.sigma == 0.0) return s.scale;
  return s.scale * std::exp(s.sigma * normal_quantile(q));
}

void draw_packages(const DemandModel& model, double correlation, std::uint64_t seed,
                   std::uint64_t index, std::vector<double>& packages) {
  SampleRandom random(seed, index);
  std::vector<double> origin(model.origin_factors()), region(model.region_factors());
  for (double& z : origin) z = random.normal();
  for (double& z : region) z = random.normal();
  const double shared = std::sqrt(0.5 * correlation);
  const double own = std::sqrt(1.0 - correlation);
  packages.resize(model.size());
  for (std::size_t k = 0; k < model.size(); ++k) {
    const double z = shared * (origin[model.origin_factor(k)] + region[model.region_factor(k)]) +
                     own * random.normal();
    packages[k] = model.packages(k, model.spread(k).sigma == 0.0 ? 0.0 : z);
  }
}

}  // namespace mm::simulation
