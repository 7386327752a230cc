// Data tables: header, fields, values, keys, duplicates, completeness and years, each error
// asserted with its full text (file, line, column, column name, value).
//
// The tables are those of write_small_scenario for 2020..2022, loaded through load_scenario
// (paths in messages are absolute because the scenario path is). Line numbers in
// mortality.csv / net_migration.csv: 1 header, then 2 + (year - 2020) * 202 + sex * 101 + age.
// In fertility.csv: 1 header, then 2 + (year - 2020) * 35 + (age - 15).
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/error.h>
#include <ssproj/scenario.h>

#include "data/yearly_table.h"
#include "support/fixtures.h"

namespace {

namespace fs = std::filesystem;
using ssproj::testing::read_file;
using ssproj::testing::TempDir;
using Lines = std::vector<std::string>;

struct Small {
  TempDir dir;
  fs::path scenario;
  Small()
      : scenario(ssproj::testing::write_small_scenario(dir, {2020, 2022},
                                                       "start_year = 2020\nend_year = 2022\n")) {}
  fs::path data(const std::string& name) const { return dir.path() / "data" / name; }
  // `text` with "{DIR}" replaced by the temporary directory.
  std::string at(std::string text) const {
    const std::string token = "{DIR}";
    for (auto pos = text.find(token); pos != std::string::npos; pos = text.find(token)) {
      text.replace(pos, token.size(), dir.path().string());
    }
    return text;
  }
};

int mortality_line(int year, int sex, int age) { return 2 + (year - 2020) * 202 + sex * 101 + age; }

std::vector<std::string> lines_of(const fs::path& file) {
  std::vector<std::string> lines;
  const std::string text = read_file(file);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

void write_lines(const fs::path& file, const std::vector<std::string>& lines,
                 const std::string& eol = "\n") {
  std::ofstream out(file, std::ios::binary);
  for (const std::string& l : lines) out << l << eol;
}

// Replaces 1-based line `line` of `file`.
void replace_line(const fs::path& file, int line, const std::string& text) {
  std::vector<std::string> lines = lines_of(file);
  REQUIRE(line >= 1);
  REQUIRE(static_cast<std::size_t>(line) <= lines.size());
  lines[static_cast<std::size_t>(line - 1)] = text;
  write_lines(file, lines);
}

// Removes 1-based lines first..last of `file`.
void erase_lines(const fs::path& file, int first, int last) {
  std::vector<std::string> lines = lines_of(file);
  REQUIRE(static_cast<std::size_t>(last) <= lines.size());
  lines.erase(lines.begin() + (first - 1), lines.begin() + last);
  write_lines(file, lines);
}

void append_line(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary | std::ios::app) << text << '\n';
}

std::vector<std::string> errors_of(const fs::path& scenario) {
  try {
    (void)ssproj::load_scenario(scenario);
  } catch (const ssproj::ScenarioError& e) {
    std::vector<std::string> out;
    for (const ssproj::Diagnostic& d : e.diagnostics()) out.push_back(d.to_string());
    return out;
  }
  FAIL("load_scenario(" << scenario << ") did not throw ScenarioError");
  return {};
}

}  // namespace

TEST_CASE("the small data tables load", "[data]") {
  Small s;
  const ssproj::Scenario sc = ssproj::load_scenario(s.scenario);
  CHECK(sc.inputs.base_year == 2020);
  CHECK(sc.inputs.mortality.size() == 3);
  REQUIRE(sc.inputs.files.size() == 5);
  CHECK(sc.inputs.files[1].key == "data.mortality");
  CHECK(sc.inputs.files[1].path == s.data("mortality.csv"));
  CHECK(sc.inputs.files[1].sha256.size() == 64);
}

TEST_CASE("a wrong header is an error at line 1", "[data]") {
  Small s;
  SECTION("mortality with another value column") {
    replace_line(s.data("mortality.csv"), 1, "year,sex,age,qx");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:1:1: error: unexpected header (got "
                     "\"year,sex,age,qx\", expected \"year,sex,age,mx\")")});
  }
  SECTION("sex ratio at birth with a sex column") {
    replace_line(s.data("sex_ratio_at_birth.csv"), 1, "year,sex,sex_ratio_at_birth");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:1:1: error: unexpected header (got "
                     "\"year,sex,sex_ratio_at_birth\", expected \"year,sex_ratio_at_birth\")")});
  }
  SECTION("a UTF-8 byte order mark (as spreadsheets write) is skipped") {
    std::string text = read_file(s.data("fertility.csv"));
    std::ofstream(s.data("fertility.csv"), std::ios::binary) << "\xEF\xBB\xBF" << text;
    CHECK_NOTHROW(ssproj::load_scenario(s.scenario));
  }
}

TEST_CASE("an empty data file or one with only a header is an error", "[data]") {
  Small s;
  SECTION("empty") {
    std::ofstream(s.data("mortality.csv"), std::ios::binary) << "\n\n";
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:1:1: error: empty data file (expected a header "
                     "line \"year,sex,age,mx\")")});
  }
  SECTION("only a header") {
    std::ofstream(s.data("sex_ratio_at_birth.csv"), std::ios::binary)
        << "year,sex_ratio_at_birth\n";
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:1:1: error: no data rows (got only a "
                     "header, expected one row per year)")});
  }
}

TEST_CASE("a row with the wrong number of fields is an error at its line", "[data]") {
  Small s;
  SECTION("too few") {
    replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 3), "2020,male,3");
    // The row is unusable, so age 3 is also missing.
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2020, sex male, age 3, expected a row for every year 2020-2022, sex and "
                     "age 0-100)"),
                s.at("{DIR}/data/mortality.csv:5:1: error: wrong number of fields (got 3, "
                     "expected 4 (year,sex,age,mx))")});
  }
  SECTION("too many") {
    append_line(s.data("fertility.csv"), "2022,30,0.05,extra");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/fertility.csv:107:1: error: wrong number of fields (got 4, "
                     "expected 3 (year,age,asfr))")});
  }
}

TEST_CASE("a value that is not a number is an error at its field", "[data]") {
  Small s;
  SECTION("a word") {
    replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 3), "2020,male,3,abc");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:5:13: error: mx: not a number (got \"abc\", "
                     "expected a finite decimal number)")});
  }
  SECTION("empty") {
    replace_line(s.data("net_migration.csv"), mortality_line(2021, 1, 40), "2021,female,40,");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/net_migration.csv:345:16: error: net_migrants: not a number "
                     "(got \"\", expected a finite decimal number)")});
  }
  SECTION("infinite") {
    replace_line(s.data("sex_ratio_at_birth.csv"), 3, "2021,inf");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:3:6: error: sex_ratio_at_birth: not a "
                     "number (got \"inf\", expected a finite decimal number)")});
  }
  SECTION("a year that is not an integer") {
    replace_line(s.data("fertility.csv"), 2, "2020.0,15,0.05");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/fertility.csv:2:1: error: year: not an integer (got "
                     "\"2020.0\", expected an integer)")});
  }
  SECTION("an age that is not an integer") {
    replace_line(s.data("mortality.csv"), mortality_line(2022, 1, 100), "2022,female,100+,0.5");
    // The key is unusable, so age 100 is also missing.
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2022, sex female, age 100, expected a row for every year 2020-2022, sex "
                     "and age 0-100)"),
                s.at("{DIR}/data/mortality.csv:607:13: error: age: not an integer (got "
                     "\"100+\", expected an integer)")});
  }
}

TEST_CASE("a value out of range is an error at its field", "[data]") {
  Small s;
  SECTION("mx above 2") {
    replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 3), "2020,male,3,2.5");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:5:13: error: mx: value out of range (got 2.5, "
                     "expected a number in [0, 2])")});
  }
  SECTION("mx negative") {
    replace_line(s.data("mortality.csv"), mortality_line(2021, 1, 7), "2021,female,7,-0.001");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:312:15: error: mx: value out of range (got "
                     "-0.001, expected a number in [0, 2])")});
  }
  SECTION("asfr above 1") {
    replace_line(s.data("fertility.csv"), 2, "2020,15,1.5");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/fertility.csv:2:9: error: asfr: value out of range (got 1.5, "
                     "expected a number in [0, 1])")});
  }
  SECTION("negative persons") {
    replace_line(s.data("base_population.csv"), 3, "2020,male,1,-5");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/base_population.csv:3:13: error: persons: value out of range "
                     "(got -5, expected a number >= 0)")});
  }
  SECTION("sex ratio at birth too high and too low") {
    replace_line(s.data("sex_ratio_at_birth.csv"), 3, "2021,3.0");
    replace_line(s.data("sex_ratio_at_birth.csv"), 4, "2022,0.4");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:3:6: error: sex_ratio_at_birth: value "
                     "out of range (got 3.0, expected a number in [0.5, 2])"),
                s.at("{DIR}/data/sex_ratio_at_birth.csv:4:6: error: sex_ratio_at_birth: value "
                     "out of range (got 0.4, expected a number in [0.5, 2])")});
  }
  SECTION("bounds are valid") {
    replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 100), "2020,male,100,2");
    replace_line(s.data("fertility.csv"), 2, "2020,15,1");
    replace_line(s.data("sex_ratio_at_birth.csv"), 2, "2020,0.5");
    replace_line(s.data("sex_ratio_at_birth.csv"), 3, "2021,2");
    replace_line(s.data("base_population.csv"), 2, "2020,male,0,0");
    const ssproj::Scenario sc = ssproj::load_scenario(s.scenario);
    CHECK(sc.inputs.mortality[0][0][100] == 2.0);
    CHECK(sc.inputs.fertility[0][15] == 1.0);
    CHECK(sc.inputs.sex_ratio_at_birth[0] == 0.5);
    CHECK(sc.inputs.sex_ratio_at_birth[1] == 2.0);
    CHECK(sc.inputs.base_population[0][0] == 0.0);
  }
}

TEST_CASE("an unknown sex is an error at its field", "[data]") {
  Small s;
  replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 5), "2020,mle,5,0.01");
  CHECK(errors_of(s.scenario) ==
        Lines{s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                   "2020, sex male, age 5, expected a row for every year 2020-2022, sex and age "
                   "0-100)"),
              s.at("{DIR}/data/mortality.csv:7:6: error: sex: unknown value (got \"mle\", "
                   "expected \"male\" or \"female\")")});
}

TEST_CASE("an age or year out of range is an error at its field", "[data]") {
  Small s;
  SECTION("mortality age 101") {
    append_line(s.data("mortality.csv"), "2022,female,101,0.5");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:608:13: error: age: age out of range (got 101, "
                     "expected an integer in [0, 100] (100 means 100+))")});
  }
  SECTION("fertility age -1") {
    append_line(s.data("fertility.csv"), "2021,-1,0.01");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/fertility.csv:107:6: error: age: age out of range (got -1, "
                     "expected an integer in [0, 100] (100 means 100+))")});
  }
  SECTION("year 1850") {
    append_line(s.data("sex_ratio_at_birth.csv"), "1850,1.05");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:5:1: error: year: year out of range "
                     "(got 1850, expected an integer in [1900, 2300])")});
  }
}

TEST_CASE("a duplicate row names the line of the first one", "[data]") {
  Small s;
  SECTION("by year, sex and age") {
    append_line(s.data("mortality.csv"), "2020,male,3,0.02");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:608:1: error: year: duplicate row (got year "
                     "2020, sex male, age 3, expected one row for each combination (first given "
                     "on line 5))")});
  }
  SECTION("by year only") {
    append_line(s.data("sex_ratio_at_birth.csv"), "2021,1.06");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:5:1: error: year: duplicate row (got "
                     "year 2021, expected one row for each combination (first given on line "
                     "3))")});
  }
}

TEST_CASE("missing rows are listed as age ranges", "[data]") {
  Small s;
  SECTION("ages 3-7 and 23-25 of one sex and year") {
    erase_lines(s.data("mortality.csv"), mortality_line(2020, 0, 23), mortality_line(2020, 0, 25));
    erase_lines(s.data("mortality.csv"), mortality_line(2020, 0, 3), mortality_line(2020, 0, 7));
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2020, sex male, ages 3-7, 23-25, expected a row for every year 2020-2022, "
                     "sex and age 0-100)")});
  }
  SECTION("one diagnostic per year and sex") {
    erase_lines(s.data("net_migration.csv"), mortality_line(2021, 1, 100),
                mortality_line(2021, 1, 100));
    erase_lines(s.data("net_migration.csv"), mortality_line(2021, 0, 0),
                mortality_line(2021, 0, 1));
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/net_migration.csv:1:1: error: missing rows (got no row for year "
                     "2021, sex male, ages 0-1, expected a row for every year 2020-2022, sex and "
                     "age 0-100)"),
                s.at("{DIR}/data/net_migration.csv:1:1: error: missing rows (got no row for year "
                     "2021, sex female, age 100, expected a row for every year 2020-2022, sex "
                     "and age 0-100)")});
  }
  SECTION("a whole year in the middle") {
    erase_lines(s.data("sex_ratio_at_birth.csv"), 3, 3);
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:1:1: error: missing rows (got no row for "
                     "year 2021, expected a row for every year 2020-2022)")});
  }
  SECTION("a year of fertility without any row") {
    erase_lines(s.data("fertility.csv"), 2 + 35, 1 + 2 * 35);
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/fertility.csv:1:1: error: missing rows (got no row for year "
                     "2021, expected a row for every year 2020-2022)")});
  }
  SECTION("after five gaps, the rest are counted") {
    for (int year = 2022; year >= 2020; --year) {
      for (int sex = 1; sex >= 0; --sex) {
        const int line = mortality_line(year, sex, 50);
        erase_lines(s.data("mortality.csv"), line, line);
      }
    }
    const std::string expected = ", expected a row for every year 2020-2022, sex and age 0-100)";
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2020, sex male, age 50" +
                     expected),
                s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2020, sex female, age 50" +
                     expected),
                s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2021, sex male, age 50" +
                     expected),
                s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2021, sex female, age 50" +
                     expected),
                s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got no row for year "
                     "2022, sex male, age 50" +
                     expected),
                s.at("{DIR}/data/mortality.csv:1:1: error: missing rows (got 1 more gaps like "
                     "those above)")});
  }
}

TEST_CASE("a row with a bad value is not also reported as missing", "[data]") {
  Small s;
  replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 3), "2020,male,3,abc");
  replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 4), "2020,male,4,2.5");
  replace_line(s.data("sex_ratio_at_birth.csv"), 3, "2021,3.0");
  CHECK(errors_of(s.scenario) ==
        Lines{s.at("{DIR}/data/mortality.csv:5:13: error: mx: not a number (got \"abc\", "
                   "expected a finite decimal number)"),
              s.at("{DIR}/data/mortality.csv:6:13: error: mx: value out of range (got 2.5, "
                   "expected a number in [0, 2])"),
              s.at("{DIR}/data/sex_ratio_at_birth.csv:3:6: error: sex_ratio_at_birth: value out "
                   "of range (got 3.0, expected a number in [0.5, 2])")});
}

TEST_CASE("a base population with two years is an error at its scenario key", "[data]") {
  Small s;
  std::string rows;
  for (const char* sex : {"male", "female"}) {
    for (int age = 0; age <= ssproj::kMaxAge; ++age) {
      rows += "2021," + std::string(sex) + "," + std::to_string(age) + ",100\n";
    }
  }
  std::ofstream(s.data("base_population.csv"), std::ios::binary | std::ios::app) << rows;
  CHECK(errors_of(s.scenario) ==
        Lines{s.at("{DIR}/scenario.toml:9:19: error: data.base_population: base population has "
                   "more than one year (got years 2020-2021, expected persons on 1 July of a "
                   "single base year)")});
}

TEST_CASE("errors in several tables are reported together, in table order", "[data]") {
  Small s;
  replace_line(s.data("net_migration.csv"), 2, "2020,male,0,x");
  replace_line(s.data("base_population.csv"), 2, "2020,male,0,-1");
  replace_line(s.data("fertility.csv"), 1, "year,age,fx");
  CHECK(errors_of(s.scenario) ==
        Lines{s.at("{DIR}/data/base_population.csv:2:13: error: persons: value out of range (got "
                   "-1, expected a number >= 0)"),
              s.at("{DIR}/data/fertility.csv:1:1: error: unexpected header (got \"year,age,fx\", "
                   "expected \"year,age,asfr\")"),
              s.at("{DIR}/data/net_migration.csv:2:13: error: net_migrants: not a number (got "
                   "\"x\", expected a finite decimal number)")});
}

TEST_CASE("CRLF line endings and blank lines are accepted", "[data]") {
  Small s;
  for (const char* name : {"base_population.csv", "mortality.csv", "fertility.csv",
                           "sex_ratio_at_birth.csv", "net_migration.csv"}) {
    write_lines(s.data(name), lines_of(s.data(name)), "\r\n");
  }
  SECTION("valid") {
    append_line(s.data("mortality.csv"), "\r");
    append_line(s.data("mortality.csv"), "  ");
    const ssproj::Scenario sc = ssproj::load_scenario(s.scenario);
    CHECK(sc.inputs.mortality[2][1][100] == 0.01);
    CHECK(sc.inputs.sex_ratio_at_birth[2] == 1.05);
    CHECK(sc.inputs.base_population[1][100] == 100.0);
    CHECK(sc.inputs.fertility[1][49] == 0.05);
  }
  SECTION("an error in a CRLF file shows the value without the carriage return") {
    replace_line(s.data("sex_ratio_at_birth.csv"), 3, "2021,2.5\r");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:3:6: error: sex_ratio_at_birth: value "
                     "out of range (got 2.5, expected a number in [0.5, 2])")});
  }
  SECTION("line numbers count blank lines") {
    std::vector<std::string> lines = lines_of(s.data("sex_ratio_at_birth.csv"));
    lines.insert(lines.begin() + 1, "\r");
    lines.insert(lines.begin() + 1, "");
    lines[4] = "2021,x\r";  // line 5
    write_lines(s.data("sex_ratio_at_birth.csv"), lines);
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/sex_ratio_at_birth.csv:5:6: error: sex_ratio_at_birth: not a "
                     "number (got \"x\", expected a finite decimal number)")});
  }
}

TEST_CASE("read_yearly_table: fertility ages without a row are zero", "[data]") {
  Small s;
  ssproj::data::TableShape shape;
  shape.value_column = "asfr";
  shape.by_sex = false;
  shape.every_age_required = false;
  shape.range = ssproj::scenario::Range{0, 1};
  ssproj::scenario::Diagnostics diagnostics;
  const auto table = ssproj::data::read_yearly_table(s.data("fertility.csv"), shape, diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(table);
  CHECK(table->first_year == 2020);
  CHECK(table->last_year == 2022);
  REQUIRE(table->values.size() == 3);
  CHECK(table->values[1][0][14] == 0.0);
  CHECK(table->values[1][0][15] == 0.05);
  CHECK(table->values[1][0][49] == 0.05);
  CHECK(table->values[1][0][50] == 0.0);
}
