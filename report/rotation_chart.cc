#include "report/rotation_chart.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "network/number_text.h"
#include "report/html_text.h"
#include "report/svg.h"

namespace mm::report {

namespace {

constexpr double kLeft = 170.0;
constexpr double kRight = 20.0;
constexpr double kTop = 34.0;
constexpr double kRowHeight = 18.0;
constexpr double kBottom = 30.0;

// [start, end) minutes of a leg on its row, before wrapping.
struct Span {
  double start = 0.0;
  double end = 0.0;
};

// The legs on the row's clock: each leg starts no earlier than the one before it ended (minutes
// of a departure repeat every cycle), and the row starts at the cycle of the first departure.
std::vector<Span> spans_of(const network::Rotation& r, int cycle) {
  std::vector<Span> spans;
  const int first = r.legs.front().departure_minute;
  const int origin = (first >= 0 ? first / cycle : -((-first + cycle - 1) / cycle)) * cycle;
  double previous_end = -1e18;
  for (const network::RotationLeg& leg : r.legs) {
    double start = leg.departure_minute - origin;
    while (start < previous_end) start += cycle;
    const double end = start + std::max(0, leg.arrival_minute - leg.departure_minute);
    spans.push_back({start, end});
    previous_end = end;
  }
  return spans;
}

std::string mode_of(const network::Instance& instance, const std::string& type) {
  const auto t = instance.vehicle_type_index(type);
  return t ? network::to_string(instance.vehicle_types()[*t].mode) : "truck";
}

}  // namespace

std::string render_rotation_section(const network::Instance& instance, const network::Plan& plan,
                                    std::size_t max_rows) {
  if (plan.rotations.empty()) return "";
  const int cycle = std::max(1, instance.cycle_minutes());
  int longest = 1;
  for (const network::Rotation& r : plan.rotations) longest = std::max(longest, r.cycles);
  const double axis = static_cast<double>(longest) * cycle;
  const std::size_t rows = std::min(max_rows, plan.rotations.size());
  const double plot_w = kFigureWidth - kLeft - kRight;
  const double height = kTop + std::max<std::size_t>(1, rows) * kRowHeight + kBottom;
  const auto x_of = [&](double minute) { return kLeft + plot_w * minute / axis; };

  SvgWriter svg(
      kFigureWidth, height, "rotation-chart",
      "Rotations of the cyclic vehicle types: one row per vehicle, its legs over the cycle");
  svg.rect(kLeft, 10, 14, 12, {{"fill", kTruckColour}});
  svg.text(kLeft + 20, 20, "loaded leg", {{"class", "tick"}});
  svg.rect(kLeft + 120, 10, 14, 12,
           {{"fill", "#e2e8f0"}, {"stroke", "#475569"}, {"stroke-dasharray", "3 2"}});
  svg.text(kLeft + 140, 20, "empty leg", {{"class", "tick"}});
  svg.text(kFigureWidth - kRight, 20,
           "cycle " + std::to_string(cycle) + " min" +
               (longest > 1 ? " (" + std::to_string(longest) + " cycles shown)" : ""),
           {{"class", "tick"}, {"text-anchor", "end"}});
  // Hour ticks every 6 hours of the axis (every cycle when the axis is long).
  const int step = axis <= 2 * 1440.0 ? 360 : cycle;
  for (int m = 0; m <= axis; m += step) {
    const double x = x_of(m);
    svg.line(x, kTop - 4, x, kTop + rows * kRowHeight, {{"stroke", "#e2e8f0"}});
    svg.text(x, kTop + rows * kRowHeight + 14, std::to_string(m / 60) + "h",
             {{"class", "tick"}, {"text-anchor", "middle"}});
  }

  for (std::size_t i = 0; i < rows; ++i) {
    const network::Rotation& r = plan.rotations[i];
    if (r.legs.empty()) continue;
    const double y = kTop + i * kRowHeight;
    const std::string colour = mode_colour(mode_of(instance, r.vehicle_type));
    svg.open_group({{"class", "rotation-row"}, {"data-rotation", r.id}});
    // Rotation ids usually start with their type ("truck53-2"): the type only when not.
    const bool typed = r.id.rfind(r.vehicle_type, 0) == 0;
    svg.text(kLeft - 8, y + kRowHeight - 5,
             r.id + (typed ? "" : " · " + r.vehicle_type) +
                 (r.cycles > 1 ? " ×" + std::to_string(r.cycles) : ""),
             {{"class", "tick"}, {"text-anchor", "end"}});
    const double length = static_cast<double>(r.cycles) * cycle;
    const std::vector<Span> spans = spans_of(r, cycle);
    for (std::size_t k = 0; k < r.legs.size(); ++k) {
      const network::RotationLeg& leg = r.legs[k];
      const std::string tooltip = std::string(leg.loaded ? "" : "empty ") + leg.from + " → " +
                                  leg.to + " (" + leg.lane + "), minute " +
                                  std::to_string(leg.departure_minute) + " to " +
                                  std::to_string(leg.arrival_minute);
      Attributes a = leg.loaded ? Attributes{{"class", "leg-loaded"}, {"fill", colour}}
                                : Attributes{{"class", "leg-empty"},
                                             {"fill", "#e2e8f0"},
                                             {"stroke", "#475569"},
                                             {"stroke-dasharray", "3 2"}};
      // On the row's clock modulo its length; a leg past the end wraps to the start.
      double start = spans[k].start, end = spans[k].end;
      while (start >= length) {
        start -= length;
        end -= length;
      }
      const auto bar = [&](double from, double to) {
        svg.rect(x_of(from), y + 3, std::max(1.0, x_of(to) - x_of(from)), kRowHeight - 6, a,
                 tooltip);
      };
      if (end <= length) {
        bar(start, end);
      } else {
        bar(start, length);
        bar(0.0, std::min(length, end - length));
      }
    }
    svg.close_group();
  }

  std::string html = "<section id=\"rotations\">\n<h2>Rotations</h2>\n";
  html += "<p class=\"sources\">" + std::to_string(plan.rotations.size()) + " rotation" +
          (plan.rotations.size() == 1 ? "" : "s") +
          " of the cyclic vehicle types: each row is one vehicle's legs in order until it is back "
          "where it began; light legs with a dashed outline run empty.</p>\n";
  html += svg.str();
  if (rows < plan.rotations.size())
    html += "<p class=\"sources\">" + std::to_string(plan.rotations.size() - rows) +
            " more rotations not drawn (the plan's JSON and <code>middlemile schedule</code> "
            "list them all).</p>\n";
  return html + "</section>\n";
}

}  // namespace mm::report
