#include "engine/cutset_cuts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace mm::engine {

namespace {

// Design arcs a commodity's path can start with: out of its source and of every node its free
// arcs (holding) reach.
std::vector<std::size_t> first_legs(const DesignProblem& problem, std::size_t source) {
  const std::size_t A = problem.design_arcs.size();
  std::vector<std::size_t> legs, stack{source};
  std::set<std::size_t> seen{source};
  while (!stack.empty()) {
    const std::size_t n = stack.back();
    stack.pop_back();
    for (std::size_t a : problem.graph.out_arcs(n)) {
      if (a < A) {
        legs.push_back(a);
        continue;
      }
      const std::size_t head = problem.graph.arc(a).head;
      if (head != routing::kNoNode && seen.insert(head).second) stack.push_back(head);
    }
  }
  std::sort(legs.begin(), legs.end());
  return legs;
}

struct Mir {
  double violation = 0.0;  // relative to the right-hand side
  double delta = 0.0;
  int dimension = 0;
};

}  // namespace

CutsetSeparator::CutsetSeparator(const DesignProblem& problem) : problem_(problem) {
  const std::size_t K = problem.commodities.size();
  std::vector<const std::vector<std::size_t>*> legs(K, nullptr);
  std::map<std::size_t, std::vector<std::size_t>> by_origin, by_destination;
  // Commodities of one source node share their first legs (a national network: 93,000
  // commodities, 360 sources).
  std::map<std::size_t, std::vector<std::size_t>> legs_of_source;
  for (std::size_t k = 0; k < K; ++k) {
    const Commodity& c = problem.commodities[k];
    if (c.sinks.empty()) continue;
    auto known = legs_of_source.find(c.source);
    if (known == legs_of_source.end())
      known = legs_of_source.emplace(c.source, first_legs(problem, c.source)).first;
    legs[k] = &known->second;
    if (legs[k]->empty()) continue;
    by_origin[c.origin].push_back(k);
    by_destination[c.destination].push_back(k);
  }
  std::set<std::vector<std::size_t>> seen;
  // Nested sets: members by increasing arc set, each prefix with the union of their arcs. A
  // prefix whose union equals the next one's is dropped (the larger D dominates).
  auto add_nested = [&](std::vector<std::size_t> members, auto arcs_of) {
    std::stable_sort(members.begin(), members.end(), [&](std::size_t l, std::size_t r) {
      return arcs_of(l).size() < arcs_of(r).size();
    });
    std::set<std::size_t> united;
    // Arc lists already in the union (members of one source share one list of first legs).
    std::set<const std::vector<std::size_t>*> merged;
    CutSet current;
    for (std::size_t i = 0; i < members.size(); ++i) {
      current.commodities.push_back(members[i]);
      const std::vector<std::size_t>& arcs = arcs_of(members[i]);
      if (merged.insert(&arcs).second) united.insert(arcs.begin(), arcs.end());
      const bool last = i + 1 == members.size();
      if (!last) {
        const std::vector<std::size_t>& next = arcs_of(members[i + 1]);
        if (merged.count(&next) ||
            std::all_of(next.begin(), next.end(), [&](std::size_t a) { return united.count(a); }))
          continue;
      }
      current.arcs.assign(united.begin(), united.end());
      if (seen.insert(current.arcs).second) sets_.push_back(current);
    }
  };
  for (auto& [origin, members] : by_origin)
    add_nested(members, [&](std::size_t k) -> const std::vector<std::size_t>& { return *legs[k]; });
  for (auto& [destination, members] : by_destination)
    add_nested(members, [&](std::size_t k) -> const std::vector<std::size_t>& {
      return problem.commodities[k].sinks;
    });
}

std::size_t CutsetSeparator::separate(RestrictedMaster& master, double tolerance,
                                      std::size_t max_cuts) {
  struct Found {
    Mir mir;
    std::size_t set;
  };
  std::vector<Found> found;
  for (std::size_t i = 0; i < sets_.size(); ++i) {
    const CutSet& set = sets_[i];
    Mir best;
    for (int r = 0; r < kDimensions; ++r) {
      double total = 0.0;
      for (std::size_t k : set.commodities) total += problem_.commodities[k].size[r];
      if (total <= 0) continue;
      std::set<double> deltas;
      bool bounded = true;
      for (std::size_t a : set.arcs) {
        const double cap = problem_.design_arcs[a].capacity[r];
        if (!std::isfinite(cap) || cap <= 0)
          bounded = false;
        else
          deltas.insert(cap);
      }
      if (!bounded) continue;  // an arc that carries anything: no cut in this dimension
      for (double delta : deltas) {
        const double b = total / delta;
        const double f = b - std::floor(b);
        if (f < 1e-3 || f > 1 - 1e-9) continue;
        double lhs = 0.0;
        for (std::size_t a : set.arcs) {
          const double alpha = problem_.design_arcs[a].capacity[r] / delta;
          const double fa = alpha - std::floor(alpha);
          lhs += (std::floor(alpha) + std::min(fa, f) / f) * master.units(a);
        }
        for (std::size_t k : set.commodities)
          lhs += problem_.commodities[k].size[r] / delta / f * master.unserved_share(k);
        const double rhs = std::ceil(b);
        const double violation = (rhs - lhs) / rhs;
        if (violation > best.violation) best = {violation, delta, r};
      }
    }
    if (best.violation > tolerance) found.push_back({best, i});
  }
  std::sort(found.begin(), found.end(), [](const Found& l, const Found& r) {
    return l.mir.violation != r.mir.violation ? l.mir.violation > r.mir.violation : l.set < r.set;
  });
  if (found.size() > max_cuts) found.resize(max_cuts);
  for (const Found& cut : found) {
    const CutSet& set = sets_[cut.set];
    const int r = cut.mir.dimension;
    const double delta = cut.mir.delta;
    double total = 0.0;
    for (std::size_t k : set.commodities) total += problem_.commodities[k].size[r];
    const double b = total / delta;
    const double f = b - std::floor(b);
    std::vector<std::pair<std::size_t, double>> arcs, unserved;
    for (std::size_t a : set.arcs) {
      const double alpha = problem_.design_arcs[a].capacity[r] / delta;
      const double fa = alpha - std::floor(alpha);
      arcs.emplace_back(a, std::floor(alpha) + std::min(fa, f) / f);
    }
    for (std::size_t k : set.commodities)
      unserved.emplace_back(k, problem_.commodities[k].size[r] / delta / f);
    master.add_cover_row(arcs, unserved, std::ceil(b));
  }
  return found.size();
}

}  // namespace mm::engine
