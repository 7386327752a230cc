// Scenario files: syntax, schema (types, ranges, unknown and missing keys), cross-field checks,
// `extends` chains, schedules, command-line overrides and the resolved TOML of `describe`.
//
// Every error path asserts the full text of Diagnostic::to_string(), file, line and column
// included.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/error.h>
#include <ssproj/scenario.h>

#include "core/diagnostics.h"
#include "scenario/data_tables.h"
#include "scenario/document.h"
#include "scenario/schema.h"
#include "support/fixtures.h"

namespace {

namespace fs = std::filesystem;
using ssproj::load_scenario;
using ssproj::Scenario;
using ssproj::ScenarioError;
using ssproj::ScenarioOverrides;
using ssproj::Schedule;
using ssproj::testing::read_file;
using ssproj::testing::SmallDataOptions;
using ssproj::testing::TempDir;

// Data for 2020..2025: small and fast to load.
const SmallDataOptions kData{2020, 2025};

// The [data] section that names the tables written by write_small_scenario. When it follows
// a scenario text, its keys are on the lines given in the comments of kSmall below.
const std::string& kDataSection = ssproj::testing::kSmallDataSection;

// A scenario text with `projection` as the body of [projection] and `more` (other sections)
// between it and [data] (see testing::small_scenario_text).
std::string scenario_text(const std::string& projection, const std::string& more = "") {
  return ssproj::testing::small_scenario_text(projection, more);
}

// Writes the data tables into `dir`, then `text` as dir/scenario.toml; returns its path.
fs::path write_scenario(const TempDir& dir, const std::string& text) {
  ssproj::testing::write_small_scenario(dir, kData, "start_year = 2020\nend_year = 2025\n");
  return dir.write("scenario.toml", text);
}

// Replaces every "{DIR}" in `text` by `dir`.
std::string at(std::string text, const fs::path& dir) {
  const std::string token = "{DIR}";
  for (auto pos = text.find(token); pos != std::string::npos; pos = text.find(token)) {
    text.replace(pos, token.size(), dir.string());
  }
  return text;
}

// The diagnostics of a scenario that must fail to load, rendered by to_string().
std::vector<std::string> errors_of(const fs::path& file, const ScenarioOverrides& overrides = {}) {
  try {
    (void)load_scenario(file, overrides);
  } catch (const ScenarioError& e) {
    std::vector<std::string> out;
    for (const ssproj::Diagnostic& d : e.diagnostics()) out.push_back(d.to_string());
    // what() is the same list, one per line.
    std::string joined;
    for (const std::string& line : out) joined += (joined.empty() ? "" : "\n") + line;
    CHECK(std::string(e.what()) == joined);
    return out;
  }
  FAIL("load_scenario(" << file << ") did not throw ScenarioError");
  return {};
}

using Lines = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------------------------------------
// Valid scenarios

TEST_CASE("a valid small scenario loads with defaults filled in", "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n"));
  const Scenario s = load_scenario(file);
  CHECK(s.schema_version == 1);
  CHECK(s.name == "small");
  CHECK(s.description.empty());
  CHECK(s.file == file);
  CHECK(s.projection.start_year == 2020);
  CHECK(s.projection.end_year == 2025);
  CHECK(s.projection.seed == 1);
  CHECK(s.projection.sample_fraction == 1.0);
  CHECK(s.projection.replications == 1);
  CHECK(s.demography.mortality_multiplier == Schedule::constant(1.0));
  CHECK(s.demography.fertility_multiplier == Schedule::constant(1.0));
  CHECK(s.demography.migration_multiplier == Schedule::constant(1.0));
  CHECK(s.data.mortality == dir.path() / "data/mortality.csv");
  CHECK(s.data.base_population == dir.path() / "data/base_population.csv");
  CHECK(s.inputs.base_year == 2020);
  CHECK(s.inputs.first_year == 2020);
  CHECK(s.inputs.last_year == 2025);
  CHECK(s.inputs.mortality.size() == 6);
  CHECK(s.inputs.files.size() == 5);
  CHECK(s.inputs.base_population[0][0] == 100.0);
  CHECK(s.inputs.mortality[5][1][100] == 0.01);
  CHECK(s.inputs.fertility[0][15] == 0.05);
  CHECK(s.inputs.fertility[0][14] == 0.0);  // ages without a row have no births
  CHECK(s.inputs.sex_ratio_at_birth[3] == 1.05);
}

TEST_CASE("a default-constructed Scenario holds the defaults of a file that writes no optional key",
          "[scenario]") {
  TempDir dir;
  SmallDataOptions data;
  data.workforce = ssproj::testing::SmallWorkforce{};
  const Scenario read = load_scenario(ssproj::testing::write_small_scenario(dir, data));
  const Scenario built;
  CHECK(built.schema_version == read.schema_version);
  CHECK(built.description == read.description);
  CHECK(built.projection.seed == read.projection.seed);
  CHECK(built.projection.sample_fraction == read.projection.sample_fraction);
  CHECK(built.projection.replications == read.projection.replications);
  CHECK(built.demography == read.demography);
  CHECK(built.economy == read.economy);
  CHECK(built.labour == read.labour);
  CHECK(built.coverage == read.coverage);
  CHECK(built.contributions == read.contributions);
  CHECK(built.benefits == read.benefits);
  CHECK(built.fund == read.fund);
  // A few of them by value, against the key table's text.
  CHECK(built.coverage.lapse_hazard == Schedule::constant(0.25));
  CHECK(built.benefits.old_age.pensionable_age[1] == Schedule::constant(55));
  CHECK(built.fund.allocation[0] == Schedule::constant(1.0));
  CHECK(built.fund.typical_career_years == std::vector<int>{15, 25, 35});
  CHECK(built.fund.typical_entry_ages == std::vector<int>{20, 30, 40});
  CHECK(built.fund.replacement_rate_interval == 10);
  CHECK(built.economy.minimum_wage_indexation == ssproj::Indexation::kWages);
  CHECK(built.benefits.old_age.indexation == ssproj::Indexation::kPrices);
}

TEST_CASE("the data tables and the path keys of the key table are the same list", "[scenario]") {
  std::vector<std::string_view> path_keys, tables;
  for (const ssproj::scenario::KeySpec& spec : ssproj::scenario::scenario_keys()) {
    if (spec.kind == ssproj::scenario::Kind::kPath && spec.path != "extends") {
      path_keys.push_back(spec.path);
    }
  }
  for (const ssproj::scenario::DataTable& table : ssproj::scenario::data_tables()) {
    tables.push_back(table.key);
    CHECK(table.key.starts_with("data."));
  }
  std::sort(path_keys.begin(), path_keys.end());
  std::sort(tables.begin(), tables.end());
  CHECK(path_keys == tables);
  CHECK(std::adjacent_find(tables.begin(), tables.end()) == tables.end());
}

TEST_CASE("every key with a value is bound to a field, or named here as read with its data",
          "[scenario]") {
  // The data paths are read by the loader from the list of data tables.
  std::vector<std::string_view> read_with_data = {
      "extends", "interventions_mode", "coverage.compliance_factor_by_region", "interventions",
      "interventions.type", "interventions.regions", "interventions.provinces",
      "interventions.districts", "interventions.sectors",
      // read with their cross-checks by
      // uncertainty/uncertain.cpp
      "uncertain", "uncertain.type", "uncertain.key", "uncertain.apply", "uncertain.reason",
      "uncertain.mean", "uncertain.sd", "uncertain.min", "uncertain.max", "uncertain.mode",
      "uncertain.alpha", "uncertain.beta"};
  for (const ssproj::scenario::DataTable& table : ssproj::scenario::data_tables()) {
    read_with_data.push_back(table.key);
  }
  for (const ssproj::scenario::KeySpec& spec : ssproj::scenario::scenario_keys()) {
    INFO(spec.path);
    if (spec.kind == ssproj::scenario::Kind::kTable) {
      CHECK_FALSE(spec.bind.bound());
      continue;
    }
    const bool unbound =
        std::find(read_with_data.begin(), read_with_data.end(), spec.path) != read_with_data.end();
    CHECK(spec.bind.bound() != unbound);
  }
}

TEST_CASE("a start year after the base population's year is valid (run-in years)", "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, scenario_text("start_year = 2022\nend_year = 2025\n"));
  const Scenario s = load_scenario(file);
  CHECK(s.projection.start_year == 2022);
  CHECK(s.inputs.base_year == 2020);
  CHECK(s.inputs.first_year == 2020);
  CHECK(s.inputs.last_year == 2025);
}

TEST_CASE("the bounds of every numeric range are themselves valid", "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(
      dir, scenario_text("start_year = 2020\nend_year = 2021\nseed = 0\n"
                         "sample_fraction = 1\nreplications = 10000\n",
                         "[demography]\nmortality_multiplier = 0\nfertility_multiplier = 0.0\n"
                         "migration_multiplier = 10\n\n"));
  const Scenario s = load_scenario(file);
  CHECK(s.projection.end_year == 2021);
  CHECK(s.projection.seed == 0);
  CHECK(s.projection.sample_fraction == 1.0);  // an integer is accepted as a number
  CHECK(s.projection.replications == 10000);
  CHECK(s.demography.mortality_multiplier == Schedule::constant(0.0));
  CHECK(s.demography.migration_multiplier == Schedule::constant(10.0));
}

// ---------------------------------------------------------------------------------------------
// Reading the file

TEST_CASE("every numeric key has a finite range on both sides", "[scenario]") {
  // Issue 12: an unbounded key (migration_multiplier = -1e308, cost_per_member = 1.7e308) ran to
  // infinite or overflowing results. Every numeric key now has a range or a reasoned bound.
  for (const ssproj::scenario::KeySpec& k : ssproj::scenario::scenario_keys()) {
    using ssproj::scenario::Kind;
    if (k.kind != Kind::kInteger && k.kind != Kind::kNumber && k.kind != Kind::kNumberOrSchedule &&
        k.kind != Kind::kNamedSchedules && k.kind != Kind::kNumberList &&
        k.kind != Kind::kIntegerList) {
      continue;
    }
    INFO(k.path);
    CHECK(std::isfinite(k.range.min));
    CHECK(std::isfinite(k.range.max));
  }
}

TEST_CASE("a missing scenario file is one diagnostic", "[scenario]") {
  TempDir dir;
  SECTION("no such file") {
    CHECK(errors_of(dir.path() / "nope.toml") ==
          Lines{at("{DIR}/nope.toml:1:1: error: cannot open scenario file "
                   "(expected an existing TOML file)",
                   dir.path())});
  }
  SECTION("a directory") {
    fs::create_directories(dir.path() / "sub.toml");
    CHECK(errors_of(dir.path() / "sub.toml") ==
          Lines{at("{DIR}/sub.toml:1:1: error: cannot open scenario file "
                   "(expected an existing TOML file)",
                   dir.path())});
  }
}

TEST_CASE("a TOML syntax error is reported at its line and column", "[scenario]") {
  TempDir dir;
  SECTION("unterminated table header") {
    const fs::path file =
        write_scenario(dir, "schema_version = 1\nname = \"small\"\n\n[projection\n");
    // Caught before toml++ parses it (core/toml_guard.h), at the same place.
    CHECK(errors_of(file) == Lines{at("{DIR}/scenario.toml:4:12: error: TOML syntax error: a "
                                      "table header must close on its line",
                                      dir.path())});
  }
  SECTION("a key without a value") {
    const fs::path file = write_scenario(dir, "schema_version = 1\nname =\n");
    CHECK(errors_of(file) == Lines{at("{DIR}/scenario.toml:2:7: error: TOML syntax error: Error "
                                      "while parsing key-value pair: expected value, saw '\\n'",
                                      dir.path())});
  }
  SECTION("a key given twice") {
    const fs::path file = write_scenario(dir, "schema_version = 1\nname = \"a\"\nname = \"b\"\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:3:8: error: TOML syntax error: Error while parsing "
                   "key-value pair: cannot redefine existing string 'name'",
                   dir.path())});
  }
}

// ---------------------------------------------------------------------------------------------
// Schema: missing, unknown, wrong type, out of range

TEST_CASE("a missing required key or table is reported against its table", "[scenario]") {
  TempDir dir;
  SECTION("top-level key") {
    const fs::path file = write_scenario(
        dir, "schema_version = 1\n\n[projection]\nstart_year = 2020\nend_year = 2025\n\n" +
                 kDataSection);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:1:1: error: name: required key is missing "
                   "(expected a string)",
                   dir.path())});
  }
  SECTION("schema_version") {
    const fs::path file = write_scenario(
        dir,
        "name = \"small\"\n\n[projection]\nstart_year = 2020\nend_year = 2025\n\n" + kDataSection);
    CHECK(errors_of(file) == Lines{at("{DIR}/scenario.toml:1:1: error: schema_version: required "
                                      "key is missing (expected 1)",
                                      dir.path())});
  }
  SECTION("required table [data]") {
    const fs::path file =
        write_scenario(dir,
                       "schema_version = 1\nname = \"small\"\n[projection]\nstart_year = 2020\n"
                       "end_year = 2025\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:1:1: error: data: required table is missing "
                   "(expected a table [data])",
                   dir.path())});
  }
  SECTION("required table [projection]") {
    const fs::path file =
        write_scenario(dir, "schema_version = 1\nname = \"small\"\n" + kDataSection);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:1:1: error: projection: required table is missing "
                   "(expected a table [projection])",
                   dir.path())});
  }
  SECTION("key of [projection], at the table's header") {
    const fs::path file = write_scenario(dir, scenario_text("end_year = 2025\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:4:1: error: projection.start_year: required key is "
                   "missing (expected an integer in [1900, 2300])",
                   dir.path())});
  }
  SECTION("key of [data], at the table's header") {
    // [data] on line 8, without net_migration.
    const std::string text =
        "schema_version = 1\nname = \"small\"\n\n[projection]\nstart_year = 2020\n"
        "end_year = 2025\n\n[data]\nbase_population = \"data/base_population.csv\"\n"
        "mortality = \"data/mortality.csv\"\nfertility = \"data/fertility.csv\"\n"
        "sex_ratio_at_birth = \"data/sex_ratio_at_birth.csv\"\n";
    const fs::path file = write_scenario(dir, text);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:8:1: error: data.net_migration: required key is "
                   "missing (expected a file path (string))",
                   dir.path())});
  }
  SECTION("an empty file lists every required top-level key") {
    const fs::path file = write_scenario(dir, "# nothing yet\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:1:1: error: schema_version: required key is missing "
                   "(expected 1)",
                   dir.path()),
                at("{DIR}/scenario.toml:1:1: error: name: required key is missing "
                   "(expected a string)",
                   dir.path()),
                at("{DIR}/scenario.toml:1:1: error: projection: required table is missing "
                   "(expected a table [projection])",
                   dir.path()),
                at("{DIR}/scenario.toml:1:1: error: data: required table is missing "
                   "(expected a table [data])",
                   dir.path())});
  }
}

TEST_CASE("an unknown key is an error, with a suggestion when one is close", "[scenario]") {
  TempDir dir;
  SECTION("in [projection], close to seed") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\nsed = 5\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:7:1: error: projection.sed: unknown key (got \"sed\", "
                   "expected a key of [projection]; did you mean \"seed\"?)",
                   dir.path())});
  }
  SECTION("in [projection], close to replications") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\nreplication = 5\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:7:1: error: projection.replication: unknown key (got "
                   "\"replication\", expected a key of [projection]; did you mean "
                   "\"replications\"?)",
                   dir.path())});
  }
  SECTION("at the top level") {
    const fs::path file = write_scenario(
        dir,
        "schema_version = 1\nname = \"small\"\ndescripton = \"typo\"\n\n[projection]\n"
        "start_year = 2020\nend_year = 2025\n\n" +
            kDataSection);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:3:1: error: descripton: unknown key (got \"descripton\", "
                   "expected a key of the top level; did you mean \"description\"?)",
                   dir.path())});
  }
  SECTION("a misspelt table") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n",
                                          "[demograpy]\nmortality_multiplier = 1.0\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:8:2: error: demograpy: unknown key (got \"demograpy\", "
                   "expected a key of the top level; did you mean \"demography\"?)",
                   dir.path())});
  }
  SECTION("in [data]") {
    const std::string text = scenario_text("start_year = 2020\nend_year = 2025\n") +
                             "mortallity = \"data/mortality.csv\"\n";
    const fs::path file = write_scenario(dir, text);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:14:1: error: data.mortallity: unknown key (got "
                   "\"mortallity\", expected a key of [data]; did you mean \"mortality\"?)",
                   dir.path())});
  }
  SECTION("nothing close: no suggestion") {
    const fs::path file =
        write_scenario(dir,
                       "schema_version = 1\nname = \"small\"\ncolour = \"blue\"\n\n[projection]\n"
                       "start_year = 2020\nend_year = 2025\nthreads = 4\n\n" +
                           kDataSection);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:3:1: error: colour: unknown key (got \"colour\", "
                   "expected one of the keys of the top level)",
                   dir.path()),
                at("{DIR}/scenario.toml:8:1: error: projection.threads: unknown key (got "
                   "\"threads\", expected one of the keys of [projection])",
                   dir.path())});
  }
  SECTION("an unknown sub-table") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n",
                                          "[demography.labour]\nparticipation = 0.5\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:8:13: error: demography.labour: unknown key (got "
                   "\"labour\", expected one of the keys of [demography])",
                   dir.path())});
  }
}

TEST_CASE("a value of the wrong type is an error", "[scenario]") {
  TempDir dir;
  struct Case {
    const char* name;
    std::string text;
    std::string expected;
  };
  const std::string ok = "start_year = 2020\nend_year = 2025\n";
  const std::vector<Case> cases = {
      {"name is a number",
       "schema_version = 1\nname = 3\n\n[projection]\n" + ok + "\n" + kDataSection,
       "{DIR}/scenario.toml:2:8: error: name: wrong type (got 3, expected a string)"},
      {"schema_version is a string",
       "schema_version = \"1\"\nname = \"small\"\n\n[projection]\n" + ok + "\n" + kDataSection,
       "{DIR}/scenario.toml:1:18: error: schema_version: wrong type (got \"1\", expected 1)"},
      {"start_year is a string", scenario_text("start_year = \"2020\"\nend_year = 2025\n"),
       "{DIR}/scenario.toml:5:14: error: projection.start_year: wrong type (got \"2020\", "
       "expected an integer in [1900, 2300])"},
      {"end_year is a float", scenario_text("start_year = 2020\nend_year = 2025.0\n"),
       "{DIR}/scenario.toml:6:12: error: projection.end_year: wrong type (got 2025.0, "
       "expected an integer in [1900, 2300])"},
      {"seed is a float", scenario_text(ok + "seed = 1.5\n"),
       "{DIR}/scenario.toml:7:8: error: projection.seed: wrong type (got 1.5, expected an "
       "integer in [0, 9223372036854775807])"},
      {"sample_fraction is a string", scenario_text(ok + "sample_fraction = \"half\"\n"),
       "{DIR}/scenario.toml:7:19: error: projection.sample_fraction: wrong type (got \"half\", "
       "expected a number in (0, 1])"},
      {"replications is a boolean", scenario_text(ok + "replications = true\n"),
       "{DIR}/scenario.toml:7:16: error: projection.replications: wrong type (got true, "
       "expected an integer in [1, 10000])"},
      {"description is an array",
       "schema_version = 1\nname = \"small\"\ndescription = [\"a\"]\n\n[projection]\n" + ok + "\n" +
           kDataSection,
       "{DIR}/scenario.toml:3:15: error: description: wrong type (got an array, expected a "
       "string)"},
      {"projection is a number",
       "schema_version = 1\nname = \"small\"\nprojection = 3\n" + kDataSection,
       "{DIR}/scenario.toml:3:14: error: projection: wrong type (got 3, expected a table "
       "[projection])"},
      {"a multiplier is a string",
       scenario_text(ok, "[demography]\nmortality_multiplier = \"low\"\n\n"),
       "{DIR}/scenario.toml:9:24: error: demography.mortality_multiplier: wrong type (got "
       "\"low\", expected a number in [0, 100], or a schedule { YEAR = number, ... })"},
      {"a multiplier is an array",
       scenario_text(ok, "[demography]\nmigration_multiplier = [1, 2]\n\n"),
       "{DIR}/scenario.toml:9:24: error: demography.migration_multiplier: wrong type (got an "
       "array, expected a number in [0, 10], or a schedule { YEAR = number, ... })"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      const fs::path file = write_scenario(dir, c.text);
      CHECK(errors_of(file) == Lines{at(c.expected, dir.path())});
    }
  }
  SECTION("a data path is a number, another is empty") {
    const fs::path file = write_scenario(
        dir, "schema_version = 1\nname = \"small\"\n[projection]\n" + ok +
                 "[data]\nbase_population = \"data/base_population.csv\"\nmortality = 3\n"
                 "fertility = \"\"\nsex_ratio_at_birth = \"data/sex_ratio_at_birth.csv\"\n"
                 "net_migration = \"data/net_migration.csv\"\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:8:13: error: data.mortality: wrong type (got 3, expected "
                   "a file path (string))",
                   dir.path()),
                at("{DIR}/scenario.toml:9:13: error: data.fertility: empty path (got \"\", "
                   "expected a file path (string))",
                   dir.path())});
  }
}

TEST_CASE("every numeric key of the schema is checked against its range", "[scenario]") {
  TempDir dir;
  struct Case {
    const char* name;
    std::string text;
    std::string expected;
  };
  const std::string ok = "start_year = 2020\nend_year = 2025\n";
  const auto with_schema_version = [&](const std::string& v) {
    return "schema_version = " + v + "\nname = \"small\"\n\n[projection]\n" + ok + "\n" +
           kDataSection;
  };
  const auto with_demography = [&](const std::string& line) {
    return scenario_text(ok, "[demography]\n" + line + "\n\n");
  };
  // `line` (line 9) in [section] (line 8).
  const auto in = [&](const std::string& section, const std::string& line) {
    return scenario_text(ok, "[" + section + "]\n" + line + "\n\n");
  };
  // `line` (line 26) in an [[interventions]] entry of type `type` (line 23) with its other
  // required keys, in a scenario that names the workforce tables (interventions need them).
  const auto entry = [&](const std::string& type, const std::string& line) {
    const auto is_key = [&line](const std::string& key) { return line.rfind(key + " =", 0) == 0; };
    std::string required;
    if (type == "mobile_registration") required = "visits_per_year";
    if (type == "information_outreach") required = "persons_reached_per_year";
    if (type == "contribution_subsidy") required = "subsidy_share";
    if (type == "enforcement") required = "inspected_share";
    if (type == "digital_services") required = "access_share";
    std::string text = scenario_text(ok) + ssproj::testing::kWorkforceDataKeys +
                       ssproj::testing::kFundAllocation + "\n[[interventions]]\ntype = \"" + type +
                       "\"\nname = \"x\"\n" + line + "\n";
    if (!is_key("start_year")) text += "start_year = 2021\n";
    if (!required.empty() && !is_key(required)) text += required + " = 0.5\n";
    return text;
  };
  // `line` (line 9) in an [[uncertain]] entry (line 8) of distribution `type` with `rest`.
  const auto uncertain = [&](const std::string& type, const std::string& line,
                             const std::string& rest) {
    return scenario_text(ok, "[[uncertain]]\n" + line + "\ntype = \"" + type +
                                 "\"\nkey = \"demography.migration_multiplier\"\nreason = "
                                 "\"r\"\n" +
                                 rest + "\n");
  };
  const std::vector<Case> cases = {
      {"schema_version 0", with_schema_version("0"),
       "{DIR}/scenario.toml:1:18: error: schema_version: unsupported schema version (got 0, "
       "expected 1)"},
      {"schema_version 2", with_schema_version("2"),
       "{DIR}/scenario.toml:1:18: error: schema_version: unsupported schema version (got 2, "
       "expected 1)"},
      {"start_year 1899", scenario_text("start_year = 1899\nend_year = 2025\n"),
       "{DIR}/scenario.toml:5:14: error: projection.start_year: value out of range (got 1899, "
       "expected an integer in [1900, 2300])"},
      {"start_year 2301", scenario_text("start_year = 2301\nend_year = 2025\n"),
       "{DIR}/scenario.toml:5:14: error: projection.start_year: value out of range (got 2301, "
       "expected an integer in [1900, 2300])"},
      {"end_year 1899", scenario_text("start_year = 2020\nend_year = 1899\n"),
       "{DIR}/scenario.toml:6:12: error: projection.end_year: value out of range (got 1899, "
       "expected an integer in [1900, 2300])"},
      {"end_year 2301", scenario_text("start_year = 2020\nend_year = 2301\n"),
       "{DIR}/scenario.toml:6:12: error: projection.end_year: value out of range (got 2301, "
       "expected an integer in [1900, 2300])"},
      {"seed -1", scenario_text(ok + "seed = -1\n"),
       "{DIR}/scenario.toml:7:8: error: projection.seed: value out of range (got -1, expected "
       "an integer in [0, 9223372036854775807])"},
      {"sample_fraction 0", scenario_text(ok + "sample_fraction = 0\n"),
       "{DIR}/scenario.toml:7:19: error: projection.sample_fraction: value out of range (got 0, "
       "expected a number in (0, 1])"},
      {"sample_fraction 0.0", scenario_text(ok + "sample_fraction = 0.0\n"),
       "{DIR}/scenario.toml:7:19: error: projection.sample_fraction: value out of range (got "
       "0.0, expected a number in (0, 1])"},
      {"sample_fraction 1.5", scenario_text(ok + "sample_fraction = 1.5\n"),
       "{DIR}/scenario.toml:7:19: error: projection.sample_fraction: value out of range (got "
       "1.5, expected a number in (0, 1])"},
      {"sample_fraction nan", scenario_text(ok + "sample_fraction = nan\n"),
       "{DIR}/scenario.toml:7:19: error: projection.sample_fraction: value out of range (got "
       "nan, expected a number in (0, 1])"},
      {"replications 0", scenario_text(ok + "replications = 0\n"),
       "{DIR}/scenario.toml:7:16: error: projection.replications: value out of range (got 0, "
       "expected an integer in [1, 10000])"},
      {"replications 10001", scenario_text(ok + "replications = 10001\n"),
       "{DIR}/scenario.toml:7:16: error: projection.replications: value out of range (got "
       "10001, expected an integer in [1, 10000])"},
      {"mortality_multiplier -0.1", with_demography("mortality_multiplier = -0.1"),
       "{DIR}/scenario.toml:9:24: error: demography.mortality_multiplier: value out of range "
       "(got -0.1, expected a number in [0, 100])"},
      {"fertility_multiplier -1", with_demography("fertility_multiplier = -1"),
       "{DIR}/scenario.toml:9:24: error: demography.fertility_multiplier: value out of range "
       "(got -1, expected a number in [0, 100])"},
      {"migration_multiplier inf", with_demography("migration_multiplier = inf"),
       "{DIR}/scenario.toml:9:24: error: demography.migration_multiplier: value out of range "
       "(got inf, expected a number in [0, 10])"},
      {"migration_multiplier nan", with_demography("migration_multiplier = nan"),
       "{DIR}/scenario.toml:9:24: error: demography.migration_multiplier: value out of range "
       "(got nan, expected a number in [0, 10])"},
      // A factor on the data's flows: not negative.
      {"migration_multiplier -0.5", with_demography("migration_multiplier = -0.5"),
       "{DIR}/scenario.toml:9:24: error: demography.migration_multiplier: value out of range "
       "(got -0.5, expected a number in [0, 10])"},
      {"migration_multiplier 10.5", with_demography("migration_multiplier = 10.5"),
       "{DIR}/scenario.toml:9:24: error: demography.migration_multiplier: value out of range "
       "(got 10.5, expected a number in [0, 10])"},
      // The workforce keys (valid without the workforce tables, which are not read here).
      {"inflation -1", in("economy", "inflation = -1"),
       "{DIR}/scenario.toml:9:13: error: economy.inflation: value out of range (got -1, "
       "expected a number in (-1, 2])"},
      {"real_wage_growth -1.5", in("economy", "real_wage_growth = -1.5"),
       "{DIR}/scenario.toml:9:20: error: economy.real_wage_growth: value out of range (got "
       "-1.5, expected a number in (-1, 2])"},
      {"social_discount_rate -1", in("economy", "social_discount_rate = -1"),
       "{DIR}/scenario.toml:9:24: error: economy.social_discount_rate: value out of range (got "
       "-1, expected a number in (-1, 2])"},
      {"minimum_wage -1", in("economy", "minimum_wage = -1"),
       "{DIR}/scenario.toml:9:16: error: economy.minimum_wage: value out of range (got -1, "
       "expected a number in [0, 1e+12])"},
      {"formalisation_shift 1.5", in("labour", "formalisation_shift = 1.5"),
       "{DIR}/scenario.toml:9:23: error: labour.formalisation_shift: value out of range (got "
       "1.5, expected a number in [0, 1])"},
      {"formalisation_shift -0.1", in("labour", "formalisation_shift = -0.1"),
       "{DIR}/scenario.toml:9:23: error: labour.formalisation_shift: value out of range (got "
       "-0.1, expected a number in [0, 1])"},
      {"earnings_dispersion 3.5", in("labour", "earnings_dispersion = 3.5"),
       "{DIR}/scenario.toml:9:23: error: labour.earnings_dispersion: value out of range (got "
       "3.5, expected a number in [0, 3])"},
      {"earnings_dispersion -0.1", in("labour", "earnings_dispersion = -0.1"),
       "{DIR}/scenario.toml:9:23: error: labour.earnings_dispersion: value out of range (got "
       "-0.1, expected a number in [0, 3])"},
      {"compliance.public_employee 1.1", in("coverage.compliance", "public_employee = 1.1"),
       "{DIR}/scenario.toml:9:19: error: coverage.compliance.public_employee: value out of range "
       "(got 1.1, expected a number in [0, 1])"},
      {"compliance.formal_private_employee -0.1",
       in("coverage.compliance", "formal_private_employee = -0.1"),
       "{DIR}/scenario.toml:9:27: error: coverage.compliance.formal_private_employee: value out "
       "of range (got -0.1, expected a number in [0, 1])"},
      {"compliance.domestic_worker 2", in("coverage.compliance", "domestic_worker = 2"),
       "{DIR}/scenario.toml:9:19: error: coverage.compliance.domestic_worker: value out of range "
       "(got 2, expected a number in [0, 1])"},
      {"domestic_worker_mandate_year -1", in("coverage", "domestic_worker_mandate_year = -1"),
       "{DIR}/scenario.toml:9:32: error: coverage.domestic_worker_mandate_year: value out of "
       "range (got -1, expected an integer in [1900, 2300], or 0)"},
      {"domestic_worker_mandate_year 2301", in("coverage", "domestic_worker_mandate_year = 2301"),
       "{DIR}/scenario.toml:9:32: error: coverage.domestic_worker_mandate_year: value out of "
       "range (got 2301, expected an integer in [1900, 2300], or 0)"},
      {"underdeclaration 1", in("coverage", "underdeclaration = 1"),
       "{DIR}/scenario.toml:9:20: error: coverage.underdeclaration: value out of range (got 1, "
       "expected a number in [0, 1))"},
      {"underdeclaration -0.1", in("coverage", "underdeclaration = -0.1"),
       "{DIR}/scenario.toml:9:20: error: coverage.underdeclaration: value out of range (got "
       "-0.1, expected a number in [0, 1))"},
      {"registration_hazard 1.5", in("coverage", "registration_hazard = 1.5"),
       "{DIR}/scenario.toml:9:23: error: coverage.registration_hazard: value out of range (got "
       "1.5, expected a number in [0, 1])"},
      {"lapse_hazard -0.5", in("coverage", "lapse_hazard = -0.5"),
       "{DIR}/scenario.toml:9:16: error: coverage.lapse_hazard: value out of range (got -0.5, "
       "expected a number in [0, 1])"},
      {"reactivation_hazard 2", in("coverage", "reactivation_hazard = 2"),
       "{DIR}/scenario.toml:9:23: error: coverage.reactivation_hazard: value out of range (got "
       "2, expected a number in [0, 1])"},
      {"density_compulsory 1.2", in("coverage", "density_compulsory = 1.2"),
       "{DIR}/scenario.toml:9:22: error: coverage.density_compulsory: value out of range (got "
       "1.2, expected a number in [0, 1])"},
      {"density_voluntary -0.1", in("coverage", "density_voluntary = -0.1"),
       "{DIR}/scenario.toml:9:21: error: coverage.density_voluntary: value out of range (got "
       "-0.1, expected a number in [0, 1])"},
      {"initial_voluntary_members -1", in("coverage", "initial_voluntary_members = -1"),
       "{DIR}/scenario.toml:9:29: error: coverage.initial_voluntary_members: value out of range "
       "(got -1, expected a number in [0, 1e+10])"},
      {"initial_voluntary_active_share 1.5", in("coverage", "initial_voluntary_active_share = 1.5"),
       "{DIR}/scenario.toml:9:34: error: coverage.initial_voluntary_active_share: value out of "
       "range (got 1.5, expected a number in [0, 1])"},
      {"insured_window_years 0", in("coverage", "insured_window_years = 0"),
       "{DIR}/scenario.toml:9:24: error: coverage.insured_window_years: value out of range (got "
       "0, expected an integer in [1, 4])"},
      {"insured_window_years 5", in("coverage", "insured_window_years = 5"),
       "{DIR}/scenario.toml:9:24: error: coverage.insured_window_years: value out of range (got "
       "5, expected an integer in [1, 4])"},
      {"history_start_year_compulsory -1", in("coverage", "history_start_year_compulsory = -1"),
       "{DIR}/scenario.toml:9:33: error: coverage.history_start_year_compulsory: value out of "
       "range (got -1, expected an integer in [1900, 2300], or 0)"},
      {"history_start_year_voluntary 2301", in("coverage", "history_start_year_voluntary = 2301"),
       "{DIR}/scenario.toml:9:32: error: coverage.history_start_year_voluntary: value out of "
       "range (got 2301, expected an integer in [1900, 2300], or 0)"},
      {"private_employer_rate 1.5", in("contributions", "private_employer_rate = 1.5"),
       "{DIR}/scenario.toml:9:25: error: contributions.private_employer_rate: value out of range "
       "(got 1.5, expected a number in [0, 1])"},
      {"private_employee_rate -0.01", in("contributions", "private_employee_rate = -0.01"),
       "{DIR}/scenario.toml:9:25: error: contributions.private_employee_rate: value out of range "
       "(got -0.01, expected a number in [0, 1])"},
      {"public_employee_rate 2", in("contributions", "public_employee_rate = 2"),
       "{DIR}/scenario.toml:9:24: error: contributions.public_employee_rate: value out of range "
       "(got 2, expected a number in [0, 1])"},
      {"public_state_rate 1.01", in("contributions", "public_state_rate = 1.01"),
       "{DIR}/scenario.toml:9:21: error: contributions.public_state_rate: value out of range "
       "(got 1.01, expected a number in [0, 1])"},
      {"voluntary_rate -1", in("contributions", "voluntary_rate = -1"),
       "{DIR}/scenario.toml:9:18: error: contributions.voluntary_rate: value out of range (got "
       "-1, expected a number in [0, 1])"},
      {"ceiling -1", in("contributions", "ceiling = -1"),
       "{DIR}/scenario.toml:9:11: error: contributions.ceiling: value out of range (got -1, "
       "expected a number in [0, 1e+12])"},
      {"ceiling_multiple_of_minimum_wage -2",
       in("contributions", "ceiling_multiple_of_minimum_wage = -2"),
       "{DIR}/scenario.toml:9:36: error: contributions.ceiling_multiple_of_minimum_wage: value "
       "out of range (got -2, expected a number in [0, 1000])"},
      {"voluntary_declared_multiple 0.5", in("contributions", "voluntary_declared_multiple = 0.5"),
       "{DIR}/scenario.toml:9:31: error: contributions.voluntary_declared_multiple: value out of "
       "range (got 0.5, expected a number in [1, 100])"},
      {"voluntary_declared_multiple 101", in("contributions", "voluntary_declared_multiple = 101"),
       "{DIR}/scenario.toml:9:31: error: contributions.voluntary_declared_multiple: value out of "
       "range (got 101, expected a number in [1, 100])"},
      // The benefit and fund keys.
      {"benefits.old_age.pensionable_age_male 14",
       in("benefits.old_age", "pensionable_age_male = 14"),
       "{DIR}/scenario.toml:9:24: error: benefits.old_age.pensionable_age_male: value out of range "
       "(got 14, expected a number in [15, 100])"},
      {"benefits.old_age.pensionable_age_female 101",
       in("benefits.old_age", "pensionable_age_female = 101"),
       "{DIR}/scenario.toml:9:26: error: benefits.old_age.pensionable_age_female: value out of "
       "range (got 101, expected a number in [15, 100])"},
      {"benefits.old_age.minimum_months 1201", in("benefits.old_age", "minimum_months = 1201"),
       "{DIR}/scenario.toml:9:18: error: benefits.old_age.minimum_months: value out of range (got "
       "1201, expected a number in [0, 1200])"},
      {"benefits.old_age.accrual 0.11", in("benefits.old_age", "accrual = 0.11"),
       "{DIR}/scenario.toml:9:11: error: benefits.old_age.accrual: value out of range (got 0.11, "
       "expected a number in [0, 0.1])"},
      {"benefits.old_age.reference_years 6", in("benefits.old_age", "reference_years = 6"),
       "{DIR}/scenario.toml:9:19: error: benefits.old_age.reference_years: value out of range (got "
       "6, expected an integer in [0, 5])"},
      {"benefits.old_age.minimum_pension -1", in("benefits.old_age", "minimum_pension = -1"),
       "{DIR}/scenario.toml:9:19: error: benefits.old_age.minimum_pension: value out of range (got "
       "-1, expected a number in [0, 1000])"},
      {"benefits.old_age.maximum_replacement 2.5",
       in("benefits.old_age", "maximum_replacement = 2.5"),
       "{DIR}/scenario.toml:9:23: error: benefits.old_age.maximum_replacement: value out of range "
       "(got 2.5, expected a number in [0, 2])"},
      {"benefits.old_age.fixed_indexation -1", in("benefits.old_age", "fixed_indexation = -1"),
       "{DIR}/scenario.toml:9:20: error: benefits.old_age.fixed_indexation: value out of range "
       "(got -1, expected a number in (-1, 2])"},
      {"benefits.old_age.lump_sum_months_per_year -0.5",
       in("benefits.old_age", "lump_sum_months_per_year = -0.5"),
       "{DIR}/scenario.toml:9:28: error: benefits.old_age.lump_sum_months_per_year: value out of "
       "range (got -0.5, expected a number in [0, 120])"},
      {"benefits.old_age.claim_probability 1.5", in("benefits.old_age", "claim_probability = 1.5"),
       "{DIR}/scenario.toml:9:21: error: benefits.old_age.claim_probability: value out of range "
       "(got 1.5, expected a number in [0, 1])"},
      {"benefits.old_age.initial_pensioners -1", in("benefits.old_age", "initial_pensioners = -1"),
       "{DIR}/scenario.toml:9:22: error: benefits.old_age.initial_pensioners: value out of range "
       "(got -1, expected a number in [0, 1e+10])"},
      {"benefits.old_age.initial_average_pension -1",
       in("benefits.old_age", "initial_average_pension = -1"),
       "{DIR}/scenario.toml:9:27: error: benefits.old_age.initial_average_pension: value out of "
       "range (got -1, expected a number in [0, 1e+12])"},
      {"benefits.invalidity.minimum_months -1", in("benefits.invalidity", "minimum_months = -1"),
       "{DIR}/scenario.toml:9:18: error: benefits.invalidity.minimum_months: value out of range "
       "(got -1, expected a number in [0, 1200])"},
      {"benefits.invalidity.future_service_credit 1.5",
       in("benefits.invalidity", "future_service_credit = 1.5"),
       "{DIR}/scenario.toml:9:25: error: benefits.invalidity.future_service_credit: value out of "
       "range (got 1.5, expected a number in [0, 1])"},
      {"benefits.survivors.minimum_months 1300", in("benefits.survivors", "minimum_months = 1300"),
       "{DIR}/scenario.toml:9:18: error: benefits.survivors.minimum_months: value out of range "
       "(got 1300, expected a number in [0, 1200])"},
      {"benefits.survivors.spouse_share 1.1", in("benefits.survivors", "spouse_share = 1.1"),
       "{DIR}/scenario.toml:9:16: error: benefits.survivors.spouse_share: value out of range (got "
       "1.1, expected a number in [0, 1])"},
      {"benefits.survivors.child_share -0.2", in("benefits.survivors", "child_share = -0.2"),
       "{DIR}/scenario.toml:9:15: error: benefits.survivors.child_share: value out of range (got "
       "-0.2, expected a number in [0, 1])"},
      {"benefits.survivors.funeral_grant -3", in("benefits.survivors", "funeral_grant = -3"),
       "{DIR}/scenario.toml:9:17: error: benefits.survivors.funeral_grant: value out of range (got "
       "-3, expected a number in [0, 1000])"},
      {"benefits.sickness.incidence 11", in("benefits.sickness", "incidence = 11"),
       "{DIR}/scenario.toml:9:13: error: benefits.sickness.incidence: value out of range (got 11, "
       "expected a number in [0, 10])"},
      {"benefits.sickness.duration_days 366", in("benefits.sickness", "duration_days = 366"),
       "{DIR}/scenario.toml:9:17: error: benefits.sickness.duration_days: value out of range (got "
       "366, expected a number in [0, 365])"},
      {"benefits.sickness.replacement 2.5", in("benefits.sickness", "replacement = 2.5"),
       "{DIR}/scenario.toml:9:15: error: benefits.sickness.replacement: value out of range (got "
       "2.5, expected a number in [0, 2])"},
      {"benefits.employment_injury.incidence -1",
       in("benefits.employment_injury", "incidence = -1"),
       "{DIR}/scenario.toml:9:13: error: benefits.employment_injury.incidence: value out of range "
       "(got -1, expected a number in [0, 10])"},
      {"benefits.employment_injury.duration_days -1",
       in("benefits.employment_injury", "duration_days = -1"),
       "{DIR}/scenario.toml:9:17: error: benefits.employment_injury.duration_days: value out of "
       "range (got -1, expected a number in [0, 365])"},
      {"benefits.employment_injury.replacement -0.5",
       in("benefits.employment_injury", "replacement = -0.5"),
       "{DIR}/scenario.toml:9:15: error: benefits.employment_injury.replacement: value out of "
       "range (got -0.5, expected a number in [0, 2])"},
      {"benefits.unemployment.incidence 10.5", in("benefits.unemployment", "incidence = 10.5"),
       "{DIR}/scenario.toml:9:13: error: benefits.unemployment.incidence: value out of range (got "
       "10.5, expected a number in [0, 10])"},
      {"benefits.unemployment.duration_days 400",
       in("benefits.unemployment", "duration_days = 400"),
       "{DIR}/scenario.toml:9:17: error: benefits.unemployment.duration_days: value out of range "
       "(got 400, expected a number in [0, 365])"},
      {"benefits.unemployment.replacement 3", in("benefits.unemployment", "replacement = 3"),
       "{DIR}/scenario.toml:9:15: error: benefits.unemployment.replacement: value out of range "
       "(got 3, expected a number in [0, 2])"},
      {"benefits.maternity.duration_days 366", in("benefits.maternity", "duration_days = 366"),
       "{DIR}/scenario.toml:9:17: error: benefits.maternity.duration_days: value out of range (got "
       "366, expected a number in [0, 365])"},
      {"benefits.maternity.replacement 2.1", in("benefits.maternity", "replacement = 2.1"),
       "{DIR}/scenario.toml:9:15: error: benefits.maternity.replacement: value out of range (got "
       "2.1, expected a number in [0, 2])"},
      {"benefits.health_care.cost_per_member -1",
       in("benefits.health_care", "cost_per_member = -1"),
       "{DIR}/scenario.toml:9:19: error: benefits.health_care.cost_per_member: value out of range "
       "(got -1, expected a number in [0, 1e+12])"},
      {"benefits.health_care.medical_inflation_excess -1",
       in("benefits.health_care", "medical_inflation_excess = -1"),
       "{DIR}/scenario.toml:9:28: error: benefits.health_care.medical_inflation_excess: value out "
       "of range (got -1, expected a number in (-1, 2])"},
      {"benefits.civil_servant.minimum_months 1300",
       in("benefits.civil_servant", "minimum_months = 1300"),
       "{DIR}/scenario.toml:9:18: error: benefits.civil_servant.minimum_months: value out of range "
       "(got 1300, expected a number in [0, 1200])"},
      {"benefits.private.accrual 0.2", in("benefits.private", "accrual = 0.2"),
       "{DIR}/scenario.toml:9:11: error: benefits.private.accrual: value out of range (got 0.2, "
       "expected a number in [0, 0.1])"},
      {"benefits.voluntary.reference_years 6", in("benefits.voluntary", "reference_years = 6"),
       "{DIR}/scenario.toml:9:19: error: benefits.voluntary.reference_years: value out of range "
       "(got 6, expected an integer in [0, 5])"},
      {"benefits.civil_servant.lump_sum_months_per_year -1",
       in("benefits.civil_servant", "lump_sum_months_per_year = -1"),
       "{DIR}/scenario.toml:9:28: error: benefits.civil_servant.lump_sum_months_per_year: value "
       "out of range (got -1, expected a number in [0, 120])"},
      {"fund.initial_reserve -1", in("fund", "initial_reserve = -1"),
       "{DIR}/scenario.toml:9:19: error: fund.initial_reserve: value out of range (got -1, "
       "expected a number in [0, 1e+18])"},
      // A nominal return: negative is nonsense for this fund.
      {"fund.investment_return -0.01", in("fund", "investment_return = -0.01"),
       "{DIR}/scenario.toml:9:21: error: fund.investment_return: value out of range (got -0.01, "
       "expected a number in [0, 1])"},
      {"fund.investment_return 1.5", in("fund", "investment_return = 1.5"),
       "{DIR}/scenario.toml:9:21: error: fund.investment_return: value out of range (got 1.5, "
       "expected a number in [0, 1])"},
      // Every year of a schedule is checked.
      {"fund.investment_return schedule",
       in("fund", "investment_return = { 2020 = 0.05, 2022 = -0.02 }"),
       "{DIR}/scenario.toml:9:43: error: fund.investment_return.2022: value out of range (got "
       "-0.02, expected a number in [0, 1])"},
      {"fund.allocation.old_age 1.5", in("fund.allocation", "old_age = 1.5"),
       "{DIR}/scenario.toml:9:11: error: fund.allocation.old_age: value out of range (got 1.5, "
       "expected a number in [0, 1])"},
      {"fund.allocation.invalidity -0.1", in("fund.allocation", "invalidity = -0.1"),
       "{DIR}/scenario.toml:9:14: error: fund.allocation.invalidity: value out of range (got -0.1, "
       "expected a number in [0, 1])"},
      {"fund.allocation.survivors 2", in("fund.allocation", "survivors = 2"),
       "{DIR}/scenario.toml:9:13: error: fund.allocation.survivors: value out of range (got 2, "
       "expected a number in [0, 1])"},
      {"fund.allocation.sickness -1", in("fund.allocation", "sickness = -1"),
       "{DIR}/scenario.toml:9:12: error: fund.allocation.sickness: value out of range (got -1, "
       "expected a number in [0, 1])"},
      {"fund.allocation.maternity 1.01", in("fund.allocation", "maternity = 1.01"),
       "{DIR}/scenario.toml:9:13: error: fund.allocation.maternity: value out of range (got 1.01, "
       "expected a number in [0, 1])"},
      {"fund.allocation.employment_injury -0.01",
       in("fund.allocation", "employment_injury = -0.01"),
       "{DIR}/scenario.toml:9:21: error: fund.allocation.employment_injury: value out of range "
       "(got -0.01, expected a number in [0, 1])"},
      {"fund.allocation.unemployment 5", in("fund.allocation", "unemployment = 5"),
       "{DIR}/scenario.toml:9:16: error: fund.allocation.unemployment: value out of range (got 5, "
       "expected a number in [0, 1])"},
      {"fund.allocation.health_care -2", in("fund.allocation", "health_care = -2"),
       "{DIR}/scenario.toml:9:15: error: fund.allocation.health_care: value out of range (got -2, "
       "expected a number in [0, 1])"},
      {"fund.administration_share 1.5", in("fund", "administration_share = 1.5"),
       "{DIR}/scenario.toml:9:24: error: fund.administration_share: value out of range (got 1.5, "
       "expected a number in [0, 1])"},
      {"fund.administration_per_member -10", in("fund", "administration_per_member = -10"),
       "{DIR}/scenario.toml:9:29: error: fund.administration_per_member: value out of range (got "
       "-10, expected a number in [0, 1e+12])"},
      {"fund.government_subsidy -1", in("fund", "government_subsidy = -1"),
       "{DIR}/scenario.toml:9:22: error: fund.government_subsidy: value out of range (got -1, "
       "expected a number in [0, 1e+18])"},
      {"fund.scaled_premium_period 0", in("fund", "scaled_premium_period = 0"),
       "{DIR}/scenario.toml:9:25: error: fund.scaled_premium_period: value out of range (got 0, "
       "expected an integer in [1, 100])"},
      {"fund.terminal_reserve_years 101", in("fund", "terminal_reserve_years = 101"),
       "{DIR}/scenario.toml:9:26: error: fund.terminal_reserve_years: value out of range (got 101, "
       "expected a number in [0, 100])"},
      {"fund.replacement_rate_interval 0", in("fund", "replacement_rate_interval = 0"),
       "{DIR}/scenario.toml:9:29: error: fund.replacement_rate_interval: value out of range (got "
       "0, expected an integer in [1, 100])"},
      {"a schedule entry of a workforce key",
       in("coverage", "lapse_hazard = { 2020 = 0.25, 2023 = 1.25 }"),
       "{DIR}/scenario.toml:9:38: error: coverage.lapse_hazard.2023: value out of range (got "
       "1.25, expected a number in [0, 1])"},
      // The [[interventions]] keys, each in an entry of a type it applies to (both specs of the
      // keys that two sets of types share).
      {"interventions.start_year 1899", entry("district_office", "start_year = 1899"),
       "{DIR}/scenario.toml:26:14: error: interventions[0].start_year: value out of range (got "
       "1899, expected an integer in [1900, 2300])"},
      {"interventions.start_year 2301", entry("district_office", "start_year = 2301"),
       "{DIR}/scenario.toml:26:14: error: interventions[0].start_year: value out of range (got "
       "2301, expected an integer in [1900, 2300])"},
      {"interventions.end_year 2301", entry("district_office", "end_year = 2301"),
       "{DIR}/scenario.toml:26:12: error: interventions[0].end_year: value out of range (got 2301, "
       "expected an integer in [1900, 2300], or 0)"},
      {"interventions.age_min 14", entry("district_office", "age_min = 14"),
       "{DIR}/scenario.toml:26:11: error: interventions[0].age_min: value out of range (got 14, "
       "expected an integer in [15, 100])"},
      {"interventions.age_max 101", entry("district_office", "age_max = 101"),
       "{DIR}/scenario.toml:26:11: error: interventions[0].age_max: value out of range (got 101, "
       "expected an integer in [15, 100])"},
      {"interventions.setup_cost -1", entry("district_office", "setup_cost = -1"),
       "{DIR}/scenario.toml:26:14: error: interventions[0].setup_cost: value out of range (got -1, "
       "expected a number in [0, 1e+18])"},
      {"interventions.fixed_cost_per_year -1", entry("district_office", "fixed_cost_per_year = -1"),
       "{DIR}/scenario.toml:26:23: error: interventions[0].fixed_cost_per_year: value out of range "
       "(got -1, expected a number in [0, 1e+18])"},
      {"interventions.visits_per_year -1", entry("mobile_registration", "visits_per_year = -1"),
       "{DIR}/scenario.toml:26:19: error: interventions[0].visits_per_year: value out of range "
       "(got -1, expected a number in [0, 1e+10])"},
      {"interventions.persons_per_visit -1", entry("mobile_registration", "persons_per_visit = -1"),
       "{DIR}/scenario.toml:26:21: error: interventions[0].persons_per_visit: value out of range "
       "(got -1, expected a number in [0, 1e+10])"},
      {"interventions.turnout 1.5", entry("mobile_registration", "turnout = 1.5"),
       "{DIR}/scenario.toml:26:11: error: interventions[0].turnout: value out of range (got 1.5, "
       "expected a number in [0, 1])"},
      {"interventions.conversion -0.1", entry("mobile_registration", "conversion = -0.1"),
       "{DIR}/scenario.toml:26:14: error: interventions[0].conversion: value out of range (got "
       "-0.1, expected a number in [0, 1])"},
      {"interventions.payment_lapse_multiplier -0.5",
       entry("mobile_registration", "payment_lapse_multiplier = -0.5"),
       "{DIR}/scenario.toml:26:28: error: interventions[0].payment_lapse_multiplier: value out of "
       "range (got -0.5, expected a number in [0, 100])"},
      {"interventions.cost_per_visit -1", entry("mobile_registration", "cost_per_visit = -1"),
       "{DIR}/scenario.toml:26:18: error: interventions[0].cost_per_visit: value out of range (got "
       "-1, expected a number in [0, 1e+12])"},
      {"interventions.registration_increase 1.5",
       entry("district_office", "registration_increase = 1.5"),
       "{DIR}/scenario.toml:26:25: error: interventions[0].registration_increase: value out of "
       "range (got 1.5, expected a number in [0, 1])"},
      {"interventions.lapse_multiplier -1 (district_office)",
       entry("district_office", "lapse_multiplier = -1"),
       "{DIR}/scenario.toml:26:20: error: interventions[0].lapse_multiplier: value out of range "
       "(got -1, expected a number in [0, 100])"},
      {"interventions.lapse_multiplier -0.1 (digital_services)",
       entry("digital_services", "lapse_multiplier = -0.1"),
       "{DIR}/scenario.toml:26:20: error: interventions[0].lapse_multiplier: value out of range "
       "(got -0.1, expected a number in [0, 100])"},
      {"interventions.reactivation_multiplier -1",
       entry("digital_services", "reactivation_multiplier = -1"),
       "{DIR}/scenario.toml:26:27: error: interventions[0].reactivation_multiplier: value out of "
       "range (got -1, expected a number in [0, 100])"},
      {"interventions.registration_multiplier -1 (digital_services)",
       entry("digital_services", "registration_multiplier = -1"),
       "{DIR}/scenario.toml:26:27: error: interventions[0].registration_multiplier: value out of "
       "range (got -1, expected a number in [0, 100])"},
      {"interventions.density_increase 1.5", entry("digital_services", "density_increase = 1.5"),
       "{DIR}/scenario.toml:26:20: error: interventions[0].density_increase: value out of range "
       "(got 1.5, expected a number in [0, 1])"},
      {"interventions.access_share 1.5", entry("digital_services", "access_share = 1.5"),
       "{DIR}/scenario.toml:26:16: error: interventions[0].access_share: value out of range (got "
       "1.5, expected a number in [0, 1])"},
      {"interventions.cost_per_user -1", entry("digital_services", "cost_per_user = -1"),
       "{DIR}/scenario.toml:26:17: error: interventions[0].cost_per_user: value out of range (got "
       "-1, expected a number in [0, 1e+12])"},
      {"interventions.persons_reached_per_year -1",
       entry("information_outreach", "persons_reached_per_year = -1"),
       "{DIR}/scenario.toml:26:28: error: interventions[0].persons_reached_per_year: value out of "
       "range (got -1, expected a number in [0, 1e+10])"},
      {"interventions.awareness_decay 1.5", entry("information_outreach", "awareness_decay = 1.5"),
       "{DIR}/scenario.toml:26:19: error: interventions[0].awareness_decay: value out of range "
       "(got 1.5, expected a number in [0, 1])"},
      {"interventions.channel_multiplier -0.5",
       entry("information_outreach", "channel_multiplier = -0.5"),
       "{DIR}/scenario.toml:26:22: error: interventions[0].channel_multiplier: value out of range "
       "(got -0.5, expected a number in [0, 100])"},
      {"interventions.registration_multiplier -2 (information_outreach)",
       entry("information_outreach", "registration_multiplier = -2"),
       "{DIR}/scenario.toml:26:27: error: interventions[0].registration_multiplier: value out of "
       "range (got -2, expected a number in [0, 100])"},
      {"interventions.cost_per_person_reached -1",
       entry("information_outreach", "cost_per_person_reached = -1"),
       "{DIR}/scenario.toml:26:27: error: interventions[0].cost_per_person_reached: value out of "
       "range (got -1, expected a number in [0, 1e+12])"},
      {"interventions.subsidy_share 0", entry("contribution_subsidy", "subsidy_share = 0"),
       "{DIR}/scenario.toml:26:17: error: interventions[0].subsidy_share: value out of range (got "
       "0, expected a number in (0, 1])"},
      {"interventions.subsidy_share 1.5", entry("contribution_subsidy", "subsidy_share = 1.5"),
       "{DIR}/scenario.toml:26:17: error: interventions[0].subsidy_share: value out of range (got "
       "1.5, expected a number in (0, 1])"},
      {"interventions.years_per_member 0", entry("contribution_subsidy", "years_per_member = 0"),
       "{DIR}/scenario.toml:26:20: error: interventions[0].years_per_member: value out of range "
       "(got 0, expected an integer in [1, 50])"},
      {"interventions.years_per_member 51", entry("contribution_subsidy", "years_per_member = 51"),
       "{DIR}/scenario.toml:26:20: error: interventions[0].years_per_member: value out of range "
       "(got 51, expected an integer in [1, 50])"},
      {"interventions.registration_response -1",
       entry("contribution_subsidy", "registration_response = -1"),
       "{DIR}/scenario.toml:26:25: error: interventions[0].registration_response: value out of "
       "range (got -1, expected a number in [0, 100])"},
      {"interventions.lapse_response 1.5", entry("contribution_subsidy", "lapse_response = 1.5"),
       "{DIR}/scenario.toml:26:18: error: interventions[0].lapse_response: value out of range (got "
       "1.5, expected a number in [0, 1])"},
      {"interventions.lapse_multiplier_after -1",
       entry("contribution_subsidy", "lapse_multiplier_after = -1"),
       "{DIR}/scenario.toml:26:26: error: interventions[0].lapse_multiplier_after: value out of "
       "range (got -1, expected a number in [0, 100])"},
      {"interventions.inspected_share 1.5", entry("enforcement", "inspected_share = 1.5"),
       "{DIR}/scenario.toml:26:19: error: interventions[0].inspected_share: value out of range "
       "(got 1.5, expected a number in [0, 1])"},
      {"interventions.compliance_effect 1.5", entry("enforcement", "compliance_effect = 1.5"),
       "{DIR}/scenario.toml:26:21: error: interventions[0].compliance_effect: value out of range "
       "(got 1.5, expected a number in [0, 1])"},
      {"interventions.effect_decay -0.1", entry("enforcement", "effect_decay = -0.1"),
       "{DIR}/scenario.toml:26:16: error: interventions[0].effect_decay: value out of range (got "
       "-0.1, expected a number in [0, 1])"},
      {"interventions.underdeclaration_effect 2",
       entry("enforcement", "underdeclaration_effect = 2"),
       "{DIR}/scenario.toml:26:27: error: interventions[0].underdeclaration_effect: value out of "
       "range (got 2, expected a number in [0, 1])"},
      {"interventions.employees_per_inspection 0.5",
       entry("enforcement", "employees_per_inspection = 0.5"),
       "{DIR}/scenario.toml:26:28: error: interventions[0].employees_per_inspection: value out of "
       "range (got 0.5, expected a number in [1, 1e+10])"},
      {"interventions.cost_per_inspection -1", entry("enforcement", "cost_per_inspection = -1"),
       "{DIR}/scenario.toml:26:23: error: interventions[0].cost_per_inspection: value out of range "
       "(got -1, expected a number in [0, 1e+12])"},
      {"interventions.sanction_revenue_per_inspection -1",
       entry("enforcement", "sanction_revenue_per_inspection = -1"),
       "{DIR}/scenario.toml:26:35: error: interventions[0].sanction_revenue_per_inspection: value "
       "out of range (got -1, expected a number in [0, 1e+12])"},
      {"interventions.compliance 1.5", entry("domestic_worker_mandate", "compliance = 1.5"),
       "{DIR}/scenario.toml:26:14: error: interventions[0].compliance: value out of range (got "
       "1.5, expected a number in [0, 1])"},
      {"uncertain.mean 2e18", uncertain("normal", "mean = 2e18", "sd = 1.0"),
       "{DIR}/scenario.toml:9:8: error: uncertain[0].mean: value out of range (got 2e+18, "
       "expected a number in [-1e+18, 1e+18])"},
      {"uncertain.sd -1", uncertain("normal", "sd = -1.0", "mean = 1.0"),
       "{DIR}/scenario.toml:9:6: error: uncertain[0].sd: value out of range (got -1.0, expected "
       "a number in [0, 1e+18])"},
      {"uncertain.min -2e18 (uniform)", uncertain("uniform", "min = -2e18", "max = 1.0"),
       "{DIR}/scenario.toml:9:7: error: uncertain[0].min: value out of range (got -2e+18, "
       "expected a number in [-1e+18, 1e+18])"},
      {"uncertain.min -2e18 (beta)", uncertain("beta", "min = -2e18", "alpha = 1.0\nbeta = 1.0"),
       "{DIR}/scenario.toml:9:7: error: uncertain[0].min: value out of range (got -2e+18, "
       "expected a number in [-1e+18, 1e+18])"},
      {"uncertain.max 2e18 (uniform)", uncertain("uniform", "max = 2e18", "min = 1.0"),
       "{DIR}/scenario.toml:9:7: error: uncertain[0].max: value out of range (got 2e+18, "
       "expected a number in [-1e+18, 1e+18])"},
      {"uncertain.max 2e18 (beta)", uncertain("beta", "max = 2e18", "alpha = 1.0\nbeta = 1.0"),
       "{DIR}/scenario.toml:9:7: error: uncertain[0].max: value out of range (got 2e+18, "
       "expected a number in [-1e+18, 1e+18])"},
      {"uncertain.mode 2e18", uncertain("triangular", "mode = 2e18", "min = 1.0\nmax = 2.0"),
       "{DIR}/scenario.toml:9:8: error: uncertain[0].mode: value out of range (got 2e+18, "
       "expected a number in [-1e+18, 1e+18])"},
      {"uncertain.alpha 0", uncertain("beta", "alpha = 0.0", "beta = 1.0"),
       "{DIR}/scenario.toml:9:9: error: uncertain[0].alpha: value out of range (got 0.0, "
       "expected a number in (0, 1e+06])"},
      {"uncertain.beta 2e6", uncertain("beta", "beta = 2e6", "alpha = 1.0"),
       "{DIR}/scenario.toml:9:8: error: uncertain[0].beta: value out of range (got 2e+06, "
       "expected a number in (0, 1e+06])"},
      {"a schedule entry of an intervention key",
       entry("mobile_registration", "visits_per_year = { 2021 = 10, 2023 = -5 }"),
       "{DIR}/scenario.toml:26:39: error: interventions[0].visits_per_year.2023: value out of "
       "range "
       "(got -5, expected a number in [0, 1e+10])"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      const fs::path file = write_scenario(dir, c.text);
      if (c.text.find("[[interventions]]") != std::string::npos) {
        ssproj::testing::write_workforce_tables(dir);
      }
      CHECK(errors_of(file) == Lines{at(c.expected, dir.path())});
    }
  }
}

TEST_CASE("demographic multipliers may not push a probability above 1", "[scenario]") {
  // The small tables have m = 0.01 at every age and ASFR 0.05 at 15-49.
  TempDir dir;
  SECTION("mortality: m x multiplier above 2") {
    // m = 0.04 at every age, so that a multiplier within its range [0, 100] reaches the limit.
    ssproj::testing::SmallDataOptions data;
    data.last_year = 2025;
    data.mx = 0.04;
    ssproj::testing::write_small_scenario(dir, data);
    const fs::path file = dir.write(
        "scenario.toml",
        scenario_text("start_year = 2020\nend_year = 2025\n",
                      "[demography]\nmortality_multiplier = { 2020 = 1.0, 2023 = 62.5 }\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:24: error: demography.mortality_multiplier: multiplied "
                   "rate out of range (got 62.5 x 0.04 = 2.5 in 2023, expected a multiplier that "
                   "keeps every rate <= 2)",
                   dir.path())});
  }
  SECTION("fertility: ASFR x multiplier above 1") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n",
                                          "[demography]\nfertility_multiplier = 21\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:24: error: demography.fertility_multiplier: multiplied "
                   "rate out of range (got 21 x 0.05 = 1.05 in 2020, expected a multiplier that "
                   "keeps every rate <= 1)",
                   dir.path())});
  }
  SECTION("a large multiplier that stays below the limits is fine") {
    const fs::path file = write_scenario(
        dir,
        scenario_text("start_year = 2020\nend_year = 2025\n",
                      "[demography]\nmortality_multiplier = 100\nfertility_multiplier = 20\n\n"));
    CHECK_NOTHROW(load_scenario(file));
  }
}

TEST_CASE("every numeric key of the schema is covered by the range test", "[scenario]") {
  // Guards the test above: a numeric key added to the schema needs a range case there.
  // (coverage.compliance_factor_by_region, named by the regions table, has its range case
  // with the workforce tables below.) A key of [[interventions]] with one spec for some types
  // and another for others (lapse_multiplier, registration_multiplier) is listed once per spec,
  // and has a range case for each.
  std::vector<std::string> numeric;
  for (const ssproj::scenario::KeySpec& k : ssproj::scenario::scenario_keys()) {
    using ssproj::scenario::Kind;
    if (k.kind == Kind::kInteger || k.kind == Kind::kNumber || k.kind == Kind::kNumberOrSchedule ||
        k.kind == Kind::kNamedSchedules) {
      numeric.emplace_back(k.path);
    }
  }
  CHECK(numeric == std::vector<std::string>{"schema_version",
                                            "projection.start_year",
                                            "projection.end_year",
                                            "projection.seed",
                                            "projection.sample_fraction",
                                            "projection.replications",
                                            "demography.mortality_multiplier",
                                            "demography.fertility_multiplier",
                                            "demography.migration_multiplier",
                                            "economy.inflation",
                                            "economy.real_wage_growth",
                                            "economy.gdp",
                                            "economy.real_gdp_growth",
                                            "economy.social_discount_rate",
                                            "economy.minimum_wage",
                                            "labour.formalisation_shift",
                                            "labour.earnings_dispersion",
                                            "coverage.compliance.public_employee",
                                            "coverage.compliance.formal_private_employee",
                                            "coverage.compliance.domestic_worker",
                                            "coverage.compliance_factor_by_region",
                                            "coverage.domestic_worker_mandate_year",
                                            "coverage.underdeclaration",
                                            "coverage.registration_hazard",
                                            "coverage.lapse_hazard",
                                            "coverage.reactivation_hazard",
                                            "coverage.density_compulsory",
                                            "coverage.density_voluntary",
                                            "coverage.initial_voluntary_members",
                                            "coverage.initial_voluntary_active_share",
                                            "coverage.insured_window_years",
                                            "coverage.history_start_year_compulsory",
                                            "coverage.history_start_year_voluntary",
                                            "contributions.private_employer_rate",
                                            "contributions.private_employee_rate",
                                            "contributions.public_employee_rate",
                                            "contributions.public_state_rate",
                                            "contributions.voluntary_rate",
                                            "contributions.ceiling",
                                            "contributions.ceiling_multiple_of_minimum_wage",
                                            "contributions.voluntary_declared_multiple",
                                            "benefits.old_age.pensionable_age_male",
                                            "benefits.old_age.pensionable_age_female",
                                            "benefits.old_age.minimum_months",
                                            "benefits.old_age.accrual",
                                            "benefits.old_age.reference_years",
                                            "benefits.old_age.minimum_pension",
                                            "benefits.old_age.maximum_replacement",
                                            "benefits.old_age.fixed_indexation",
                                            "benefits.old_age.lump_sum_months_per_year",
                                            "benefits.old_age.claim_probability",
                                            "benefits.old_age.initial_pensioners",
                                            "benefits.old_age.initial_average_pension",
                                            "benefits.private.minimum_months",
                                            "benefits.private.accrual",
                                            "benefits.private.reference_years",
                                            "benefits.private.lump_sum_months_per_year",
                                            "benefits.voluntary.minimum_months",
                                            "benefits.voluntary.accrual",
                                            "benefits.voluntary.reference_years",
                                            "benefits.voluntary.lump_sum_months_per_year",
                                            "benefits.civil_servant.minimum_months",
                                            "benefits.civil_servant.accrual",
                                            "benefits.civil_servant.reference_years",
                                            "benefits.civil_servant.lump_sum_months_per_year",
                                            "benefits.invalidity.minimum_months",
                                            "benefits.invalidity.future_service_credit",
                                            "benefits.survivors.minimum_months",
                                            "benefits.survivors.spouse_share",
                                            "benefits.survivors.child_share",
                                            "benefits.survivors.funeral_grant",
                                            "benefits.sickness.incidence",
                                            "benefits.sickness.duration_days",
                                            "benefits.sickness.replacement",
                                            "benefits.employment_injury.incidence",
                                            "benefits.employment_injury.duration_days",
                                            "benefits.employment_injury.replacement",
                                            "benefits.unemployment.incidence",
                                            "benefits.unemployment.duration_days",
                                            "benefits.unemployment.replacement",
                                            "benefits.maternity.duration_days",
                                            "benefits.maternity.replacement",
                                            "benefits.health_care.cost_per_member",
                                            "benefits.health_care.medical_inflation_excess",
                                            "fund.initial_reserve",
                                            "fund.initial_reserve_share.private",
                                            "fund.initial_reserve_share.voluntary",
                                            "fund.initial_reserve_share.civil_servant",
                                            "fund.investment_return",
                                            "fund.allocation.old_age",
                                            "fund.allocation.invalidity",
                                            "fund.allocation.survivors",
                                            "fund.allocation.sickness",
                                            "fund.allocation.maternity",
                                            "fund.allocation.employment_injury",
                                            "fund.allocation.unemployment",
                                            "fund.allocation.health_care",
                                            "fund.administration_share",
                                            "fund.administration_per_member",
                                            "fund.government_subsidy",
                                            "fund.scaled_premium_period",
                                            "fund.terminal_reserve_years",
                                            "fund.replacement_rate_interval",
                                            "interventions.start_year",
                                            "interventions.end_year",
                                            "interventions.age_min",
                                            "interventions.age_max",
                                            "interventions.setup_cost",
                                            "interventions.fixed_cost_per_year",
                                            "uncertain.mean",
                                            "uncertain.sd",
                                            "uncertain.min",
                                            "uncertain.min",
                                            "uncertain.max",
                                            "uncertain.max",
                                            "uncertain.mode",
                                            "uncertain.alpha",
                                            "uncertain.beta",
                                            "interventions.visits_per_year",
                                            "interventions.persons_per_visit",
                                            "interventions.turnout",
                                            "interventions.conversion",
                                            "interventions.payment_lapse_multiplier",
                                            "interventions.cost_per_visit",
                                            "interventions.registration_increase",
                                            "interventions.lapse_multiplier",
                                            "interventions.persons_reached_per_year",
                                            "interventions.awareness_decay",
                                            "interventions.channel_multiplier",
                                            "interventions.registration_multiplier",
                                            "interventions.cost_per_person_reached",
                                            "interventions.subsidy_share",
                                            "interventions.years_per_member",
                                            "interventions.registration_response",
                                            "interventions.lapse_response",
                                            "interventions.lapse_multiplier_after",
                                            "interventions.inspected_share",
                                            "interventions.compliance_effect",
                                            "interventions.effect_decay",
                                            "interventions.underdeclaration_effect",
                                            "interventions.employees_per_inspection",
                                            "interventions.cost_per_inspection",
                                            "interventions.sanction_revenue_per_inspection",
                                            "interventions.lapse_multiplier",
                                            "interventions.reactivation_multiplier",
                                            "interventions.registration_multiplier",
                                            "interventions.density_increase",
                                            "interventions.access_share",
                                            "interventions.cost_per_user",
                                            "interventions.compliance"});
}

// ---------------------------------------------------------------------------------------------
// Cross-field checks

TEST_CASE("end_year must be after start_year", "[scenario]") {
  TempDir dir;
  SECTION("equal") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2020\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:6:12: error: projection.end_year: end year is not after "
                   "the start year (got 2020, expected a year > projection.start_year (2020))",
                   dir.path())});
  }
  SECTION("before") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2024\nend_year = 2021\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:6:12: error: projection.end_year: end year is not after "
                   "the start year (got 2021, expected a year > projection.start_year (2024))",
                   dir.path())});
  }
}

TEST_CASE("start_year before the base population's year is an error", "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, scenario_text("start_year = 2019\nend_year = 2025\n"));
  CHECK(errors_of(file) ==
        Lines{at("{DIR}/scenario.toml:5:14: error: projection.start_year: starts before the base "
                 "population (got 2019, expected a year >= 2020 (the year of "
                 "data.base_population))",
                 dir.path())});
}

TEST_CASE("a data file that does not exist is an error at its key", "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n"));
  fs::remove(dir.path() / "data/mortality.csv");
  fs::remove(dir.path() / "data/net_migration.csv");
  CHECK(errors_of(file) ==
        Lines{at("{DIR}/scenario.toml:10:13: error: data.mortality: data file not found (got "
                 "\"data/mortality.csv\", expected an existing CSV file, relative to the scenario "
                 "file (resolved to {DIR}/data/mortality.csv))",
                 dir.path()),
              at("{DIR}/scenario.toml:13:17: error: data.net_migration: data file not found (got "
                 "\"data/net_migration.csv\", expected an existing CSV file, relative to the "
                 "scenario file (resolved to {DIR}/data/net_migration.csv))",
                 dir.path())});
}

TEST_CASE("data tables must cover the base year to end_year", "[scenario]") {
  TempDir dir;
  SECTION("every yearly table ends too early") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2026\n"));
    const std::string expected =
        " (got years 2020-2025, expected years 2020-2026 (base population year to "
        "projection.end_year))";
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:10:13: error: data.mortality: table does not cover the "
                   "projection" +
                       expected,
                   dir.path()),
                at("{DIR}/scenario.toml:11:13: error: data.fertility: table does not cover the "
                   "projection" +
                       expected,
                   dir.path()),
                at("{DIR}/scenario.toml:12:22: error: data.sex_ratio_at_birth: table does not "
                   "cover the projection" +
                       expected,
                   dir.path()),
                at("{DIR}/scenario.toml:13:17: error: data.net_migration: table does not cover "
                   "the projection" +
                       expected,
                   dir.path())});
  }
  SECTION("one table starts after the base year") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2021\nend_year = 2025\n"));
    dir.write("data/sex_ratio_at_birth.csv",
              "year,sex_ratio_at_birth\n2021,1.05\n2022,1.05\n2023,1.05\n2024,1.05\n2025,1.05\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:12:22: error: data.sex_ratio_at_birth: table does not "
                   "cover the projection (got years 2021-2025, expected years 2020-2025 (base "
                   "population year to projection.end_year))",
                   dir.path())});
  }
}

TEST_CASE("every problem of a scenario is reported at once", "[scenario]") {
  TempDir dir;
  SECTION("three different errors in one file give three diagnostics") {
    const fs::path file =
        write_scenario(dir,
                       "schema_version = 1\nname = \"small\"\ncolour = \"blue\"\n\n[projection]\n"
                       "start_year = 2020\nend_year = 2025\nsample_fraction = 2\n\n[demography]\n"
                       "fertility_multiplier = \"high\"\n\n" +
                           kDataSection);
    CHECK(
        errors_of(file) ==
        Lines{
            at("{DIR}/scenario.toml:3:1: error: colour: unknown key (got \"colour\", "
               "expected one of the keys of the top level)",
               dir.path()),
            at("{DIR}/scenario.toml:8:19: error: projection.sample_fraction: value out of "
               "range (got 2, expected a number in (0, 1])",
               dir.path()),
            at("{DIR}/scenario.toml:11:24: error: demography.fertility_multiplier: wrong "
               "type (got \"high\", expected a number in [0, 100], or a schedule { YEAR = number, "
               "... })",
               dir.path())});
  }
  SECTION("errors in the scenario file and in a data table together") {
    const fs::path file = write_scenario(
        dir, scenario_text("start_year = 2020\nend_year = 2025\nreplications = 0\n"));
    dir.write("data/sex_ratio_at_birth.csv",
              "year,sex_ratio_at_birth\n2020,1.05\n2021,9\n2022,1.05\n2023,1.05\n2024,1.05\n"
              "2025,1.05\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:7:16: error: projection.replications: value out of range "
                   "(got 0, expected an integer in [1, 10000])",
                   dir.path()),
                at("{DIR}/data/sex_ratio_at_birth.csv:3:6: error: sex_ratio_at_birth: value out "
                   "of range (got 9, expected a number in [0.5, 2])",
                   dir.path())});
  }
}

// ---------------------------------------------------------------------------------------------
// extends

namespace {

// dir/base/deeper/grand.toml <- dir/base/mid.toml <- dir/child/child.toml, with the data tables
// in dir/data, named only by grand.toml. Returns the child's path.
fs::path write_chain(const TempDir& dir) {
  ssproj::testing::write_small_scenario(dir, kData);
  dir.write("base/deeper/grand.toml",
            "schema_version = 1\n"
            "name = \"grand\"\n"
            "description = \"the grandparent\"\n"
            "\n"
            "[projection]\n"
            "start_year = 2020\n"
            "end_year = 2025\n"
            "seed = 7\n"
            "sample_fraction = 0.5\n"
            "\n"
            "[data]\n"
            "base_population = \"../../data/base_population.csv\"\n"
            "mortality = \"../../data/mortality.csv\"\n"
            "fertility = \"../../data/fertility.csv\"\n"
            "sex_ratio_at_birth = \"../../data/sex_ratio_at_birth.csv\"\n"
            "net_migration = \"../../data/net_migration.csv\"\n"
            "\n"
            "[demography]\n"
            "mortality_multiplier = { 2020 = 1.0, 2024 = 0.5, interpolation = \"linear\" }\n"
            "migration_multiplier = 2.0\n");
  dir.write("base/mid.toml",
            "extends = \"deeper/grand.toml\"\n"
            "name = \"mid\"\n"
            "\n"
            "[projection]\n"
            "end_year = 2024\n"
            "\n"
            "[demography]\n"
            "mortality_multiplier = { 2020 = 0.75 }\n"
            "fertility_multiplier = 1.25\n");
  return dir.write("child/child.toml",
                   "extends = \"../base/mid.toml\"\n"
                   "description = \"the child\"\n"
                   "\n"
                   "[projection]\n"
                   "replications = 3\n");
}

}  // namespace

TEST_CASE("extends: a chain of three files in different directories merges deeply", "[scenario]") {
  TempDir dir;
  const fs::path child = write_chain(dir);
  const Scenario s = load_scenario(child);
  CHECK(s.file == child);
  CHECK(s.name == "mid");                  // mid overrides grand
  CHECK(s.description == "the child");     // child overrides grand
  CHECK(s.projection.start_year == 2020);  // from grand
  CHECK(s.projection.end_year == 2024);    // mid overrides grand
  CHECK(s.projection.seed == 7);           // from grand
  CHECK(s.projection.sample_fraction == 0.5);
  CHECK(s.projection.replications == 3);  // from child
  // The schedule in mid replaces grand's whole: one point, step, no "linear" left over.
  CHECK(s.demography.mortality_multiplier ==
        Schedule({{2020, 0.75}}, Schedule::Interpolation::kStep));
  CHECK(s.demography.fertility_multiplier == Schedule::constant(1.25));
  CHECK(s.demography.migration_multiplier == Schedule::constant(2.0));
  // Data paths written in grand.toml are relative to grand.toml's directory.
  CHECK(s.data.mortality == dir.path() / "data/mortality.csv");
  CHECK(s.data.net_migration == dir.path() / "data/net_migration.csv");
  CHECK(s.inputs.last_year == 2024);

  // The resolved scenario: merged, defaults filled in, data paths relative to child/.
  // In the order of the key table, whatever order the files give (so that the same values give
  // the same resolved_sha256); numbers as their shortest text.
  CHECK(s.resolved_toml ==
        "schema_version = 1\n"
        "name = \"mid\"\n"
        "description = \"the child\"\n"
        "\n"
        "[projection]\n"
        "start_year = 2020\n"
        "end_year = 2024\n"
        "seed = 7\n"
        "sample_fraction = 0.5\n"
        "replications = 3\n"
        "prices = \"current\"\n"
        "stages = \"all\"\n"
        "sampling = \"random\"\n"
        "\n"
        "[data]\n"
        "base_population = \"../data/base_population.csv\"\n"
        "mortality = \"../data/mortality.csv\"\n"
        "fertility = \"../data/fertility.csv\"\n"
        "sex_ratio_at_birth = \"../data/sex_ratio_at_birth.csv\"\n"
        "net_migration = \"../data/net_migration.csv\"\n"
        "\n"
        "[demography]\n"
        "mortality_multiplier = { 2020 = 0.75 }\n"
        "fertility_multiplier = 1.25\n"
        "migration_multiplier = 2.0\n"
        "mortality_measure = \"mx\"\n"
        "birth_timing = \"exposure\"\n");
}

TEST_CASE("extends: a data path given in the child is relative to the child", "[scenario]") {
  TempDir dir;
  const fs::path child = write_chain(dir);
  dir.write("child/own/mortality.csv", read_file(dir.path() / "data/mortality.csv"));
  dir.write("child/child.toml",
            "extends = \"../base/mid.toml\"\n[data]\nmortality = \"own/mortality.csv\"\n");
  const Scenario s = load_scenario(child);
  CHECK(s.data.mortality == dir.path() / "child/own/mortality.csv");
  CHECK(s.data.fertility == dir.path() / "data/fertility.csv");
  CHECK(s.resolved_toml.find("mortality = \"own/mortality.csv\"\n") != std::string::npos);
  CHECK(s.resolved_toml.find("fertility = \"../data/fertility.csv\"\n") != std::string::npos);
}

TEST_CASE("extends: errors are located in the file that has them", "[scenario]") {
  TempDir dir;
  const fs::path child = write_chain(dir);
  SECTION("a bad value in the base file") {
    dir.write("base/mid.toml", "extends = \"deeper/grand.toml\"\n[projection]\nseed = -3\n");
    CHECK(errors_of(child) ==
          Lines{at("{DIR}/base/mid.toml:3:8: error: projection.seed: value out of range (got -3, "
                   "expected an integer in [0, 9223372036854775807])",
                   dir.path())});
  }
  SECTION("a missing data file named in the grandparent") {
    fs::remove(dir.path() / "data/fertility.csv");
    CHECK(errors_of(child) ==
          Lines{at("{DIR}/base/deeper/grand.toml:14:13: error: data.fertility: data file not "
                   "found (got \"../../data/fertility.csv\", expected an existing CSV file, "
                   "relative to the scenario file (resolved to {DIR}/data/fertility.csv))",
                   dir.path())});
  }
  SECTION("a syntax error in the base file") {
    dir.write("base/mid.toml", "extends = \"deeper/grand.toml\"\nname = = 3\n");
    CHECK(errors_of(child) ==
          Lines{at("{DIR}/base/mid.toml:2:8: error: TOML syntax error: Error while parsing "
                   "value: could not determine value type",
                   dir.path())});
  }
}

TEST_CASE("extends: bad references are errors", "[scenario]") {
  TempDir dir;
  SECTION("file not found") {
    const fs::path file = dir.write("a.toml", "extends = \"nope.toml\"\nname = \"a\"\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/a.toml:1:11: error: extends: file not found (got \"nope.toml\", "
                   "expected a scenario file relative to {DIR})",
                   dir.path())});
  }
  SECTION("wrong type") {
    const fs::path file = dir.write("a.toml", "name = \"a\"\nextends = [\"b.toml\"]\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/a.toml:2:11: error: extends: wrong type (got an array, expected a path "
                   "to a scenario file, relative to this file)",
                   dir.path())});
  }
  SECTION("a file that extends itself") {
    const fs::path file = dir.write("a.toml", "extends = \"a.toml\"\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/a.toml:1:11: error: extends: cycle in the extends chain (got a.toml -> "
                   "a.toml, expected a chain of files that ends)",
                   dir.path())});
  }
  SECTION("a cycle of three files across directories") {
    const fs::path file = dir.write("a.toml", "extends = \"sub/b.toml\"\n");
    dir.write("sub/b.toml", "extends = \"../c.toml\"\n");
    dir.write("c.toml", "name = \"c\"\nextends = \"./a.toml\"\n");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/c.toml:2:11: error: extends: cycle in the extends chain (got a.toml -> "
                   "b.toml -> c.toml -> a.toml, expected a chain of files that ends)",
                   dir.path())});
  }
}

TEST_CASE("merge_into: tables merge deeply, arrays and inline tables are replaced whole",
          "[scenario]") {
  toml::table base = toml::parse(
      "a = 1\nlist = [1, 2, 3]\ninline = { x = 1, y = 2 }\n[t]\nkeep = 1\nchange = 1\n"
      "[t.sub]\nkeep = 1\n");
  toml::table overlay = toml::parse(
      "b = 2\nlist = [9]\ninline = { x = 5 }\n[t]\nchange = 2\nadd = 3\n[t.sub]\nnew = 4\n");
  ssproj::scenario::merge_into(base, std::move(overlay));
  CHECK(base["a"].value<int>() == 1);
  CHECK(base["b"].value<int>() == 2);
  REQUIRE(base["list"].as_array() != nullptr);
  CHECK(base["list"].as_array()->size() == 1);
  CHECK(base["list"][0].value<int>() == 9);
  REQUIRE(base["inline"].as_table() != nullptr);
  CHECK(base["inline"].as_table()->size() == 1);  // y is gone
  CHECK(base["inline"]["x"].value<int>() == 5);
  CHECK(base["t"]["keep"].value<int>() == 1);
  CHECK(base["t"]["change"].value<int>() == 2);
  CHECK(base["t"]["add"].value<int>() == 3);
  CHECK(base["t"]["sub"]["keep"].value<int>() == 1);
  CHECK(base["t"]["sub"]["new"].value<int>() == 4);
}

// ---------------------------------------------------------------------------------------------
// Schedules (number or schedule)

TEST_CASE("a multiplier can be a scalar, a step schedule or a linear schedule", "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(
      dir, scenario_text("start_year = 2020\nend_year = 2025\n",
                         "[demography]\n"
                         "mortality_multiplier = { 2020 = 1.0, 2023 = 0.5 }\n"
                         "fertility_multiplier = { 2024 = 0.5, 2020 = 1.0, interpolation = "
                         "\"linear\" }\n"
                         "migration_multiplier = 3\n\n"));
  const Scenario s = load_scenario(file);
  const Schedule& m = s.demography.mortality_multiplier;
  CHECK(m.interpolation() == Schedule::Interpolation::kStep);
  CHECK(m.at(2019) == 1.0);
  CHECK(m.at(2022) == 1.0);
  CHECK(m.at(2023) == 0.5);
  CHECK(m.at(2025) == 0.5);
  const Schedule& f = s.demography.fertility_multiplier;
  CHECK(f.interpolation() == Schedule::Interpolation::kLinear);
  CHECK(f.points() == std::vector<std::pair<int, double>>{{2020, 1.0}, {2024, 0.5}});
  CHECK(f.at(2022) == Approx(0.75));
  CHECK(f.at(2030) == 0.5);
  CHECK(s.demography.migration_multiplier == Schedule::constant(3.0));
}

TEST_CASE("a schedule may be written as a [table] and with interpolation = \"step\"",
          "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(
      dir, scenario_text("start_year = 2021\nend_year = 2025\n",
                         "[demography.mortality_multiplier]\n2020 = 1.0\n2025 = 0.25\n"
                         "interpolation = \"step\"\n\n"));
  const Scenario s = load_scenario(file);
  CHECK(s.demography.mortality_multiplier ==
        Schedule({{2020, 1.0}, {2025, 0.25}}, Schedule::Interpolation::kStep));
}

TEST_CASE("schedule errors", "[scenario]") {
  TempDir dir;
  struct Case {
    const char* name;
    std::string line;  // line 9, after [demography] on line 8
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"a key that is not a year",
       "mortality_multiplier = { 2020 = 1.0, soon = 0.5 }",
       {"{DIR}/scenario.toml:9:38: error: demography.mortality_multiplier: schedule key is not "
        "a year (got \"soon\", expected a year in [1900, 2300] or \"interpolation\")"}},
      {"a year out of range",
       "mortality_multiplier = { 1850 = 1.0, 2020 = 1.0 }",
       {"{DIR}/scenario.toml:9:26: error: demography.mortality_multiplier: schedule key is not "
        "a year (got \"1850\", expected a year in [1900, 2300] or \"interpolation\")"}},
      {"bad interpolation",
       "fertility_multiplier = { 2020 = 1.0, interpolation = \"cubic\" }",
       {"{DIR}/scenario.toml:9:54: error: demography.fertility_multiplier.interpolation: unknown "
        "interpolation (got \"cubic\", expected \"step\" or \"linear\")"}},
      {"interpolation of the wrong type",
       "fertility_multiplier = { 2020 = 1.0, interpolation = 1 }",
       {"{DIR}/scenario.toml:9:54: error: demography.fertility_multiplier.interpolation: unknown "
        "interpolation (got 1, expected \"step\" or \"linear\")"}},
      {"an empty schedule",
       "migration_multiplier = {}",
       {"{DIR}/scenario.toml:9:24: error: demography.migration_multiplier: schedule has no "
        "years (got {}, expected at least one YEAR = value entry)"}},
      {"an entry out of range",
       "mortality_multiplier = { 2020 = 1.0, 2025 = -0.8 }",
       {"{DIR}/scenario.toml:9:45: error: demography.mortality_multiplier.2025: value out of "
        "range (got -0.8, expected a number in [0, 100])"}},
      {"an entry of the wrong type",
       "fertility_multiplier = { 2020 = \"high\" }",
       {"{DIR}/scenario.toml:9:33: error: demography.fertility_multiplier.2020: wrong type (got "
        "\"high\", expected a number in [0, 100])"}},
      {"a schedule starting after start_year",
       "mortality_multiplier = { 2022 = 1.0, 2024 = 0.9 }",
       {"{DIR}/scenario.toml:9:24: error: demography.mortality_multiplier: schedule starts after "
        "the projection (got first year 2022, expected a first year <= projection.start_year "
        "(2020))"}},
      {"the same year twice",
       "mortality_multiplier = { 2020 = 1.0, 02020 = 0.5 }",
       {"{DIR}/scenario.toml:9:26: error: demography.mortality_multiplier: duplicate year in "
        "schedule (got \"2020\" and \"02020\", expected each year at most once)"}},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      const fs::path file =
          write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n",
                                            "[demography]\n" + c.line + "\n\n"));
      Lines expected;
      for (const std::string& e : c.expected) expected.push_back(at(e, dir.path()));
      CHECK(errors_of(file) == expected);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Command-line overrides

TEST_CASE("overrides replace the scenario's values", "[scenario]") {
  TempDir dir;
  // The file's own sample_fraction is invalid, but the override replaces it.
  const fs::path file = write_scenario(
      dir, scenario_text("start_year = 2020\nend_year = 2025\nsample_fraction = 2\n"));
  ScenarioOverrides o;
  o.seed = std::numeric_limits<std::int64_t>::max();
  o.replications = 4;
  o.sample_fraction = 0.25;
  const Scenario s = load_scenario(file, o);
  CHECK(s.projection.seed == 9223372036854775807ULL);
  CHECK(s.projection.replications == 4);
  CHECK(s.projection.sample_fraction == 0.25);
  CHECK(s.resolved_toml.find("seed = 9223372036854775807\n") != std::string::npos);
  CHECK(s.resolved_toml.find("replications = 4\n") != std::string::npos);
  CHECK(s.resolved_toml.find("sample_fraction = 0.25\n") != std::string::npos);
}

TEST_CASE("overrides are validated like scenario values, located at the command line",
          "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n"));
  ScenarioOverrides o;
  std::string expected;
  SECTION("sample_fraction 0") {
    o.sample_fraction = 0.0;
    expected =
        "command line: error: projection.sample_fraction: value out of range (got 0.0, "
        "expected a number in (0, 1])";
  }
  SECTION("sample_fraction 1.5") {
    o.sample_fraction = 1.5;
    expected =
        "command line: error: projection.sample_fraction: value out of range (got 1.5, "
        "expected a number in (0, 1])";
  }
  SECTION("sample_fraction NaN") {
    o.sample_fraction = std::nan("");
    expected =
        "command line: error: projection.sample_fraction: value out of range (got nan, "
        "expected a number in (0, 1])";
  }
  SECTION("replications 0") {
    o.replications = 0;
    expected =
        "command line: error: projection.replications: value out of range (got 0, expected "
        "an integer in [1, 10000])";
  }
  SECTION("replications -2") {
    o.replications = -2;
    expected =
        "command line: error: projection.replications: value out of range (got -2, expected "
        "an integer in [1, 10000])";
  }
  SECTION("a seed beyond the largest TOML integer is not wrapped around") {
    o.seed = std::numeric_limits<std::uint64_t>::max();
    expected =
        "command line: error: projection.seed: value out of range (got "
        "18446744073709551615, expected an integer in [0, 9223372036854775807])";
  }
  CHECK(errors_of(file, o) == Lines{expected});
}

TEST_CASE("overrides and file errors are reported together", "[scenario]") {
  TempDir dir;
  const fs::path file =
      write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\nreplications = 0\n"));
  ScenarioOverrides o;
  o.sample_fraction = -1;
  CHECK(errors_of(file, o) ==
        Lines{at("{DIR}/scenario.toml:7:16: error: projection.replications: value out of range "
                 "(got 0, expected an integer in [1, 10000])",
                 dir.path()),
              "command line: error: projection.sample_fraction: value out of range (got "
              "-1.0, expected a number in (0, 1])"});
}

TEST_CASE("an override does not hide a missing [projection] table", "[scenario]") {
  TempDir dir;
  const fs::path file =
      write_scenario(dir, "schema_version = 1\nname = \"small\"\n" + kDataSection);
  ScenarioOverrides o;
  o.seed = 3;
  o.replications = 2;
  CHECK(errors_of(file, o) ==
        Lines{at("{DIR}/scenario.toml:1:1: error: projection: required table is missing "
                 "(expected a table [projection])",
                 dir.path())});
}

// ---------------------------------------------------------------------------------------------
// The resolved scenario (what `ssproj describe` prints)

TEST_CASE("resolved_toml has every default filled in", "[scenario]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, scenario_text("start_year = 2021\nend_year = 2025\n"));
  const Scenario s = load_scenario(file);
  CHECK(s.resolved_toml ==
        "schema_version = 1\n"
        "name = \"small\"\n"
        "description = \"\"\n"
        "\n"
        "[projection]\n"
        "start_year = 2021\n"
        "end_year = 2025\n"
        "seed = 1\n"
        "sample_fraction = 1.0\n"
        "replications = 1\n"
        "prices = \"current\"\n"
        "stages = \"all\"\n"
        "sampling = \"random\"\n"
        "\n"
        "[data]\n"
        "base_population = \"data/base_population.csv\"\n"
        "mortality = \"data/mortality.csv\"\n"
        "fertility = \"data/fertility.csv\"\n"
        "sex_ratio_at_birth = \"data/sex_ratio_at_birth.csv\"\n"
        "net_migration = \"data/net_migration.csv\"\n"
        "\n"
        "[demography]\n"
        "mortality_multiplier = 1.0\n"
        "fertility_multiplier = 1.0\n"
        "migration_multiplier = 1.0\n"
        "mortality_measure = \"mx\"\n"
        "birth_timing = \"exposure\"\n");
}

TEST_CASE("resolved_toml saved next to the scenario loads to the same resolved_toml",
          "[scenario]") {
  TempDir dir;
  SECTION("a single file with schedules") {
    const fs::path file = write_scenario(
        dir, scenario_text("start_year = 2020\nend_year = 2025\nseed = 42\n",
                           "[demography]\nmortality_multiplier = { 2020 = 1.0, 2023 = 0.9, "
                           "interpolation = \"linear\" }\n"
                           "[demography.fertility_multiplier]\n2020 = 1.0\n2022 = 1.1\n\n"));
    const Scenario s = load_scenario(file);
    const fs::path described = dir.write("described.toml", s.resolved_toml);
    const Scenario again = load_scenario(described);
    CHECK(again.resolved_toml == s.resolved_toml);
    CHECK(again.demography.mortality_multiplier == s.demography.mortality_multiplier);
    CHECK(again.demography.fertility_multiplier == s.demography.fertility_multiplier);
    CHECK(again.data.mortality == s.data.mortality);
    CHECK(again.projection.seed == 42);
  }
  SECTION("an extends chain across directories, saved in the child's directory") {
    const fs::path child = write_chain(dir);
    const Scenario s = load_scenario(child);
    const fs::path described = dir.write("child/described.toml", s.resolved_toml);
    const Scenario again = load_scenario(described);
    CHECK(again.resolved_toml == s.resolved_toml);
    CHECK(again.data.mortality == s.data.mortality);
    CHECK(again.demography.mortality_multiplier == s.demography.mortality_multiplier);
  }
  SECTION("with overrides applied") {
    const fs::path file =
        write_scenario(dir, scenario_text("start_year = 2020\nend_year = 2025\n"));
    ScenarioOverrides o;
    o.replications = 5;
    const Scenario s = load_scenario(file, o);
    const Scenario again = load_scenario(dir.write("described.toml", s.resolved_toml));
    CHECK(again.projection.replications == 5);
    CHECK(again.resolved_toml == s.resolved_toml);
  }
}

// ---------------------------------------------------------------------------------------------
// The workforce: tables in [data] and the [economy], [labour], [coverage] and [contributions]
// sections

namespace {

using ssproj::testing::SmallWorkforce;

// A scenario text that also names the workforce tables, after the demographic ones in [data]
// (on lines 14-18 when `more` is empty), and then has a [fund.allocation].
std::string workforce_text(const std::string& projection, const std::string& more = "") {
  return scenario_text(projection, more) + ssproj::testing::kWorkforceDataKeys +
         ssproj::testing::kFundAllocation;
}

// Writes the demographic and the workforce tables into `dir`, then `text` as scenario.toml.
fs::path write_workforce_scenario(const TempDir& dir, const std::string& text,
                                  const SmallWorkforce& workforce = {}) {
  SmallDataOptions data = kData;
  data.workforce = workforce;
  ssproj::testing::write_small_scenario(dir, data, "start_year = 2020\nend_year = 2025\n");
  return dir.write("scenario.toml", text);
}

constexpr auto kPublic = static_cast<std::size_t>(ssproj::Status::kPublicEmployee);
constexpr auto kFormal = static_cast<std::size_t>(ssproj::Status::kFormalPrivateEmployee);
constexpr auto kDomestic = static_cast<std::size_t>(ssproj::Status::kDomesticWorker);

const std::string kOk = "start_year = 2020\nend_year = 2025\n";

}  // namespace

TEST_CASE("a scenario with the workforce tables reads every workforce key", "[scenario]") {
  TempDir dir;
  const fs::path file = write_workforce_scenario(
      dir, workforce_text(kOk) +
               "\n[economy]\n"
               "inflation = { 2020 = 0.1, 2022 = 0.05, interpolation = \"linear\" }\n"
               "real_wage_growth = 0.02\n"
               "minimum_wage = { 2020 = 1000, 2023 = 1500 }\n"
               "minimum_wage_indexation = \"prices\"\n"
               "\n[labour]\n"
               "formalisation_shift = { 2020 = 0.0, 2025 = 0.1 }\n"
               "earnings_dispersion = 0.7\n"
               "\n[coverage]\n"
               "compliance = { public_employee = 0.95, formal_private_employee = { 2020 = 0.4, "
               "2024 = 0.6 } }\n"
               "compliance_factor_by_region = { south = 0.5 }\n"
               "domestic_worker_mandate_year = 2024\n"
               "underdeclaration = 0.1\n"
               "registration_hazard = 0.01\n"
               "lapse_hazard = 0.2\n"
               "reactivation_hazard = 0.04\n"
               "density_compulsory = 0.9\n"
               "density_voluntary = 0.7\n"
               "initial_voluntary_members = 120\n"
               "initial_voluntary_active_share = 0.75\n"
               "history_start_year_compulsory = 2001\n"
               "history_start_year_voluntary = 2015\n"
               "\n[contributions]\n"
               "private_employer_rate = 0.06\n"
               "private_employee_rate = 0.055\n"
               "public_employee_rate = 0.08\n"
               "public_state_rate = 0.085\n"
               "voluntary_rate = 0.09\n"
               "ceiling = 4500\n"
               "ceiling_indexation = \"prices\"\n"
               "ceiling_multiple_of_minimum_wage = { 2020 = 0, 2024 = 5 }\n"
               "voluntary_declared_multiple = 1.5\n");
  const Scenario s = load_scenario(file);
  REQUIRE(s.has_workforce());
  CHECK(s.data.regions == dir.path() / "data/regions.csv");
  CHECK(s.data.labour_status_shares == dir.path() / "data/labour_status_shares.csv");
  CHECK(s.data.labour_transitions == dir.path() / "data/labour_transitions.csv");
  CHECK(s.data.earnings == dir.path() / "data/earnings.csv");
  CHECK(s.data.age_earnings_profile == dir.path() / "data/age_earnings_profile.csv");
  CHECK(s.inputs.files.size() == 10);

  CHECK(s.economy.inflation ==
        Schedule({{2020, 0.1}, {2022, 0.05}}, Schedule::Interpolation::kLinear));
  CHECK(s.economy.real_wage_growth == Schedule::constant(0.02));
  CHECK(s.economy.minimum_wage ==
        Schedule({{2020, 1000}, {2023, 1500}}, Schedule::Interpolation::kStep));
  CHECK(s.economy.minimum_wage_indexation == ssproj::Indexation::kPrices);
  CHECK(s.labour.formalisation_shift ==
        Schedule({{2020, 0.0}, {2025, 0.1}}, Schedule::Interpolation::kStep));
  CHECK(s.labour.earnings_dispersion == 0.7);

  const ssproj::CoverageAssumptions& c = s.coverage;
  CHECK(c.compliance[kPublic] == Schedule::constant(0.95));
  CHECK(c.compliance[kFormal] ==
        Schedule({{2020, 0.4}, {2024, 0.6}}, Schedule::Interpolation::kStep));
  CHECK(c.compliance[kDomestic] == Schedule::constant(0.0));
  // By region index (north, south); regions not listed have a factor of 1.
  CHECK(c.compliance_factor_by_region ==
        std::vector<Schedule>{Schedule::constant(1.0), Schedule::constant(0.5)});
  CHECK(c.domestic_worker_mandate_year == 2024);
  CHECK(c.underdeclaration == Schedule::constant(0.1));
  CHECK(c.registration_hazard == Schedule::constant(0.01));
  CHECK(c.lapse_hazard == Schedule::constant(0.2));
  CHECK(c.reactivation_hazard == Schedule::constant(0.04));
  CHECK(c.density_compulsory == Schedule::constant(0.9));
  CHECK(c.density_voluntary == Schedule::constant(0.7));
  CHECK(c.initial_voluntary_members == 120);
  CHECK(c.initial_voluntary_active_share == 0.75);
  CHECK(c.history_start_year_compulsory == 2001);
  CHECK(c.history_start_year_voluntary == 2015);

  const ssproj::ContributionRules& r = s.contributions;
  CHECK(r.private_employer_rate == Schedule::constant(0.06));
  CHECK(r.private_employee_rate == Schedule::constant(0.055));
  CHECK(r.public_employee_rate == Schedule::constant(0.08));
  CHECK(r.public_state_rate == Schedule::constant(0.085));
  CHECK(r.voluntary_rate == Schedule::constant(0.09));
  CHECK(r.ceiling == Schedule::constant(4500));
  CHECK(r.ceiling_indexation == ssproj::Indexation::kPrices);
  CHECK(r.ceiling_multiple_of_minimum_wage ==
        Schedule({{2020, 0}, {2024, 5}}, Schedule::Interpolation::kStep));
  CHECK(r.voluntary_declared_multiple == Schedule::constant(1.5));

  // The resolved scenario loads to the same scenario.
  const Scenario again = load_scenario(dir.write("described.toml", s.resolved_toml));
  CHECK(again.resolved_toml == s.resolved_toml);
  CHECK(again.economy.inflation == s.economy.inflation);
  CHECK(again.economy.minimum_wage_indexation == ssproj::Indexation::kPrices);
  CHECK(again.coverage.compliance[kFormal] == c.compliance[kFormal]);
  CHECK(again.coverage.compliance_factor_by_region == c.compliance_factor_by_region);
  CHECK(again.contributions.ceiling_multiple_of_minimum_wage == r.ceiling_multiple_of_minimum_wage);
  CHECK(again.data.labour_transitions == s.data.labour_transitions);
}

TEST_CASE("the workforce keys have their defaults, which resolved_toml shows", "[scenario]") {
  TempDir dir;
  const Scenario s = load_scenario(write_workforce_scenario(dir, workforce_text(kOk)));
  REQUIRE(s.has_workforce());
  CHECK(s.economy.inflation == Schedule::constant(0.0));
  CHECK(s.economy.real_wage_growth == Schedule::constant(0.0));
  CHECK(s.economy.minimum_wage == Schedule::constant(0.0));
  CHECK(s.economy.minimum_wage_indexation == ssproj::Indexation::kWages);
  CHECK(s.labour.formalisation_shift == Schedule::constant(0.0));
  CHECK(s.labour.earnings_dispersion == 0.5);
  for (const Schedule& compliance : s.coverage.compliance) {
    CHECK(compliance == Schedule::constant(0.0));
  }
  CHECK(s.coverage.compliance_factor_by_region.empty());
  CHECK(s.coverage.domestic_worker_mandate_year == 0);
  CHECK(s.coverage.underdeclaration == Schedule::constant(0.0));
  CHECK(s.coverage.registration_hazard == Schedule::constant(0.0));
  CHECK(s.coverage.lapse_hazard == Schedule::constant(0.25));
  CHECK(s.coverage.reactivation_hazard == Schedule::constant(0.05));
  CHECK(s.coverage.density_compulsory == Schedule::constant(1.0));
  CHECK(s.coverage.density_voluntary == Schedule::constant(1.0));
  CHECK(s.coverage.initial_voluntary_members == 0);
  CHECK(s.coverage.initial_voluntary_active_share == 1.0);
  CHECK(s.coverage.history_start_year_compulsory == 0);
  CHECK(s.coverage.history_start_year_voluntary == 0);
  CHECK(s.contributions.private_employer_rate == Schedule::constant(0.0));
  CHECK(s.contributions.voluntary_rate == Schedule::constant(0.0));
  CHECK(s.contributions.ceiling == Schedule::constant(0.0));
  CHECK(s.contributions.ceiling_indexation == ssproj::Indexation::kNone);
  CHECK(s.contributions.ceiling_multiple_of_minimum_wage == Schedule::constant(0.0));
  CHECK(s.contributions.voluntary_declared_multiple == Schedule::constant(1.0));
  for (const char* line :
       {"\n[economy]\n", "minimum_wage_indexation = \"wages\"\n", "\n[coverage]\n",
        "lapse_hazard = 0.25\n", "[coverage.compliance]\n", "public_employee = 0.0\n",
        "\n[contributions]\n", "voluntary_declared_multiple = 1.0\n", "\n[labour]\n",
        "earnings_dispersion = 0.5\n", "labour_transitions = \"data/labour_transitions.csv\"\n"}) {
    INFO(line);
    CHECK(s.resolved_toml.find(line) != std::string::npos);
  }
  // A projection of the population only does not show them.
  TempDir other;
  const Scenario population = load_scenario(write_scenario(other, scenario_text(kOk)));
  CHECK_FALSE(population.has_workforce());
  CHECK(population.resolved_toml.find("[economy]") == std::string::npos);
  CHECK(population.resolved_toml.find("[coverage") == std::string::npos);
}

TEST_CASE("the bounds of the workforce keys are valid", "[scenario]") {
  TempDir dir;
  const fs::path file = write_workforce_scenario(
      dir, workforce_text(kOk,
                          "[economy]\ninflation = -0.999\nminimum_wage = 0\n"
                          "[labour]\nformalisation_shift = 1\nearnings_dispersion = 3\n"
                          "[coverage]\ncompliance = { public_employee = 1, "
                          "formal_private_employee = 0 }\ncompliance_factor_by_region = { "
                          "north = 0 }\ndomestic_worker_mandate_year = 2300\n"
                          "underdeclaration = 0.999\nregistration_hazard = 1\nlapse_hazard = 0\n"
                          "density_compulsory = 0\ninitial_voluntary_members = 0\n"
                          "initial_voluntary_active_share = 0\n"
                          "history_start_year_compulsory = 2300\n"
                          "[contributions]\nprivate_employer_rate = 1\nceiling = 0\n"
                          "voluntary_declared_multiple = 100\n\n"));
  const Scenario s = load_scenario(file);
  CHECK(s.economy.inflation == Schedule::constant(-0.999));
  CHECK(s.labour.formalisation_shift == Schedule::constant(1.0));
  CHECK(s.labour.earnings_dispersion == 3.0);
  CHECK(s.coverage.compliance[kPublic] == Schedule::constant(1.0));
  CHECK(s.coverage.compliance_factor_by_region[0] == Schedule::constant(0.0));
  CHECK(s.coverage.domestic_worker_mandate_year == 2300);
  CHECK(s.coverage.underdeclaration == Schedule::constant(0.999));
  CHECK(s.coverage.registration_hazard == Schedule::constant(1.0));
  CHECK(s.coverage.lapse_hazard == Schedule::constant(0.0));
  CHECK(s.coverage.initial_voluntary_active_share == 0.0);
  CHECK(s.coverage.history_start_year_compulsory == 2300);
  CHECK(s.contributions.private_employer_rate == Schedule::constant(1.0));
  CHECK(s.contributions.voluntary_declared_multiple == Schedule::constant(100.0));
}

TEST_CASE("benefit and fund keys of their own kinds report precise messages", "[scenario]") {
  TempDir dir;
  SECTION("benefits.old_age.indexation: an unknown word") {
    const fs::path file =
        write_scenario(dir, scenario_text(kOk, "[benefits.old_age]\nindexation = \"gdp\"\n\n"));
    CHECK(
        errors_of(file) ==
        Lines{at("{DIR}/scenario.toml:9:14: error: benefits.old_age.indexation: unknown value (got "
                 "\"gdp\", expected \"prices\", \"wages\", \"fixed\" or \"none\")",
                 dir.path())});
  }
  SECTION("fund.typical_career_years: integers in [1, 60]") {
    const fs::path file =
        write_scenario(dir, scenario_text(kOk, "[fund]\ntypical_career_years = [15, 2.5, 0]\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:29: error: fund.typical_career_years[1]: wrong type "
                   "(got 2.5, expected an integer)",
                   dir.path()),
                at("{DIR}/scenario.toml:9:34: error: fund.typical_career_years[2]: value out of "
                   "range (got 0, expected an integer in [1, 60])",
                   dir.path())});
  }
  SECTION("fund.typical_entry_ages: integers in [15, 69]") {
    const fs::path file =
        write_scenario(dir, scenario_text(kOk, "[fund]\ntypical_entry_ages = [20, 14]\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:27: error: fund.typical_entry_ages[1]: value out of "
                   "range (got 14, expected an integer in [15, 69])",
                   dir.path())});
  }
  SECTION("fund.typical_career_earnings: not empty") {
    const fs::path file =
        write_scenario(dir, scenario_text(kOk, "[fund]\ntypical_career_earnings = []\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:27: error: fund.typical_career_earnings: empty array "
                   "(got an array, expected an array of numbers, each in [0.01, 100])",
                   dir.path())});
  }
}

TEST_CASE("with the workforce, branch shares sum to 1 and survivor probabilities are at most 1",
          "[scenario][benefits]") {
  TempDir dir;
  SmallDataOptions data = kData;
  data.workforce = ssproj::testing::SmallWorkforce{};
  ssproj::testing::write_small_scenario(dir, data, "start_year = 2020\nend_year = 2025\n");
  SECTION("allocation summing to 0.75") {
    const fs::path file =
        dir.write("scenario.toml",
                  ssproj::testing::small_scenario_text("start_year = 2020\nend_year = 2025\n") +
                      ssproj::testing::kWorkforceDataKeys +
                      "\n[fund.allocation]\nold_age = 0.5\nhealth_care = 0.25\n");
    CHECK(
        errors_of(file) ==
        Lines{at("{DIR}/scenario.toml:20:1: error: fund.allocation: branch shares do not sum to 1 "
                 "(got 0.75 in 2020, expected shares summing to 1 in every year)",
                 dir.path())});
  }
  SECTION("reserve shares of the schemes summing to 1.2; a negative share is allowed") {
    const fs::path file =
        dir.write("scenario.toml",
                  ssproj::testing::small_scenario_text("start_year = 2020\nend_year = 2025\n") +
                      ssproj::testing::kWorkforceDataKeys +
                      "\n[fund.initial_reserve_share]\nprivate = 1.2\ncivil_servant = -0.2\n"
                      "voluntary = 0.0\n");
    CHECK(load_scenario(file).fund.initial_reserve_share[2] == -0.2);
    const fs::path bad = dir.write(
        "bad.toml", ssproj::testing::small_scenario_text("start_year = 2020\nend_year = 2025\n") +
                        ssproj::testing::kWorkforceDataKeys +
                        "\n[fund.initial_reserve_share]\nprivate = 1.0\ncivil_servant = 0.2\n");
    CHECK(errors_of(bad) ==
          Lines{at("{DIR}/bad.toml:20:1: error: fund.initial_reserve_share: scheme shares do not "
                   "sum to 1 (got 1.2, expected shares of private, voluntary and civil_servant "
                   "summing to 1)",
                   dir.path())});
  }
  SECTION("a spouse probability of 1.5") {
    std::string survivors = "sex,age_band,quantity,value\n";
    for (const char* sex : {"male", "female"}) {
      for (std::string_view band : ssproj::kAgeBandNames) {
        for (const char* quantity :
             {"spouse_probability", "spouse_years", "children", "child_years"}) {
          const bool bad = std::string(sex) == "male" && band == "15-19" &&
                           std::string(quantity) == "spouse_probability";
          survivors += std::string(sex) + "," + std::string(band) + "," + quantity + "," +
                       (bad ? "1.5" : "1") + "\n";
        }
      }
    }
    dir.write("data/survivors.csv", survivors);
    const fs::path file =
        dir.write("scenario.toml",
                  ssproj::testing::small_scenario_text("start_year = 2020\nend_year = 2025\n") +
                      ssproj::testing::kWorkforceDataKeys + "survivors = \"data/survivors.csv\"\n" +
                      ssproj::testing::kFundAllocation);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/data/survivors.csv:2:1: error: value: spouse probability above 1 (got "
                   "1.5, expected a number in [0, 1])",
                   dir.path())});
  }
}

TEST_CASE("minimum_wage_indexation and ceiling_indexation are one of their words", "[scenario]") {
  TempDir dir;
  SECTION("each word") {
    for (const auto& [word, expected] : {std::pair{"wages", ssproj::Indexation::kWages},
                                         std::pair{"prices", ssproj::Indexation::kPrices},
                                         std::pair{"none", ssproj::Indexation::kNone}}) {
      const fs::path file =
          write_scenario(dir, scenario_text(kOk, "[economy]\nminimum_wage_indexation = \"" +
                                                     std::string(word) + "\"\n\n"));
      CHECK(load_scenario(file).economy.minimum_wage_indexation == expected);
    }
  }
  SECTION("an unknown word") {
    const fs::path file =
        write_scenario(dir, scenario_text(kOk, "[economy]\nminimum_wage_indexation = \"gdp\"\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:27: error: economy.minimum_wage_indexation: unknown "
                   "value (got \"gdp\", expected \"wages\", \"prices\" or \"none\")",
                   dir.path())});
  }
  SECTION("words are case-sensitive") {
    const fs::path file = write_scenario(
        dir, scenario_text(kOk, "[economy]\nminimum_wage_indexation = \"Wages\"\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:27: error: economy.minimum_wage_indexation: unknown "
                   "value (got \"Wages\", expected \"wages\", \"prices\" or \"none\"; did you mean "
                   "\"wages\"?)",
                   dir.path())});
  }
  SECTION("contributions.ceiling_indexation, likewise") {
    const fs::path file = write_scenario(
        dir, scenario_text(kOk, "[contributions]\nceiling_indexation = \"cpi\"\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:22: error: contributions.ceiling_indexation: unknown "
                   "value (got \"cpi\", expected \"wages\", \"prices\" or \"none\")",
                   dir.path())});
  }
  SECTION("not a string") {
    const fs::path file =
        write_scenario(dir, scenario_text(kOk, "[economy]\nminimum_wage_indexation = 1\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:27: error: economy.minimum_wage_indexation: wrong type "
                   "(got 1, expected \"wages\", \"prices\" or \"none\")",
                   dir.path())});
  }
}

TEST_CASE("a workforce schedule must give a value for the start year", "[scenario]") {
  TempDir dir;
  const std::string expected =
      " (got first year 2021, expected a first year <= projection.start_year (2020))";
  SECTION("economy.inflation") {
    const fs::path file =
        write_scenario(dir, scenario_text(kOk, "[economy]\ninflation = { 2021 = 0.05 }\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:13: error: economy.inflation: schedule starts after "
                   "the projection" +
                       expected,
                   dir.path())});
  }
  SECTION("a compliance rate and a contribution rate") {
    const fs::path file = write_scenario(
        dir, scenario_text(kOk,
                           "[coverage.compliance]\nformal_private_employee = { 2021 = 0.5 }\n"
                           "[contributions]\nvoluntary_rate = { 2021 = 0.09, 2030 = 0.1 }\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:27: error: coverage.compliance.formal_private_employee: "
                   "schedule starts after the projection" +
                       expected,
                   dir.path()),
                at("{DIR}/scenario.toml:11:18: error: contributions.voluntary_rate: schedule "
                   "starts after the projection" +
                       expected,
                   dir.path())});
  }
  SECTION("a region's compliance factor") {
    const fs::path file = write_workforce_scenario(
        dir, workforce_text(kOk,
                            "[coverage]\ncompliance_factor_by_region = { south = { 2021 = "
                            "0.5 }, north = { 2020 = 1.0, 2022 = 0.5 } }\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:41: error: coverage.compliance_factor_by_region.south: "
                   "schedule starts after the projection" +
                       expected,
                   dir.path())});
  }
  SECTION("a schedule that starts in the run-in years is valid") {
    const fs::path file = write_workforce_scenario(
        dir, workforce_text("start_year = 2022\nend_year = 2025\n",
                            "[economy]\ninflation = { 2021 = 0.05 }\n[coverage]\n"
                            "compliance_factor_by_region = { south = { 2022 = 0.5 } }\n\n"));
    const Scenario s = load_scenario(file);
    CHECK(s.economy.inflation.points().front().first == 2021);
    CHECK(s.coverage.compliance_factor_by_region[1] ==
          Schedule({{2022, 0.5}}, Schedule::Interpolation::kStep));
  }
}

TEST_CASE("the workforce tables are all five or none", "[scenario]") {
  TempDir dir;
  SECTION("two of five") {
    // [data] on line 8.
    const fs::path file = write_workforce_scenario(
        dir,
        scenario_text(kOk) + "regions = \"data/regions.csv\"\nearnings = \"data/earnings.csv\"\n");
    const std::string expected =
        ": workforce table missing (expected all five workforce tables (data.regions, "
        "data.labour_status_shares, data.labour_transitions, data.earnings, "
        "data.age_earnings_profile) or none)";
    CHECK(
        errors_of(file) ==
        Lines{
            at("{DIR}/scenario.toml:8:1: error: data.labour_status_shares" + expected, dir.path()),
            at("{DIR}/scenario.toml:8:1: error: data.labour_transitions" + expected, dir.path()),
            at("{DIR}/scenario.toml:8:1: error: data.age_earnings_profile" + expected,
               dir.path())});
  }
  SECTION("four of five") {
    std::string keys = ssproj::testing::kWorkforceDataKeys;
    keys.erase(keys.find("earnings = "), keys.find("age_earnings") - keys.find("earnings = "));
    const fs::path file = write_workforce_scenario(dir, scenario_text(kOk) + keys);
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:8:1: error: data.earnings: workforce table missing "
                   "(expected all five workforce tables (data.regions, "
                   "data.labour_status_shares, data.labour_transitions, data.earnings, "
                   "data.age_earnings_profile) or none)",
                   dir.path())});
  }
  SECTION("a workforce table that does not exist") {
    const fs::path file = write_workforce_scenario(dir, workforce_text(kOk));
    fs::remove(dir.path() / "data/labour_transitions.csv");
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:16:22: error: data.labour_transitions: data file not "
                   "found (got \"data/labour_transitions.csv\", expected an existing CSV file, "
                   "relative to the scenario file (resolved to "
                   "{DIR}/data/labour_transitions.csv))",
                   dir.path())});
  }
  SECTION("none: a projection of the population only, whatever the workforce sections say") {
    const fs::path file = write_scenario(
        dir, scenario_text(kOk, "[coverage]\nlapse_hazard = 0.5\n[economy]\ninflation = 0.1\n\n"));
    const Scenario s = load_scenario(file);
    CHECK_FALSE(s.has_workforce());
    CHECK(s.workforce.regions.empty());
    CHECK(s.inputs.files.size() == 5);
    CHECK(s.coverage.lapse_hazard == Schedule::constant(0.5));
  }
}

TEST_CASE("coverage.compliance_factor_by_region names regions of the regions table", "[scenario]") {
  TempDir dir;
  SECTION("without the workforce tables") {
    const fs::path file = write_scenario(
        dir, scenario_text(kOk, "[coverage]\ncompliance_factor_by_region = { north = 0.5 }\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:31: error: coverage.compliance_factor_by_region: "
                   "regions given without the workforce tables (expected data.regions and the "
                   "other workforce tables in [data])",
                   dir.path())});
  }
  SECTION("an unknown region, with a suggestion when one is close") {
    const fs::path file = write_workforce_scenario(
        dir, workforce_text(kOk,
                            "[coverage]\ncompliance_factor_by_region = { nort = 0.5, "
                            "Atlantis = 2, south = 0.25 }\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:33: error: coverage.compliance_factor_by_region.nort: "
                   "unknown region (got \"nort\", expected a region of data.regions; did you "
                   "mean \"north\"?)",
                   dir.path()),
                at("{DIR}/scenario.toml:9:45: error: "
                   "coverage.compliance_factor_by_region.Atlantis: unknown region (got "
                   "\"Atlantis\", expected a region of data.regions)",
                   dir.path())});
  }
  SECTION("a factor out of range") {
    const fs::path file = write_workforce_scenario(
        dir, workforce_text(kOk, "[coverage]\ncompliance_factor_by_region = { north = -1 }\n\n"));
    CHECK(errors_of(file) ==
          Lines{at("{DIR}/scenario.toml:9:41: error: coverage.compliance_factor_by_region.north: "
                   "value out of range (got -1, expected a number in [0, 100])",
                   dir.path())});
  }
  SECTION("region names with spaces, as a [table]") {
    SmallWorkforce w;
    w.regions = {{"Vientiane Capital", {0.25, 0.25}}, {"North", {0.125, 0.375}}};
    const fs::path file = write_workforce_scenario(
        dir,
        workforce_text(kOk,
                       "[coverage.compliance_factor_by_region]\n\"Vientiane Capital\" = 1.5\n"
                       "North = { 2020 = 0.5, 2023 = 0.75 }\n\n"),
        w);
    const Scenario s = load_scenario(file);
    CHECK(s.workforce.regions == std::vector<std::string>{"Vientiane Capital", "North"});
    CHECK(s.coverage.compliance_factor_by_region ==
          std::vector<Schedule>{Schedule::constant(1.5), Schedule({{2020, 0.5}, {2023, 0.75}},
                                                                  Schedule::Interpolation::kStep)});
  }
}

// ---------------------------------------------------------------------------------------------
// Documentation

// The key tables of the reference are generated from the key table. After a change of the key
// table, regenerate them with SSPROJ_UPDATE_GOLDEN=1 ./build/tests/ssproj_tests "[reference]".
TEST_CASE("the key tables of docs/scenario-reference.md are those of the key table",
          "[scenario][reference]") {
  const fs::path doc_file = ssproj::testing::source_dir() / "docs/scenario-reference.md";
  std::string doc = read_file(doc_file);
  REQUIRE_FALSE(doc.empty());
  const std::string generated = ssproj::scenario_key_reference();
  // Each generated block replaces the block between the same markers in the document.
  std::string updated = doc;
  std::size_t blocks = 0;
  for (std::size_t begin = generated.find("<!-- BEGIN keys "); begin != std::string::npos;
       begin = generated.find("<!-- BEGIN keys ", begin + 1), ++blocks) {
    const std::string section =
        generated.substr(begin + 16, generated.find(' ', begin + 16) - (begin + 16));
    const std::string end_marker = "<!-- END keys " + section + " -->\n";
    const std::size_t end = generated.find(end_marker, begin) + end_marker.size();
    const std::size_t at = updated.find("<!-- BEGIN keys " + section + " ");
    INFO("section " << section);
    REQUIRE(at != std::string::npos);
    const std::size_t at_end = updated.find(end_marker, at);
    REQUIRE(at_end != std::string::npos);
    updated.replace(at, at_end + end_marker.size() - at, generated.substr(begin, end - begin));
  }
  CHECK(blocks == 12);
  if (std::getenv("SSPROJ_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(doc_file, std::ios::binary) << updated;
    doc = updated;
  }
  CHECK(doc == updated);
}

TEST_CASE("every scenario key is documented in docs/scenario-reference.md", "[scenario]") {
  const fs::path doc_file = ssproj::testing::source_dir() / "docs/scenario-reference.md";
  const std::string doc = read_file(doc_file);
  INFO("reading " << doc_file);
  REQUIRE_FALSE(doc.empty());
  for (const ssproj::scenario::KeySpec& k : ssproj::scenario::scenario_keys()) {
    const std::string quoted = "`" + std::string(k.path) + "`";
    INFO("key " << quoted);
    CHECK(doc.find(quoted) != std::string::npos);
  }
}

TEST_CASE("A sample of fewer than ten thousand persons gives a warning naming the option",
          "[unit][scenario]") {
  const auto baseline = ssproj::testing::source_dir() / "scenarios/lao/baseline.toml";
  auto warned = [&](double fraction) {
    ssproj::ScenarioOverrides o;
    o.set = {"projection.sample_fraction=" + std::to_string(fraction)};
    const ssproj::Scenario s = ssproj::load_scenario(baseline, o);
    for (const ssproj::Diagnostic& w : s.warnings) {
      if (w.key == "projection.sample_fraction") {
        CHECK(w.warning);
        CHECK(w.message == "too small a sample");
        CHECK(w.got.rfind("0.001 (7,665 of 7,66", 0) == 0);
        CHECK(w.expected ==
              "at least 10,000 simulated persons, below which the tables are mostly sampling "
              "noise: raise --sample-fraction (or projection.sample_fraction) to 0.0014 or more");
        return true;
      }
    }
    return false;
  };
  // 7.66 million persons in 2023: 0.001 simulates about 7,665, 0.002 about 15,330.
  CHECK(warned(0.001));
  CHECK_FALSE(warned(0.002));
  CHECK_FALSE(warned(1.0));
}

TEST_CASE("A starting stock larger than the base population can hold gives a warning",
          "[unit][scenario]") {
  // The small workforce scenario: 100 persons at every sex and age, 0.6875 of them employed in
  // every band and area, so 2 x 86 x 100 x 0.6875 = 11,825 employed persons aged 15-100; the
  // pensionable ages are 60 for men and 55 for women, so (41 + 46) x 100 = 8,700 persons at or
  // above them.
  TempDir dir;
  ssproj::testing::SmallDataOptions data{2020, 2023};
  data.workforce = ssproj::testing::SmallWorkforce{};
  auto warnings = [&](const std::string& coverage, const std::string& old_age) {
    const fs::path file = ssproj::testing::write_small_scenario(
        dir, data, "start_year = 2020\nend_year = 2023\n",
        "[coverage]\n" + coverage + "\n[benefits.old_age]\n" + old_age + "\n");
    std::vector<std::string> out;
    for (const ssproj::Diagnostic& w : load_scenario(file).warnings) {
      if (w.message == "starting stock larger than the population can hold") {
        CHECK(w.warning);
        out.push_back(w.key + ": " + w.got + "; " + w.expected);
      }
    }
    return out;
  };
  CHECK(warnings("initial_voluntary_members = 11825", "initial_pensioners = 8700").empty());
  CHECK(warnings("initial_voluntary_members = 11826", "initial_pensioners = 8701") ==
        std::vector<std::string>{
            "coverage.initial_voluntary_members: 11826; at most the 11825 employed persons of the "
            "base population; the stock is capped at the persons eligible",
            "benefits.old_age.initial_pensioners: 8701; at most the 8700 persons at or above "
            "pensionable age of the base population; the stock is capped at the persons "
            "eligible"});
}

TEST_CASE("A sample expected to hold less than one person is an error", "[unit][scenario]") {
  // Issue 12: --sample-fraction 1e-300 simulated nobody and wrote tables of zeros. The small
  // scenario has 100 persons at every sex and age of 0-100: 20,200 persons.
  TempDir dir;
  const fs::path file = write_scenario(
      dir, scenario_text("start_year = 2020\nend_year = 2021\nsample_fraction = 4e-5\n"));
  CHECK(errors_of(file) ==
        Lines{at("{DIR}/scenario.toml:7:19: error: projection.sample_fraction: the sample holds "
                 "nobody (got 4e-05 (about 0.808 persons simulated of 20200), expected a fraction "
                 "that simulates at least one person (about 4.95e-05 or more))",
                 dir.path())});
  const fs::path enough = write_scenario(
      dir, scenario_text("start_year = 2020\nend_year = 2021\nsample_fraction = 5e-5\n"));
  CHECK_NOTHROW(load_scenario(enough));
}

TEST_CASE("A scenario file over 4 MiB and an extends chain over 32 files are refused",
          "[unit][scenario]") {
  TempDir dir;
  // 40 files, each extending the next: the 33rd link is refused at its extends key.
  ssproj::testing::write_small_scenario(dir);
  for (int i = 0; i < 40; ++i) {
    dir.write("s" + std::to_string(i) + ".toml",
              "extends = \"s" + std::to_string(i + 1) + ".toml\"\n");
  }
  dir.write("s40.toml", "name = \"end\"\n");
  CHECK(errors_of(dir.path() / "s0.toml") ==
        Lines{at("{DIR}/s31.toml:1:11: error: extends: extends chain too long (got 33 files, "
                 "expected a chain of at most 32 files)",
                 dir.path())});
  // A comment of 5 MiB: refused before it is read.
  const fs::path big =
      dir.write("big.toml", "# " + std::string(5u << 20, 'x') + "\nschema_version = 1\n");
  CHECK(errors_of(big) ==
        Lines{at("{DIR}/big.toml:1:1: error: scenario file too large (got 5242902 "
                 "bytes, expected a scenario file of at most 4 MiB)",
                 dir.path())});
}

TEST_CASE("closest_match: the 'did you mean' of every closed list of words", "[unit][scenario]") {
  using ssproj::closest_match;
  // Issue 15: near-miss spellings of regions and statuses got no suggestion.
  const std::vector<std::string> regions = {"Vientiane Capital", "North", "Centre", "South"};
  CHECK(closest_match("Southern", regions) == "South");
  CHECK(closest_match("south", regions) == "South");
  CHECK(closest_match("vientiane-capital", regions) == "Vientiane Capital");
  CHECK(closest_match("nowhere", regions).empty());
  const std::vector<std::string> statuses = {"own_account", "domestic_worker", "inactive"};
  CHECK(closest_match("own-account", statuses) == "own_account");
  CHECK(closest_match("Own Account", statuses) == "own_account");
  CHECK(closest_match("Inactive", statuses) == "inactive");
  // A short beginning is no match: "in" is not "information_outreach".
  CHECK(closest_match("in", {"information_outreach"}).empty());
  CHECK(closest_match("mobile", {"mobile_registration"}).empty());
  // Typos still are.
  CHECK(closest_match("sed", {"seed", "end_year"}) == "seed");
  // The message helper: the list, then the suggestion.
  CHECK(ssproj::core::expected_word("Male", {"male", "female"}) ==
        "\"male\" or \"female\"; did you mean \"male\"?");
  CHECK(ssproj::core::expected_word("men", {"male", "female"}, "a sex") == "a sex");
}
