#include "geo/gdal_support.h"

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
  return message != nullptr && *message != '\0' ? std::string(": ") + message : std::string();
}

}  // namespace mm::geo
