#include "baselines/cmnd_solution.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "network/errors.h"
#include "network/json_fields.h"
#include "network/json_text.h"
#include "network/number_text.h"

namespace mm::baselines {
namespace {

using network::Bound;
using network::IntegerForm;
using network::JsonFields;
using network::JsonProblems;
using network::Need;
using nlohmann::ordered_json;

bool exceeds(double value, double bound, double tol) {
  return value > bound + tol * std::max(1.0, std::fabs(bound));
}

}  // namespace

const char* to_string(CmndStatus status) {
  switch (status) {
    case CmndStatus::optimal:
      return "optimal";
    case CmndStatus::feasible:
      return "feasible";
    case CmndStatus::no_solution:
      return "no_solution";
  }
  return "?";
}

std::string write_cmnd_solution_json(const CmndSolution& solution) {
  std::ostringstream out;
  out << "{\"open_arcs\": [";
  for (std::size_t i = 0; i < solution.open_arcs.size(); ++i)
    out << (i ? ", " : "") << solution.open_arcs[i];
  out << "],\n \"flows\": [";
  for (std::size_t i = 0; i < solution.flows.size(); ++i) {
    const auto& f = solution.flows[i];
    out << (i ? ",\n  " : "\n  ") << "{\"commodity\": " << f.commodity << ", \"arc\": " << f.arc
        << ", \"flow\": " << network::exact_text(f.flow) << "}";
  }
  out << (solution.flows.empty() ? "]}\n" : "\n ]}\n");
  return out.str();
}

CmndSolution parse_cmnd_solution_json(const std::string& text, const std::string& source) {
  const network::JsonText parsed = network::parse_json_text(text, source);
  JsonProblems problems;
  problems.add_all(parsed.duplicate_fields);
  if (!network::check_object(parsed.value, "", problems)) problems.throw_if_any(source);
  JsonFields root(parsed.value, "", problems);
  // Indices are 0-based positions in the file: JSON integers >= 0.
  auto index = [&](const ordered_json& value, const std::string& path) {
    return network::check_integer(value, path, Bound::non_negative(), problems,
                                  IntegerForm::literal);
  };
  CmndSolution solution;
  if (const ordered_json* open = root.array("open_arcs", Need::required))
    for (std::size_t i = 0; i < open->size(); ++i)
      if (auto arc = index((*open)[i], network::json_element_path("open_arcs", i)))
        solution.open_arcs.push_back(static_cast<std::size_t>(*arc));
  network::for_each_object(
      root.array("flows", Need::required), "flows", problems, [&](JsonFields& item, std::size_t) {
        const ordered_json* commodity = item.get("commodity", Need::required);
        const ordered_json* arc = item.get("arc", Need::required);
        const auto k = commodity ? index(*commodity, item.path_of("commodity")) : std::nullopt;
        const auto a = arc ? index(*arc, item.path_of("arc")) : std::nullopt;
        const auto flow = item.number("flow", Need::required, Bound::none());
        item.report_unknown();
        if (k && a && flow)
          solution.flows.push_back(
              {static_cast<std::size_t>(*k), static_cast<std::size_t>(*a), *flow});
      });
  root.report_unknown();
  problems.throw_if_any(source);
  return solution;
}

CmndCheck check_cmnd_solution(const CmndInstance& instance, const CmndSolution& solution,
                              double tol, bool balanced) {
  CmndCheck check;
  auto& violations = check.violations;
  const std::size_t arcs = instance.arcs.size();
  const std::size_t commodities = instance.commodities.size();

  std::vector<bool> open(arcs, false);
  for (std::size_t i = 0; i < solution.open_arcs.size(); ++i) {
    const std::size_t a = solution.open_arcs[i];
    const std::string where = "open_arcs[" + std::to_string(i) + "]: ";
    if (a >= arcs) {
      violations.push_back(where + "arc " + std::to_string(a) + " does not exist (" +
                           std::to_string(arcs) + " arcs)");
    } else if (open[a]) {
      violations.push_back(where + "arc " + std::to_string(a) + " listed twice");
    } else {
      open[a] = true;
      check.objective += instance.arcs[a].fixed_cost;
    }
  }

  // Net outflow per (commodity, node); only touched entries are stored, so a large instance
  // with a sparse solution stays cheap.
  std::map<std::pair<std::size_t, std::size_t>, double> net_outflow;
  std::vector<double> arc_load(arcs, 0.0);
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen;  // (k, a) -> first flows[i]
  for (std::size_t i = 0; i < solution.flows.size(); ++i) {
    const auto& f = solution.flows[i];
    const std::string where = "flows[" + std::to_string(i) + "]: ";
    if (f.commodity >= commodities) {
      violations.push_back(where + "commodity " + std::to_string(f.commodity) +
                           " does not exist (" + std::to_string(commodities) + " commodities)");
      continue;
    }
    if (f.arc >= arcs) {
      violations.push_back(where + "arc " + std::to_string(f.arc) + " does not exist (" +
                           std::to_string(arcs) + " arcs)");
      continue;
    }
    if (!std::isfinite(f.flow)) {
      violations.push_back(where + "flow is not finite");
      continue;
    }
    const auto [it, inserted] = seen.emplace(std::make_pair(f.commodity, f.arc), i);
    if (!inserted)
      violations.push_back(where + "commodity " + std::to_string(f.commodity) + " on arc " +
                           std::to_string(f.arc) + " already given in flows[" +
                           std::to_string(it->second) + "]");
    if (f.flow < -tol) violations.push_back(where + "negative flow " + network::exact_text(f.flow));
    const CmndArc& arc = instance.arcs[f.arc];
    check.objective += arc.unit_cost * f.flow;
    arc_load[f.arc] += f.flow;
    net_outflow[{f.commodity, arc.tail}] += f.flow;
    net_outflow[{f.commodity, arc.head}] -= f.flow;
  }

  for (std::size_t a = 0; a < arcs; ++a) {
    const std::string where = "arc " + std::to_string(a) + ": ";
    if (!open[a]) {
      if (exceeds(arc_load[a], 0.0, tol))
        violations.push_back(where + "flow " + network::exact_text(arc_load[a]) +
                             " on a closed arc");
    } else if (exceeds(arc_load[a], instance.arcs[a].capacity, tol)) {
      violations.push_back(where + "flow " + network::exact_text(arc_load[a]) +
                           " exceeds capacity " + network::exact_text(instance.arcs[a].capacity));
    }
  }

  for (std::size_t k = 0; k < commodities; ++k) {
    const CmndCommodity& c = instance.commodities[k];
    // Only nodes with flow or a supply can be unbalanced.
    auto expected = [&](std::size_t node) {
      return node == c.origin ? c.demand : node == c.destination ? -c.demand : 0.0;
    };
    auto report = [&](std::size_t node, double actual) {
      const double want = expected(node);
      if (std::fabs(actual - want) > tol * std::max(1.0, c.demand))
        violations.push_back("commodity " + std::to_string(k) + " node " + std::to_string(node) +
                             ": net outflow " + network::exact_text(actual) + ", expected " +
                             network::exact_text(want));
    };
    auto lower = net_outflow.lower_bound({k, 0});
    auto upper = net_outflow.lower_bound({k + 1, 0});
    bool origin_seen = false;
    bool destination_seen = false;
    for (auto it = lower; it != upper; ++it) {
      const std::size_t node = it->first.second;
      origin_seen |= node == c.origin;
      destination_seen |= node == c.destination;
      report(node, it->second);
    }
    if (!origin_seen) report(c.origin, 0.0);
    if (!destination_seen) report(c.destination, 0.0);
  }
  if (balanced) {
    std::vector<long> open_out(instance.nodes, 0), open_in(instance.nodes, 0);
    for (std::size_t a = 0; a < arcs; ++a)
      if (open[a]) ++open_out[instance.arcs[a].tail], ++open_in[instance.arcs[a].head];
    for (std::size_t n = 0; n < instance.nodes; ++n)
      if (open_out[n] != open_in[n])
        violations.push_back("node " + std::to_string(n) + ": " + std::to_string(open_out[n]) +
                             " open arcs leave but " + std::to_string(open_in[n]) +
                             " enter (the design must balance)");
  }
  return check;
}

}  // namespace mm::baselines
