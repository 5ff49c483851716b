#include "network/instance.h"

#include "network/errors.h"
#include "network/instance_rules.h"

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

const char* to_string(Balance balance) {
  return balance == Balance::none ? "none" : "cyclic";
}

bool Instance::has_cyclic_types() const {
  for (const VehicleType& v : data_.vehicle_types)
    if (v.balance == Balance::cyclic) return true;
  return false;
}

namespace {
// Ids are unique: Instance::create checked them.
template <typename T>
std::unordered_map<std::string, std::size_t> index_ids(const std::vector<T>& items) {
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  return index;
}

std::optional<std::size_t> find(const std::unordered_map<std::string, std::size_t>& index,
                                const std::string& id) {
  auto it = index.find(id);
  if (it == index.end()) return std::nullopt;
  return it->second;
}
}  // namespace

Instance Instance::create(InstanceData data, const std::string& source) {
  std::vector<std::string> problems = instance_problems(data);
  if (!problems.empty()) throw ValidationError(source, std::move(problems));
  return Instance(std::move(data));
}

Instance::Instance(InstanceData data)
    : data_(std::move(data)),
      facility_by_id_(index_ids(data_.facilities)),
      lane_by_id_(index_ids(data_.lanes)),
      demand_by_id_(index_ids(data_.demand)),
      vehicle_type_by_id_(index_ids(data_.vehicle_types)) {}

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
