// Escaping and number formatting of the report (report/html_text.h) and the fill colour scale.
#include "report/html_text.h"

#include <gtest/gtest.h>

#include <cmath>

#include "report/svg.h"

namespace mm::report {
namespace {

TEST(HtmlText, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(escape_html("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(escape_html("SEA1>SC-PDX"), "SEA1&gt;SC-PDX");
  EXPECT_EQ(escape_html("plain"), "plain");
}

TEST(HtmlText, FormatsNumbersWithThousandsSeparators) {
  EXPECT_EQ(format_number(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(format_number(6044.0, 2), "6,044.00");
  EXPECT_EQ(format_number(999.5), "1,000");
  EXPECT_EQ(format_number(100.0), "100");
  EXPECT_EQ(format_number(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(format_number(-0.001, 2), "0.00");
  EXPECT_EQ(format_number(NAN), "-");
  EXPECT_EQ(format_percent(1600.0 / 1700.0), "94.1%");
  EXPECT_EQ(format_percent(0.0), "0.0%");
  EXPECT_EQ(svg_number(12.345), "12.3");
  EXPECT_EQ(svg_number(-3.0), "-3");
  EXPECT_EQ(svg_number(-0.01), "0");
}

TEST(SvgColours, FillScaleRunsRedYellowGreenAndClamps) {
  EXPECT_EQ(fill_colour(0.0), "#d73027");
  EXPECT_EQ(fill_colour(0.5), "#fee08b");
  EXPECT_EQ(fill_colour(1.0), "#1a9850");
  EXPECT_EQ(fill_colour(1.7), "#1a9850");
  EXPECT_EQ(fill_colour(-1.0), "#d73027");
  EXPECT_EQ(fill_colour(NAN), "#d73027");
}

TEST(SvgWriter, EscapesAttributesTooltipsAndText) {
  SvgWriter svg(100, 50, "x\"y", "label <1>");
  svg.circle(1, 2, 3, {{"data-id", "a\"b<c"}}, "tip & <b>");
  svg.text(5, 6, "A<&>");
  EXPECT_EQ(svg.str(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"x&quot;y\" viewBox=\"0 0 100 50\" "
            "role=\"img\" aria-label=\"label &lt;1&gt;\">\n"
            "<circle cx=\"1\" cy=\"2\" r=\"3\" data-id=\"a&quot;b&lt;c\"><title>tip &amp; "
            "&lt;b&gt;</title></circle>\n"
            "<text x=\"5\" y=\"6\">A&lt;&amp;&gt;</text>\n"
            "</svg>\n");
}

}  // namespace
}  // namespace mm::report
