#include "report/charts.h"

#include <algorithm>
#include <cmath>

#include "network/number_text.h"
#include "report/html_text.h"
#include "report/svg.h"

namespace mm::report {

double nice_ceiling(double value) {
  if (value <= 0.0) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (const double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= value) return m * magnitude;
  return 10.0 * magnitude;
}

std::map<std::string, std::array<int, 10>> fill_histogram(const PlanFigures& figures) {
  std::map<std::string, std::array<int, 10>> bins;
  for (const auto& [mode, m] : figures.kpis.modes) bins[mode].fill(0);
  for (const DepartureFill& d : figures.departures) {
    const int bin = std::clamp(static_cast<int>(std::floor(d.fill * 10.0 + 1e-9)), 0, 9);
    auto& counts = bins[d.mode];
    counts[bin] += d.vehicles;
  }
  return bins;
}

std::vector<std::size_t> busiest_facilities(const PlanFigures& figures,
                                            std::size_t max_facilities) {
  std::vector<std::size_t> order;
  for (const FacilityActivity& a : figures.facilities)
    if (a.packages_in + a.packages_out > 0.0 ||
        std::any_of(a.vehicles_out_by_bucket.begin(), a.vehicles_out_by_bucket.end(),
                    [](int v) { return v > 0; }))
      order.push_back(a.facility);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const FacilityActivity& fa = figures.facilities[a];
    const FacilityActivity& fb = figures.facilities[b];
    return fa.packages_in + fa.packages_out > fb.packages_in + fb.packages_out;
  });
  if (order.size() > max_facilities) order.resize(max_facilities);
  return order;
}

std::string render_fill_histogram(const PlanFigures& figures) {
  const auto bins = fill_histogram(figures);
  const double height = 280.0, left = 60.0, right = 20.0, top = 36.0, bottom = 44.0;
  SvgWriter svg(kFigureWidth, height, "fill-histogram", "Vehicle trips by fill and mode");
  int max_count = 0;
  for (const auto& [mode, counts] : bins)
    for (const int c : counts) max_count = std::max(max_count, c);
  // At least 5, so five grid steps are whole numbers of trips.
  const double axis_max = nice_ceiling(std::max(max_count, 5));
  const double plot_w = kFigureWidth - left - right, plot_h = height - top - bottom;
  const double base = top + plot_h;
  // Legend.
  double lx = left;
  for (const auto& [mode, counts] : bins) {
    svg.rect(lx, 10, 14, 14, {{"fill", mode_colour(mode)}});
    svg.text(lx + 20, 22, mode + " vehicle trips", {{"class", "tick"}});
    lx += 170;
  }
  // Axes and grid.
  for (int g = 0; g <= 5; ++g) {
    const double y = base - plot_h * g / 5.0;
    svg.line(left, y, kFigureWidth - right, y, {{"stroke", g == 0 ? "#64748b" : "#e2e8f0"}});
    svg.text(left - 6, y + 4, network::grouped_text(axis_max * g / 5.0),
             {{"class", "tick"}, {"text-anchor", "end"}});
  }
  const double bin_w = plot_w / 10.0;
  const std::size_t series = std::max<std::size_t>(1, bins.size());
  const double bar_w = (bin_w - 8.0) / series;
  for (int b = 0; b < 10; ++b) {
    const double x0 = left + b * bin_w + 4.0;
    std::size_t s = 0;
    for (const auto& [mode, counts] : bins) {
      const double h = plot_h * counts[b] / axis_max;
      svg.rect(x0 + s * bar_w, base - h, bar_w - 1.0, h,
               {{"class", "bar bar-" + mode},
                {"data-count", std::to_string(counts[b])},
                {"fill", mode_colour(mode)}},
               mode + ", fill " + std::to_string(b * 10) + "–" + std::to_string(b * 10 + 10) +
                   "%: " + std::to_string(counts[b]) + " vehicle trips");
      ++s;
    }
    svg.text(left + b * bin_w + bin_w / 2, base + 16,
             std::to_string(b * 10) + "–" + std::to_string(b * 10 + 10) + "%",
             {{"class", "tick"}, {"text-anchor", "middle"}});
  }
  svg.text(left + plot_w / 2, height - 6, "fill of the binding dimension (cube or weight)",
           {{"class", "axis-label"}, {"text-anchor", "middle"}});
  if (bins.empty())
    svg.text(left + plot_w / 2, top + plot_h / 2, "no departures in this plan",
             {{"class", "empty"}, {"text-anchor", "middle"}});
  return svg.str();
}

std::string render_timeline(const network::Instance& instance, const PlanFigures& figures,
                            std::size_t max_facilities) {
  const std::vector<std::size_t> rows = busiest_facilities(figures, max_facilities);
  const double left = 150.0, right = 20.0, top = 34.0, row_h = 84.0, gap = 14.0, bottom = 28.0;
  const double height = top + std::max<std::size_t>(1, rows.size()) * (row_h + gap) + bottom;
  SvgWriter svg(kFigureWidth, height, "timeline",
                "Packages and vehicles over time at the busiest facilities");
  const double plot_w = kFigureWidth - left - right;
  const double horizon = std::max(1, figures.buckets * figures.bucket_minutes);
  const auto x_of = [&](double minute) { return left + plot_w * minute / horizon; };

  svg.rect(left, 10, 14, 12, {{"fill", kTruckColour}, {"opacity", "0.55"}});
  svg.text(left + 20, 20, "packages leaving", {{"class", "tick"}});
  svg.line(left + 160, 16, left + 184, 16, {{"stroke", "#0f172a"}, {"stroke-width", "2"}});
  svg.text(left + 190, 20, "vehicles leaving", {{"class", "tick"}});
  svg.line(left + 320, 16, left + 344, 16,
           {{"stroke", "#be185d"}, {"stroke-width", "2"}, {"stroke-dasharray", "4 3"}});
  svg.text(left + 350, 20, "vehicles arriving", {{"class", "tick"}});
  svg.text(kFigureWidth - right, 20, "bucket " + std::to_string(figures.bucket_minutes) + " min",
           {{"class", "tick"}, {"text-anchor", "end"}});

  double y0 = top;
  for (const std::size_t f : rows) {
    const FacilityActivity& a = figures.facilities[f];
    const double base = y0 + row_h;
    svg.open_group({{"class", "timeline-row"}, {"data-facility", instance.facilities()[f].id}});
    svg.text(left - 8, y0 + row_h / 2, instance.facilities()[f].id,
             {{"class", "label"}, {"text-anchor", "end"}});
    svg.text(left - 8, y0 + row_h / 2 + 14,
             network::grouped_text(a.packages_in) + " in · " +
                 network::grouped_text(a.packages_out) + " out",
             {{"class", "tick"}, {"text-anchor", "end"}});
    svg.rect(left, y0, plot_w, row_h, {{"fill", "#f8fafc"}, {"stroke", "#e2e8f0"}});
    double max_packages = 0.0;
    int max_vehicles = 0;
    for (int b = 0; b < figures.buckets; ++b) {
      max_packages = std::max(max_packages, a.packages_out_by_bucket[b]);
      max_vehicles =
          std::max({max_vehicles, a.vehicles_out_by_bucket[b], a.vehicles_in_by_bucket[b]});
    }
    const double bucket_w = plot_w / figures.buckets;
    for (int b = 0; b < figures.buckets; ++b) {
      if (a.packages_out_by_bucket[b] <= 0.0) continue;
      const double h = (row_h - 6) * a.packages_out_by_bucket[b] / max_packages;
      const int start = b * figures.bucket_minutes;
      svg.rect(left + b * bucket_w + 0.5, base - h, bucket_w - 1.0, h,
               {{"fill", kTruckColour}, {"opacity", "0.55"}},
               instance.facilities()[f].id + ", minutes " + std::to_string(start) + "–" +
                   std::to_string(start + figures.bucket_minutes) + ": " +
                   network::grouped_text(a.packages_out_by_bucket[b]) + " packages, " +
                   std::to_string(a.vehicles_out_by_bucket[b]) + " vehicles leaving, " +
                   std::to_string(a.vehicles_in_by_bucket[b]) + " arriving");
    }
    if (max_vehicles > 0) {
      std::vector<std::pair<double, double>> out, in;
      for (int b = 0; b < figures.buckets; ++b) {
        const double x = left + (b + 0.5) * bucket_w;
        out.push_back({x, base - (row_h - 6) * a.vehicles_out_by_bucket[b] / max_vehicles});
        in.push_back({x, base - (row_h - 6) * a.vehicles_in_by_bucket[b] / max_vehicles});
      }
      svg.polyline(out, {{"fill", "none"}, {"stroke", "#0f172a"}, {"stroke-width", "1.5"}});
      svg.polyline(in, {{"fill", "none"},
                        {"stroke", "#be185d"},
                        {"stroke-width", "1.5"},
                        {"stroke-dasharray", "4 3"}});
    }
    svg.text(kFigureWidth - right - 4, y0 + 12,
             "max " + network::grouped_text(max_packages) + " packages, " +
                 std::to_string(max_vehicles) + (max_vehicles == 1 ? " vehicle" : " vehicles") +
                 " per bucket",
             {{"class", "tick"}, {"text-anchor", "end"}});
    svg.close_group();
    y0 += row_h + gap;
  }
  if (rows.empty())
    svg.text(left + plot_w / 2, top + row_h / 2, "no facility sends or receives anything",
             {{"class", "empty"}, {"text-anchor", "middle"}});
  // Day ticks under the last row.
  for (int day = 0; day * 1440 <= horizon; ++day) {
    const double x = x_of(day * 1440.0);
    svg.line(x, top, x, y0 - gap + 4, {{"stroke", "#94a3b8"}, {"stroke-dasharray", "2 3"}});
    if (x > kFigureWidth - 90) break;  // no room for a label at the right edge
    svg.text(x, y0 - gap + 18,
             "day " + std::to_string(day + 1) + " (min " + std::to_string(day * 1440) + ")",
             {{"class", "tick"}});
  }
  return svg.str();
}

std::string render_service_chart(const PlanFigures& figures) {
  const KpiFigures& k = figures.kpis;
  const double height = 110.0, left = 20.0, right = 20.0;
  SvgWriter svg(kFigureWidth, height, "service", "Packages on time, late and unserved");
  const double total = std::max(1e-9, k.on_time_packages + k.late_packages + k.unserved_packages);
  const double plot_w = kFigureWidth - left - right;
  struct Part {
    const char* name;
    const char* cls;
    double packages;
    const char* colour;
  };
  const Part parts[] = {{"on time", "service-on-time", k.on_time_packages, kOnTimeColour},
                        {"late", "service-late", k.late_packages, kLateColour},
                        {"unserved", "service-unserved", k.unserved_packages, kUnservedColour}};
  double x = left;
  double lx = left;
  for (const Part& p : parts) {
    const double w = plot_w * p.packages / total;
    const std::string label = std::string(p.name) + ": " + network::grouped_text(p.packages) +
                              " packages (" + network::percent_text(p.packages / total, 1) + ")";
    svg.rect(x, 14, w, 40,
             {{"class", p.cls},
              {"data-packages", network::grouped_text(p.packages, 2)},
              {"fill", p.colour}},
             label);
    x += w;
    svg.rect(lx, 72, 14, 14, {{"fill", p.colour}});
    svg.text(lx + 20, 84, label, {{"class", "tick"}});
    lx += 300;
  }
  return svg.str();
}

}  // namespace mm::report
