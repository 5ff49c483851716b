#include "geo/gdal_support.h"

#include <algorithm>
#include <mutex>

#include <cpl_error.h>
#include <gdal.h>

namespace mm::geo {

void register_gdal_drivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

QuietGdalErrors::QuietGdalErrors() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() {
  CPLPopErrorHandler();
}

std::string last_gdal_message() {
  const char* message = CPLGetLastErrorMsg();
  if (message == nullptr) return std::string();
  // Some drivers (PostgreSQL's libpq) report several lines; errors here are one line each.
  std::string line;
  for (const char* c = message; *c != '\0'; ++c) {
    const bool space = *c == '\n' || *c == '\r' || *c == '\t' || *c == ' ';
    if (!space)
      line += *c;
    else if (!line.empty() && line.back() != ' ')
      line += ' ';
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line.empty() ? std::string() : ": " + line;
}

std::string dataset_for_messages(const std::string& path) {
  if (path.find("password=") == std::string::npos) return path;
  // libpq keywords are `key=value` separated by spaces; a quoted value may hold spaces.
  std::string shown = path;
  for (std::size_t at = shown.find("password="); at != std::string::npos;
       at = shown.find("password=", at + 1)) {
    if (at > 0 && shown[at - 1] != ' ' && shown[at - 1] != ':') continue;
    const std::size_t begin = at + 9;
    std::size_t end = begin;
    if (end < shown.size() && shown[end] == '\'') {
      for (++end; end < shown.size() && shown[end] != '\''; ++end)
        if (shown[end] == '\\') ++end;
      if (end < shown.size()) ++end;
    } else {
      while (end < shown.size() && shown[end] != ' ') ++end;
    }
    shown.replace(begin, std::min(end, shown.size()) - begin, "***");
  }
  return shown;
}

}  // namespace mm::geo
