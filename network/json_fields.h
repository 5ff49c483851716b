// Checking the fields of a JSON document, for every reader of the project (instances, plans,
// loading configurations, scenario files, lane rules, import mappings, CMND solutions), so that
// each rule of a format is worded the same way in every file a user may get wrong.
//
// A reader walks the DOM (network/json_text.h) with one JsonFields per object. Each accessor
// checks one field, reports what is wrong with it to a shared JsonProblems and returns the value
// only when it is valid; the reader keeps going with a default, so every problem of the file is
// found in one pass. report_unknown() then names every field no accessor asked for. At the end
// the reader calls JsonProblems::throw_if_any(source): a ValidationError listing every problem
// as "<json path>: <message>", e.g. `lanes[12].to: unknown facility "PDX9"`.
//
// The messages (one set for every format):
//   (root): must be an object (got an array)        a value of the wrong JSON type
//   lanes[0]: missing required field "from"         reported at the object that lacks it
//   lanes[0].spede: unknown field (did you mean "speed_kmh"?)   or (expected one of: a, b, …)
//   demand[0].packages: must be > 0 (got 0)         a bound (>, >=, between, at most)
//   lanes[0].departures[1]: must be an integer (got 30.5)
//   vehicle_types[1].mode: must be one of "truck", "air" (got "ship")
//   format: expected "middlemile-plan/1" (got "middlemile-instance/1")
//   rules: must not be empty                        an empty string or list that needs items
//   facilities[1].lat: duplicate field              a key given twice (from parse_json_text)
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "network/json_text.h"

namespace mm::network {

// Every problem found in one file, in the order found.
class JsonProblems {
 public:
  // `path` "" is the document itself, shown as "(root)".
  void add(const std::string& path, const std::string& message);
  // The repeated keys parse_json_text found, each "<path>: duplicate field".
  void add_all(const std::vector<std::string>& problems);
  std::size_t count() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const std::vector<std::string>& list() const { return list_; }
  // Throws ValidationError(source, every problem) when there is any.
  void throw_if_any(const std::string& source) const;

 private:
  std::vector<std::string> list_;
};

// A value as messages show it: null, boolean true, string "x" (cut at 40 characters),
// number 3.5, an object, an array.
std::string describe_json(const nlohmann::ordered_json& value);

// Numeric bounds of one field; the message is generated from them.
struct Bound {
  std::optional<double> min;
  bool min_strict = false;
  std::optional<double> max;
  // A sanity cap rather than a rule of the model, checked after the bounds above and reported
  // on its own: "must be at most 1e12 (got 1e+308)".
  std::optional<double> limit;
  std::string limit_text;

  static Bound none() { return {}; }
  static Bound positive() { return from(0.0, true, std::nullopt); }
  static Bound non_negative() { return from(0.0, false, std::nullopt); }
  static Bound at_least(double lo) { return from(lo, false, std::nullopt); }
  static Bound at_least_one() { return at_least(1.0); }
  static Bound between(double lo, double hi) { return from(lo, false, hi); }
  static Bound from(double lo, bool strict, std::optional<double> hi);

  // The same bound with a sanity cap: amounts at kMaxAmount, minutes at kMaxMinutes.
  Bound amount() const;
  Bound minutes() const;
  Bound capped(double cap, std::string text) const;

  bool holds(double value) const;
  bool within_limit(double value) const { return !limit || value <= *limit; }
  std::string describe() const;
};

// The sanity limits of every format, so that no sum the planner, the referee or CLP forms can
// overflow or lose all precision: costs, capacities, amounts and distances are at most 1e12 (a
// million times any real figure), minutes at most 5e8 (950 years: departure + transit +
// handling fits an int).
constexpr double kMaxAmount = 1e12;
constexpr const char* kMaxAmountText = "1e12";
constexpr int kMaxMinutes = 500000000;

enum class Need { required, optional };

// How an integer may be written: `integral` accepts 120 and 120.0 (the instance format, written
// by hand and by spreadsheets); `literal` only 120 (the plan format, written by programs).
enum class IntegerForm { integral, literal };

// One value checked on its own, reported at `path`; nullopt when it is not valid.
std::optional<double> check_number(const nlohmann::ordered_json& value, const std::string& path,
                                   const Bound& bound, JsonProblems& problems);
std::optional<int> check_integer(const nlohmann::ordered_json& value, const std::string& path,
                                 const Bound& bound, JsonProblems& problems,
                                 IntegerForm form = IntegerForm::integral);
std::optional<std::string> check_string(const nlohmann::ordered_json& value,
                                        const std::string& path, JsonProblems& problems);
// The index of `value` in `allowed` (a string of the list); otherwise reported, nullopt.
std::optional<std::size_t> check_choice(const nlohmann::ordered_json& value,
                                        const std::string& path,
                                        const std::vector<const char*>& allowed,
                                        JsonProblems& problems);
// `value` is an object (or an array); otherwise reported, false.
bool check_object(const nlohmann::ordered_json& value, const std::string& path,
                  JsonProblems& problems);
bool check_array(const nlohmann::ordered_json& value, const std::string& path,
                 JsonProblems& problems);

// The fields of one JSON object.
class JsonFields {
 public:
  // `object` must be a JSON object (check_object first) and outlive this.
  JsonFields(const nlohmann::ordered_json& object, std::string path, JsonProblems& problems);

  const std::string& path() const { return path_; }
  std::string path_of(const std::string& key) const;
  JsonProblems& problems() { return problems_; }
  bool has(const char* key) const { return object_.contains(key); }

  // The raw value, or nullptr when absent (reported if required). Marks `key` as known.
  const nlohmann::ordered_json* get(const char* key, Need need);
  // Marks fields as known without reading them (a reader that reads them elsewhere).
  void allow(std::initializer_list<const char*> keys);

  // A non-empty string.
  std::optional<std::string> string(const char* key, Need need);
  std::optional<double> number(const char* key, Need need, const Bound& bound);
  std::optional<int> integer(const char* key, Need need, const Bound& bound,
                             IntegerForm form = IntegerForm::integral);
  // Absent or null: nullopt, no problem (null means "none" or "unlimited" where a format says
  // so); otherwise as number().
  std::optional<double> nullable_number(const char* key, const Bound& bound, bool* valid = nullptr);
  std::optional<int> nullable_integer(const char* key, const Bound& bound, bool* valid = nullptr);
  std::optional<bool> boolean(const char* key, Need need);
  // The index of the value in `allowed`.
  std::optional<std::size_t> choice(const char* key, Need need,
                                    const std::vector<const char*>& allowed);
  const nlohmann::ordered_json* object(const char* key, Need need);
  const nlohmann::ordered_json* array(const char* key, Need need);
  // An array with at least one item.
  const nlohmann::ordered_json* non_empty_array(const char* key, Need need);
  // The format tag: `key` must be the string `expected`.
  void format(const char* key, const char* expected);

  // Reports every field no accessor asked for, with the closest known name when one is near
  // ("did you mean"), else the known names.
  void report_unknown();

 private:
  std::optional<std::string> closest_known(const std::string& key) const;

  const nlohmann::ordered_json& object_;
  std::string path_;
  JsonProblems& problems_;
  std::vector<std::string> known_;  // in the order asked, for "expected one of"
  std::set<std::string> known_set_;
};

// Reads each item of `list` (an array from JsonFields::array, or null: nothing to read) that is
// an object with `read(JsonFields& item, std::size_t index)`; an item that is not an object is
// reported at its path `<path>[i]`.
template <typename Read>
void for_each_object(const nlohmann::ordered_json* list, const std::string& path,
                     JsonProblems& problems, Read read) {
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string item_path = json_element_path(path, i);
    if (!check_object((*list)[i], item_path, problems)) continue;
    JsonFields item((*list)[i], item_path, problems);
    read(item, i);
  }
}

}  // namespace mm::network
