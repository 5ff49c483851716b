#include "baselines/cmnd_instance.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <istream>
#include <sstream>

#include "network/errors.h"
#include "network/json_text.h"
#include "network/memory_guard.h"

namespace mm::baselines {
namespace {

// Costs, capacities and demands above this are refused: sums of them (the engine's penalty adds
// every fixed cost) must stay finite and meaningful. The instance format has the same cap.
constexpr double kMaxValue = 1e12;
// The counts in the header are only promises: memory is reserved for at most this many items
// up front, and the rest grows with the lines actually read.
constexpr std::size_t kMaxReserve = 1 << 16;

// Reads the file line by line, skipping blank lines, and formats errors with the line number.
class DowLines {
 public:
  DowLines(std::istream& in, const std::string& source) : in_(in), source_(source) {}

  // The tokens of the next non-blank line; throws `missing` when the file has ended.
  std::vector<std::string> next(const std::string& missing) {
    std::string line;
    while (std::getline(in_, line)) {
      ++line_number_;
      std::vector<std::string> tokens = split(line);
      if (!tokens.empty()) return tokens;
    }
    ++line_number_;  // the error refers to the line that should have followed
    fail(missing);
  }

  // The label line: read as is (it may be blank in principle, so it is not skipped).
  void skip_label() {
    std::string line;
    if (!std::getline(in_, line)) {
      ++line_number_;
      fail("empty file (expected a label line)");
    }
    ++line_number_;
  }

  // Throws if anything but blank lines is left.
  void expect_end(const std::string& what) {
    std::string line;
    while (std::getline(in_, line)) {
      ++line_number_;
      if (!split(line).empty()) fail("unexpected content after " + what);
    }
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw network::InputError(source_ + ":" + std::to_string(line_number_) + ": " + problem);
  }

  double number(const std::vector<std::string>& tokens, std::size_t i, const char* what) const {
    if (i >= tokens.size()) fail(std::string("missing ") + what);
    const std::string& token = tokens[i];
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(token.c_str(), &end);
    if (end != token.c_str() + token.size() || errno == ERANGE || !std::isfinite(value))
      fail(std::string(what) + " is not a number: " + network::in_quotes(token));
    return value;
  }

  std::size_t count(const std::vector<std::string>& tokens, std::size_t i, const char* what) const {
    const double value = number(tokens, i, what);
    if (value < 0 || value != std::floor(value) || value > 1e9)
      fail(std::string(what) + " must be a non-negative integer, got " +
           network::in_quotes(tokens[i]));
    return static_cast<std::size_t>(value);
  }

  // A 1-based node number in [1, nodes], returned 0-based.
  std::size_t node(const std::vector<std::string>& tokens, std::size_t i, const char* what,
                   std::size_t nodes) const {
    const double value = number(tokens, i, what);
    if (value != std::floor(value) || value < 1 || value > static_cast<double>(nodes))
      fail(std::string(what) + " " + tokens[i] + " is not a node in 1.." + std::to_string(nodes));
    return static_cast<std::size_t>(value) - 1;
  }

  double non_negative(const std::vector<std::string>& tokens, std::size_t i,
                      const char* what) const {
    const double value = number(tokens, i, what);
    if (value < 0) fail(std::string(what) + " must be >= 0, got " + tokens[i]);
    if (value > kMaxValue) fail(std::string(what) + " must be at most 1e12, got " + tokens[i]);
    return value;
  }

  void at_most(const std::vector<std::string>& tokens, std::size_t n, const char* line_kind) const {
    if (tokens.size() > n)
      fail(std::string(line_kind) + " line has " + std::to_string(tokens.size()) +
           " values, expected at most " + std::to_string(n));
  }

 private:
  static std::vector<std::string> split(const std::string& line) {
    std::istringstream stream(line);
    std::vector<std::string> tokens;
    std::string token;
    while (stream >> token) tokens.push_back(token);
    return tokens;
  }

  std::istream& in_;
  const std::string& source_;
  std::size_t line_number_ = 0;
};

}  // namespace

CmndInstance parse_dow(std::istream& in, const std::string& source, const std::string& name) {
  DowLines lines(in, source);
  lines.skip_label();

  const auto header = lines.next("missing the line 'nodes arcs commodities'");
  CmndInstance instance;
  instance.name = name;
  instance.nodes = lines.count(header, 0, "node count");
  const std::size_t arc_count = lines.count(header, 1, "arc count");
  const std::size_t commodity_count = lines.count(header, 2, "commodity count");
  lines.at_most(header, 3, "header");
  if (instance.nodes == 0) lines.fail("node count must be positive");

  instance.arcs.reserve(std::min(arc_count, kMaxReserve));
  for (std::size_t a = 0; a < arc_count; ++a) {
    const auto tokens = lines.next("file ends after " + std::to_string(a) + " of " +
                                   std::to_string(arc_count) + " arcs");
    CmndArc arc;
    arc.tail = lines.node(tokens, 0, "tail", instance.nodes);
    arc.head = lines.node(tokens, 1, "head", instance.nodes);
    arc.unit_cost = lines.non_negative(tokens, 2, "unit flow cost");
    arc.capacity = lines.non_negative(tokens, 3, "capacity");
    arc.fixed_cost = lines.non_negative(tokens, 4, "fixed cost");
    // The two trailing values are unused by the problem, but must still be numbers if present.
    if (tokens.size() > 5) lines.number(tokens, 5, "sixth value");
    if (tokens.size() > 6) lines.number(tokens, 6, "seventh value");
    lines.at_most(tokens, 7, "arc");
    if (arc.tail == arc.head) lines.fail("arc is a loop at node " + tokens[0]);
    instance.arcs.push_back(arc);
  }

  instance.commodities.reserve(std::min(commodity_count, kMaxReserve));
  for (std::size_t k = 0; k < commodity_count; ++k) {
    const auto tokens = lines.next("file ends after " + std::to_string(k) + " of " +
                                   std::to_string(commodity_count) + " commodities");
    CmndCommodity commodity;
    commodity.origin = lines.node(tokens, 0, "origin", instance.nodes);
    commodity.destination = lines.node(tokens, 1, "destination", instance.nodes);
    commodity.demand = lines.non_negative(tokens, 2, "demand");
    lines.at_most(tokens, 3, "commodity");
    if (commodity.origin == commodity.destination)
      lines.fail("commodity origin equals its destination (node " + tokens[0] + ")");
    instance.commodities.push_back(commodity);
  }

  lines.expect_end(std::to_string(commodity_count) + " commodities");
  // A header may declare a billion nodes on a few lines: the engine allocates per node.
  network::require_memory(network::estimate_cmnd_memory(instance.nodes, arc_count, commodity_count),
                          network::available_memory_bytes(), source + ": instance");
  return instance;
}

CmndInstance read_dow_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw network::InputError(path + ": cannot open file");
  // The name goes into JSON output, which must be UTF-8; a file name need not be.
  return parse_dow(in, path,
                   network::utf8_or_replaced(std::filesystem::path(path).stem().string()));
}

}  // namespace mm::baselines
