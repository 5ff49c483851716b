// Whole files in and out, for every reader and writer of the project (instances, plans,
// loading configurations, mappings, lane rules; plans, manifests, reports, results).
//
// read_text_file: a file that cannot be read throws InputError "<path>: cannot read: <reason>"
// — a folder included, which an ifstream would "open" and then read as empty.
// write_file_atomically: through a temporary file in the same folder and a rename, so a failed
// run never leaves half a file. check_writable: fails now what writing would fail later, so a
// long solve stops before it starts rather than after. Both throw InputError
// "<path>: cannot write: <reason>".
#pragma once

#include <string>

namespace mm::network {

std::string read_text_file(const std::string& path);

// Writes `content` to `path` through a temporary file in the same folder and a rename (which is
// atomic within one file system); the new file gets the permissions of any new file (0666 less
// the umask). Throws InputError when the folder is not writable.
void write_file_atomically(const std::string& path, const std::string& content);

// Throws InputError now if `path` could not be written later (missing folder, no permission,
// a folder in its place).
void check_writable(const std::string& path);

}  // namespace mm::network
