// Inline SVG primitives for the report: an element writer that escapes every attribute value
// and text (ids from input files reach tooltips and labels), and the colour scales.
//
// Coordinates are SVG user units (the viewBox is width × height, so charts scale with the page).
// Every shape can carry a tooltip (<title>), which browsers show on hover without scripts.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mm::report {

using Attributes = std::vector<std::pair<std::string, std::string>>;

// The width of every figure's viewBox: the report's charts and map line up on one page width.
constexpr double kFigureWidth = 960.0;

class SvgWriter {
 public:
  // `id` becomes the <svg> element's id (empty: none); `label` its aria-label.
  SvgWriter(double width, double height, std::string id, std::string label);

  void line(double x1, double y1, double x2, double y2, const Attributes& attributes,
            const std::string& tooltip = "");
  void rect(double x, double y, double width, double height, const Attributes& attributes,
            const std::string& tooltip = "");
  void circle(double cx, double cy, double r, const Attributes& attributes,
              const std::string& tooltip = "");
  // `d` is path data built from svg_number values (never input text).
  void path(const std::string& d, const Attributes& attributes, const std::string& tooltip = "");
  void polyline(const std::vector<std::pair<double, double>>& points, const Attributes& attributes);
  void text(double x, double y, const std::string& content, const Attributes& attributes = {});
  // Any element with escaped attributes and escaped text content (may be empty).
  void element(const std::string& tag, const Attributes& attributes,
               const std::string& content = "", const std::string& tooltip = "");
  void open_group(const Attributes& attributes);
  void close_group();

  std::string str() const;

 private:
  double width_;
  double height_;
  std::string id_;
  std::string label_;
  std::string body_;
};

// The fill colour scale: red (empty) through yellow to green (full), as #rrggbb; clamped to
// [0, 1].
std::string fill_colour(double fill);

// Series colours of the charts.
inline constexpr const char* kTruckColour = "#2563eb";
inline constexpr const char* kAirColour = "#d97706";
inline constexpr const char* kOnTimeColour = "#16a34a";
inline constexpr const char* kLateColour = "#f59e0b";
inline constexpr const char* kUnservedColour = "#dc2626";

// The colour of a mode's series ("truck", "air").
std::string mode_colour(const std::string& mode);

}  // namespace mm::report
