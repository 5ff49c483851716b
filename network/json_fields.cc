#include "network/json_fields.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

#include "network/errors.h"
#include "network/json_text.h"
#include "network/number_text.h"

namespace mm::network {

namespace {

using Json = nlohmann::ordered_json;

// Where one of a few strings was expected, a wrong string is shown as just the string.
std::string describe_choice(const Json& value) {
  return value.is_string() ? in_quotes(value.get<std::string>()) : describe_json(value);
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
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

// Bounds and the sanity cap, after the value was found to be a finite number.
bool check_bound(double number, const Json& value, const std::string& path, const Bound& bound,
                 JsonProblems& problems) {
  if (!bound.holds(number)) {
    problems.add(path, bound.describe() + " (got " + value.dump() + ")");
    return false;
  }
  if (!bound.within_limit(number)) {
    problems.add(path, "must be at most " + bound.limit_text + " (got " + value.dump() + ")");
    return false;
  }
  return true;
}

}  // namespace

// --- JsonProblems ------------------------------------------------------------------------------

void JsonProblems::add(const std::string& path, const std::string& message) {
  list_.push_back((path.empty() ? "(root)" : path) + ": " + message);
}

void JsonProblems::add_all(const std::vector<std::string>& problems) {
  list_.insert(list_.end(), problems.begin(), problems.end());
}

void JsonProblems::throw_if_any(const std::string& source) const {
  if (!list_.empty()) throw ValidationError(source, list_);
}

std::string describe_json(const Json& value) {
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

// --- Bound -------------------------------------------------------------------------------------

Bound Bound::from(double lo, bool strict, std::optional<double> hi) {
  Bound b;
  b.min = lo;
  b.min_strict = strict;
  b.max = hi;
  return b;
}

Bound Bound::amount() const {
  return capped(kMaxAmount, kMaxAmountText);
}

Bound Bound::minutes() const {
  return capped(kMaxMinutes, std::to_string(kMaxMinutes));
}

Bound Bound::capped(double cap, std::string text) const {
  Bound b = *this;
  b.limit = cap;
  b.limit_text = std::move(text);
  return b;
}

bool Bound::holds(double value) const {
  if (min && (min_strict ? !(value > *min) : !(value >= *min))) return false;
  if (max && !(value <= *max)) return false;
  return true;
}

std::string Bound::describe() const {
  if (min && max)
    return "must be between " + number_text(*min, 15) + " and " + number_text(*max, 15);
  if (min) return std::string("must be ") + (min_strict ? "> " : ">= ") + number_text(*min, 15);
  return "must be <= " + number_text(*max, 15);
}

// --- single values -----------------------------------------------------------------------------

std::optional<double> check_number(const Json& value, const std::string& path, const Bound& bound,
                                   JsonProblems& problems) {
  if (!value.is_number()) {
    problems.add(path, "must be a number (got " + describe_json(value) + ")");
    return std::nullopt;
  }
  const double number = value.get<double>();
  if (!std::isfinite(number)) {
    problems.add(path, "must be finite (got " + value.dump() + ")");
    return std::nullopt;
  }
  if (!check_bound(number, value, path, bound, problems)) return std::nullopt;
  return number;
}

std::optional<int> check_integer(const Json& value, const std::string& path, const Bound& bound,
                                 JsonProblems& problems, IntegerForm form) {
  if (!value.is_number()) {
    problems.add(path, "must be an integer (got " + describe_json(value) + ")");
    return std::nullopt;
  }
  const double number = value.get<double>();
  const bool integral = form == IntegerForm::literal
                            ? value.is_number_integer()
                            : std::isfinite(number) && std::trunc(number) == number;
  if (!integral) {
    problems.add(path, "must be an integer (got " + value.dump() + ")");
    return std::nullopt;
  }
  if (!check_bound(number, value, path, bound, problems)) return std::nullopt;
  // A 64-bit JSON integer converts to double inexactly; compare the integer itself when it is
  // one, so 2147483648 is refused however it was written.
  const bool fits =
      value.is_number_unsigned() ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT_MAX)
      : value.is_number_integer()
          ? value.get<std::int64_t>() >= INT_MIN && value.get<std::int64_t>() <= INT_MAX
          : number <= INT_MAX && number >= INT_MIN;
  if (!fits) {
    problems.add(path, "must be at most " + std::to_string(INT_MAX) + " in magnitude (got " +
                           value.dump() + ")");
    return std::nullopt;
  }
  return static_cast<int>(number);
}

std::optional<std::string> check_string(const Json& value, const std::string& path,
                                        JsonProblems& problems) {
  if (!value.is_string()) {
    problems.add(path, "must be a string (got " + describe_json(value) + ")");
    return std::nullopt;
  }
  std::string text = value.get<std::string>();
  if (text.empty()) {
    problems.add(path, "must not be empty");
    return std::nullopt;
  }
  return text;
}

std::optional<std::size_t> check_choice(const Json& value, const std::string& path,
                                        const std::vector<const char*>& allowed,
                                        JsonProblems& problems) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    for (std::size_t i = 0; i < allowed.size(); ++i)
      if (text == allowed[i]) return i;
  }
  std::string names;
  for (const char* name : allowed) names += (names.empty() ? "" : ", ") + in_quotes(name);
  problems.add(path, "must be one of " + names + " (got " + describe_choice(value) + ")");
  return std::nullopt;
}

bool check_object(const Json& value, const std::string& path, JsonProblems& problems) {
  if (value.is_object()) return true;
  problems.add(path, "must be an object (got " + describe_json(value) + ")");
  return false;
}

bool check_array(const Json& value, const std::string& path, JsonProblems& problems) {
  if (value.is_array()) return true;
  problems.add(path, "must be an array (got " + describe_json(value) + ")");
  return false;
}

// --- JsonFields --------------------------------------------------------------------------------

JsonFields::JsonFields(const Json& object, std::string path, JsonProblems& problems)
    : object_(object), path_(std::move(path)), problems_(problems) {}

std::string JsonFields::path_of(const std::string& key) const {
  return json_member_path(path_, key);
}

void JsonFields::allow(std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (known_set_.insert(key).second) known_.push_back(key);
}

const Json* JsonFields::get(const char* key, Need need) {
  allow({key});
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (need == Need::required) problems_.add(path_, "missing required field " + in_quotes(key));
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonFields::string(const char* key, Need need) {
  const Json* value = get(key, need);
  if (value == nullptr) return std::nullopt;
  return check_string(*value, path_of(key), problems_);
}

std::optional<double> JsonFields::number(const char* key, Need need, const Bound& bound) {
  const Json* value = get(key, need);
  if (value == nullptr) return std::nullopt;
  return check_number(*value, path_of(key), bound, problems_);
}

std::optional<int> JsonFields::integer(const char* key, Need need, const Bound& bound,
                                       IntegerForm form) {
  const Json* value = get(key, need);
  if (value == nullptr) return std::nullopt;
  return check_integer(*value, path_of(key), bound, problems_, form);
}

std::optional<double> JsonFields::nullable_number(const char* key, const Bound& bound,
                                                  bool* valid) {
  const Json* value = get(key, Need::optional);
  if (valid) *valid = true;
  if (value == nullptr || value->is_null()) return std::nullopt;
  auto number = check_number(*value, path_of(key), bound, problems_);
  if (valid) *valid = number.has_value();
  return number;
}

std::optional<int> JsonFields::nullable_integer(const char* key, const Bound& bound, bool* valid) {
  const Json* value = get(key, Need::optional);
  if (valid) *valid = true;
  if (value == nullptr || value->is_null()) return std::nullopt;
  auto number = check_integer(*value, path_of(key), bound, problems_);
  if (valid) *valid = number.has_value();
  return number;
}

std::optional<bool> JsonFields::boolean(const char* key, Need need) {
  const Json* value = get(key, need);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    problems_.add(path_of(key), "must be true or false (got " + describe_json(*value) + ")");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::size_t> JsonFields::choice(const char* key, Need need,
                                              const std::vector<const char*>& allowed) {
  const Json* value = get(key, need);
  if (value == nullptr) return std::nullopt;
  return check_choice(*value, path_of(key), allowed, problems_);
}

const Json* JsonFields::object(const char* key, Need need) {
  const Json* value = get(key, need);
  if (value == nullptr) return nullptr;
  return check_object(*value, path_of(key), problems_) ? value : nullptr;
}

const Json* JsonFields::array(const char* key, Need need) {
  const Json* value = get(key, need);
  if (value == nullptr) return nullptr;
  return check_array(*value, path_of(key), problems_) ? value : nullptr;
}

const Json* JsonFields::non_empty_array(const char* key, Need need) {
  const Json* value = array(key, need);
  if (value == nullptr) return nullptr;
  if (value->empty()) {
    problems_.add(path_of(key), "must not be empty");
    return nullptr;
  }
  return value;
}

void JsonFields::format(const char* key, const char* expected) {
  const Json* value = get(key, Need::required);
  if (value == nullptr) return;
  if (!value->is_string() || value->get<std::string>() != expected)
    problems_.add(path_of(key),
                  "expected " + in_quotes(expected) + " (got " + describe_choice(*value) + ")");
}

void JsonFields::report_unknown() {
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (known_set_.count(it.key()) != 0) continue;
    std::string message = "unknown field";
    if (auto close = closest_known(it.key())) {
      message += " (did you mean " + in_quotes(*close) + "?)";
    } else if (!known_.empty()) {
      std::string names;
      for (const std::string& name : known_) names += (names.empty() ? "" : ", ") + name;
      message += " (expected one of: " + names + ")";
    }
    problems_.add(path_of(it.key()), message);
  }
}

// The known field closest to `key` within edit distance 2, for "did you mean" hints.
std::optional<std::string> JsonFields::closest_known(const std::string& key) const {
  std::optional<std::string> best;
  std::size_t best_distance = 3;
  for (const std::string& candidate : known_set_) {
    // A name without its unit suffix ("weight" for "weight_kg") is a near miss too.
    const bool unit_dropped = candidate.rfind(key + "_", 0) == 0;
    const std::size_t distance = unit_dropped ? 1 : edit_distance(key, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace mm::network
