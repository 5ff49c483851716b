// A strict, stop-at-the-first-problem reader of a JSON document's fields, shared by the readers
// of files other programs write (plans, simulation results, demand scenarios).
//
// Every accessor takes the JSON path of what it reads and throws InputError
// "<source>: <path>: <problem>" when the value is missing or of the wrong type, so a reader is a
// plain sequence of calls and never guesses. (Instances are read differently, reporting every
// problem at once: network/instance_json.cc.)
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace mm::network {

class JsonReader {
 public:
  using json = nlohmann::json;

  explicit JsonReader(std::string source) : source_(std::move(source)) {}

  const std::string& source() const { return source_; }

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const;

  const json& object(const json& value, const std::string& path) const;
  const json& array(const json& value, const std::string& path) const;
  // The member `key` of an object already checked with object(); missing is an error.
  const json& required(const json& parent, const std::string& path, const char* key) const;
  std::string string(const json& value, const std::string& path) const;
  double number(const json& value, const std::string& path) const;
  int integer(const json& value, const std::string& path) const;
  bool boolean(const json& value, const std::string& path) const;

  std::string string_field(const json& parent, const std::string& path, const char* key) const;
  double number_field(const json& parent, const std::string& path, const char* key) const;
  int integer_field(const json& parent, const std::string& path, const char* key) const;
  const json& object_field(const json& parent, const std::string& path, const char* key) const;
  const json& array_field(const json& parent, const std::string& path, const char* key) const;
  // Absent or null means "not known".
  std::optional<double> optional_number_field(const json& parent, const std::string& path,
                                              const char* key) const;

  // Every member of `object_value` is one of `keys` (a typo must not be ignored silently).
  void only_keys(const json& object_value, const std::string& path,
                 std::initializer_list<const char*> keys) const;

  // The "format" field must be exactly `format`.
  void require_format(const json& root, const char* format) const;

  // Path composition: "a.b" and "a[3]"; the root path is "".
  static std::string child(const std::string& parent, const std::string& key);
  static std::string element(const std::string& parent, std::size_t index);
  // A value as a message shows it: "an object", "a string", the number itself, ...
  static std::string describe(const json& value);

 private:
  std::string source_;
};

// Parses `json_text` with the shared strict parser (network/json_text.h): a syntax error or a
// repeated key throws InputError naming `source`.
nlohmann::json parse_strict_json(const std::string& json_text, const std::string& source);

}  // namespace mm::network
