// The multicommodity capacitated fixed-charge network design problem (CMND) as read from the
// Canad `.dow` files (Crainic, Frangioni, Gendron 2001; FORMAT.md, section CMND).
//
// A directed graph with, per arc, a unit flow cost, a capacity and a fixed cost paid when the
// arc is opened; commodities each send `demand` units from an origin to a destination. Node and
// arc indices are 0-based here (the file is 1-based); arcs and commodities keep file order, so
// arc a is the (a+1)-th arc line of the file. Costs, capacities and demands are unitless.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace mm::baselines {

struct CmndArc {
  std::size_t tail = 0;
  std::size_t head = 0;
  double unit_cost = 0.0;   // per unit of flow
  double capacity = 0.0;    // total flow of all commodities when open
  double fixed_cost = 0.0;  // paid once when the arc is open
};

struct CmndCommodity {
  std::size_t origin = 0;
  std::size_t destination = 0;
  double demand = 0.0;
};

struct CmndInstance {
  std::string name;  // file stem
  std::size_t nodes = 0;
  std::vector<CmndArc> arcs;
  std::vector<CmndCommodity> commodities;
};

// Reads a `.dow` file: line 1 a label; line 2 `nodes arcs commodities`; one line per arc
// `tail head unit_flow_cost capacity fixed_cost [1 x]` (the two trailing values are unused);
// one line per commodity `origin destination demand`. Blank lines are skipped. Throws
// mm::network::InputError "<path>:<line>: <problem>" on a missing or non-numeric value, a node
// out of range, a loop arc, a negative cost, capacity or demand (or one above 1e12), an origin
// equal to its destination, fewer lines than declared, or extra content after the last
// commodity; and "<path>: instance needs ~X for ...; Y available" when the engine would not fit
// in memory (network/memory_guard.h).
CmndInstance read_dow_file(const std::string& path);

// The same from a stream; `source` prefixes error messages and `name` becomes the name.
CmndInstance parse_dow(std::istream& in, const std::string& source, const std::string& name);

}  // namespace mm::baselines
