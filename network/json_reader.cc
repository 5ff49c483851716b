#include "network/json_reader.h"

#include <cstdint>
#include <limits>

#include "network/errors.h"
#include "network/json_text.h"

namespace mm::network {

void JsonReader::fail(const std::string& path, const std::string& problem) const {
  throw InputError(source_ + ": " + (path.empty() ? "(root)" : path) + ": " + problem);
}

std::string JsonReader::child(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string JsonReader::element(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string JsonReader::describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return value.dump();
    default:
      return value.type_name();
  }
}

const JsonReader::json& JsonReader::object(const json& value, const std::string& path) const {
  if (!value.is_object()) fail(path, "expected an object, got " + describe(value));
  return value;
}

const JsonReader::json& JsonReader::array(const json& value, const std::string& path) const {
  if (!value.is_array()) fail(path, "expected an array, got " + describe(value));
  return value;
}

const JsonReader::json& JsonReader::required(const json& parent, const std::string& path,
                                             const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) fail(child(path, key), "missing required field");
  return *it;
}

std::string JsonReader::string(const json& value, const std::string& path) const {
  if (!value.is_string()) fail(path, "expected a string, got " + describe(value));
  return value.get<std::string>();
}

double JsonReader::number(const json& value, const std::string& path) const {
  if (!value.is_number()) fail(path, "expected a number, got " + describe(value));
  return value.get<double>();
}

int JsonReader::integer(const json& value, const std::string& path) const {
  if (!value.is_number_integer()) fail(path, "expected an integer, got " + describe(value));
  if (value.is_number_unsigned()) {
    if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
      fail(path, "integer " + value.dump() + " is out of range");
    return static_cast<int>(value.get<std::uint64_t>());
  }
  const std::int64_t v = value.get<std::int64_t>();
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    fail(path, "integer " + value.dump() + " is out of range");
  return static_cast<int>(v);
}

bool JsonReader::boolean(const json& value, const std::string& path) const {
  if (!value.is_boolean()) fail(path, "expected true or false, got " + describe(value));
  return value.get<bool>();
}

std::string JsonReader::string_field(const json& parent, const std::string& path,
                                     const char* key) const {
  return string(required(parent, path, key), child(path, key));
}

double JsonReader::number_field(const json& parent, const std::string& path,
                                const char* key) const {
  return number(required(parent, path, key), child(path, key));
}

int JsonReader::integer_field(const json& parent, const std::string& path, const char* key) const {
  return integer(required(parent, path, key), child(path, key));
}

const JsonReader::json& JsonReader::object_field(const json& parent, const std::string& path,
                                                 const char* key) const {
  return object(required(parent, path, key), child(path, key));
}

const JsonReader::json& JsonReader::array_field(const json& parent, const std::string& path,
                                                const char* key) const {
  return array(required(parent, path, key), child(path, key));
}

std::optional<double> JsonReader::optional_number_field(const json& parent, const std::string& path,
                                                        const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end() || it->is_null()) return std::nullopt;
  return number(*it, child(path, key));
}

void JsonReader::only_keys(const json& object_value, const std::string& path,
                           std::initializer_list<const char*> keys) const {
  for (const auto& item : object_value.items()) {
    bool known = false;
    for (const char* key : keys) known = known || item.key() == key;
    if (!known) fail(child(path, item.key()), "unknown field");
  }
}

void JsonReader::require_format(const json& root, const char* format) const {
  object(root, "");
  const std::string given = string_field(root, "", "format");
  if (given != format)
    fail("format", std::string("expected \"") + format + "\", got \"" + given + "\"");
}

nlohmann::json parse_strict_json(const std::string& json_text, const std::string& source) {
  // Syntax errors and nesting deeper than any format needs are "<source>:L:C: invalid JSON:
  // ...", and a repeated key is an error rather than a silent choice of one of its values.
  JsonText text = parse_json_text(json_text, source);
  if (!text.duplicate_fields.empty())
    throw InputError(source + ": " + text.duplicate_fields.front());
  return nlohmann::json(std::move(text.value));
}

}  // namespace mm::network
