// has_on_time_path (network/on_time_paths.h) by hand on O -> S -> D. Lane O>S: 120 minutes,
// departures 100 and 400; lane S>D: 60 minutes, departures 300 and 500. Leaving O at 100 reaches
// S at 220; with S's handling of 80 minutes the 300 departure is caught (D at 360), with 81 it
// is missed and the next one (500) reaches D at 560. Also: no handling at the origin before the
// first departure, the due minute inclusive, the horizon, and the earlier of two routes.
#include "network/on_time_paths.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "network/instance.h"

namespace mm::network {
namespace {

using Flags = std::vector<bool>;

Demand demand(const std::string& id, std::size_t to, int ready, int due) {
  return Demand{id, 0, to, 10.0, 1.0, 10.0, ready, due, std::nullopt, std::nullopt, std::nullopt};
}

// Facilities O (0, handling 60), S (1, handling `sort_handling`), D (2); `direct_transit` > 0
// adds a lane O>D leaving at 0.
InstanceData chain(int sort_handling, int horizon = 1440, int direct_transit = 0) {
  InstanceData data;
  data.name = "chain";
  data.horizon_minutes = horizon;
  data.unserved_penalty_per_package = 10.0;
  data.vehicle_types = {
      VehicleType{"truck", Mode::truck, {100.0, 10000.0}, 100.0, 0.0, 60.0, 1.0, std::nullopt}};
  data.facilities = {
      Facility{"O", FacilityKind::origin, 0.0, 0.0, 60, std::nullopt, 0.0, std::nullopt},
      Facility{"S", FacilityKind::sort_center, 1.0, 0.0, sort_handling, std::nullopt, 0.0,
               std::nullopt},
      Facility{"D", FacilityKind::delivery_station, 2.0, 0.0, 0, std::nullopt, 0.0, std::nullopt}};
  data.lanes = {Lane{"O>S", 0, 1, 0, 100.0, 120, {100, 400}, std::nullopt, 100.0, 0.0},
                Lane{"S>D", 1, 2, 0, 50.0, 60, {300, 500}, std::nullopt, 100.0, 0.0}};
  if (direct_transit > 0)
    data.lanes.push_back(
        Lane{"O>D", 0, 2, 0, 150.0, direct_transit, {0}, std::nullopt, 100.0, 0.0});
  return data;
}

std::vector<bool> on_time(InstanceData data, std::vector<Demand> demands) {
  data.demand = std::move(demands);
  return has_on_time_path(Instance::create(std::move(data), "chain"));
}

TEST(OnTimePaths, HandlingPushesTheConnectionPastTheDueMinute) {
  EXPECT_EQ(on_time(chain(80), {demand("d", 2, 0, 400)}), Flags{true});   // D at 360
  EXPECT_EQ(on_time(chain(81), {demand("d", 2, 0, 400)}), Flags{false});  // D at 560
  // The due minute is inclusive.
  EXPECT_EQ(on_time(chain(81), {demand("d", 2, 0, 560)}), Flags{true});
  EXPECT_EQ(on_time(chain(81), {demand("d", 2, 0, 559)}), Flags{false});
}

TEST(OnTimePaths, TheOriginHasNoHandlingBeforeItsFirstDeparture) {
  // Ready at 100 at O (handling 60): the 100 departure is caught.
  EXPECT_EQ(on_time(chain(80), {demand("d", 2, 100, 400)}), Flags{true});
  // Ready at 101: the next O>S leaves at 400, reaches S at 520, and no S>D leaves after 600.
  EXPECT_EQ(on_time(chain(80), {demand("d", 2, 101, 1440)}), Flags{false});
}

TEST(OnTimePaths, ArrivalsBeyondTheHorizonDoNotCount) {
  // Horizon 540: the 500 departure from S would arrive at 560.
  EXPECT_EQ(on_time(chain(81, 540), {demand("d", 2, 0, 540)}), Flags{false});
  EXPECT_EQ(on_time(chain(80, 540), {demand("d", 2, 0, 540)}), Flags{true});
}

TEST(OnTimePaths, TheEarlierOfTwoRoutesCounts) {
  // Via S: 560. Direct, leaving at 0 and 500 minutes long: 500.
  EXPECT_EQ(on_time(chain(81, 1440, 500), {demand("d", 2, 0, 520)}), Flags{true});
  EXPECT_EQ(on_time(chain(81, 1440, 500), {demand("d", 2, 0, 499)}), Flags{false});
  // Ready after the direct lane's only departure: only via S.
  EXPECT_EQ(on_time(chain(81, 1440, 500), {demand("d", 2, 1, 520)}), Flags{false});
}

TEST(OnTimePaths, OneFlagPerDemandInInstanceOrder) {
  // To S (arrives 220): on time by 220, not by 219; to D by 400 with handling 80.
  EXPECT_EQ(on_time(chain(80), {demand("a", 1, 0, 220), demand("b", 1, 0, 219),
                                demand("c", 2, 0, 400), demand("e", 2, 101, 1440)}),
            (Flags{true, false, true, false}));
}

}  // namespace
}  // namespace mm::network
