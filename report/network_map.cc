#include "report/network_map.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "network/number_text.h"
#include "report/html_text.h"
#include "report/svg.h"

namespace mm::report {

namespace {
constexpr double kPad = 40.0;
constexpr double kLegendHeight = 56.0;
constexpr double kPi = 3.14159265358979323846;

struct Projection {
  double scale = 1.0;
  double cos_lat = 1.0;
  double min_x = 0.0;
  double max_y = 0.0;  // of −lat... stored as the largest latitude
  double offset_x = kPad;
  double offset_y = kPad;
  double height = 400.0;

  std::pair<double, double> operator()(double lon, double lat) const {
    return {offset_x + (lon * cos_lat - min_x) * scale, offset_y + (max_y - lat) * scale};
  }
};

Projection fit(const network::Instance& instance) {
  Projection p;
  const auto& facilities = instance.facilities();
  if (facilities.empty()) return p;
  double lat_sum = 0.0;
  for (const auto& f : facilities) lat_sum += f.lat;
  p.cos_lat = std::max(0.1, std::cos(lat_sum / facilities.size() * kPi / 180.0));
  double min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9;
  for (const auto& f : facilities) {
    min_x = std::min(min_x, f.lon * p.cos_lat);
    max_x = std::max(max_x, f.lon * p.cos_lat);
    min_y = std::min(min_y, f.lat);
    max_y = std::max(max_y, f.lat);
  }
  const double span_x = std::max(max_x - min_x, 1e-6);
  const double span_y = std::max(max_y - min_y, 1e-6);
  // Width is fixed; the height follows the network's shape, between 320 and 720.
  p.scale = (kFigureWidth - 2 * kPad) / span_x;
  double inner_height = span_y * p.scale;
  if (inner_height > 720.0 - 2 * kPad) {
    p.scale = (720.0 - 2 * kPad) / span_y;
    inner_height = span_y * p.scale;
  }
  p.min_x = min_x;
  p.max_y = max_y;
  p.height = std::max(320.0, inner_height + 2 * kPad);
  p.offset_x = (kFigureWidth - span_x * p.scale) / 2.0;
  p.offset_y = (p.height - inner_height) / 2.0;
  return p;
}

// Quadratic curve from a to b whose control point sits left of the travel direction (right for a
// negative bend).
std::string curve(std::pair<double, double> a, std::pair<double, double> b, double bend = 0.12) {
  const double dx = b.first - a.first, dy = b.second - a.second;
  const double cx = (a.first + b.first) / 2.0 + dy * bend;
  const double cy = (a.second + b.second) / 2.0 - dx * bend;
  return "M" + svg_number(a.first) + " " + svg_number(a.second) + " Q" + svg_number(cx) + " " +
         svg_number(cy) + " " + svg_number(b.first) + " " + svg_number(b.second);
}

void facility_marker(SvgWriter& svg, network::FacilityKind kind, double x, double y,
                     const std::string& tooltip) {
  const std::string cls = std::string("facility facility-") + network::to_string(kind);
  const Attributes style = {{"class", cls}, {"stroke", "#ffffff"}, {"stroke-width", "1.5"}};
  Attributes a = style;
  switch (kind) {
    case network::FacilityKind::origin:
      a.push_back({"fill", "#1e3a8a"});
      svg.rect(x - 6, y - 6, 12, 12, a, tooltip);
      break;
    case network::FacilityKind::sort_center:
      a.push_back({"fill", "#7c3aed"});
      svg.path("M" + svg_number(x) + " " + svg_number(y - 8) + " L" + svg_number(x + 8) + " " +
                   svg_number(y) + " L" + svg_number(x) + " " + svg_number(y + 8) + " L" +
                   svg_number(x - 8) + " " + svg_number(y) + " Z",
               a, tooltip);
      break;
    case network::FacilityKind::air_hub:
      a.push_back({"fill", "#0e7490"});
      svg.path("M" + svg_number(x) + " " + svg_number(y - 8) + " L" + svg_number(x + 8) + " " +
                   svg_number(y + 6) + " L" + svg_number(x - 8) + " " + svg_number(y + 6) + " Z",
               a, tooltip);
      break;
    case network::FacilityKind::delivery_station:
      a.push_back({"fill", "#374151"});
      svg.circle(x, y, 4.5, a, tooltip);
      break;
  }
}

void legend(SvgWriter& svg, double top) {
  svg.open_group({{"class", "legend"}});
  svg.text(kPad, top + 14, "fill of lane (binding dimension)", {{"class", "legend-title"}});
  for (int i = 0; i < 10; ++i)
    svg.rect(kPad + i * 22, top + 20, 22, 12, {{"fill", fill_colour((i + 0.5) / 10.0)}});
  svg.text(kPad, top + 46, "0%", {{"class", "tick"}});
  svg.text(kPad + 220, top + 46, "100%", {{"class", "tick"}, {"text-anchor", "end"}});
  const std::pair<network::FacilityKind, const char*> kinds[] = {
      {network::FacilityKind::origin, "origin"},
      {network::FacilityKind::sort_center, "sort center"},
      {network::FacilityKind::air_hub, "air hub"},
      {network::FacilityKind::delivery_station, "delivery station"}};
  double x = kPad + 290;
  for (const auto& [kind, name] : kinds) {
    facility_marker(svg, kind, x, top + 26, name);
    svg.text(x + 14, top + 30, name, {{"class", "tick"}});
    x += 140;
  }
  svg.close_group();
}
}  // namespace

std::string render_network_map(const network::Instance& instance, const PlanFigures& figures) {
  const Projection project = fit(instance);
  const double height = project.height + kLegendHeight;
  SvgWriter svg(kFigureWidth, height, "map",
                "Map of facilities and planned lanes, coloured by fill");
  svg.rect(0, 0, kFigureWidth, project.height, {{"fill", "#f1f5f9"}});

  const auto& facilities = instance.facilities();
  std::vector<std::pair<double, double>> at;
  for (const auto& f : facilities) at.push_back(project(f.lon, f.lat));

  std::set<std::size_t> used;
  for (const LaneFigures& l : figures.lanes) used.insert(l.lane);
  std::set<std::pair<std::size_t, std::size_t>> idle_pairs;
  svg.open_group({{"class", "lanes-idle"}});
  for (std::size_t i = 0; i < instance.lanes().size(); ++i) {
    const network::Lane& lane = instance.lanes()[i];
    if (used.count(i) > 0 || !idle_pairs.insert({lane.from, lane.to}).second) continue;
    svg.path(
        curve(at[lane.from], at[lane.to]),
        {{"class", "lane-idle"}, {"fill", "none"}, {"stroke", "#cbd5e1"}, {"stroke-width", "1"}},
        "unused lane " + lane.id);
  }
  svg.close_group();

  int max_trips = 1;
  for (const LaneFigures& l : figures.lanes) max_trips = std::max(max_trips, l.vehicle_trips);
  std::vector<const LaneFigures*> order;
  for (const LaneFigures& l : figures.lanes) order.push_back(&l);
  // Thin lines first, so busy lanes are drawn on top.
  std::stable_sort(order.begin(), order.end(), [](const LaneFigures* a, const LaneFigures* b) {
    return a->vehicle_trips < b->vehicle_trips;
  });
  svg.open_group({{"class", "lanes-used"}});
  for (const LaneFigures* l : order) {
    const network::Lane& lane = instance.lanes()[l->lane];
    const double width = 1.5 + 5.0 * std::sqrt(static_cast<double>(l->vehicle_trips) / max_trips);
    const std::string tooltip = lane.id + " (" + l->mode + "): " + std::to_string(l->departures) +
                                " departures, " + std::to_string(l->vehicle_trips) +
                                " vehicle trips, " + network::grouped_text(l->load.packages) +
                                " packages, fill cube " + network::percent_text(l->fill_cube(), 1) +
                                ", weight " + network::percent_text(l->fill_weight(), 1);
    Attributes a = {{"class", "lane-line"},
                    {"data-lane", lane.id},
                    {"fill", "none"},
                    {"stroke", fill_colour(l->fill())},
                    {"stroke-width", svg_number(width)},
                    {"stroke-linecap", "round"}};
    if (l->mode == "air") a.push_back({"stroke-dasharray", "8 4"});
    svg.path(curve(at[lane.from], at[lane.to]), a, tooltip);
  }
  svg.close_group();

  // Empty moves of cyclic types: dashed slate lines bending the other way, so a loaded lane and
  // the empty return beside it stay apart.
  if (!figures.empty_moves.empty()) {
    svg.open_group({{"class", "empty-moves"}});
    for (const EmptyMoveFigures& e : figures.empty_moves) {
      const std::string tooltip = "empty " + e.vehicle_type + " " + facilities[e.from].id + " → " +
                                  facilities[e.to].id + ": " + std::to_string(e.vehicles) +
                                  " vehicle moves, cost " + network::grouped_text(e.cost);
      svg.path(curve(at[e.from], at[e.to], -0.2),
               {{"class", "empty-move"},
                {"fill", "none"},
                {"stroke", "#475569"},
                {"stroke-width", "1.5"},
                {"stroke-dasharray", "3 4"}},
               tooltip);
    }
    svg.close_group();
  }

  svg.open_group({{"class", "facilities"}});
  for (std::size_t f = 0; f < facilities.size(); ++f) {
    const FacilityActivity& activity = figures.facilities[f];
    facility_marker(svg, facilities[f].kind, at[f].first, at[f].second,
                    facilities[f].id + " (" + network::to_string(facilities[f].kind) +
                        "): " + network::grouped_text(activity.packages_out) + " packages out, " +
                        network::grouped_text(activity.packages_in) + " in");
  }
  // Labels only while they stay readable.
  if (facilities.size() <= 40)
    for (std::size_t f = 0; f < facilities.size(); ++f) {
      // Labels of facilities near the right edge go to the left of the marker, inside the map.
      // (12 px bold text is about 7.5 units a character.)
      if (at[f].first + 9 + 7.5 * facilities[f].id.size() > kFigureWidth - 4)
        svg.text(at[f].first - 9, at[f].second - 7, facilities[f].id,
                 {{"class", "label"}, {"text-anchor", "end"}});
      else
        svg.text(at[f].first + 9, at[f].second - 7, facilities[f].id, {{"class", "label"}});
    }
  svg.close_group();
  legend(svg, project.height + 4);
  return svg.str();
}

}  // namespace mm::report
