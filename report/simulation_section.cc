#include "report/simulation_section.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "network/number_text.h"
#include "report/charts.h"
#include "report/html_text.h"
#include "report/svg.h"

namespace mm::report {

namespace {
constexpr int kBins = 20;

using network::grouped_text;

std::string percent(double share) {
  return network::percent_text(share, 1);
}

std::string amount(double value) {
  return grouped_text(value, 2);
}

std::string count(double value) {
  return grouped_text(value, 1);
}

std::string whole(double value) {
  return grouped_text(value);
}

std::string summary_row(const char* name, const network::Distribution& d,
                        const std::function<std::string(double)>& show) {
  std::string row = "<tr><th>" + std::string(name) + "</th>";
  for (const double v : {d.mean, d.p5, d.p50, d.p95, d.min, d.max})
    row += "<td class=\"num\">" + escape_html(show(v)) + "</td>";
  return row + "</tr>\n";
}

std::string render_histogram(const std::string& id, const std::string& title,
                             const std::string& x_label, const Histogram& h,
                             const std::function<std::string(double)>& show) {
  const double height = 240.0, left = 60.0, right = 20.0, top = 30.0, bottom = 44.0;
  SvgWriter svg(kFigureWidth, height, id, title);
  const double plot_w = kFigureWidth - left - right, plot_h = height - top - bottom;
  const double base = top + plot_h;
  int most_days = 0;
  for (const int c : h.counts) most_days = std::max(most_days, c);
  // At least 4, so the four grid steps are whole numbers of days.
  const double most = nice_ceiling(std::max(most_days, 4));
  svg.text(left, 18, title, {{"class", "label"}});
  for (int g = 0; g <= 4; ++g) {
    const double y = base - plot_h * g / 4.0;
    svg.line(left, y, kFigureWidth - right, y, {{"stroke", g == 0 ? "#64748b" : "#e2e8f0"}});
    svg.text(left - 6, y + 4, grouped_text(most * g / 4.0),
             {{"class", "tick"}, {"text-anchor", "end"}});
  }
  const std::size_t n = std::max<std::size_t>(1, h.counts.size());
  const double bar_w = plot_w / n;
  for (std::size_t b = 0; b < h.counts.size(); ++b) {
    const double from = h.low + b * h.width, to = from + h.width;
    const double bar_h = plot_h * h.counts[b] / most;
    svg.rect(
        left + b * bar_w + 1.0, base - bar_h, bar_w - 2.0, bar_h,
        {{"class", "bar"}, {"data-count", std::to_string(h.counts[b])}, {"fill", kTruckColour}},
        show(from) + " to " + show(to) + ": " + std::to_string(h.counts[b]) + " days");
  }
  // Labels at the edges of about every fifth bar (the first and last kept inside the chart).
  const std::size_t step = std::max<std::size_t>(1, n / 5);
  for (std::size_t b = 0; b <= h.counts.size(); b += step)
    svg.text(left + b * bar_w, base + 16, show(h.low + b * h.width),
             {{"class", "tick"},
              {"text-anchor", b == 0                       ? "start"
                              : b + step > h.counts.size() ? "end"
                                                           : "middle"}});
  svg.text(left + plot_w / 2, height - 6, x_label + " (days per bar)",
           {{"class", "axis-label"}, {"text-anchor", "middle"}});
  if (h.counts.empty())
    svg.text(left + plot_w / 2, top + plot_h / 2, "no simulated days",
             {{"class", "empty"}, {"text-anchor", "middle"}});
  return svg.str();
}

std::string departures_table(const network::SimulationResults& r, std::size_t rows) {
  std::string html =
      "<table class=\"lanes\" id=\"simulation-departures\">\n<caption>Departures that overflow "
      "most often (the day's packages on the plan's routes do not fit its vehicles)</caption>\n"
      "<thead><tr><th>departure</th><th>minute</th><th>vehicles</th><th>overflow</th>"
      "<th>spot vehicle hired</th><th>mean spot vehicles</th></tr></thead>\n<tbody>\n";
  std::size_t shown = 0;
  for (const network::DepartureRisk& d : r.departures) {
    if (shown == rows || (d.overflow_probability == 0.0 && d.spot_probability == 0.0)) break;
    ++shown;
    html += "<tr><td>" + escape_html(d.lane) + "</td><td class=\"num\">" +
            std::to_string(d.departure_minute) + "</td><td class=\"num\">" +
            std::to_string(d.vehicles) + "</td><td class=\"num\">" +
            percent(d.overflow_probability) + "</td><td class=\"num\">" +
            percent(d.spot_probability) + "</td><td class=\"num\">" +
            grouped_text(d.mean_spot_vehicles, 2) + "</td></tr>\n";
  }
  if (shown == 0) html += "<tr><td colspan=\"6\">no departure overflows on any day</td></tr>\n";
  return html + "</tbody>\n</table>\n";
}

std::string facilities_table(const network::SimulationResults& r, std::size_t rows) {
  std::string html =
      "<table class=\"lanes\" id=\"simulation-facilities\">\n<caption>Sort capacity: how often "
      "the day's packages on the plan's routes exceed it in some hour</caption>\n"
      "<thead><tr><th>facility</th><th>capacity per hour</th><th>exceeded</th>"
      "<th>mean peak hour</th><th>p95 peak hour</th></tr></thead>\n<tbody>\n";
  std::size_t shown = 0;
  for (const network::FacilityRisk& f : r.facilities) {
    if (shown++ == rows) break;
    html += "<tr><td>" + escape_html(f.facility) + "</td><td class=\"num\">" +
            grouped_text(f.sort_capacity_per_hour) + "</td><td class=\"num\">" +
            percent(f.exceed_probability) + "</td><td class=\"num\">" +
            percent(f.mean_peak_utilization) + "</td><td class=\"num\">" +
            percent(f.p95_peak_utilization) + "</td></tr>\n";
  }
  if (r.facilities.empty())
    html += "<tr><td colspan=\"5\">no facility has a sort capacity</td></tr>\n";
  return html + "</tbody>\n</table>\n";
}

}  // namespace

Histogram histogram_of(const std::vector<double>& values, int bins, bool whole_numbers) {
  Histogram h;
  if (values.empty()) return h;
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  if (whole_numbers) {
    h.low = std::floor(*low);
    h.width = std::max(1.0, std::ceil((std::floor(*high) - h.low + 1.0) / bins));
  } else {
    h.low = *low;
    h.width = *high > *low ? (*high - *low) / bins : 1.0;
  }
  const int count = static_cast<int>(std::floor((*high - h.low) / h.width)) + 1;
  h.counts.assign(std::min(count, whole_numbers ? count : bins), 0);
  for (const double v : values) {
    const auto b = static_cast<std::size_t>(std::floor((v - h.low) / h.width));
    ++h.counts[std::min(b, h.counts.size() - 1)];  // the largest value closes the last bin
  }
  return h;
}

std::string render_simulation_section(const network::SimulationResults& r, std::size_t rows) {
  const network::SimulationSettings& s = r.settings;
  std::string html = "<section id=\"simulation\">\n<h2>Under uncertain demand</h2>\n";
  html += "<p class=\"sources\">" + std::to_string(r.samples.size()) + " days " +
          (s.demand == "scenarios"
               ? "from the scenario file <code>" + escape_html(s.scenarios_file) + "</code>"
               : "drawn with CV " + grouped_text(s.demand_cv, 2) + ", correlation " +
                     grouped_text(s.correlation, 2) + ", seed " + std::to_string(s.seed)) +
          (r.interrupted ? " (interrupted)" : "") + "; recourse: room and later departures, " +
          (s.spot ? "spot vehicles at " + grouped_text(s.spot_factor, 2) + " × trip cost, " : "") +
          "late at " + grouped_text(s.late_penalty_per_package, 2) + " per package, unserved at " +
          grouped_text(s.unserved_penalty_per_package, 2) +
          ". The plan's own objective (the forecast day) is " + amount(r.plan_objective) +
          ".</p>\n";
  html +=
      "<table class=\"lanes\" id=\"simulation-summary\">\n<thead><tr><th></th><th>mean</th>"
      "<th>p5</th><th>p50</th><th>p95</th><th>min</th><th>max</th></tr></thead>\n<tbody>\n";
  const network::SimulationSummary& m = r.summary;
  html += summary_row("on-time share", m.on_time_share, percent);
  html += summary_row("cost", m.cost, amount);
  html += summary_row("spot vehicles", m.spot_vehicles, count);
  html += summary_row("late packages", m.late_packages, count);
  html += summary_row("unserved packages", m.unserved_packages, count);
  html += summary_row("packages", m.packages, count);
  html += "</tbody>\n</table>\n";
  std::vector<double> cost, share, spot;
  for (const network::SampleRecord& day : r.samples) {
    cost.push_back(day.cost.total());
    share.push_back(day.on_time_share());
    spot.push_back(day.spot_vehicles);
  }
  html += render_histogram("simulation-cost", "Cost per day", "cost",
                           histogram_of(cost, kBins, false), whole);
  html += render_histogram("simulation-on-time", "On-time share per day", "on-time share",
                           histogram_of(share, kBins, false), percent);
  html += render_histogram("simulation-spot", "Spot vehicles per day", "spot vehicles",
                           histogram_of(spot, kBins, true), whole);
  html += departures_table(r, rows);
  html += facilities_table(r, rows);
  return html + "</section>\n";
}

}  // namespace mm::report
