#include "network/plan_json.h"
#include "network/json_reader.h"
#include "network/text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "network/errors.h"

namespace mm::network {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kFormat = "middlemile-plan/1";

// ---------------------------------------------------------------------------------------------
// Writing

// JSON has no NaN or infinity (nlohmann would print null, which the reader then rejects), so a
// non-finite number here is a solver bug: fail loudly rather than write an unreadable plan.
double finite(double value, const std::string& path) {
  if (!std::isfinite(value))
    throw std::invalid_argument("write_plan_json: " + path + " is not finite (" +
                                std::to_string(value) + ")");
  return value;
}

ordered_json optional_number(const std::optional<double>& value, const std::string& path) {
  if (!value) return nullptr;
  return finite(*value, path);
}

ordered_json load_json(const Load& load, const std::string& path) {
  return ordered_json{{"packages", finite(load.packages, path + ".packages")},
                      {"cube_m3", finite(load.cube_m3, path + ".cube_m3")},
                      {"weight_kg", finite(load.weight_kg, path + ".weight_kg")}};
}

ordered_json by_mode_json(const std::map<std::string, double>& values, const std::string& path) {
  ordered_json object = ordered_json::object();
  for (const auto& [mode, value] : values) object[mode] = finite(value, path + "." + mode);
  return object;
}

// ---------------------------------------------------------------------------------------------
// Reading: every accessor names the JSON path of what it reads, so the first problem found
// becomes "<source>: <path>: <problem>" (network/json_reader.h).

std::string element(const std::string& parent, std::size_t index) {
  return JsonReader::element(parent, index);
}

class PlanReader : public JsonReader {
 public:
  using JsonReader::JsonReader;

  Load load(const json& value, const std::string& path) const {
    object(value, path);
    Load load;
    load.packages = number_field(value, path, "packages");
    load.cube_m3 = number_field(value, path, "cube_m3");
    load.weight_kg = number_field(value, path, "weight_kg");
    return load;
  }

  PlannedDeparture departure(const json& value, const std::string& path) const {
    object(value, path);
    PlannedDeparture d;
    d.lane = string_field(value, path, "lane");
    d.from = string_field(value, path, "from");
    d.to = string_field(value, path, "to");
    d.vehicle_type = string_field(value, path, "vehicle_type");
    d.departure_minute = integer_field(value, path, "departure_minute");
    d.arrival_minute = integer_field(value, path, "arrival_minute");
    d.vehicles = integer_field(value, path, "vehicles");
    d.load = load(required(value, path, "load"), child(path, "load"));
    const std::string fill_path = child(path, "fill");
    const json& fill = object_field(value, path, "fill");
    d.fill_cube = number_field(fill, fill_path, "cube");
    d.fill_weight = number_field(fill, fill_path, "weight");
    return d;
  }

  Route route(const json& value, const std::string& path) const {
    object(value, path);
    Route r;
    r.demand = string_field(value, path, "demand");
    r.packages = number_field(value, path, "packages");
    const std::string legs_path = child(path, "legs");
    const json& legs = array_field(value, path, "legs");
    for (std::size_t i = 0; i < legs.size(); ++i) {
      const std::string leg_path = element(legs_path, i);
      object(legs[i], leg_path);
      r.legs.push_back({string_field(legs[i], leg_path, "lane"),
                        integer_field(legs[i], leg_path, "departure_minute")});
    }
    r.arrival_minute = integer_field(value, path, "arrival_minute");
    return r;
  }

  UnservedDemand unserved(const json& value, const std::string& path) const {
    object(value, path);
    UnservedDemand u;
    u.demand = string_field(value, path, "demand");
    u.packages = number_field(value, path, "packages");
    u.reason = string_field(value, path, "reason");
    return u;
  }

  template <typename T, typename ReadValue>
  std::map<std::string, T> by_mode(const json& value, const std::string& path,
                                   ReadValue read_value) const {
    object(value, path);
    std::map<std::string, T> result;
    for (const auto& [mode, v] : value.items()) result[mode] = read_value(v, child(path, mode));
    return result;
  }

  PlanKpis kpis(const json& value, const std::string& path) const {
    object(value, path);
    const auto read_int = [this](const json& v, const std::string& p) { return integer(v, p); };
    const auto read_number = [this](const json& v, const std::string& p) { return number(v, p); };
    PlanKpis k;
    k.vehicle_trips = by_mode<int>(required(value, path, "vehicle_trips"),
                                   child(path, "vehicle_trips"), read_int);
    k.fill_cube =
        by_mode<double>(required(value, path, "fill_cube"), child(path, "fill_cube"), read_number);
    // FORMAT.md's example omits fill_weight, so a plan written from it must still be read.
    if (auto it = value.find("fill_weight"); it != value.end())
      k.fill_weight = by_mode<double>(*it, child(path, "fill_weight"), read_number);
    k.on_time_share = number_field(value, path, "on_time_share");
    k.solve_seconds = number_field(value, path, "solve_seconds");
    return k;
  }

  PlanStatus status(const json& value, const std::string& path) const {
    const std::string text = string(value, path);
    for (PlanStatus s : {PlanStatus::optimal, PlanStatus::feasible, PlanStatus::no_solution})
      if (text == to_string(s)) return s;
    fail(path, "expected one of \"optimal\", \"feasible\", \"no_solution\", got \"" + text + "\"");
  }

  Plan plan(const json& root) const {
    require_format(root, kFormat);
    Plan p;
    p.instance = string_field(root, "", "instance");
    p.status = status(required(root, "", "status"), "status");
    p.objective = number_field(root, "", "objective");
    p.lower_bound = optional_number_field(root, "", "lower_bound");
    p.gap = optional_number_field(root, "", "gap");
    const json& cost = object_field(root, "", "cost");
    p.cost.vehicles = number_field(cost, "cost", "vehicles");
    p.cost.packages = number_field(cost, "cost", "packages");
    p.cost.handling = number_field(cost, "cost", "handling");
    p.cost.unserved = number_field(cost, "cost", "unserved");
    const json& departures = array_field(root, "", "departures");
    for (std::size_t i = 0; i < departures.size(); ++i)
      p.departures.push_back(departure(departures[i], element("departures", i)));
    const json& routes = array_field(root, "", "routes");
    for (std::size_t i = 0; i < routes.size(); ++i)
      p.routes.push_back(route(routes[i], element("routes", i)));
    const json& unserved_list = array_field(root, "", "unserved");
    for (std::size_t i = 0; i < unserved_list.size(); ++i)
      p.unserved.push_back(unserved(unserved_list[i], element("unserved", i)));
    p.kpis = kpis(required(root, "", "kpis"), "kpis");
    return p;
  }
};

// ---------------------------------------------------------------------------------------------
// Files

[[noreturn]] void throw_cannot_write(const std::string& path, int error) {
  throw InputError(path + ": cannot write: " + std::strerror(error));
}

std::string folder_of(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// The process umask, read without changing it (umask(2) can only read by setting, which would
// race with other threads creating files). Falls back to the common 022.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  }
  return 022;
}

bool write_all(int fd, const std::string& content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  return true;
}

}  // namespace

std::string write_plan_json(const Plan& plan) {
  ordered_json root;
  root["format"] = kFormat;
  root["instance"] = plan.instance;
  root["status"] = to_string(plan.status);
  root["objective"] = finite(plan.objective, "objective");
  root["lower_bound"] = optional_number(plan.lower_bound, "lower_bound");
  root["gap"] = optional_number(plan.gap, "gap");
  root["cost"] = ordered_json{{"vehicles", finite(plan.cost.vehicles, "cost.vehicles")},
                              {"packages", finite(plan.cost.packages, "cost.packages")},
                              {"handling", finite(plan.cost.handling, "cost.handling")},
                              {"unserved", finite(plan.cost.unserved, "cost.unserved")}};

  ordered_json departures = ordered_json::array();
  for (std::size_t i = 0; i < plan.departures.size(); ++i) {
    const PlannedDeparture& d = plan.departures[i];
    const std::string path = element("departures", i);
    departures.push_back(ordered_json{
        {"lane", d.lane},
        {"from", d.from},
        {"to", d.to},
        {"vehicle_type", d.vehicle_type},
        {"departure_minute", d.departure_minute},
        {"arrival_minute", d.arrival_minute},
        {"vehicles", d.vehicles},
        {"load", load_json(d.load, path + ".load")},
        {"fill", ordered_json{{"cube", finite(d.fill_cube, path + ".fill.cube")},
                              {"weight", finite(d.fill_weight, path + ".fill.weight")}}}});
  }
  root["departures"] = std::move(departures);

  ordered_json routes = ordered_json::array();
  for (std::size_t i = 0; i < plan.routes.size(); ++i) {
    const Route& r = plan.routes[i];
    ordered_json legs = ordered_json::array();
    for (const RouteLeg& leg : r.legs)
      legs.push_back(ordered_json{{"lane", leg.lane}, {"departure_minute", leg.departure_minute}});
    routes.push_back(
        ordered_json{{"demand", r.demand},
                     {"packages", finite(r.packages, element("routes", i) + ".packages")},
                     {"legs", std::move(legs)},
                     {"arrival_minute", r.arrival_minute}});
  }
  root["routes"] = std::move(routes);

  ordered_json unserved = ordered_json::array();
  for (std::size_t i = 0; i < plan.unserved.size(); ++i) {
    const UnservedDemand& u = plan.unserved[i];
    unserved.push_back(
        ordered_json{{"demand", u.demand},
                     {"packages", finite(u.packages, element("unserved", i) + ".packages")},
                     {"reason", u.reason}});
  }
  root["unserved"] = std::move(unserved);

  ordered_json trips = ordered_json::object();
  for (const auto& [mode, count] : plan.kpis.vehicle_trips) trips[mode] = count;
  root["kpis"] =
      ordered_json{{"vehicle_trips", std::move(trips)},
                   {"fill_cube", by_mode_json(plan.kpis.fill_cube, "kpis.fill_cube")},
                   {"fill_weight", by_mode_json(plan.kpis.fill_weight, "kpis.fill_weight")},
                   {"on_time_share", finite(plan.kpis.on_time_share, "kpis.on_time_share")},
                   {"solve_seconds", finite(plan.kpis.solve_seconds, "kpis.solve_seconds")}};
  for (const auto& [name, text] : plan.kpis.sections)
    root["kpis"][name] = ordered_json::parse(text);
  return root.dump(2) + "\n";
}

Plan parse_plan(const std::string& json_text, const std::string& source) {
  // The shared strict parser: the referee must not guess (network/json_reader.h).
  return PlanReader(source).plan(parse_strict_json(json_text, source));
}

Plan read_plan_file(const std::string& path) {
  return parse_plan(read_text_file(path), path);
}

void write_file_atomically(const std::string& path, const std::string& content) {
  if (path.empty()) throw_cannot_write(path, ENOENT);
  const std::filesystem::path target(path);
  const std::string folder = folder_of(path);
  // Hidden temporary beside the target: rename(2) is atomic only within one file system.
  std::string temp =
      (std::filesystem::path(folder) / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw_cannot_write(path, errno);

  int error = 0;
  if (::fchmod(fd, 0666 & ~current_umask()) != 0 || !write_all(fd, content) || ::fsync(fd) != 0)
    error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp.c_str());
    throw_cannot_write(path, error);
  }
  // Make the rename itself durable; failing here cannot leave half a file, so ignore errors.
  const int dir_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

void check_writable(const std::string& path) {
  if (path.empty()) throw_cannot_write(path, ENOENT);
  struct stat info;
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) throw_cannot_write(path, EISDIR);
  const std::string folder = folder_of(path);
  if (::stat(folder.c_str(), &info) != 0) throw_cannot_write(path, errno);
  if (!S_ISDIR(info.st_mode)) throw_cannot_write(path, ENOTDIR);
  // The file is replaced by a rename, so what matters is the folder: write to add the
  // temporary file, search to reach it.
  if (::access(folder.c_str(), W_OK | X_OK) != 0) throw_cannot_write(path, errno);
}

}  // namespace mm::network
