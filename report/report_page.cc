#include "report/report_page.h"

#include "network/number_text.h"
#include "report/charts.h"
#include "report/html_text.h"
#include "report/lane_tables.h"
#include "report/network_map.h"
#include "report/plan_figures.h"
#include "report/rotation_chart.h"
#include "report/simulation_section.h"

namespace mm::report {

namespace {
constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;
 background:#fff;color:#0f172a;}
main{max-width:1000px;margin:0 auto;padding:16px 20px 40px;}
h1{font-size:24px;margin:8px 0 4px;} h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e2e8f0;padding-bottom:4px;}
.sources{color:#475569;font-size:13px;margin:0 0 12px;}
#kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;}
.kpi{border:1px solid #e2e8f0;border-radius:8px;padding:10px 12px;background:#f8fafc;}
.kpi .name{font-size:12px;color:#475569;text-transform:uppercase;letter-spacing:.04em;}
.kpi .value{font-size:22px;font-weight:600;margin:2px 0;}
.kpi .detail{font-size:12px;color:#334155;}
.warning{border:2px solid #b45309;background:#fffbeb;border-radius:8px;padding:10px 14px;margin:14px 0;}
.warning h2{border:none;margin:0 0 6px;color:#92400e;} .warning li{font-family:ui-monospace,monospace;font-size:12px;}
svg{width:100%;height:auto;display:block;}
svg text{font-size:12px;fill:#1e293b;} svg .label{font-size:12px;font-weight:600;}
svg .tick{font-size:11px;fill:#475569;} svg .axis-label{font-size:12px;fill:#334155;}
svg .empty{font-size:14px;fill:#64748b;} svg .legend-title{font-size:12px;font-weight:600;}
table.lanes{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 18px;}
table.lanes caption{text-align:left;font-weight:600;padding:4px 0;}
#simulation svg{margin:10px 0;}
table.lanes th,table.lanes td{border-bottom:1px solid #e2e8f0;padding:4px 6px;text-align:left;}
table.lanes td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:middle;}
footer{color:#64748b;font-size:12px;margin-top:30px;}
)";

std::string kpi(const std::string& id, const std::string& name, const std::string& value,
                const std::string& detail) {
  return "<div class=\"kpi\" id=\"" + id + "\"><div class=\"name\">" + escape_html(name) +
         "</div><div class=\"value\">" + escape_html(value) + "</div><div class=\"detail\">" +
         escape_html(detail) + "</div></div>\n";
}

std::string kpi_section(const network::Instance& instance, const network::Plan& plan,
                        const PlanFigures& figures) {
  const KpiFigures& k = figures.kpis;
  std::string html = "<section id=\"kpis\">\n";
  html += kpi("kpi-cost", "cost", network::grouped_text(k.objective, 2),
              "vehicles " + network::grouped_text(k.cost.vehicles, 2) + " · packages " +
                  network::grouped_text(k.cost.packages, 2) + " · handling " +
                  network::grouped_text(k.cost.handling, 2) + " · unserved " +
                  network::grouped_text(k.cost.unserved, 2) +
                  (k.cost.repositioning != 0.0 || k.cost.fleet != 0.0
                       ? " · empty moves " + network::grouped_text(k.cost.repositioning, 2) +
                             " · fleet " + network::grouped_text(k.cost.fleet, 2)
                       : std::string()));
  std::string trips, fills;
  int total_trips = 0;
  for (const auto& [mode, m] : k.modes) {
    trips += (trips.empty() ? "" : " · ") + mode + " " + std::to_string(m.vehicle_trips) + " (" +
             std::to_string(m.departures) + " departures)";
    fills += (fills.empty() ? "" : " · ") + mode + " cube " +
             network::percent_text(m.fill_cube(), 1) + ", weight " +
             network::percent_text(m.fill_weight(), 1);
    total_trips += m.vehicle_trips;
  }
  html += kpi("kpi-vehicles", "vehicle trips", std::to_string(total_trips),
              trips.empty() ? "no departures" : trips);
  // The headline fill is the cube fill of the busiest mode: parcels fill by cube first.
  const ModeFigures* main_mode = nullptr;
  for (const auto& [mode, m] : k.modes)
    if (main_mode == nullptr || m.vehicle_trips > main_mode->vehicle_trips) main_mode = &m;
  html += kpi("kpi-fill", "fill (cube)",
              main_mode ? network::percent_text(main_mode->fill_cube(), 1) : "-",
              fills.empty() ? "no departures" : fills);
  html += kpi("kpi-on-time", "on time", network::percent_text(k.on_time_share(), 1),
              network::grouped_text(k.on_time_packages) + " of " +
                  network::grouped_text(k.demand_packages) + " packages; " +
                  network::grouped_text(k.late_packages) + " late");
  html += kpi("kpi-unserved", "unserved packages", network::grouped_text(k.unserved_packages),
              std::to_string(k.unserved_demands) + " of " +
                  std::to_string(instance.demand().size()) + " demands");
  html += kpi(
      "kpi-gap", "gap", k.gap ? network::percent_text(*k.gap, 1) : "-",
      k.lower_bound ? "lower bound " + network::grouped_text(*k.lower_bound, 2) : "no lower bound");
  html += kpi("kpi-status", "status", k.status,
              std::to_string(instance.facilities().size()) + " facilities, " +
                  std::to_string(figures.lanes.size()) + " of " +
                  std::to_string(instance.lanes().size()) + " lanes used");
  if (!plan.fleet.empty()) {
    // Vehicles that come back: the fleet they need and what runs empty (issue 16).
    int fleet = 0, empty_trips = 0;
    std::string by_type;
    for (const network::FleetUse& f : plan.fleet) {
      fleet += f.vehicles;
      by_type += (by_type.empty() ? "" : " · ") + f.vehicle_type + " " + std::to_string(f.vehicles);
    }
    for (const network::EmptyMove& m : plan.repositioning) empty_trips += m.vehicles;
    html += kpi("kpi-fleet", "fleet (cyclic types)", std::to_string(fleet),
                by_type + "; " + std::to_string(empty_trips) + " empty trips costing " +
                    network::grouped_text(k.cost.repositioning, 2));
  }
  double handled = 0.0;
  for (const FacilityActivity& a : figures.facilities) handled += a.packages_out;
  html += kpi("kpi-packages", "packages moved", network::grouped_text(handled),
              "package legs over all departures");
  return html + "</section>\n";
}

std::string violations_box(const std::vector<network::Violation>& violations, std::size_t shown) {
  std::string html =
      "<section id=\"violations\" class=\"warning\" role=\"alert\">\n<h2>The referee found " +
      std::to_string(violations.size()) + (violations.size() == 1 ? " violation" : " violations") +
      "</h2>\n<p>This plan breaks rules of the instance (as <code>middlemile verify</code> "
      "reports); the figures below show the plan as written.</p>\n<ul>\n";
  for (std::size_t i = 0; i < violations.size() && i < shown; ++i)
    html += "<li>" + escape_html(violations[i].where) + ": " + escape_html(violations[i].message) +
            "</li>\n";
  html += "</ul>\n";
  if (violations.size() > shown)
    html += "<p>… and " + std::to_string(violations.size() - shown) + " more.</p>\n";
  return html + "</section>\n";
}
}  // namespace

std::string render_report(const network::Instance& instance, const network::Plan& plan,
                          const std::vector<network::Violation>& violations,
                          const ReportOptions& options) {
  const PlanFigures figures = plan_figures(instance, plan);
  const std::string title = "middlemile report: " + instance.name();
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape_html(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
  html += "<h1 id=\"title\">" + escape_html(title) + "</h1>\n";
  html += "<p class=\"sources\">instance <code>" + escape_html(options.instance_source) +
          "</code> · plan <code>" + escape_html(options.plan_source) + "</code> · horizon " +
          std::to_string(instance.horizon_minutes()) + " minutes</p>\n";
  if (!violations.empty()) html += violations_box(violations, options.violations_shown);
  html += kpi_section(instance, plan, figures);
  html +=
      "<h2>Network</h2>\n<p class=\"sources\">Lines are lanes the plan runs, coloured by "
      "fill and thicker with more vehicle trips (air dashed); hover for figures.</p>\n";
  html += render_network_map(instance, figures);
  html += "<h2>Fill by mode</h2>\n" + render_fill_histogram(figures);
  html += "<h2>Busiest facilities over time</h2>\n" +
          render_timeline(instance, figures, options.timeline_facilities);
  html += "<h2>Service</h2>\n" + render_service_chart(figures);
  html += render_rotation_section(instance, plan);
  html += "<h2>Lanes</h2>\n";
  html += render_lane_table(instance, figures, busiest_lanes(figures, options.lane_table_rows),
                            "busiest-lanes", "Busiest lanes (most packages)");
  html += render_lane_table(instance, figures, emptiest_lanes(figures, options.lane_table_rows),
                            "emptiest-lanes", "Emptiest lanes (lowest fill)");
  if (options.simulation)
    html += render_simulation_section(*options.simulation, options.lane_table_rows);
  html +=
      "<footer>Generated by middlemile from the files above; figures are recomputed from the "
      "instance's capacities.</footer>\n</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace mm::report
