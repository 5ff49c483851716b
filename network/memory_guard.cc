#include "network/memory_guard.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "network/errors.h"
#include "network/instance.h"

namespace mm::network {

namespace {

// A count as people read it: 123456 below a million, 2.1e9 above.
std::string count_text(double count) {
  char buffer[32];
  if (count < 1e6) {
    std::snprintf(buffer, sizeof buffer, "%.0f", count);
    return buffer;
  }
  // printf rounds the mantissa and carries into the exponent: "1.0e+09" for 999999999.
  std::snprintf(buffer, sizeof buffer, "%.1e", count);
  std::string text = buffer;
  const auto e = text.find('e');
  std::string mantissa = text.substr(0, e);
  if (mantissa.size() > 2 && mantissa.compare(mantissa.size() - 2, 2, ".0") == 0)
    mantissa.resize(mantissa.size() - 2);
  return mantissa + "e" + std::to_string(std::atoi(text.c_str() + e + 1));
}

// The dominant term of an estimate: the largest byte count names the driver.
struct Term {
  double bytes;
  std::string driver;
};

MemoryNeed sum_of(const std::vector<Term>& terms) {
  MemoryNeed need;
  const Term* largest = nullptr;
  for (const Term& term : terms) {
    need.bytes += term.bytes;
    if (largest == nullptr || term.bytes > largest->bytes) largest = &term;
  }
  if (largest != nullptr) need.driver = largest->driver;
  return need;
}

// A number from the first line of a file, or nullopt ("max" in cgroup v2 means no limit).
std::optional<double> number_in_file(const std::string& path) {
  std::ifstream in(path);
  std::string word;
  if (!(in >> word) || word == "max") return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(word.c_str(), &end);
  if (end == word.c_str() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// The cgroup this process belongs to: "/path" for cgroup v2 ("0::/path"), and the memory
// controller's path for v1 ("N:memory:/path").
std::map<std::string, std::string> own_cgroups() {
  std::map<std::string, std::string> paths;
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find(':');
    const auto second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    paths[line.substr(first + 1, second - first - 1)] = line.substr(second + 1);
  }
  return paths;
}

// Limit less usage of the cgroup; inside a container the cgroup's own directory is usually
// mounted as the root, so both the full path and the mount root are tried.
std::optional<double> cgroup_headroom() {
  const auto groups = own_cgroups();
  std::vector<std::pair<std::string, std::string>> candidates;  // (limit file, usage file)
  if (auto v2 = groups.find(""); v2 != groups.end()) {
    for (const std::string& dir : {"/sys/fs/cgroup" + v2->second, std::string("/sys/fs/cgroup")})
      candidates.emplace_back(dir + "/memory.max", dir + "/memory.current");
  }
  if (auto v1 = groups.find("memory"); v1 != groups.end()) {
    for (const std::string& dir :
         {"/sys/fs/cgroup/memory" + v1->second, std::string("/sys/fs/cgroup/memory")})
      candidates.emplace_back(dir + "/memory.limit_in_bytes", dir + "/memory.usage_in_bytes");
  }
  for (const auto& [limit_file, usage_file] : candidates) {
    const auto limit = number_in_file(limit_file);
    if (!limit) continue;
    // cgroup v1 reports "no limit" as a huge page-aligned number near 2^63.
    if (*limit >= 1e18) return std::nullopt;
    return std::max(0.0, *limit - number_in_file(usage_file).value_or(0.0));
  }
  return std::nullopt;
}

std::optional<double> mem_available() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  double kib = 0.0;
  std::string unit;
  while (in >> key >> kib >> unit)
    if (key == "MemAvailable:") return kib * 1024.0;
  return std::nullopt;
}

std::optional<double> address_space_headroom() {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  double mapped = 0.0;
  std::ifstream statm("/proc/self/statm");
  double pages = 0.0;
  if (statm >> pages) mapped = pages * static_cast<double>(sysconf(_SC_PAGESIZE));
  return std::max(0.0, static_cast<double>(limit.rlim_cur) - mapped);
}

}  // namespace

InstanceShape shape_of(const Instance& instance) {
  InstanceShape shape;
  shape.facilities = instance.facilities().size();
  shape.demands = instance.demand().size();
  shape.time_step_minutes = instance.time_step_minutes();
  for (const Lane& lane : instance.lanes())
    shape.lanes.push_back({lane.departures.size(), lane.transit_minutes,
                           instance.vehicle_type_of(lane).fleet.has_value()});
  return shape;
}

MemoryNeed estimate_planning_memory(const InstanceShape& shape) {
  using F = PlanningFootprint;
  double arcs = 0.0;
  double fleet_departures = 0.0;
  for (const LaneShape& lane : shape.lanes) {
    arcs += static_cast<double>(lane.departures);
    if (lane.fleet_limited) fleet_departures += static_cast<double>(lane.departures);
  }
  // A fleet row per departure minute of the type holds the departures en route then: a
  // departure appears in the rows of the minutes its transit spans, at most one per time step.
  double fleet_entries = 0.0;
  const double step = std::max(1, shape.time_step_minutes);
  for (const LaneShape& lane : shape.lanes)
    if (lane.fleet_limited)
      fleet_entries += static_cast<double>(lane.departures) *
                       std::min(fleet_departures, std::floor(lane.transit_minutes / step) + 1.0);
  const double nodes =
      arcs + static_cast<double>(shape.demands) + static_cast<double>(shape.facilities);
  const double columns = static_cast<double>(shape.demands) * F::columns_per_demand;
  return sum_of({
      {arcs * F::per_arc, count_text(arcs) + " time-expanded arcs (lanes × departures)"},
      {nodes * F::per_node,
       count_text(nodes) + " time-expanded nodes (facilities × event minutes)"},
      {static_cast<double>(shape.demands) * F::per_demand + columns * F::per_column,
       count_text(columns) + " columns (" + count_text(static_cast<double>(shape.demands)) +
           " demands)"},
      {fleet_entries * F::per_fleet_entry,
       count_text(fleet_entries) + " fleet row entries (departures en route per minute)"},
  });
}

MemoryNeed estimate_cmnd_memory(std::uint64_t nodes, std::uint64_t arcs,
                                std::uint64_t commodities) {
  using F = PlanningFootprint;
  const double n = static_cast<double>(nodes);
  const double a = static_cast<double>(arcs);
  const double k = static_cast<double>(commodities);
  const double columns = k * F::columns_per_demand;
  return sum_of({
      {a * F::per_arc, count_text(a) + " arcs"},
      {n * F::per_node, count_text(n) + " nodes"},
      {k * F::per_demand + columns * F::per_column,
       count_text(columns) + " columns (" + count_text(k) + " commodities)"},
  });
}

namespace {

// MIDDLEMILE_MEMORY_LIMIT_MB: a cap chosen by the user (a shared machine, a fuzzer's RSS limit,
// a test that needs the same message on every machine).
std::optional<double> user_limit() {
  const char* text = std::getenv("MIDDLEMILE_MEMORY_LIMIT_MB");
  if (text == nullptr || *text == '\0') return std::nullopt;
  char* end = nullptr;
  const double mib = std::strtod(text, &end);
  if (*end != '\0' || !(mib > 0)) return std::nullopt;
  return mib * 1024.0 * 1024.0;
}

}  // namespace

std::optional<double> available_memory_bytes() {
  std::optional<double> least;
  for (const auto& limit :
       {cgroup_headroom(), mem_available(), address_space_headroom(), user_limit()})
    if (limit && (!least || *limit < *least)) least = limit;
  return least;
}

void require_memory(const MemoryNeed& need, std::optional<double> available,
                    const std::string& what) {
  if (!available || need.bytes <= *available) return;
  throw InputError(what + " needs ~" + format_bytes(need.bytes) + " for " + need.driver + "; " +
                   format_bytes(*available) + " available");
}

std::string format_bytes(double bytes) {
  static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  std::size_t unit = 0;
  while (bytes >= 1024.0 && unit + 1 < std::size(units)) {
    bytes /= 1024.0;
    ++unit;
  }
  char buffer[48];
  if (bytes < 10.0 && unit > 0)
    std::snprintf(buffer, sizeof buffer, "%.1f %s", bytes, units[unit]);
  else
    std::snprintf(buffer, sizeof buffer, "%.0f %s", bytes, units[unit]);
  return buffer;
}

}  // namespace mm::network
