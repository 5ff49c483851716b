#include "baselines/cmnd_solution.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "network/errors.h"

namespace mm::baselines {
namespace {

using nlohmann::json;

std::string format_number(double value) {
  return json(value).dump();
}

[[noreturn]] void fail(const std::string& source, const std::string& path,
                       const std::string& problem) {
  throw network::InputError(source + ": " + path + ": " + problem);
}

std::size_t parse_index(const json& value, const std::string& source, const std::string& path) {
  if (!value.is_number_integer() || (!value.is_number_unsigned() && value.get<long long>() < 0))
    fail(source, path, "expected a non-negative integer, got " + value.dump());
  return value.get<std::size_t>();
}

bool exceeds(double value, double bound, double tol) {
  return value > bound + tol * std::max(1.0, std::fabs(bound));
}

}  // namespace

std::string write_cmnd_solution_json(const CmndSolution& solution) {
  std::ostringstream out;
  out << "{\"open_arcs\": [";
  for (std::size_t i = 0; i < solution.open_arcs.size(); ++i)
    out << (i ? ", " : "") << solution.open_arcs[i];
  out << "],\n \"flows\": [";
  for (std::size_t i = 0; i < solution.flows.size(); ++i) {
    const auto& f = solution.flows[i];
    out << (i ? ",\n  " : "\n  ") << "{\"commodity\": " << f.commodity << ", \"arc\": " << f.arc
        << ", \"flow\": " << format_number(f.flow) << "}";
  }
  out << (solution.flows.empty() ? "]}\n" : "\n ]}\n");
  return out.str();
}

CmndSolution parse_cmnd_solution_json(const std::string& text, const std::string& source) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& e) {
    throw network::InputError(source + ": invalid JSON: " + e.what());
  }
  if (!document.is_object()) fail(source, "$", "expected an object");
  for (const auto& item : document.items())
    if (item.key() != "open_arcs" && item.key() != "flows")
      fail(source, item.key(), "unknown field");
  if (!document.contains("open_arcs")) fail(source, "open_arcs", "missing");
  if (!document.contains("flows")) fail(source, "flows", "missing");
  const json& open = document["open_arcs"];
  const json& flows = document["flows"];
  if (!open.is_array()) fail(source, "open_arcs", "expected an array");
  if (!flows.is_array()) fail(source, "flows", "expected an array");

  CmndSolution solution;
  for (std::size_t i = 0; i < open.size(); ++i)
    solution.open_arcs.push_back(
        parse_index(open[i], source, "open_arcs[" + std::to_string(i) + "]"));
  for (std::size_t i = 0; i < flows.size(); ++i) {
    const std::string path = "flows[" + std::to_string(i) + "]";
    const json& item = flows[i];
    if (!item.is_object()) fail(source, path, "expected an object");
    for (const auto& field : item.items())
      if (field.key() != "commodity" && field.key() != "arc" && field.key() != "flow")
        fail(source, path + "." + field.key(), "unknown field");
    for (const char* key : {"commodity", "arc", "flow"})
      if (!item.contains(key)) fail(source, path + "." + key, "missing");
    CmndSolution::Flow flow;
    flow.commodity = parse_index(item["commodity"], source, path + ".commodity");
    flow.arc = parse_index(item["arc"], source, path + ".arc");
    if (!item["flow"].is_number())
      fail(source, path + ".flow", "expected a number, got " + item["flow"].dump());
    flow.flow = item["flow"].get<double>();
    solution.flows.push_back(flow);
  }
  return solution;
}

CmndCheck check_cmnd_solution(const CmndInstance& instance, const CmndSolution& solution,
                              double tol) {
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
    if (f.flow < -tol) violations.push_back(where + "negative flow " + format_number(f.flow));
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
        violations.push_back(where + "flow " + format_number(arc_load[a]) + " on a closed arc");
    } else if (exceeds(arc_load[a], instance.arcs[a].capacity, tol)) {
      violations.push_back(where + "flow " + format_number(arc_load[a]) + " exceeds capacity " +
                           format_number(instance.arcs[a].capacity));
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
                             ": net outflow " + format_number(actual) + ", expected " +
                             format_number(want));
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
  return check;
}

}  // namespace mm::baselines
