// Data tables: header, fields, values, keys, duplicates, completeness and years, each error
// asserted with its full text (file, line, column, column name, value).
//
// The tables are those of write_small_scenario for 2020..2022, loaded through load_scenario
// (paths in messages are absolute because the scenario path is). Line numbers in
// mortality.csv / net_migration.csv: 1 header, then 2 + (year - 2020) * 202 + sex * 101 + age.
// In fertility.csv: 1 header, then 2 + (year - 2020) * 35 + (age - 15).
#include <array>
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
  return ssproj::testing::scenario_errors(scenario);
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

TEST_CASE("a data file above 256 MiB is refused before it is read", "[data]") {
  Small s;
  // A sparse file of 300 MB: refused from its size, without reading it.
  std::filesystem::resize_file(s.data("mortality.csv"), 300'000'000);
  CHECK(errors_of(s.scenario) ==
        Lines{s.at("{DIR}/data/mortality.csv:1:1: error: data file too large (got 300000000 "
                   "bytes, expected at most 268435456 bytes (the largest Lao table is under 2 "
                   "MB))")});
}

TEST_CASE("a file with more than 100 problems shows the first 100 and counts the rest", "[data]") {
  // Issue 12: three million duplicate rows were three million messages. Here every mx of 2020
  // and 2021 (404 rows, lines 2-405) is -1: 100 errors, then one line for the other 304.
  Small s;
  std::vector<std::string> lines = lines_of(s.data("mortality.csv"));
  for (int year = 2020; year <= 2021; ++year) {
    for (int sex = 0; sex < 2; ++sex) {
      for (int age = 0; age <= 100; ++age) {
        std::string& l = lines[static_cast<std::size_t>(mortality_line(year, sex, age) - 1)];
        l = l.substr(0, l.rfind(',') + 1) + "-1";
      }
    }
  }
  write_lines(s.data("mortality.csv"), lines);
  const Lines errors = errors_of(s.scenario);
  REQUIRE(errors.size() == 101);
  CHECK(errors[0].find("/data/mortality.csv:2:") != std::string::npos);
  CHECK(errors[99].find("/data/mortality.csv:101:") != std::string::npos);
  CHECK(errors[100].find("/data/mortality.csv:102:") != std::string::npos);
  CHECK(errors[100].find("error: too many problems in this file: the first 100 are shown (got "
                         "304 more, expected a file without them)") != std::string::npos);
}

TEST_CASE("duplicate rows past the first 100 are counted, not described", "[data]") {
  // The duplicates after the hundredth are counted without building their messages (three
  // million of them are read in seconds); the count must still be exact: 250 duplicates of one
  // row are 100 messages and "150 more".
  Small s;
  std::vector<std::string> lines = lines_of(s.data("mortality.csv"));
  const std::string row = lines[static_cast<std::size_t>(mortality_line(2020, 0, 0) - 1)];
  for (int i = 0; i < 250; ++i) lines.push_back(row);
  write_lines(s.data("mortality.csv"), lines);
  const Lines errors = errors_of(s.scenario);
  REQUIRE(errors.size() == 101);
  CHECK(errors[0].find("error: year: duplicate row (got year 2020, sex male, age 0") !=
        std::string::npos);
  CHECK(errors[100].find("(got 150 more, expected a file without them)") != std::string::npos);
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
  SECTION("persons and migrants beyond any country") {
    // Values that would overflow the simulation's counts: refused with their bound.
    replace_line(s.data("base_population.csv"), 3, "2020,male,1,1e300");
    replace_line(s.data("net_migration.csv"), 2, "2020,male,0,-2e7");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/base_population.csv:3:13: error: persons: value out of range "
                     "(got 1e300, expected a number in [0, 1e+08])"),
                s.at("{DIR}/data/net_migration.csv:2:13: error: net_migrants: value out of range "
                     "(got -2e7, expected a number in [-1e+07, 1e+07])")});
  }
  SECTION("a wrong header is refused before the file is read whole; a long line is cut") {
    // A header of 300 characters: the message quotes 200 and says how long it was.
    const std::string wrong(300, 'x');
    replace_line(s.data("fertility.csv"), 1, wrong);
    const Lines errors = errors_of(s.scenario);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("fertility.csv:1:1: error: unexpected header (got \"" +
                         std::string(199, 'x') + "... (300 characters), expected") !=
          std::string::npos);
  }
  SECTION("negative persons") {
    replace_line(s.data("base_population.csv"), 3, "2020,male,1,-5");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/base_population.csv:3:13: error: persons: value out of range "
                     "(got -5, expected a number in [0, 1e+08])")});
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
                   "expected \"male\" or \"female\"; did you mean \"male\"?)")});
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
                   "-1, expected a number in [0, 1e+08])"),
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
  shape.range = ssproj::core::Range{0, 1};
  ssproj::core::Diagnostics diagnostics;
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

// ---------------------------------------------------------------------------------------------
// The workforce tables (regions, status shares, transitions, earnings, age profile)
//
// Those of write_workforce_tables, named after the demographic tables in [data]. Line numbers:
// regions.csv 1 header, then north urban 2, north rural 3, south urban 4, south rural 5;
// labour_status_shares.csv 1 header, then 2 + ((sex * 11 + band) * 2 + area) * 8 + status;
// labour_transitions.csv 1 header, then 2 + (((sex * 11 + band) * 2 + area) * 8 + from) * 8 + to;
// earnings.csv 1 header, then 2 + (status - 2) * 2 + sex; age_earnings_profile.csv 2 + band.

namespace {

struct SmallWithWorkforce : Small {
  SmallWithWorkforce() {
    ssproj::testing::SmallDataOptions options{2020, 2022};
    options.workforce = ssproj::testing::SmallWorkforce{};
    scenario =
        ssproj::testing::write_small_scenario(dir, options, "start_year = 2020\nend_year = 2022\n");
  }
};

int share_line(int sex, int band, int area, int status) {
  return 2 + ((sex * 11 + band) * 2 + area) * 8 + status;
}

int transition_line(int sex, int band, int area, int from, int to) {
  return 2 + (((sex * 11 + band) * 2 + area) * 8 + from) * 8 + to;
}

const std::string kStatusChoices =
    "\"inactive\" or \"unemployed\" or \"public_employee\" or \"formal_private_employee\" or "
    "\"informal_employee\" or \"domestic_worker\" or \"own_account\" or \"contributing_family\"";

}  // namespace

TEST_CASE("the small workforce tables load", "[data][workforce]") {
  SmallWithWorkforce s;
  const ssproj::Scenario sc = ssproj::load_scenario(s.scenario);
  REQUIRE(sc.has_workforce());
  const ssproj::WorkforceInputs& w = sc.workforce;
  CHECK(w.regions == std::vector<std::string>{"north", "south"});
  REQUIRE(w.population_share.size() == 2);
  CHECK(w.population_share[0] == std::array<double, 2>{0.125, 0.375});
  CHECK(w.population_share[1] == std::array<double, 2>{0.25, 0.25});
  const ssproj::testing::SmallWorkforce expected;
  CHECK(w.status_shares[1][10][1] == expected.status_shares);
  CHECK(w.transitions[0][0][0] == expected.transitions);
  CHECK(w.transitions[1][7][1][3][4] == 0.25 / 7);
  CHECK(w.mean_monthly_earnings[2][0] == 3000000);
  CHECK(w.mean_monthly_earnings[7][1] == 800000);
  CHECK(w.mean_monthly_earnings[0][0] == 0);  // not employed: no row, no earnings
  CHECK(w.age_earnings_profile[10] == 1.0);
  REQUIRE(sc.inputs.files.size() == 10);
  CHECK(sc.inputs.files[5].key == "data.regions");
  CHECK(sc.inputs.files[5].path == s.data("regions.csv"));
  CHECK(sc.inputs.files[9].key == "data.age_earnings_profile");
  CHECK(sc.inputs.files[9].sha256.size() == 64);
}

TEST_CASE("workforce tables: a value out of range is an error at its field", "[data][workforce]") {
  SmallWithWorkforce s;
  SECTION("a transition probability above 1") {
    replace_line(s.data("labour_transitions.csv"), transition_line(0, 0, 0, 0, 0),
                 "male,15-19,urban,inactive,inactive,1.5");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_transitions.csv:2:36: error: probability: value out of "
                     "range (got 1.5, expected a number in [0, 1])")});
  }
  SECTION("a negative status share") {
    replace_line(s.data("labour_status_shares.csv"), share_line(1, 10, 1, 7),
                 "female,65+,rural,contributing_family,-0.125");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_status_shares.csv:353:38: error: share: value out of "
                     "range (got -0.125, expected a number in [0, 1])")});
  }
  SECTION("a population share above 1") {
    replace_line(s.data("regions.csv"), 3, "north,rural,1.375");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:3:13: error: population_share: value out of range "
                     "(got 1.375, expected a number in [0, 1])")});
  }
  SECTION("negative earnings and a negative age factor") {
    replace_line(s.data("earnings.csv"), 5, "formal_private_employee,female,-1");
    replace_line(s.data("age_earnings_profile.csv"), 3, "20-24,-0.5");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/earnings.csv:5:32: error: mean_monthly_earnings: value out of "
                     "range (got -1, expected a number in [0, 1e+12])"),
                s.at("{DIR}/data/age_earnings_profile.csv:3:7: error: factor: value out of range "
                     "(got -0.5, expected a number in [0, 100])")});
  }
  SECTION("the bounds are valid") {
    // Region shares 0 and 1; a status share of 1 in a cell; a certain transition.
    write_lines(s.data("regions.csv"), {"region,area,population_share", "north,urban,0",
                                        "north,rural,1", "south,urban,0", "south,rural,0"});
    std::vector<std::string> shares = lines_of(s.data("labour_status_shares.csv"));
    for (int st = 0; st < 8; ++st) {
      std::string& line = shares[static_cast<std::size_t>(share_line(0, 2, 1, st) - 1)];
      line = line.substr(0, line.rfind(',') + 1) + (st == 3 ? "1" : "0");
    }
    write_lines(s.data("labour_status_shares.csv"), shares);
    std::vector<std::string> moves = lines_of(s.data("labour_transitions.csv"));
    for (int to = 0; to < 8; ++to) {
      std::string& line = moves[static_cast<std::size_t>(transition_line(1, 4, 0, 6, to) - 1)];
      line = line.substr(0, line.rfind(',') + 1) + (to == 6 ? "1.0" : "0.0");
    }
    write_lines(s.data("labour_transitions.csv"), moves);
    replace_line(s.data("earnings.csv"), 2, "public_employee,male,0");
    const ssproj::Scenario sc = ssproj::load_scenario(s.scenario);
    CHECK(sc.workforce.population_share[0][1] == 1.0);
    CHECK(sc.workforce.status_shares[0][2][1][3] == 1.0);
    CHECK(sc.workforce.status_shares[0][2][1][0] == 0.0);
    CHECK(sc.workforce.transitions[1][4][0][6][6] == 1.0);
    CHECK(sc.workforce.mean_monthly_earnings[2][0] == 0.0);
  }
}

TEST_CASE("workforce tables: shares and probabilities must sum to 1", "[data][workforce]") {
  SmallWithWorkforce s;
  SECTION("a transition row names its sex, age band, area and origin") {
    // female, 65+, rural, from own_account: stays with 0.65 instead of 0.75.
    replace_line(s.data("labour_transitions.csv"), transition_line(1, 10, 1, 6, 6),
                 "female,65+,rural,own_account,own_account,0.65");
    CHECK(
        errors_of(s.scenario) ==
        Lines{s.at(
            "{DIR}/data/labour_transitions.csv:" + std::to_string(transition_line(1, 10, 1, 6, 0)) +
            ":1: error: probability: transition probabilities do not sum to 1 (got 0.9 for sex "
            "female, age_band 65+, area rural, from own_account, expected 1 within "
            "1e-06)")});
  }
  SECTION("two rows, reported at the first line of each") {
    replace_line(s.data("labour_transitions.csv"), transition_line(0, 3, 0, 1, 7),
                 "male,30-34,urban,unemployed,contributing_family,0.5");
    replace_line(s.data("labour_transitions.csv"), transition_line(0, 3, 1, 0, 0),
                 "male,30-34,rural,inactive,inactive,0.875");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_transitions.csv:" +
                     std::to_string(transition_line(0, 3, 0, 1, 0)) +
                     ":1: error: probability: transition probabilities do not sum to 1 (got "
                     "1.464285714 for sex male, age_band 30-34, area urban, from unemployed, "
                     "expected 1 within 1e-06)"),
                s.at("{DIR}/data/labour_transitions.csv:" +
                     std::to_string(transition_line(0, 3, 1, 0, 0)) +
                     ":1: error: probability: transition probabilities do not sum to 1 (got 1.125 "
                     "for sex "
                     "male, age_band 30-34, area rural, from inactive, expected 1 within "
                     "1e-06)")});
  }
  SECTION("within the tolerance is accepted") {
    replace_line(s.data("labour_transitions.csv"), transition_line(0, 0, 0, 0, 0),
                 "male,15-19,urban,inactive,inactive,0.7500009");
    replace_line(s.data("labour_status_shares.csv"), share_line(0, 0, 0, 0),
                 "male,15-19,urban,inactive,0.2499991");
    CHECK_NOTHROW(ssproj::load_scenario(s.scenario));
  }
  SECTION("status shares") {
    replace_line(s.data("labour_status_shares.csv"), share_line(0, 1, 1, 4),
                 "male,20-24,rural,informal_employee,0.075");
    CHECK(
        errors_of(s.scenario) ==
        Lines{s.at("{DIR}/data/labour_status_shares.csv:" + std::to_string(share_line(0, 1, 1, 0)) +
                   ":1: error: share: status shares do not sum to 1 (got 0.95 for sex male, "
                   "age_band 20-24, area rural, expected 1 within 1e-06)")});
  }
  SECTION("region shares") {
    replace_line(s.data("regions.csv"), 5, "south,rural,0.15");
    CHECK(errors_of(s.scenario) == Lines{s.at("{DIR}/data/regions.csv:2:1: error: "
                                              "population_share: population shares do not sum to 1 "
                                              "(got 0.9, expected 1 within 1e-06)")});
  }
}

TEST_CASE("workforce tables: an unknown word is an error at its field", "[data][workforce]") {
  SmallWithWorkforce s;
  SECTION("status") {
    replace_line(s.data("labour_status_shares.csv"), 2, "male,15-19,urban,retired,0.25");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_status_shares.csv:2:18: error: status: unknown value "
                     "(got \"retired\", expected " +
                     kStatusChoices + ")")});
  }
  SECTION("from and to") {
    replace_line(s.data("labour_transitions.csv"), 3, "male,15-19,urban,inactiv,unemployed,0.03");
    replace_line(s.data("labour_transitions.csv"), 4, "male,15-19,urban,inactive,public,0.03");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_transitions.csv:3:18: error: from: unknown value (got "
                     "\"inactiv\", expected " +
                     kStatusChoices + "; did you mean \"inactive\"?)"),
                s.at("{DIR}/data/labour_transitions.csv:4:27: error: to: unknown value (got "
                     "\"public\", expected " +
                     kStatusChoices + ")")});
  }
  SECTION("area") {
    replace_line(s.data("regions.csv"), 4, "south,suburban,0.25");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:4:7: error: area: unknown value (got "
                     "\"suburban\", expected \"urban\" or \"rural\")")});
  }
  SECTION("age band") {
    replace_line(s.data("age_earnings_profile.csv"), 3, "20-25,1");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/age_earnings_profile.csv:3:1: error: age_band: unknown value "
                     "(got \"20-25\", expected \"15-19\" or \"20-24\" or \"25-29\" or \"30-34\" "
                     "or \"35-39\" or \"40-44\" or \"45-49\" or \"50-54\" or \"55-59\" or "
                     "\"60-64\" or \"65+\"; did you mean \"20-24\"?)")});
  }
  SECTION("sex") {
    replace_line(s.data("labour_status_shares.csv"), 2, "men,15-19,urban,inactive,0.25");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_status_shares.csv:2:1: error: sex: unknown value (got "
                     "\"men\", expected \"male\" or \"female\")")});
  }
  SECTION("earnings of a status that is not employed") {
    append_line(s.data("earnings.csv"), "unemployed,male,0");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/earnings.csv:14:1: error: status: unknown value (got "
                     "\"unemployed\", expected \"public_employee\" or \"formal_private_employee\" "
                     "or \"informal_employee\" or \"domestic_worker\" or \"own_account\" or "
                     "\"contributing_family\")")});
  }
}

TEST_CASE("workforce tables: duplicate and missing rows", "[data][workforce]") {
  SmallWithWorkforce s;
  SECTION("a duplicate status share names the line of the first one") {
    append_line(s.data("labour_status_shares.csv"), "male,15-19,urban,inactive,0.25");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_status_shares.csv:354:1: error: sex: duplicate row (got "
                     "sex male, age_band 15-19, area urban, status inactive, expected one row "
                     "for each combination (first given on line 2))")});
  }
  SECTION("a duplicate region row") {
    append_line(s.data("regions.csv"), "north,urban,0");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:6:1: error: region: duplicate row (got region "
                     "north, area urban, expected one row for each combination (first given on "
                     "line 2))")});
  }
  SECTION("a missing transition") {
    erase_lines(s.data("labour_transitions.csv"), 3, 3);
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_transitions.csv:1:1: error: missing row (got sex male, "
                     "age_band 15-19, area urban, from inactive, to unemployed, expected one row "
                     "for each combination of sex, age_band, area, from, to)")});
  }
  SECTION("a region without its rural row") {
    erase_lines(s.data("regions.csv"), 5, 5);
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:1:1: error: missing row (got region south, area "
                     "rural, expected one row for each combination of region, area)")});
  }
  SECTION("after five missing rows, the rest are counted") {
    erase_lines(s.data("age_earnings_profile.csv"), 2, 9);  // 15-19 to 50-54
    const std::string expected = ", expected one row for each combination of age_band)";
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/age_earnings_profile.csv:1:1: error: missing row (got age_band "
                     "15-19" +
                     expected),
                s.at("{DIR}/data/age_earnings_profile.csv:1:1: error: missing row (got age_band "
                     "20-24" +
                     expected),
                s.at("{DIR}/data/age_earnings_profile.csv:1:1: error: missing row (got age_band "
                     "25-29" +
                     expected),
                s.at("{DIR}/data/age_earnings_profile.csv:1:1: error: missing row (got age_band "
                     "30-34" +
                     expected),
                s.at("{DIR}/data/age_earnings_profile.csv:1:1: error: missing row (got age_band "
                     "35-39" +
                     expected),
                s.at("{DIR}/data/age_earnings_profile.csv:1:1: error: missing rows (got 3 more "
                     "combinations like those above)")});
  }
  SECTION("earnings of one sex missing") {
    erase_lines(s.data("earnings.csv"), 11, 11);  // own_account, female
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/earnings.csv:1:1: error: missing row (got status own_account, "
                     "sex female, expected one row for each combination of status, sex)")});
  }
}

TEST_CASE("workforce tables: headers, field counts and region names", "[data][workforce]") {
  SmallWithWorkforce s;
  SECTION("a wrong header") {
    replace_line(s.data("labour_transitions.csv"), 1, "sex,age_band,area,from,to,p");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/labour_transitions.csv:1:1: error: unexpected header (got "
                     "\"sex,age_band,area,from,to,p\", expected "
                     "\"sex,age_band,area,from,to,probability\")")});
  }
  SECTION("a wrong header in regions.csv is reported once") {
    replace_line(s.data("regions.csv"), 1, "region,share");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:1:1: error: unexpected header (got "
                     "\"region,share\", expected \"region,area,population_share\")")});
  }
  SECTION("a row of regions.csv with too few fields is reported once") {
    replace_line(s.data("regions.csv"), 3, "north,rural");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:3:1: error: wrong number of fields (got 2, "
                     "expected 3 (region,area,population_share))")});
  }
  SECTION("an empty region name") {
    replace_line(s.data("regions.csv"), 4, ",urban,0.25");
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:4:1: error: region: empty name (got \"\", expected "
                     "a name)")});
  }
  SECTION("region names are those of the table, in their order; they may contain spaces") {
    write_lines(s.data("regions.csv"),
                {"region,area,population_share", "Vientiane Capital,rural,0.25",
                 "Vientiane Capital,urban,0.25", "North,urban,0.125", "North,rural,0.375"});
    const ssproj::Scenario sc = ssproj::load_scenario(s.scenario);
    CHECK(sc.workforce.regions == std::vector<std::string>{"Vientiane Capital", "North"});
    CHECK(sc.workforce.population_share[0] == std::array<double, 2>{0.25, 0.25});
    CHECK(sc.workforce.population_share[1] == std::array<double, 2>{0.125, 0.375});
  }
  SECTION("more regions than a person can carry (256)") {
    std::vector<std::string> lines = {"region,area,population_share"};
    for (int r = 0; r < 257; ++r) {
      lines.push_back("r" + std::to_string(r) + ",urban," + (r == 0 ? "1" : "0"));
      lines.push_back("r" + std::to_string(r) + ",rural,0");
    }
    write_lines(s.data("regions.csv"), lines);
    CHECK(errors_of(s.scenario) ==
          Lines{s.at("{DIR}/data/regions.csv:1:1: error: region: too many regions (got 257, "
                     "expected at most 256)")});
  }
}

TEST_CASE("workforce tables: errors in several tables are reported together, file by file",
          "[data][workforce]") {
  SmallWithWorkforce s;
  replace_line(s.data("earnings.csv"), 2, "public_employee,male,x");
  replace_line(s.data("regions.csv"), 2, "north,urban,2");
  replace_line(s.data("mortality.csv"), mortality_line(2020, 0, 3), "2020,male,3,2.5");
  replace_line(s.data("labour_status_shares.csv"), 2, "male,15-19,urban,inactive,0.5");
  CHECK(errors_of(s.scenario) ==
        Lines{s.at("{DIR}/data/mortality.csv:5:13: error: mx: value out of range (got 2.5, "
                   "expected a number in [0, 2])"),
              s.at("{DIR}/data/regions.csv:2:13: error: population_share: value out of range "
                   "(got 2, expected a number in [0, 1])"),
              s.at("{DIR}/data/labour_status_shares.csv:2:1: error: share: status shares do "
                   "not sum to 1 (got 1.25 for sex male, age_band 15-19, area urban, expected 1 "
                   "within 1e-06)"),
              s.at("{DIR}/data/earnings.csv:2:22: error: mean_monthly_earnings: not a number "
                   "(got \"x\", expected a finite decimal number)")});
}
