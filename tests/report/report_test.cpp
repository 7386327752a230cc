// The reports (src/report): reading the tables back, the column declarations, numbers for
// reading, the ASSUMPTION list, and report.html and results.xlsx of a small run.
#include <cmath>
#include <fstream>

#include <catch2/catch.hpp>

#include <ssproj/error.h>
#include <ssproj/report.h>

#include "report/columns.h"
#include "report/content.h"
#include "report/result_tables.h"
#include "support/fixtures.h"

using namespace ssproj;
using namespace ssproj::report;
using ssproj::testing::TempDir;

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

// One run of a small scenario with the workforce tables, shared by the tests of this file.
const std::filesystem::path& small_run() {
  static TempDir dir;
  static const std::filesystem::path out = [] {
    const std::filesystem::path o = dir.path() / "run";
    const auto r = ssproj::testing::run_ssproj(
        "run scenarios/lao/baseline.toml -f 0.002 -r 2 -q --out " + ssproj::testing::quote(o),
        ssproj::testing::source_dir());
    REQUIRE(r.status == 0);
    return o;
  }();
  return out;
}

}  // namespace

TEST_CASE("a result table is read back with quoted fields and empty values", "[unit][report]") {
  TempDir dir;
  write(dir.path() / "t.csv", "a,unit,value\nx,\"kip, nominal\",1.5\ny,share,\n");
  const Table t = read_table(dir.path() / "t.csv");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.text(0, t.column("unit")) == "kip, nominal");
  CHECK(t.number(0, t.column("value")) == 1.5);
  CHECK(std::isnan(t.number(1, t.column("value"))));
  CHECK(t.column("missing") == -1);
  write(dir.path() / "bad.csv", "a,b\n1,2,3\n");
  CHECK_THROWS_WITH(read_table(dir.path() / "bad.csv"),
                    Catch::Contains("bad.csv:2: 3 fields where the header has 2"));
}

TEST_CASE("numbers are rounded for reading", "[unit][report]") {
  CHECK(format_for_reading(412345, Format::kCount) == "412,000");
  CHECK(format_for_reading(1234567, Format::kCount) == "1.23 million");
  CHECK(format_for_reading(845.4e9, Format::kMoney) == "845 billion kip");
  CHECK(format_for_reading(1.234e12, Format::kMoney) == "1.23 trillion kip");
  CHECK(format_for_reading(-2.5e12, Format::kMoney) == "-2.50 trillion kip");
  CHECK(format_for_reading(0.14180000000000018, Format::kShare) == "14.2%");
  CHECK(format_for_reading(2031.4, Format::kYear) == "2031");
  CHECK(format_for_reading(std::nan(""), Format::kShare) == "not defined");
  KeyFigure f{"x", "s", 2030, 412345, 405000, 419000, true, "persons", Format::kCount};
  CHECK(figure_text(f) == "412,000 (5-95%: 405,000 to 419,000)");
  f.has_band = false;
  CHECK(figure_text(f) == "412,000");
}

TEST_CASE("quantile columns share the declaration of their column", "[unit][report]") {
  REQUIRE(column_info("reserve_end_p95") != nullptr);
  CHECK(column_info("reserve_end_p95")->unit == "kip");
  CHECK(base_column("persons_p05") == "persons");
  CHECK(quantile_suffix("persons_p05") == "p05");
  CHECK(quantile_suffix("persons") == "");
  CHECK(column_info("no_such_column") == nullptr);
}

TEST_CASE("every column of every table a run writes has a unit and a format", "[cli][report]") {
  const ResultDirectory d = read_result_directory(small_run());
  REQUIRE(d.runs.size() == 1);
  CHECK(d.runs.front().tables.size() == 13);  // with places.csv and sectors.csv
  for (const auto& [name, table] : d.runs.front().tables) {
    for (const std::string& column : table.header) {
      INFO(name << ": " << column);
      CHECK(column_info(column) != nullptr);
    }
  }
}

TEST_CASE("ASSUMPTION comments are listed with their key, parents first", "[unit][report]") {
  TempDir dir;
  write(dir.path() / "parent.toml",
        "name = \"p\"\n[economy]\n# Growth of 3% a year.\n# ASSUMPTION: no forecast after 2050.\n"
        "growth = 0.03\nrate = 0.1  # ASSUMPTION (reconstruction)\n\n# ASSUMPTION about the "
        "fund\n\n[fund]\nx = 1\n");
  write(dir.path() / "child.toml",
        "extends = \"parent.toml\"\n[coverage]\n# ASSUMPTION: half of the pilot's rate.\n"
        "turnout = 0.11\n");
  const std::vector<Assumption> a = scenario_assumptions(dir.path() / "child.toml");
  REQUIRE(a.size() == 4);
  CHECK(a[0].key == "economy.growth");
  CHECK(a[0].text == "Growth of 3% a year. ASSUMPTION: no forecast after 2050.");
  CHECK(a[0].line == 3);
  CHECK(a[1].key == "economy.rate");
  CHECK(a[1].text == "ASSUMPTION (reconstruction)");
  CHECK(a[2].key == "economy");
  CHECK(a[3].key == "coverage.turnout");
  CHECK(a[3].file == (dir.path() / "child.toml").string());
  CHECK(scenario_assumptions(dir.path() / "missing.toml").empty());
}

TEST_CASE("a directory that ssproj did not write is refused", "[unit][report]") {
  TempDir dir;
  CHECK_THROWS_WITH(write_reports(dir.path(), {}),
                    Catch::Contains("holds no manifest.json: it is not a directory written by "
                                    "ssproj run, compare or sensitivity"));
}

TEST_CASE("report.html is self-contained and results.xlsx is reproducible", "[cli][report]") {
  const std::filesystem::path out = small_run();
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  ReportOptions options;
  options.scenario_root = ssproj::testing::source_dir();
  write_reports(out, options);
  const std::string first = ssproj::testing::read_file(out / "results.xlsx");
  const std::string html = ssproj::testing::read_file(out / "report.html");
  write_reports(out, options);
  ::unsetenv("SOURCE_DATE_EPOCH");
  CHECK(ssproj::testing::read_file(out / "results.xlsx") == first);
  CHECK(ssproj::testing::read_file(out / "report.html") == html);
  CHECK(html.find("Chart.js v") != std::string::npos);  // the library, inlined
  CHECK(html.find("<script src") == std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("id=\"pyramid_2050\"") != std::string::npos);
  CHECK(html.find("id=\"paygo\"") != std::string::npos);
  // The baseline's ASSUMPTION flags, with their keys.
  CHECK(html.find("data.pensioners") != std::string::npos);
  CHECK(html.find("ASSUMPTION (reconstruction)") != std::string::npos);
  // Plain words with bands (two replications).
  CHECK(html.find("people are projected to contribute to the NSSF") != std::string::npos);
  CHECK(html.find("(5-95%: ") != std::string::npos);
  // No temporary file is left behind.
  for (const auto& e : std::filesystem::directory_iterator(out)) {
    CHECK(e.path().filename().string().find(".tmp.") == std::string::npos);
  }
}

TEST_CASE("ssproj report: the command line", "[cli][report]") {
  using ssproj::testing::quote;
  using ssproj::testing::run_ssproj;
  TempDir dir;
  SECTION("a directory without results exits 1 and says what it expected") {
    const auto r = run_ssproj("report " + quote(dir.path()));
    CHECK(r.status == 1);
    CHECK(r.err == "ssproj: error: " + dir.path().string() +
                       " holds no manifest.json: it is not a directory written by ssproj run, "
                       "compare or sensitivity\n");
  }
  SECTION("no directory is a usage error") {
    const auto r = run_ssproj("report");
    CHECK(r.status == 64);
    CHECK(r.err.find("report needs a result directory") != std::string::npos);
  }
  SECTION("bad key years are a usage error") {
    const auto r = run_ssproj("report " + quote(dir.path()) + " --key-years 2030,x");
    CHECK(r.status == 64);
    CHECK(r.err.find("--key-years takes years separated by commas (got '2030,x')") !=
          std::string::npos);
  }
  SECTION("it prints the files it wrote, and --report on run writes the same files") {
    const std::filesystem::path out = dir.path() / "run";
    const auto r =
        run_ssproj("run scenarios/lao/baseline.toml -f 0.002 -q --report --out " + quote(out),
                   ssproj::testing::source_dir());
    REQUIRE(r.status == 0);
    const std::string html = ssproj::testing::read_file(out / "report.html");
    const auto again = run_ssproj("report " + quote(out), ssproj::testing::source_dir());
    REQUIRE(again.status == 0);
    CHECK(again.out ==
          (out / "report.html").string() + "\n" + (out / "results.xlsx").string() + "\n");
    CHECK(ssproj::testing::read_file(out / "report.html") == html);
  }
}

TEST_CASE("a comparison's charts take each year's row, never the horizon row", "[cli][report]") {
  TempDir dir;
  const std::filesystem::path out = dir.path() / "cmp";
  const auto r = ssproj::testing::run_ssproj(
      "compare scenarios/lao/baseline.toml scenarios/lao/mobile_offices.toml -f 0.002 -q --out " +
          ssproj::testing::quote(out),
      ssproj::testing::source_dir());
  REQUIRE(r.status == 0);
  const ResultDirectory d = read_result_directory(out);
  REQUIRE(d.kind == ResultKind::kCompare);
  REQUIRE(d.comparison);
  const Table& t = *d.comparison;
  const ReportContent c = build_content(d, {2030, 2050}, ssproj::testing::source_dir());
  const ChartSpec* chart = nullptr;
  for (const ChartSpec& ch : c.charts) {
    if (ch.id == "cmp_contributors") chart = &ch;
  }
  REQUIRE(chart != nullptr);
  REQUIRE(chart->labels.front() == "2023");
  REQUIRE(chart->labels.back() == "2100");
  // The first and the last year of each strategy are its rows of those years.
  for (const SeriesSpec& s : chart->series) {
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      if (t.text(row, t.column("strategy")) != s.label) continue;
      const std::string& year = t.text(row, t.column("year"));
      if (year == "2023") CHECK(s.y.front() == t.number(row, t.column("active_contributors")));
      if (year == "2100") CHECK(s.y.back() == t.number(row, t.column("active_contributors")));
    }
    CHECK(std::isfinite(s.y.front()));
  }
}

TEST_CASE("the reports show each place, and where a strategy changes contributors",
          "[cli][report]") {
  // A run: a row per place of places.csv, Paksong among them.
  const ResultDirectory run = read_result_directory(small_run());
  const ReportContent rc = build_content(run, {2030}, ssproj::testing::source_dir());
  const TextTable* places = nullptr;
  for (const TextTable& t : rc.tables) {
    if (t.title.find("places.csv") != std::string::npos) places = &t;
  }
  REQUIRE(places != nullptr);
  const Table* csv = run.runs.front().find("places.csv");
  REQUIRE(csv != nullptr);
  std::size_t first_year_rows = 0;
  for (std::size_t r = 0; r < csv->rows.size(); ++r) first_year_rows += csv->text(r, 0) == "2023";
  CHECK(places->rows.size() == first_year_rows);
  CHECK(places->header.size() == 2 + 2 * 2);  // 2023 and 2030
  bool paksong = false;
  for (const auto& row : places->rows) paksong = paksong || row.at(1) == "Paksong";
  CHECK(paksong);

  // A comparison with the Paksong office: its effect is listed in Paksong, Champasak and the
  // South only.
  TempDir dir;
  const std::filesystem::path out = dir.path() / "cmp";
  const auto r = ssproj::testing::run_ssproj(
      "compare scenarios/lao/baseline.toml scenarios/lao/district_office.toml -f 0.01 -q --out " +
          ssproj::testing::quote(out),
      ssproj::testing::source_dir());
  REQUIRE(r.status == 0);
  const ResultDirectory d = read_result_directory(out);
  REQUIRE(d.comparison_places);
  const ReportContent c = build_content(d, {2030, 2050}, ssproj::testing::source_dir());
  const TextTable* effects = nullptr;
  for (const TextTable& t : c.tables) {
    if (t.title.find("comparison_places.csv") != std::string::npos) effects = &t;
  }
  REQUIRE(effects != nullptr);
  REQUIRE_FALSE(effects->rows.empty());
  for (const auto& row : effects->rows) {
    INFO(row.at(2) << " " << row.at(3));
    CHECK(row.at(0) == "district_office");
    CHECK((row.at(3) == "Paksong" || row.at(3) == "Champasak" || row.at(3) == "South"));
  }
}
