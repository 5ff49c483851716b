// libFuzzer harness: `middlemile import` of CSV through GDAL (geo/geodata_import.h).
// seeds: tests/data/geo/tiny_sites.csv tests/data/geo/tiny_demand.csv tests/data/hostile/csv
//
// The input is written to GDAL's in-memory file system (/vsimem/) and imported twice with the
// tiny lane rules and vehicles of tests/data/geo: once as the facilities CSV (with the tiny
// demand), once as the demand CSV (with the tiny sites). The assembled instance goes through
// every FORMAT.md rule. Bad input must end in InputError or ValidationError.
#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "geo/geodata_import.h"
#include "network/errors.h"

namespace {

void import_with(const std::string& facilities, const std::string& demand) {
  mm::geo::ImportOptions options;
  options.facilities.dataset = facilities;
  options.demand.dataset = demand;
  options.lane_rules = MM_TEST_DATA_DIR "/geo/tiny_rules.json";
  options.vehicles = MM_TEST_DATA_DIR "/geo/vehicles.json";
  try {
    (void)mm::geo::import_instance(options);
  } catch (const mm::network::InputError&) {
  } catch (const mm::network::ValidationError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("MIDDLEMILE_MEMORY_LIMIT_MB", "256", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const char* path = "/vsimem/fuzz.csv";
  // GDAL copies nothing: the buffer outlives the file, which is removed below.
  VSILFILE* file =
      VSIFileFromMemBuffer(path, const_cast<GByte*>(data), size, /*bTakeOwnership=*/FALSE);
  if (file == nullptr) return 0;
  VSIFCloseL(file);
  import_with(path, MM_TEST_DATA_DIR "/geo/tiny_demand.csv");
  import_with(MM_TEST_DATA_DIR "/geo/tiny_sites.csv", path);
  VSIUnlink(path);
  return 0;
}
