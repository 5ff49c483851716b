#include "report/lane_tables.h"

#include <algorithm>
#include <numeric>

#include "network/number_text.h"
#include "report/html_text.h"
#include "report/svg.h"

namespace mm::report {

namespace {
std::vector<std::size_t> ranked(const PlanFigures& figures, std::size_t rows,
                                bool (*before)(const LaneFigures&, const LaneFigures&)) {
  std::vector<std::size_t> order(figures.lanes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return before(figures.lanes[a], figures.lanes[b]);
  });
  if (order.size() > rows) order.resize(rows);
  return order;
}

std::string cell(const std::string& text, bool number = false) {
  return std::string(number ? "<td class=\"num\">" : "<td>") + escape_html(text) + "</td>";
}
}  // namespace

std::vector<std::size_t> busiest_lanes(const PlanFigures& figures, std::size_t rows) {
  return ranked(figures, rows, [](const LaneFigures& a, const LaneFigures& b) {
    if (a.load.packages != b.load.packages) return a.load.packages > b.load.packages;
    return a.vehicle_trips > b.vehicle_trips;
  });
}

std::vector<std::size_t> emptiest_lanes(const PlanFigures& figures, std::size_t rows) {
  return ranked(figures, rows, [](const LaneFigures& a, const LaneFigures& b) {
    if (a.fill() != b.fill()) return a.fill() < b.fill();
    return a.vehicle_trips > b.vehicle_trips;
  });
}

std::string render_lane_table(const network::Instance& instance, const PlanFigures& figures,
                              const std::vector<std::size_t>& lanes, const std::string& id,
                              const std::string& caption) {
  std::string html = "<table id=\"" + escape_html(id) + "\" class=\"lanes\">\n<caption>" +
                     escape_html(caption) + "</caption>\n";
  html +=
      "<thead><tr><th>lane</th><th>from → to</th><th>mode</th><th>departures</th>"
      "<th>vehicle trips</th><th>packages</th><th>fill cube</th><th>fill weight</th></tr></thead>"
      "\n<tbody>\n";
  for (const std::size_t i : lanes) {
    const LaneFigures& l = figures.lanes[i];
    const network::Lane& lane = instance.lanes()[l.lane];
    html += "<tr>" + cell(lane.id) +
            cell(instance.facilities()[lane.from].id + " → " + instance.facilities()[lane.to].id) +
            cell(l.mode) + cell(std::to_string(l.departures), true) +
            cell(std::to_string(l.vehicle_trips), true) +
            cell(network::grouped_text(l.load.packages), true) +
            "<td class=\"num\"><span class=\"swatch\" style=\"background:" +
            fill_colour(l.fill_cube()) + "\"></span>" + network::percent_text(l.fill_cube(), 1) +
            "</td>" + "<td class=\"num\"><span class=\"swatch\" style=\"background:" +
            fill_colour(l.fill_weight()) + "\"></span>" +
            network::percent_text(l.fill_weight(), 1) + "</td></tr>\n";
  }
  if (lanes.empty()) html += "<tr><td colspan=\"8\">no lane runs in this plan</td></tr>\n";
  return html + "</tbody>\n</table>\n";
}

}  // namespace mm::report
