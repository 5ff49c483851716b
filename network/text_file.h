// Reading a whole input file as text, for every reader of the project (instances, plans,
// loading configurations, mappings, lane rules). A file that cannot be read throws InputError
// "<path>: cannot read: <reason>" — a folder included, which an ifstream would "open" and then
// read as empty.
#pragma once

#include <string>

namespace mm::network {

std::string read_text_file(const std::string& path);

}  // namespace mm::network
