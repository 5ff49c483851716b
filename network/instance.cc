#include "network/instance.h"

#include <stdexcept>

namespace mm::network {

const char* to_string(FacilityKind kind) {
  switch (kind) {
    case FacilityKind::origin:
      return "origin";
    case FacilityKind::sort_center:
      return "sort_center";
    case FacilityKind::air_hub:
      return "air_hub";
    case FacilityKind::delivery_station:
      return "delivery_station";
  }
  return "?";
}

const char* to_string(Mode mode) {
  return mode == Mode::truck ? "truck" : "air";
}

namespace {
template <typename T>
std::unordered_map<std::string, std::size_t> index_ids(const std::vector<T>& items,
                                                       const char* what) {
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!index.emplace(items[i].id, i).second)
      throw std::invalid_argument(std::string("duplicate ") + what + " id \"" + items[i].id + "\"");
  }
  return index;
}

std::optional<std::size_t> find(const std::unordered_map<std::string, std::size_t>& index,
                                const std::string& id) {
  auto it = index.find(id);
  if (it == index.end()) return std::nullopt;
  return it->second;
}
}  // namespace

Instance::Instance(InstanceData data)
    : data_(std::move(data)),
      facility_by_id_(index_ids(data_.facilities, "facility")),
      lane_by_id_(index_ids(data_.lanes, "lane")),
      demand_by_id_(index_ids(data_.demand, "demand")),
      vehicle_type_by_id_(index_ids(data_.vehicle_types, "vehicle type")) {}

std::optional<std::size_t> Instance::facility_index(const std::string& id) const {
  return find(facility_by_id_, id);
}
std::optional<std::size_t> Instance::lane_index(const std::string& id) const {
  return find(lane_by_id_, id);
}
std::optional<std::size_t> Instance::demand_index(const std::string& id) const {
  return find(demand_by_id_, id);
}
std::optional<std::size_t> Instance::vehicle_type_index(const std::string& id) const {
  return find(vehicle_type_by_id_, id);
}

}  // namespace mm::network
