// The report in a real browser: headless Chromium renders the tiny plan's report to a PNG and
// dumps its DOM. The screenshot must not be blank (many non-white pixels, many colours: the map,
// charts and text were drawn) and the DOM must hold every section id.
//
// Chromium is the Debian package `chromium` (scripts/setup-deps.sh installs it; MM_CHROMIUM
// may name another binary). When it is missing or cannot start, the test says why: it FAILS when
// MM_REQUIRE_CHROMIUM=1 (scripts/test.sh sets it, so CI never passes without rendering) and is
// SKIPPED with the reason otherwise. It never passes without having looked at a screenshot.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "network/plan_verifier.h"
#include "report/report_page.h"
#include "tests/report/report_test_support.h"

namespace mm::report {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string quote(const std::string& s) {
  return "'" + s + "'";
}

// The Chromium binary: $MM_CHROMIUM, else `chromium` or `chromium-browser` on the PATH.
std::string find_chromium() {
  if (const char* named = std::getenv("MM_CHROMIUM"); named != nullptr && *named != '\0')
    return named;
  for (const char* name : {"chromium", "chromium-browser"})
    if (std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0)
      return name;
  return "";
}

bool chromium_required() {
  const char* required = std::getenv("MM_REQUIRE_CHROMIUM");
  return required != nullptr && std::string(required) == "1";
}

struct ChromiumRun {
  int exit_code = -1;
  std::string err;
};

// Chromium with the flags that make it run as root, offline and without a display; each run
// gets its own profile folder so parallel tests never share one.
ChromiumRun run_chromium(const std::string& chromium, const fs::path& dir,
                         const std::string& mode_flags, const fs::path& html,
                         const fs::path& stdout_file) {
  static int runs = 0;
  const fs::path profile = dir / ("profile" + std::to_string(++runs));
  const fs::path err = dir / ("chromium" + std::to_string(runs) + ".err");
  const std::string command =
      "timeout 60 " + quote(chromium) +
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
      " --disable-background-networking --disable-component-update --disable-sync"
      " --disable-dev-shm-usage --hide-scrollbars --user-data-dir=" +
      quote(profile.string()) + " " + mode_flags + " " + quote("file://" + html.string()) + " >" +
      quote(stdout_file.string()) + " 2>" + quote(err.string());
  const int status = std::system(command.c_str());
  ChromiumRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = slurp(err);
  return run;
}

std::string last_lines(const std::string& text, int lines) {
  std::size_t at = text.size();
  for (int i = 0; i <= lines && at != std::string::npos && at > 0; ++i)
    at = text.rfind('\n', at - 1);
  return at == std::string::npos ? text : text.substr(at + 1);
}

struct PixelStats {
  int width = 0;
  int height = 0;
  std::size_t non_white = 0;
  std::size_t colours = 0;
};

// Decodes the PNG with GDAL's PNG driver and counts non-white pixels and distinct RGB colours.
bool png_stats(const fs::path& png, PixelStats* stats, std::string* why) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset> dataset(
      static_cast<GDALDataset*>(GDALOpen(png.string().c_str(), GA_ReadOnly)));
  if (!dataset) {
    *why = "GDAL cannot open " + png.string();
    return false;
  }
  stats->width = dataset->GetRasterXSize();
  stats->height = dataset->GetRasterYSize();
  const int bands = dataset->GetRasterCount();
  if (bands < 3) {
    *why = "expected an RGB(A) PNG, got " + std::to_string(bands) + " bands";
    return false;
  }
  const std::size_t pixels = static_cast<std::size_t>(stats->width) * stats->height;
  std::vector<std::uint8_t> rgb(pixels * 3);
  int band_map[3] = {1, 2, 3};
  if (dataset->RasterIO(GF_Read, 0, 0, stats->width, stats->height, rgb.data(), stats->width,
                        stats->height, GDT_Byte, 3, band_map, 3, 3 * stats->width, 1,
                        nullptr) != CE_None) {
    *why = "GDAL cannot read the pixels of " + png.string();
    return false;
  }
  std::set<std::uint32_t> colours;
  for (std::size_t i = 0; i < pixels; ++i) {
    const std::uint8_t r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
    if (r < 250 || g < 250 || b < 250) ++stats->non_white;
    colours.insert((std::uint32_t(r) << 16) | (std::uint32_t(g) << 8) | b);
  }
  stats->colours = colours.size();
  return true;
}

class ChromiumRender : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("mm_report_chromium_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// Chromium missing or unable to run: a failure under scripts/test.sh, a skip with the reason
// otherwise.
#define MM_CHROMIUM_UNAVAILABLE(reason)                                            \
  do {                                                                             \
    const std::string why_ = (reason);                                             \
    if (chromium_required()) FAIL() << why_ << " (MM_REQUIRE_CHROMIUM=1)";         \
    GTEST_SKIP() << why_ << " (set MM_REQUIRE_CHROMIUM=1 to make this a failure)"; \
  } while (false)

TEST_F(ChromiumRender, ScreenshotIsNotBlankAndDomHoldsEverySection) {
  const std::string chromium = find_chromium();
  if (chromium.empty())
    MM_CHROMIUM_UNAVAILABLE(
        "Chromium not found (install the Debian package 'chromium': scripts/setup-deps.sh)");

  const network::Instance instance = report_test::tiny_instance();
  const network::Plan plan = report_test::tiny_plan();
  ReportOptions options;
  options.instance_source = "tiny_instance.json";
  options.plan_source = "tiny_plan.json";
  const fs::path html = dir_ / "report.html";
  std::ofstream(html) << render_report(instance, plan,
                                       network::check_plan(instance, plan).violations, options);

  const fs::path png = dir_ / "report.png";
  const ChromiumRun shot =
      run_chromium(chromium, dir_, "--window-size=1280,2000 --screenshot=" + quote(png.string()),
                   html, dir_ / "screenshot.out");
  if (shot.exit_code != 0 || !fs::exists(png))
    MM_CHROMIUM_UNAVAILABLE("Chromium (" + chromium + ") could not take a screenshot: exit " +
                            std::to_string(shot.exit_code) +
                            "; stderr ends: " + last_lines(shot.err, 3));

  PixelStats stats;
  std::string why;
  ASSERT_TRUE(png_stats(png, &stats, &why)) << why;
  EXPECT_EQ(stats.width, 1280);
  EXPECT_EQ(stats.height, 2000);
  const double pixels = static_cast<double>(stats.width) * stats.height;
  // Text, KPI cards, the map background and charts cover far more than 5% of the page; a blank
  // or failed render is one or two colours.
  EXPECT_GT(stats.non_white / pixels, 0.05) << stats.non_white << " non-white pixels";
  EXPECT_GT(stats.colours, 200u) << stats.colours << " distinct colours";

  const fs::path dom_file = dir_ / "dom.html";
  const ChromiumRun dump = run_chromium(chromium, dir_, "--dump-dom", html, dom_file);
  ASSERT_EQ(dump.exit_code, 0) << last_lines(dump.err, 5);
  const std::string dom = slurp(dom_file);
  for (const char* id : {"kpis", "map", "fill-histogram", "timeline", "service", "busiest-lanes",
                         "emptiest-lanes", "kpi-cost"})
    EXPECT_EQ(report_test::count(dom, std::string("id=\"") + id + "\""), 1u) << id;
  EXPECT_EQ(report_test::count(dom, "class=\"lane-line\""), 2u);
  EXPECT_NE(dom.find("6,044.00"), std::string::npos);
}

}  // namespace
}  // namespace mm::report
