#include "loading/containerize.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace mm::loading {

namespace {

constexpr double kEps = 1e-9;

// Whole packages of size `unit` that fit in `remaining` (unbounded for a size of zero).
double whole_fit(double remaining, double unit, double capacity) {
  if (unit <= 0.0) return std::numeric_limits<double>::infinity();
  return std::floor((remaining + kEps * std::max(1.0, capacity)) / unit + kEps);
}

}  // namespace

std::vector<FilledContainer> fill_containers(const std::vector<GroupPortion>& group,
                                             const ContainerType& type, std::size_t type_index) {
  std::vector<FilledContainer> containers;
  double cube_left = 0.0, weight_left = 0.0;
  const auto open = [&] {
    containers.emplace_back();
    containers.back().type = type_index;
    cube_left = type.cube_m3;
    weight_left = type.max_weight_kg;
  };
  const auto place = [&](const GroupPortion& p, double packages, double reserved) {
    FilledContainer& c = containers.back();
    if (!c.contents.empty() && c.contents.back().demand == p.demand)
      c.contents.back().packages += packages;
    else
      c.contents.push_back({p.demand, packages});
    c.contents_cube_m3 += packages * p.cube_per_package;
    c.contents_weight_kg += packages * p.weight_per_package;
    cube_left -= reserved * p.cube_per_package;
    weight_left -= reserved * p.weight_per_package;
  };
  for (const GroupPortion& p : group) {
    double left = p.packages;
    while (left > kEps) {
      if (containers.empty()) open();
      const double fit = std::min(whole_fit(cube_left, p.cube_per_package, type.cube_m3),
                                  whole_fit(weight_left, p.weight_per_package, type.max_weight_kg));
      const double needed = std::ceil(left - kEps);  // the fraction reserves a whole package
      if (needed <= fit) {
        place(p, left, needed);
        left = 0.0;
      } else if (fit >= 1.0) {
        place(p, fit, fit);
        left -= fit;
        open();
      } else if (containers.back().contents.empty()) {
        std::ostringstream message;
        message << "one package (" << p.cube_per_package << " m3, " << p.weight_per_package
                << " kg) does not fit an empty container \"" << type.id << "\" (" << type.cube_m3
                << " m3, " << type.max_weight_kg << " kg)";
        throw std::invalid_argument(message.str());
      } else {
        open();
      }
    }
  }
  return containers;
}

std::vector<FilledContainer> containerize_group(const std::vector<GroupPortion>& group,
                                                const VehicleLoadingSpec& vehicle) {
  std::vector<FilledContainer> best;
  double best_score = std::numeric_limits<double>::infinity();
  std::string errors;
  for (std::size_t t = 0; t < vehicle.containers.size(); ++t) {
    const ContainerType& type = vehicle.containers[t];
    std::vector<FilledContainer> filled;
    try {
      filled = fill_containers(group, type, t);
    } catch (const std::invalid_argument& e) {
      errors += (errors.empty() ? "" : "; ") + std::string(e.what());
      continue;
    }
    const double n = static_cast<double>(filled.size());
    double weight = n * type.tare_kg;
    for (const FilledContainer& c : filled) weight += c.contents_weight_kg;
    const double score = std::max({n * type.positions / vehicle.positions,
                                   n * type.cube_m3 / vehicle.capacity.cube_m3,
                                   weight / vehicle.capacity.weight_kg});
    const bool better =
        score < best_score - 1e-12 || (score <= best_score + 1e-12 && filled.size() < best.size());
    if (best_score == std::numeric_limits<double>::infinity() || better) {
      best_score = score;
      best = std::move(filled);
    }
  }
  if (best_score == std::numeric_limits<double>::infinity() && !group.empty())
    throw std::invalid_argument(errors);
  return best;
}

}  // namespace mm::loading
