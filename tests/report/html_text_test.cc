// Escaping and SVG numbers of the report (report/html_text.h) and the fill colour scale.
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

// The report's figures are network/number_text.h's (tests/network/number_text_test.cc).
TEST(HtmlText, SvgNumbersHaveAtMostOneDecimal) {
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
