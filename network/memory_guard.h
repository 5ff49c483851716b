// The memory guard: an instance too large for the machine fails early, with a message naming its
// size, instead of being killed by the kernel an hour into a solve.
//
// estimate_planning_memory() predicts, from counts alone (before anything large is built), the
// bytes that planning an instance takes: the time-expanded network (one node per event minute
// of a facility, one dispatch arc per departure), the design problem and pricing graph over it,
// the fleet rows (one per departure minute of a fleet-limited type, holding every departure of
// that type en route then), and column generation's columns. The per-item byte counts are the
// sizes of the structures in network/time_expanded_network.h and engine/ (with their
// per-thread pricing labels), rounded up; the estimate is meant to be right within a factor of
// about two, which is all a guard needs: the instances it stops are orders of magnitude too big.
//
// available_memory_bytes() is the least of what the kernel would let the process use: the
// cgroup limit less its usage (cgroup v2 memory.max/memory.current, or v1
// memory.limit_in_bytes/memory.usage_in_bytes), /proc/meminfo's MemAvailable, and RLIMIT_AS
// less the address space already mapped, and MIDDLEMILE_MEMORY_LIMIT_MB (MiB) when that is set.
// require_memory() compares the two and throws
// InputError (exit 2: the input is too large) such as
//   "instance needs ~38 GiB for 2.1e9 time-expanded arcs (lanes × departures); 23 GiB available"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mm::network {

class Instance;

// What drives memory, per lane; enough to estimate before departures are materialized.
struct LaneShape {
  std::uint64_t departures = 0;
  int transit_minutes = 0;
  bool fleet_limited = false;  // its vehicle type has a fleet: en-route rows are built for it
};

struct InstanceShape {
  std::uint64_t facilities = 0;
  std::uint64_t demands = 0;
  int time_step_minutes = 30;
  std::vector<LaneShape> lanes;
};

InstanceShape shape_of(const Instance& instance);

// A size estimate and the term that dominates it, for the message.
struct MemoryNeed {
  double bytes = 0.0;
  std::string driver;  // e.g. "2.1e9 time-expanded arcs (lanes × departures)"
};

// Bytes per item of the planning estimate (see the header comment).
struct PlanningFootprint {
  static constexpr double per_arc = 240.0;      // TEN arc, design arc, pricing arc, labels
  static constexpr double per_node = 160.0;     // TEN node, CSR offsets, per-thread labels
  static constexpr double per_demand = 4096.0;  // commodity, its sinks and master rows
  static constexpr double columns_per_demand = 32.0;
  static constexpr double per_column = 512.0;      // path arcs, CLP column, duplicate check
  static constexpr double per_fleet_entry = 16.0;  // one departure en route in one fleet row
};

MemoryNeed estimate_planning_memory(const InstanceShape& shape);

// The CMND benchmark (baselines/cmnd_instance.h) through the same engine: graph nodes, arcs and
// commodities.
MemoryNeed estimate_cmnd_memory(std::uint64_t nodes, std::uint64_t arcs, std::uint64_t commodities);

// The least of the limits above, in bytes; nullopt when none can be read.
std::optional<double> available_memory_bytes();

// Throws InputError "<what> needs ~X for <driver>; Y available" when need.bytes > available.
void require_memory(const MemoryNeed& need, std::optional<double> available,
                    const std::string& what);

// "38 GiB", "512 MiB", "3.5 KiB": one significant decimal below 10 units.
std::string format_bytes(double bytes);

}  // namespace mm::network
