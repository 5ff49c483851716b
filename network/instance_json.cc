// Reads, validates and writes middlemile-instance/1 (FORMAT.md, "Instance").
//
// Parsing happens in two passes over the DOM. The first checks every item on its own (types,
// ranges, unknown fields) and every reference and id, collecting one message per problem and
// never stopping early, so a user fixes a file in one pass. Only when that pass found nothing
// does the second derive the optional values (distances, transit times, trip costs, default
// departures, the unserved penalty) and build the Instance.
#include "network/instance_json.h"
#include "network/text_file.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "network/errors.h"
#include "network/geodesic.h"
#include "network/json_text.h"
#include "network/memory_guard.h"

namespace mm::network {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "middlemile-instance/1";
constexpr int kDefaultTimeStep = 30;
// The default penalty makes dropping a package cost as much as 100 of the dearest trips, so
// serving it wins whenever an on-time path exists.
constexpr double kPenaltyTripMultiple = 100.0;
// ... and when every trip is free (or there are no lanes), one currency unit per package.
constexpr double kFallbackPenalty = 1.0;
// Sanity limits, so that no sum the planner, the referee or CLP forms can overflow or lose all
// precision: costs, capacities, amounts and distances are at most 1e12 (a million times any real
// figure), and minutes at most 5e8 (950 years), so departure + transit + handling fits an int.
constexpr double kMaxAmount = 1e12;
constexpr const char* kMaxAmountText = "1e12";
constexpr int kMaxMinutes = 500000000;
// A coefficient of variation above 10 (a standard deviation ten times the mean) is no forecast.
constexpr double kMaxCv = 10.0;

std::string show(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "boolean " + value.dump();
    case Json::value_t::string: {
      std::string text = value.get<std::string>();
      if (text.size() > 40) text = text.substr(0, 37) + "...";
      return "string " + in_quotes(text);
    }
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    default:
      return value.is_number() ? "number " + value.dump() : value.type_name();
  }
}

// Where one of a few strings was expected, a wrong string is shown as just the string.
std::string show_choice(const Json& value) {
  return value.is_string() ? in_quotes(value.get<std::string>()) : show(value);
}

// A plain decimal for bounds in messages: 0, 1, -180, 2880, 0.5.
std::string decimal(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

class Problems {
 public:
  void add(const std::string& path, const std::string& message) {
    list_.push_back((path.empty() ? "(root)" : path) + ": " + message);
  }
  std::size_t count() const { return list_.size(); }
  std::vector<std::string>& list() { return list_; }

 private:
  std::vector<std::string> list_;
};

// Numeric bounds of one field; the message is generated from them.
struct Bound {
  std::optional<double> min;
  bool min_strict = false;
  std::optional<double> max;
  // A sanity cap (kMaxAmount, kMaxMinutes) rather than a rule of the model: checked after the
  // bounds above and reported on its own, "must be at most 1e12 (got 1e+308)".
  std::optional<double> limit;
  std::string limit_text;

  static Bound none() { return {}; }
  static Bound positive() { return from(0.0, true, std::nullopt); }
  static Bound non_negative() { return from(0.0, false, std::nullopt); }
  static Bound at_least_one() { return from(1.0, false, std::nullopt); }
  static Bound between(double lo, double hi) { return from(lo, false, hi); }
  static Bound from(double lo, bool strict, std::optional<double> hi) {
    Bound b;
    b.min = lo;
    b.min_strict = strict;
    b.max = hi;
    return b;
  }

  // The same bound, capped: amounts at kMaxAmount, minutes at kMaxMinutes.
  Bound amount() const { return capped(kMaxAmount, kMaxAmountText); }
  Bound minutes() const { return capped(kMaxMinutes, std::to_string(kMaxMinutes)); }
  Bound capped(double cap, std::string text) const {
    Bound b = *this;
    b.limit = cap;
    b.limit_text = std::move(text);
    return b;
  }

  bool holds(double value) const {
    if (min && (min_strict ? !(value > *min) : !(value >= *min))) return false;
    if (max && !(value <= *max)) return false;
    return true;
  }
  bool within_limit(double value) const { return !limit || value <= *limit; }
  std::string describe() const {
    if (min && max) return "must be between " + decimal(*min) + " and " + decimal(*max);
    if (min) return std::string("must be ") + (min_strict ? "> " : ">= ") + decimal(*min);
    return "must be <= " + decimal(*max);
  }
};

enum class Need { required, optional };

// The fields of one JSON object. Each accessor checks one field, reports what is wrong with it
// and returns its value only when it is valid; report_unknown() then names every field that no
// accessor asked for.
class Fields {
 public:
  Fields(const Json& object, std::string path, Problems& problems)
      : object_(object), path_(std::move(path)), problems_(problems) {}

  const std::string& path() const { return path_; }
  std::string path_of(const std::string& key) const { return json_member_path(path_, key); }

  // The raw value, or nullptr when absent (reported if required).
  const Json* get(const char* key, Need need) {
    known_.insert(key);
    auto it = object_.find(key);
    if (it == object_.end()) {
      if (need == Need::required) problems_.add(path_, "missing required field " + in_quotes(key));
      return nullptr;
    }
    return &*it;
  }

  std::optional<std::string> string(const char* key, Need need) {
    const Json* value = get(key, need);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) {
      problems_.add(path_of(key), "must be a string (got " + show(*value) + ")");
      return std::nullopt;
    }
    std::string text = value->get<std::string>();
    if (text.empty()) {
      problems_.add(path_of(key), "must not be empty");
      return std::nullopt;
    }
    return text;
  }

  std::optional<double> number(const char* key, Need need, Bound bound) {
    const Json* value = get(key, need);
    if (value == nullptr) return std::nullopt;
    return check_number(*value, path_of(key), bound, problems_);
  }

  std::optional<int> integer(const char* key, Need need, Bound bound) {
    const Json* value = get(key, need);
    if (value == nullptr) return std::nullopt;
    return check_integer(*value, path_of(key), bound, problems_);
  }

  // The index of the value in `allowed`.
  std::optional<std::size_t> choice(const char* key, Need need,
                                    const std::vector<const char*>& allowed) {
    const Json* value = get(key, need);
    if (value == nullptr) return std::nullopt;
    if (value->is_string()) {
      const std::string& text = value->get_ref<const std::string&>();
      for (std::size_t i = 0; i < allowed.size(); ++i)
        if (text == allowed[i]) return i;
    }
    std::string names;
    for (const char* name : allowed) names += (names.empty() ? "" : ", ") + in_quotes(name);
    problems_.add(path_of(key), "must be one of " + names + " (got " + show_choice(*value) + ")");
    return std::nullopt;
  }

  const Json* object(const char* key, Need need) {
    const Json* value = get(key, need);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) {
      problems_.add(path_of(key), "must be an object (got " + show(*value) + ")");
      return nullptr;
    }
    return value;
  }

  const Json* array(const char* key, Need need) {
    const Json* value = get(key, need);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
      problems_.add(path_of(key), "must be an array (got " + show(*value) + ")");
      return nullptr;
    }
    return value;
  }

  void report_unknown() {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (known_.count(it.key()) != 0) continue;
      std::string message = "unknown field";
      if (auto close = closest_known(it.key()))
        message += " (did you mean " + in_quotes(*close) + "?)";
      problems_.add(path_of(it.key()), message);
    }
  }

  static std::optional<double> check_number(const Json& value, const std::string& path,
                                            const Bound& bound, Problems& problems) {
    if (!value.is_number()) {
      problems.add(path, "must be a number (got " + show(value) + ")");
      return std::nullopt;
    }
    double number = value.get<double>();
    if (!std::isfinite(number)) {
      problems.add(path, "must be finite (got " + value.dump() + ")");
      return std::nullopt;
    }
    if (!bound.holds(number)) {
      problems.add(path, bound.describe() + " (got " + value.dump() + ")");
      return std::nullopt;
    }
    if (!bound.within_limit(number)) {
      problems.add(path, "must be at most " + bound.limit_text + " (got " + value.dump() + ")");
      return std::nullopt;
    }
    return number;
  }

  // Minutes and counts: a JSON integer, or a float with an integral value (120.0).
  static std::optional<int> check_integer(const Json& value, const std::string& path,
                                          const Bound& bound, Problems& problems) {
    if (!value.is_number()) {
      problems.add(path, "must be an integer (got " + show(value) + ")");
      return std::nullopt;
    }
    double number = value.get<double>();
    if (!std::isfinite(number) || std::trunc(number) != number) {
      problems.add(path, "must be an integer (got " + value.dump() + ")");
      return std::nullopt;
    }
    if (!bound.holds(number)) {
      problems.add(path, bound.describe() + " (got " + value.dump() + ")");
      return std::nullopt;
    }
    if (!bound.within_limit(number)) {
      problems.add(path, "must be at most " + bound.limit_text + " (got " + value.dump() + ")");
      return std::nullopt;
    }
    if (number > INT_MAX || number < INT_MIN) {
      problems.add(path, "must be at most " + std::to_string(INT_MAX) + " in magnitude (got " +
                             value.dump() + ")");
      return std::nullopt;
    }
    return static_cast<int>(number);
  }

 private:
  // The known field closest to `key` within edit distance 2, for "did you mean" hints.
  std::optional<std::string> closest_known(const std::string& key) const {
    std::optional<std::string> best;
    std::size_t best_distance = 3;
    for (const std::string& candidate : known_) {
      // A name without its unit suffix ("weight" for "weight_kg") is a near miss too.
      bool unit_dropped = candidate.rfind(key + "_", 0) == 0;
      std::size_t distance = unit_dropped ? 1 : edit_distance(key, candidate);
      if (distance < best_distance) {
        best_distance = distance;
        best = candidate;
      }
    }
    return best;
  }

  static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    return row[b.size()];
  }

  const Json& object_;
  std::string path_;
  Problems& problems_;
  std::set<std::string> known_;
};

// First index of each id in one list; reports repeats.
class IdRegistry {
 public:
  explicit IdRegistry(std::string list) : list_(std::move(list)) {}

  // `where` is the path the message is reported at; `note` is added to the message.
  void add(const std::string& id, std::size_t index, const std::string& where, Problems& problems,
           const std::string& note = "") {
    auto [it, inserted] = first_.emplace(id, index);
    if (!inserted) {
      problems.add(where, "duplicate id " + in_quotes(id) + " (" + note + "first at " +
                              json_element_path(list_, it->second) + ")");
    }
  }

  std::optional<std::size_t> find(const std::string& id) const {
    auto it = first_.find(id);
    if (it == first_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::string list_;
  std::map<std::string, std::size_t> first_;
};

// Which optional lane values the file gave; the rest are derived in the second pass.
struct LaneGiven {
  bool distance = false;
  bool transit = false;
  bool departures = false;
  bool cost_per_trip = false;
};

class InstanceReader {
 public:
  explicit InstanceReader(const std::string& source) : source_(source) {}

  InstanceData read(const Json& root) {
    if (!root.is_object()) {
      problems_.add("", "must be an object (got " + show(root) + ")");
      return {};
    }
    Fields top(root, "", problems_);
    if (const Json* format = top.get("format", Need::required)) {
      if (!format->is_string() || format->get<std::string>() != kFormat)
        problems_.add("format",
                      "expected " + in_quotes(kFormat) + " (got " + show_choice(*format) + ")");
    }
    auto name = top.string("name", Need::optional);
    // A file name need not be UTF-8, and the name goes into JSON: replace what is not.
    data_.name = name ? *name : utf8_or_replaced(std::filesystem::path(source_).stem().string());
    horizon_ = top.integer("horizon_minutes", Need::required, Bound::positive().minutes());
    time_step_ = top.integer("time_step_minutes", Need::optional, Bound::positive().minutes());
    penalty_ =
        top.number("unserved_penalty_per_package", Need::optional, Bound::non_negative().amount());
    const Json* vehicle_types = top.array("vehicle_types", Need::required);
    const Json* facilities = top.array("facilities", Need::required);
    const Json* lanes = top.array("lanes", Need::required);
    const Json* demand = top.array("demand", Need::required);
    // Optional container configuration for loading (docs/LOADING.md); the loading module
    // validates its content, so it is kept here as JSON text.
    if (const Json* loading = top.object("loading", Need::optional))
      data_.loading_json = loading->dump();
    top.report_unknown();

    // Referenced lists first, so references resolve whatever the order in the file.
    if (vehicle_types) for_each_item(*vehicle_types, "vehicle_types", &InstanceReader::vehicle);
    if (facilities) for_each_item(*facilities, "facilities", &InstanceReader::facility);
    if (lanes) for_each_item(*lanes, "lanes", &InstanceReader::lane);
    if (demand) for_each_item(*demand, "demand", &InstanceReader::demand);
    check_lane_ids();

    if (problems_.count() == 0) derive();
    return std::move(data_);
  }

  std::vector<std::string>& problems() { return problems_.list(); }

 private:
  using ItemReader = void (InstanceReader::*)(Fields&, std::size_t);

  void for_each_item(const Json& list, const char* name, ItemReader read_item) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string path = json_element_path(name, i);
      const Json& item = list[i];
      if (!item.is_object()) {
        problems_.add(path, "must be an object (got " + show(item) + ")");
        continue;
      }
      Fields fields(item, path, problems_);
      (this->*read_item)(fields, i);
      fields.report_unknown();
    }
  }

  // Reads an item's id and registers it, so references to it resolve even when the item's
  // other fields are wrong.
  std::string item_id(Fields& fields, std::size_t index, IdRegistry& registry) {
    auto id = fields.string("id", Need::required);
    if (!id) return {};
    registry.add(*id, index, fields.path_of("id"), problems_);
    return *id;
  }

  void vehicle(Fields& fields, std::size_t index) {
    VehicleType v;
    v.id = item_id(fields, index, vehicle_ids_);
    if (auto mode = fields.choice("mode", Need::required, {"truck", "air"}))
      v.mode = *mode == 0 ? Mode::truck : Mode::air;
    if (const Json* capacity = fields.object("capacity", Need::required)) {
      Fields cap(*capacity, fields.path_of("capacity"), problems_);
      v.capacity.cube_m3 =
          cap.number("cube_m3", Need::required, Bound::positive().amount()).value_or(0);
      v.capacity.weight_kg =
          cap.number("weight_kg", Need::required, Bound::positive().amount()).value_or(0);
      cap.report_unknown();
    }
    v.cost_per_trip =
        fields.number("cost_per_trip", Need::required, Bound::non_negative().amount()).value_or(0);
    v.cost_per_km =
        fields.number("cost_per_km", Need::optional, Bound::non_negative().amount()).value_or(0);
    v.speed_kmh =
        fields.number("speed_kmh", Need::required, Bound::positive().amount()).value_or(0);
    v.circuity =
        fields.number("circuity", Need::optional, Bound::positive().amount()).value_or(1.0);
    v.fleet = fields.integer("fleet", Need::optional, Bound::at_least_one());
    data_.vehicle_types.push_back(std::move(v));
  }

  void facility(Fields& fields, std::size_t index) {
    Facility f;
    f.id = item_id(fields, index, facility_ids_);
    if (auto kind = fields.choice("kind", Need::required,
                                  {"origin", "sort_center", "air_hub", "delivery_station"}))
      f.kind = static_cast<FacilityKind>(*kind);
    f.lon = fields.number("lon", Need::required, Bound::between(-180, 180)).value_or(0);
    f.lat = fields.number("lat", Need::required, Bound::between(-90, 90)).value_or(0);
    f.handling_minutes =
        fields.integer("handling_minutes", Need::optional, Bound::non_negative().minutes())
            .value_or(0);
    f.sort_capacity_per_hour =
        fields.number("sort_capacity_per_hour", Need::optional, Bound::positive().amount());
    f.handling_cost_per_package =
        fields.number("handling_cost_per_package", Need::optional, Bound::non_negative().amount())
            .value_or(0);
    f.region = fields.string("region", Need::optional);
    data_.facilities.push_back(std::move(f));
  }

  // Resolves a facility reference; returns its index.
  std::optional<std::size_t> facility_reference(Fields& fields, const char* key,
                                                std::optional<std::string>* id) {
    *id = fields.string(key, Need::required);
    if (!*id) return std::nullopt;
    auto index = facility_ids_.find(**id);
    if (!index) problems_.add(fields.path_of(key), "unknown facility " + in_quotes(**id));
    return index;
  }

  void check_distinct(Fields& fields, const char* first_key, const char* second_key,
                      const std::optional<std::string>& first,
                      const std::optional<std::string>& second) {
    if (first && second && *first == *second)
      problems_.add(fields.path_of(second_key), "must differ from " + in_quotes(first_key) +
                                                    " (both " + in_quotes(*first) + ")");
  }

  void lane(Fields& fields, std::size_t) {
    Lane l;
    LaneGiven given;
    const bool has_id = fields.get("id", Need::optional) != nullptr;
    std::optional<std::string> explicit_id = fields.string("id", Need::optional);
    std::optional<std::string> from, to;
    l.from = facility_reference(fields, "from", &from).value_or(0);
    l.to = facility_reference(fields, "to", &to).value_or(0);
    check_distinct(fields, "from", "to", from, to);
    auto vehicle = fields.string("vehicle_type", Need::required);
    if (vehicle) {
      auto index = vehicle_ids_.find(*vehicle);
      if (!index)
        problems_.add(fields.path_of("vehicle_type"),
                      "unknown vehicle type " + in_quotes(*vehicle));
      l.vehicle_type = index.value_or(0);
    }
    if (auto distance =
            fields.number("distance_km", Need::optional, Bound::non_negative().amount())) {
      l.distance_km = *distance;
      given.distance = true;
    }
    if (auto transit =
            fields.integer("transit_minutes", Need::optional, Bound::non_negative().minutes())) {
      l.transit_minutes = *transit;
      given.transit = true;
    }
    if (const Json* departures = fields.array("departures", Need::optional)) {
      l.departures = departure_list(*departures, fields.path_of("departures"));
      given.departures = true;
    }
    l.max_vehicles_per_departure =
        fields.integer("max_vehicles_per_departure", Need::optional, Bound::at_least_one());
    if (auto cost =
            fields.number("cost_per_trip", Need::optional, Bound::non_negative().amount())) {
      l.cost_per_trip = *cost;
      given.cost_per_trip = true;
    }
    l.cost_per_package =
        fields.number("cost_per_package", Need::optional, Bound::non_negative().amount())
            .value_or(0);

    // The id is known when given, or when its three parts are (FORMAT.md: FROM>TO:VEHICLE).
    lane_id_paths_.push_back(fields.path_of("id"));
    lane_id_defaulted_.push_back(!has_id);
    if (explicit_id)
      l.id = *explicit_id;
    else if (!has_id && from && to && vehicle)
      l.id = *from + ">" + *to + ":" + *vehicle;
    data_.lanes.push_back(std::move(l));
    lane_given_.push_back(given);
  }

  std::vector<int> departure_list(const Json& list, const std::string& path) {
    std::vector<int> minutes;
    std::map<int, std::size_t> first;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string item_path = json_element_path(path, i);
      auto minute = Fields::check_integer(list[i], item_path, Bound::none(), problems_);
      if (!minute) continue;
      if (*minute < 0 || (horizon_ && *minute >= *horizon_)) {
        std::string range = horizon_ ? "[0, " + std::to_string(*horizon_) + ")" : "[0, horizon)";
        problems_.add(item_path, "must be in " + range + " (got " + list[i].dump() + ")");
        continue;
      }
      auto [it, inserted] = first.emplace(*minute, i);
      if (!inserted) {
        problems_.add(item_path, "duplicate departure " + std::to_string(*minute) + " (first at " +
                                     json_element_path(path, it->second) + ")");
        continue;
      }
      minutes.push_back(*minute);
    }
    std::sort(minutes.begin(), minutes.end());
    return minutes;
  }

  void demand(Fields& fields, std::size_t index) {
    Demand d;
    d.id = item_id(fields, index, demand_ids_);
    std::optional<std::string> origin, destination;
    d.origin = facility_reference(fields, "origin", &origin).value_or(0);
    d.destination = facility_reference(fields, "destination", &destination).value_or(0);
    check_distinct(fields, "origin", "destination", origin, destination);
    d.packages = fields.number("packages", Need::required, Bound::positive().amount()).value_or(0);
    d.cube_m3 =
        fields.number("cube_m3", Need::required, Bound::non_negative().amount()).value_or(0);
    d.weight_kg =
        fields.number("weight_kg", Need::required, Bound::non_negative().amount()).value_or(0);
    auto ready = fields.integer("ready_minute", Need::required, Bound::non_negative().minutes());
    auto due = fields.integer("due_minute", Need::required, Bound::non_negative().minutes());
    if (ready && due && *due <= *ready) {
      problems_.add(fields.path_of("due_minute"), "must be > ready_minute " +
                                                      std::to_string(*ready) + " (got " +
                                                      std::to_string(*due) + ")");
    }
    if (due && horizon_ && *due > *horizon_) {
      problems_.add(fields.path_of("due_minute"), "must be <= horizon_minutes " +
                                                      std::to_string(*horizon_) + " (got " +
                                                      std::to_string(*due) + ")");
    }
    d.ready_minute = ready.value_or(0);
    d.due_minute = due.value_or(0);
    demand_spread(fields, d);
    data_.demand.push_back(std::move(d));
  }

  // The optional uncertainty of a demand's packages: packages_cv, or packages_p10 and
  // packages_p90 together, with p10 <= packages <= p90 (docs/SIMULATION.md).
  void demand_spread(Fields& fields, Demand& d) {
    d.packages_cv = fields.number("packages_cv", Need::optional,
                                  Bound::non_negative().capped(kMaxCv, decimal(kMaxCv)));
    const bool has_p10 = fields.get("packages_p10", Need::optional) != nullptr;
    const bool has_p90 = fields.get("packages_p90", Need::optional) != nullptr;
    auto p10 = fields.number("packages_p10", Need::optional, Bound::positive().amount());
    auto p90 = fields.number("packages_p90", Need::optional, Bound::positive().amount());
    if (has_p10 != has_p90) {
      problems_.add(fields.path(), std::string("packages_p10 and packages_p90 go together "
                                               "(missing ") +
                                       in_quotes(has_p10 ? "packages_p90" : "packages_p10") + ")");
      return;
    }
    if (has_p10 && fields.get("packages_cv", Need::optional) != nullptr)
      problems_.add(fields.path_of("packages_cv"),
                    "give packages_cv or packages_p10 and packages_p90, not both");
    if (!p10 || !p90) return;
    if (*p10 > *p90) {
      problems_.add(fields.path_of("packages_p10"),
                    "must be <= packages_p90 " + decimal(*p90) + " (got " + decimal(*p10) + ")");
      return;
    }
    if (d.packages > 0 && *p10 > d.packages)
      problems_.add(fields.path_of("packages_p10"),
                    "must be <= packages " + decimal(d.packages) + " (got " + decimal(*p10) + ")");
    if (d.packages > 0 && *p90 < d.packages)
      problems_.add(fields.path_of("packages_p90"),
                    "must be >= packages " + decimal(d.packages) + " (got " + decimal(*p90) + ")");
    d.packages_p10 = p10;
    d.packages_p90 = p90;
  }

  // Lane ids, explicit or default, are unique together; a default id that repeats another
  // lane's id is reported at the lane (it has no "id" field to point at).
  void check_lane_ids() {
    IdRegistry lane_ids("lanes");
    for (std::size_t i = 0; i < data_.lanes.size(); ++i) {
      const std::string& id = data_.lanes[i].id;
      if (id.empty()) continue;
      if (lane_id_defaulted_[i]) {
        lane_ids.add(id, i, json_element_path("lanes", i), problems_, "default id; ");
      } else {
        lane_ids.add(id, i, lane_id_paths_[i], problems_);
      }
    }
  }

  void derive() {
    data_.horizon_minutes = *horizon_;
    data_.time_step_minutes = time_step_.value_or(kDefaultTimeStep);
    // Lanes without departures get every time step of the horizon.
    const std::uint64_t steps =
        (static_cast<std::uint64_t>(data_.horizon_minutes) + data_.time_step_minutes - 1) /
        data_.time_step_minutes;
    double dearest_trip = 0.0;
    InstanceShape shape;
    shape.facilities = data_.facilities.size();
    shape.demands = data_.demand.size();
    shape.time_step_minutes = data_.time_step_minutes;
    for (std::size_t i = 0; i < data_.lanes.size(); ++i) {
      Lane& lane = data_.lanes[i];
      const LaneGiven& given = lane_given_[i];
      const VehicleType& vehicle = data_.vehicle_types[lane.vehicle_type];
      std::string path = json_element_path("lanes", i);
      if (!given.distance) {
        const Facility& from = data_.facilities[lane.from];
        const Facility& to = data_.facilities[lane.to];
        lane.distance_km = geodesic_km(from.lon, from.lat, to.lon, to.lat) * vehicle.circuity;
        if (!(lane.distance_km <= kMaxAmount))
          problems_.add(path, "derived distance_km " + decimal(lane.distance_km) +
                                  " is more than " + kMaxAmountText + " (geodesic km × circuity)");
      }
      if (!given.transit) {
        // ceil, forgiving the last bits of rounding: 300 km at 75 km/h is 240 minutes, not 241.
        double minutes = lane.distance_km / vehicle.speed_kmh * 60.0;
        double rounded = std::ceil(minutes - 1e-9 * std::max(1.0, minutes));
        if (!(rounded <= kMaxMinutes)) {
          problems_.add(path, "derived transit_minutes " + decimal(rounded) + " is more than " +
                                  std::to_string(kMaxMinutes) + " (distance_km / speed_kmh)");
        } else {
          lane.transit_minutes = static_cast<int>(rounded);
        }
      }
      if (!given.cost_per_trip) {
        lane.cost_per_trip = vehicle.cost_per_trip + vehicle.cost_per_km * lane.distance_km;
        if (!(lane.cost_per_trip <= kMaxAmount))
          problems_.add(path, "derived cost_per_trip " + decimal(lane.cost_per_trip) +
                                  " is more than " + kMaxAmountText +
                                  " (cost_per_trip + cost_per_km × distance_km)");
      }
      dearest_trip = std::max(dearest_trip, lane.cost_per_trip);
      shape.lanes.push_back({given.departures ? lane.departures.size() : steps,
                             lane.transit_minutes, vehicle.fleet.has_value()});
    }
    if (problems_.count() != 0) return;
    // Before the default departures are materialized: an instance far beyond memory fails here,
    // naming its size, rather than in an allocation (network/memory_guard.h).
    require_memory(estimate_planning_memory(shape), available_memory_bytes(),
                   source_ + ": instance");
    std::vector<int> every_step;
    every_step.reserve(steps);
    for (std::uint64_t s = 0; s < steps; ++s)
      every_step.push_back(static_cast<int>(s * data_.time_step_minutes));
    for (std::size_t i = 0; i < data_.lanes.size(); ++i)
      if (!lane_given_[i].departures) data_.lanes[i].departures = every_step;
    if (penalty_) {
      data_.unserved_penalty_per_package = *penalty_;
    } else {
      if (data_.lanes.empty())
        for (const VehicleType& v : data_.vehicle_types)
          dearest_trip = std::max(dearest_trip, v.cost_per_trip);
      double penalty = kPenaltyTripMultiple * dearest_trip;
      data_.unserved_penalty_per_package = penalty > 0 ? penalty : kFallbackPenalty;
    }
  }

  std::string source_;
  Problems problems_;
  InstanceData data_;
  std::optional<int> horizon_;
  std::optional<int> time_step_;
  std::optional<double> penalty_;
  IdRegistry vehicle_ids_{"vehicle_types"};
  IdRegistry facility_ids_{"facilities"};
  IdRegistry demand_ids_{"demand"};
  std::vector<LaneGiven> lane_given_;
  std::vector<std::string> lane_id_paths_;
  std::vector<bool> lane_id_defaulted_;
};

// --- writing -------------------------------------------------------------------------------

Json vehicle_json(const VehicleType& v) {
  Json j;
  j["id"] = v.id;
  j["mode"] = to_string(v.mode);
  j["capacity"] = {{"cube_m3", v.capacity.cube_m3}, {"weight_kg", v.capacity.weight_kg}};
  j["cost_per_trip"] = v.cost_per_trip;
  j["cost_per_km"] = v.cost_per_km;
  j["speed_kmh"] = v.speed_kmh;
  j["circuity"] = v.circuity;
  if (v.fleet) j["fleet"] = *v.fleet;
  return j;
}

Json facility_json(const Facility& f) {
  Json j;
  j["id"] = f.id;
  j["kind"] = to_string(f.kind);
  j["lon"] = f.lon;
  j["lat"] = f.lat;
  j["handling_minutes"] = f.handling_minutes;
  if (f.sort_capacity_per_hour) j["sort_capacity_per_hour"] = *f.sort_capacity_per_hour;
  j["handling_cost_per_package"] = f.handling_cost_per_package;
  if (f.region) j["region"] = *f.region;
  return j;
}

Json lane_json(const Instance& instance, const Lane& l) {
  Json j;
  j["id"] = l.id;
  j["from"] = instance.facilities()[l.from].id;
  j["to"] = instance.facilities()[l.to].id;
  j["vehicle_type"] = instance.vehicle_types()[l.vehicle_type].id;
  j["distance_km"] = l.distance_km;
  j["transit_minutes"] = l.transit_minutes;
  j["departures"] = l.departures;
  if (l.max_vehicles_per_departure) j["max_vehicles_per_departure"] = *l.max_vehicles_per_departure;
  j["cost_per_trip"] = l.cost_per_trip;
  j["cost_per_package"] = l.cost_per_package;
  return j;
}

Json demand_json(const Instance& instance, const Demand& d) {
  Json j;
  j["id"] = d.id;
  j["origin"] = instance.facilities()[d.origin].id;
  j["destination"] = instance.facilities()[d.destination].id;
  j["packages"] = d.packages;
  j["cube_m3"] = d.cube_m3;
  j["weight_kg"] = d.weight_kg;
  j["ready_minute"] = d.ready_minute;
  j["due_minute"] = d.due_minute;
  if (d.packages_cv) j["packages_cv"] = *d.packages_cv;
  if (d.packages_p10) j["packages_p10"] = *d.packages_p10;
  if (d.packages_p90) j["packages_p90"] = *d.packages_p90;
  return j;
}

// One list item per line: diffs of instance files stay readable.
template <typename T, typename ToJson>
void write_list(std::ostream& out, const char* key, const std::vector<T>& items, ToJson to_json,
                bool last) {
  out << "  " << in_quotes(key) << ": [";
  for (std::size_t i = 0; i < items.size(); ++i)
    out << (i == 0 ? "\n    " : ",\n    ") << to_json(items[i]).dump();
  out << (items.empty() ? "]" : "\n  ]") << (last ? "\n" : ",\n");
}

}  // namespace

Instance parse_instance(const std::string& json_text, const std::string& source) {
  JsonText text = parse_json_text(json_text, source);
  InstanceReader reader(source);
  InstanceData data = reader.read(text.value);
  if (!text.duplicate_fields.empty() || !reader.problems().empty()) {
    std::vector<std::string> problems = std::move(text.duplicate_fields);
    problems.insert(problems.end(), reader.problems().begin(), reader.problems().end());
    throw ValidationError(source, std::move(problems));
  }
  return Instance(std::move(data));
}

Instance read_instance_file(const std::string& path) {
  return parse_instance(read_text_file(path), path);
}

std::string write_instance_json(const Instance& instance) {
  std::ostringstream out;
  out << "{\n";
  out << "  \"format\": " << in_quotes(kFormat) << ",\n";
  out << "  \"name\": " << in_quotes(instance.name()) << ",\n";
  out << "  \"horizon_minutes\": " << instance.horizon_minutes() << ",\n";
  out << "  \"time_step_minutes\": " << instance.time_step_minutes() << ",\n";
  out << "  \"unserved_penalty_per_package\": " << Json(instance.unserved_penalty_per_package())
      << ",\n";
  write_list(out, "vehicle_types", instance.vehicle_types(), vehicle_json, false);
  write_list(out, "facilities", instance.facilities(), facility_json, false);
  write_list(
      out, "lanes", instance.lanes(), [&](const Lane& l) { return lane_json(instance, l); }, false);
  const bool has_loading = !instance.loading_json().empty();
  write_list(
      out, "demand", instance.demand(), [&](const Demand& d) { return demand_json(instance, d); },
      !has_loading);
  if (has_loading) out << "  \"loading\": " << instance.loading_json() << "\n";
  out << "}\n";
  return out.str();
}

}  // namespace mm::network
