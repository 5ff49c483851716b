#include "report/svg.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "report/html_text.h"

namespace mm::report {

namespace {
std::string attribute_text(const Attributes& attributes) {
  std::string out;
  for (const auto& [name, value] : attributes)
    out += " " + name + "=\"" + escape_html(value) + "\"";
  return out;
}
}  // namespace

SvgWriter::SvgWriter(double width, double height, std::string id, std::string label)
    : width_(width), height_(height), id_(std::move(id)), label_(std::move(label)) {}

void SvgWriter::element(const std::string& tag, const Attributes& attributes,
                        const std::string& content, const std::string& tooltip) {
  body_ += "<" + tag + attribute_text(attributes);
  if (content.empty() && tooltip.empty()) {
    body_ += "/>\n";
    return;
  }
  body_ += ">";
  if (!tooltip.empty()) body_ += "<title>" + escape_html(tooltip) + "</title>";
  body_ += escape_html(content) + "</" + tag + ">\n";
}

void SvgWriter::line(double x1, double y1, double x2, double y2, const Attributes& attributes,
                     const std::string& tooltip) {
  Attributes all = {{"x1", svg_number(x1)},
                    {"y1", svg_number(y1)},
                    {"x2", svg_number(x2)},
                    {"y2", svg_number(y2)}};
  all.insert(all.end(), attributes.begin(), attributes.end());
  element("line", all, "", tooltip);
}

void SvgWriter::rect(double x, double y, double width, double height, const Attributes& attributes,
                     const std::string& tooltip) {
  Attributes all = {{"x", svg_number(x)},
                    {"y", svg_number(y)},
                    {"width", svg_number(std::max(0.0, width))},
                    {"height", svg_number(std::max(0.0, height))}};
  all.insert(all.end(), attributes.begin(), attributes.end());
  element("rect", all, "", tooltip);
}

void SvgWriter::circle(double cx, double cy, double r, const Attributes& attributes,
                       const std::string& tooltip) {
  Attributes all = {{"cx", svg_number(cx)}, {"cy", svg_number(cy)}, {"r", svg_number(r)}};
  all.insert(all.end(), attributes.begin(), attributes.end());
  element("circle", all, "", tooltip);
}

void SvgWriter::path(const std::string& d, const Attributes& attributes,
                     const std::string& tooltip) {
  Attributes all = {{"d", d}};
  all.insert(all.end(), attributes.begin(), attributes.end());
  element("path", all, "", tooltip);
}

void SvgWriter::polyline(const std::vector<std::pair<double, double>>& points,
                         const Attributes& attributes) {
  std::string list;
  for (const auto& [x, y] : points)
    list += (list.empty() ? "" : " ") + svg_number(x) + "," + svg_number(y);
  Attributes all = {{"points", list}};
  all.insert(all.end(), attributes.begin(), attributes.end());
  element("polyline", all);
}

void SvgWriter::text(double x, double y, const std::string& content, const Attributes& attributes) {
  Attributes all = {{"x", svg_number(x)}, {"y", svg_number(y)}};
  all.insert(all.end(), attributes.begin(), attributes.end());
  body_ += "<text" + attribute_text(all) + ">" + escape_html(content) + "</text>\n";
}

void SvgWriter::open_group(const Attributes& attributes) {
  body_ += "<g" + attribute_text(attributes) + ">\n";
}

void SvgWriter::close_group() {
  body_ += "</g>\n";
}

std::string SvgWriter::str() const {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\"";
  if (!id_.empty()) out += " id=\"" + escape_html(id_) + "\"";
  out += " viewBox=\"0 0 " + svg_number(width_) + " " + svg_number(height_) + "\" role=\"img\"";
  out += " aria-label=\"" + escape_html(label_) + "\">\n";
  return out + body_ + "</svg>\n";
}

std::string fill_colour(double fill) {
  // ColorBrewer RdYlGn stops at 0, 0.25, 0.5, 0.75, 1.
  static constexpr std::array<std::array<double, 3>, 5> stops = {
      {{215, 48, 39}, {252, 141, 89}, {254, 224, 139}, {145, 207, 96}, {26, 152, 80}}};
  const double t = std::clamp(std::isfinite(fill) ? fill : 0.0, 0.0, 1.0) * 4.0;
  const int i = std::min(3, static_cast<int>(t));
  const double f = t - i;
  char buf[8];
  int rgb[3];
  for (int c = 0; c < 3; ++c)
    rgb[c] = static_cast<int>(std::lround(stops[i][c] + f * (stops[i + 1][c] - stops[i][c])));
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return buf;
}

std::string mode_colour(const std::string& mode) {
  return mode == "air" ? kAirColour : kTruckColour;
}

}  // namespace mm::report
