// Strict JSON text parsing shared by the file readers.
//
// parse_json_text builds an order-preserving DOM (nlohmann::ordered_json, so problems are
// reported in file order). A syntax error, or a number too large for a double, throws
// InputError "<source>:<line>:<column>: invalid JSON: <what>" (so does nesting deeper than 100
// levels, which no middlemile format needs). Lines and columns are 1-based
// and count bytes. A key repeated inside one object is not a syntax error in JSON, but a
// reader that silently kept one of the two values would hide a typo, so each repeat is
// returned as a problem "<json path>: duplicate field" for the caller to report with its own.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mm::network {

struct JsonText {
  nlohmann::ordered_json value;  // the last value wins for a repeated key
  std::vector<std::string> duplicate_fields;
};

JsonText parse_json_text(const std::string& text, const std::string& source);

// "a.b" / "a[3]" path composition used in every problem message; the root path is "".
std::string json_member_path(const std::string& path, const std::string& key);
std::string json_element_path(const std::string& path, std::size_t index);

// An id or value as it appears in messages: in double quotes, JSON-escaped, so an id holding
// a quote or a control character still reads unambiguously.
// Bytes that are not UTF-8 (ids read from GDAL sources or .dow files may hold any) are shown
// as U+FFFD.
std::string in_quotes(const std::string& text);

// `text` with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD, so a
// message quoting a hostile file stays valid text.
std::string utf8_or_replaced(const std::string& text);

}  // namespace mm::network
