// Reading and writing middlemile-instance/1 JSON (FORMAT.md).
//
// parse_instance checks every rule at once and throws ValidationError listing each problem as
// "<json path>: <message>" (e.g. `lanes[12].to: unknown facility "PDX9"`); unknown fields are
// errors. A JSON syntax error or unreadable file throws InputError naming file and line.
#pragma once

#include <string>

#include "network/instance.h"

namespace mm::network {

// `source` names the input in messages (a file path); its stem is the default instance name.
Instance parse_instance(const std::string& json_text, const std::string& source);
Instance read_instance_file(const std::string& path);

// Writes every field explicitly (derived values included), so the output re-reads to an
// identical instance.
std::string write_instance_json(const Instance& instance);

}  // namespace mm::network
