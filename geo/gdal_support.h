// Small helpers every GDAL user in geo/ needs: registering the drivers once per process, and
// keeping GDAL's own error printing off stderr while a file is read or written (the caller
// reports problems through exceptions naming the file instead).
#pragma once

#include <string>

namespace mm::geo {

// Registers every GDAL/OGR driver; safe to call from any thread, any number of times.
void register_gdal_drivers();

// While alive, GDAL errors are recorded (CPLGetLastErrorMsg) but not printed.
class QuietGdalErrors {
 public:
  QuietGdalErrors();
  ~QuietGdalErrors();
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

// ": <GDAL's last error message>" on one line (line breaks and runs of spaces become one
// space), or "" when there is none; for appending to a message.
std::string last_gdal_message();

// A dataset name as messages show it: a connection string's `password=` value (libpq keyword
// syntax, quoted or not) replaced by `***`; file names unchanged.
std::string dataset_for_messages(const std::string& dataset);

}  // namespace mm::geo
