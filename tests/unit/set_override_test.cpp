// Command-line changes of scenario keys (ScenarioOverrides::set, `--set KEY=VALUE`): the forms
// KEY=VALUE, KEY+=NUMBER and KEY*=NUMBER on numbers, strings, schedules and arrays, and every
// error, located at "command line: --set ARG". Error paths assert the full text of
// Diagnostic::to_string().
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/error.h>
#include <ssproj/scenario.h>

#include "core/diagnostics.h"
#include "scenario/overrides.h"
#include "support/fixtures.h"

namespace {

namespace fs = std::filesystem;
using ssproj::load_scenario;
using ssproj::Scenario;
using ssproj::ScenarioError;
using ssproj::ScenarioOverrides;
using ssproj::Schedule;
using ssproj::testing::SmallDataOptions;
using ssproj::testing::TempDir;

const SmallDataOptions kData{2020, 2025};

// A small scenario (data 2020-2025) with `more` (other sections) before [data], written as
// dir/NAME; returns its path.
fs::path write_scenario(const TempDir& dir, const std::string& more,
                        const std::string& name = "scenario.toml") {
  ssproj::testing::write_small_scenario(dir, kData, "start_year = 2020\nend_year = 2025\n");
  return dir.write(name, ssproj::testing::small_scenario_text(
                             "start_year = 2020\nend_year = 2025\nreplications = 2\n", more));
}

ScenarioOverrides with_set(std::vector<std::string> set) {
  ScenarioOverrides o;
  o.set = std::move(set);
  return o;
}

Scenario load_with(const fs::path& file, std::vector<std::string> set) {
  return load_scenario(file, with_set(std::move(set)));
}

std::vector<std::string> errors_of(const fs::path& file, std::vector<std::string> set) {
  return ssproj::testing::scenario_errors(file, with_set(std::move(set)));
}

const std::string kFund =
    "[demography]\nmortality_multiplier = 1.0\n\n"
    "[economy]\nminimum_wage = 1000\n\n"
    "[fund]\n"
    "investment_return = { 2020 = 0.08, 2025 = 0.05, interpolation = \"linear\" }\n"
    "typical_career_years = [10, 20]\n"
    "typical_career_earnings = [0.5, 1.0, 2.0]\n\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// KEY=VALUE

TEST_CASE("set: KEY=VALUE sets a number, a string, a schedule and an array", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, kFund);
  const Scenario s =
      load_with(file, {"demography.mortality_multiplier=0.9", "projection.replications=3",
                       "description=two words", "benefits.health_care.financing=pass_through",
                       "name=\"quoted\"",
                       "fund.investment_return={2020=0.07,2024=0.03,interpolation=\"linear\"}",
                       "fund.typical_career_years=[5, 15, 25]"});
  CHECK(s.demography.mortality_multiplier == Schedule::constant(0.9));
  CHECK(s.projection.replications == 3);
  // Not valid TOML: taken as a string.
  CHECK(s.description == "two words");
  CHECK(s.benefits.health_care_financing == "pass_through");
  CHECK(s.name == "quoted");
  CHECK(s.fund.investment_return ==
        Schedule({{2020, 0.07}, {2024, 0.03}}, Schedule::Interpolation::kLinear));
  CHECK(s.fund.investment_return.at(2022) == Approx(0.05));
  CHECK(s.fund.typical_career_years == std::vector<int>{5, 15, 25});
  // Recorded in the resolved scenario (and so in manifest.json's hash).
  CHECK(s.resolved_toml.find("mortality_multiplier = 0.9\n") != std::string::npos);
  CHECK(s.resolved_toml.find("description = \"two words\"") != std::string::npos);
}

TEST_CASE("set: creates the tables above a key, and sets a year of a schedule", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, "");  // no [demography], no [fund]
  const Scenario s = load_with(
      file, {"demography.migration_multiplier=2", "fund.investment_return={2020=0.08,2025=0.05}",
             "fund.investment_return.2025=0.06"});
  CHECK(s.demography.migration_multiplier == Schedule::constant(2.0));
  CHECK(s.fund.investment_return ==
        Schedule({{2020, 0.08}, {2025, 0.06}}, Schedule::Interpolation::kStep));
}

TEST_CASE("set: arguments apply in order, after extends", "[set]") {
  TempDir dir;
  write_scenario(dir, "[demography]\nmortality_multiplier = 0.5\n\n", "base.toml");
  const fs::path file = dir.write("variant.toml",
                                  "extends = \"base.toml\"\nname = \"variant\"\n\n"
                                  "[demography]\nmortality_multiplier = 0.75\n");
  CHECK(load_with(file, {}).demography.mortality_multiplier == Schedule::constant(0.75));
  const Scenario s = load_with(
      file, {"demography.mortality_multiplier=0.25", "demography.mortality_multiplier*=2"});
  CHECK(s.demography.mortality_multiplier == Schedule::constant(0.5));
}

TEST_CASE("set: a data path is relative to the working directory", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, "");
  const fs::path mortality = dir.write(
      "other/mortality.csv", ssproj::testing::read_file(dir.path() / "data/mortality.csv"));
  const Scenario s = load_with(file, {"data.mortality=" + mortality.string()});
  CHECK(s.data.mortality == mortality);
  CHECK(s.resolved_toml.find("mortality = \"other/mortality.csv\"") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// KEY+=NUMBER and KEY*=NUMBER

TEST_CASE("set: += and *= change a number", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, kFund);
  CHECK(
      load_with(file, {"demography.mortality_multiplier+=0.25"}).demography.mortality_multiplier ==
      Schedule::constant(1.25));
  CHECK(load_with(file, {"demography.mortality_multiplier*=0.9"}).demography.mortality_multiplier ==
        Schedule::constant(0.9));
  CHECK(load_with(file, {"demography.mortality_multiplier += -0.5"})
            .demography.mortality_multiplier == Schedule::constant(0.5));
}

TEST_CASE("set: += and *= change every year of a schedule and keep its interpolation", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, kFund);
  const Scenario add = load_with(file, {"fund.investment_return+=-0.01"});
  CHECK(add.fund.investment_return ==
        Schedule({{2020, 0.08 + -0.01}, {2025, 0.05 + -0.01}}, Schedule::Interpolation::kLinear));
  CHECK(add.resolved_toml.find("interpolation = \"linear\"") != std::string::npos);
  const Scenario times = load_with(file, {"fund.investment_return*=0.5"});
  CHECK(times.fund.investment_return ==
        Schedule({{2020, 0.04}, {2025, 0.025}}, Schedule::Interpolation::kLinear));
}

TEST_CASE("set: += and *= change every element of an array", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, kFund);
  const Scenario s =
      load_with(file, {"fund.typical_career_years+=5", "fund.typical_career_earnings*=2"});
  CHECK(s.fund.typical_career_years == std::vector<int>{15, 25});
  CHECK(s.fund.typical_career_earnings == std::vector<double>{1.0, 2.0, 4.0});
}

TEST_CASE("set: += and *= start from the key's default when the scenario does not set it",
          "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, "");
  const Scenario s =
      load_with(file, {"demography.migration_multiplier*=0.5", "fund.scaled_premium_period+=5"});
  CHECK(s.demography.migration_multiplier == Schedule::constant(0.5));
  CHECK(s.fund.scaled_premium_period == 20);  // default 15
}

TEST_CASE("set: an integer stays an integer when the result is whole", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, kFund);
  // replications = 2 in the file.
  CHECK(load_with(file, {"projection.replications*=1.5"}).projection.replications == 3);
  CHECK(load_with(file, {"projection.replications+=3"}).projection.replications == 5);
  // An integer of a number key becomes a float when the result is not whole.
  const Scenario s = load_with(file, {"economy.minimum_wage*=1.0005"});
  CHECK(s.economy.minimum_wage == Schedule::constant(1000.5));
  CHECK(
      load_with(file, {"economy.minimum_wage*=1.5"}).resolved_toml.find("minimum_wage = 1500\n") !=
      std::string::npos);

  CHECK(errors_of(file, {"projection.replications*=1.25"}) ==
        std::vector<std::string>{
            "command line: --set projection.replications*=1.25: error: projection.replications: "
            "result is not a whole number (got 2.5, expected an integer in [1, 10000])"});
  CHECK(errors_of(file, {"fund.typical_career_years*=0.75"}) ==
        std::vector<std::string>{
            "command line: --set fund.typical_career_years*=0.75: error: "
            "fund.typical_career_years[0]: result is not a whole number (got 7.5, expected an "
            "integer in [1, 60])"});  // 20 * 0.75 = 15 is whole
}

// ---------------------------------------------------------------------------------------------
// Equivalence with the file

TEST_CASE("a scenario with --set resolves exactly like the value written in the file", "[set]") {
  TempDir dir;
  const fs::path base = write_scenario(dir, kFund, "base.toml");
  const fs::path written =
      dir.write("written.toml",
                ssproj::testing::small_scenario_text(
                    "start_year = 2020\nend_year = 2025\nreplications = 2\n",
                    "[demography]\nmortality_multiplier = 0.9\nmigration_multiplier = 0.5\n\n"
                    "[economy]\nminimum_wage = 1000\n\n"
                    "[fund]\n"
                    "investment_return = { 2020 = 0.06, 2025 = 0.04, interpolation = \"linear\" }\n"
                    "typical_career_years = [10, 20]\n"
                    "typical_career_earnings = [1.0, 2.0, 4.0]\n\n"
                    "[benefits.health_care]\nfinancing = \"pass_through\"\n\n"));
  const Scenario from_file = load_scenario(written);
  const Scenario from_set = load_with(
      base, {"demography.mortality_multiplier=0.9", "demography.migration_multiplier*=0.5",
             "fund.investment_return={ 2020 = 0.06, 2025 = 0.04, interpolation = \"linear\" }",
             "fund.typical_career_earnings*=2", "benefits.health_care.financing=pass_through"});
  CHECK(from_set.resolved_toml == from_file.resolved_toml);
  CHECK(load_scenario(base).resolved_toml != from_file.resolved_toml);
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST_CASE("set: errors are located at the argument and all reported at once", "[set]") {
  TempDir dir;
  const fs::path file = write_scenario(dir, kFund);
  struct Case {
    const char* name;
    std::vector<std::string> set;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"unknown key",
       {"fund.investment_retrun=0.05"},
       {"command line: --set fund.investment_retrun=0.05: error: fund.investment_retrun: unknown "
        "key (got \"investment_retrun\", expected a key of [fund]; did you mean "
        "\"investment_return\"?)"}},
      {"unknown key, relative",
       {"demografy.mortality_multiplier*=0.9"},
       {"command line: --set demografy.mortality_multiplier*=0.9: error: demografy: unknown key "
        "(got \"demografy\", expected a key of the top level; did you mean \"demography\"?)"}},
      {"missing '='",
       {"fund.investment_return"},
       {"command line: --set fund.investment_return: error: missing '=' in --set (got "
        "\"fund.investment_return\", expected KEY=VALUE, KEY+=NUMBER or KEY*=NUMBER)"}},
      {"missing key",
       {"=0.5"},
       {"command line: --set =0.5: error: missing key in --set (got "
        "\"=0.5\", expected KEY=VALUE, KEY+=NUMBER or KEY*=NUMBER)"}},
      {"missing value",
       {"fund.investment_return="},
       {"command line: --set fund.investment_return=: error: fund.investment_return: missing "
        "value in --set (got \"\", expected a value after '=')"}},
      {"bad number",
       {"demography.mortality_multiplier*=abc"},
       {"command line: --set demography.mortality_multiplier*=abc: error: "
        "demography.mortality_multiplier: not a number (got \"abc\", expected a number after "
        "'*=')"}},
      {"relative change of a string",
       {"name+=1"},
       {"command line: --set name+=1: error: name: cannot change a string by a relative amount "
        "(got \"small\", expected a number, a schedule or an array of numbers for +=)"}},
      {"relative change of a choice's default",
       {"benefits.health_care.financing*=2"},
       {"command line: --set benefits.health_care.financing*=2: error: "
        "benefits.health_care.financing: cannot change a string by a relative amount (got "
        "\"cost_per_member\", expected a number, a schedule or an array of numbers for *=)"}},
      {"relative change of a key without a value",
       {"coverage.compliance_factor_by_region*=2"},
       {"command line: --set coverage.compliance_factor_by_region*=2: error: "
        "coverage.compliance_factor_by_region: cannot change a key that has no value (expected a "
        "key that the scenario sets or that has a default; give its value with "
        "coverage.compliance_factor_by_region=VALUE)"}},
      {"out of range via +=",
       {"demography.mortality_multiplier+=-1.5"},
       {"command line: --set demography.mortality_multiplier+=-1.5: error: "
        "demography.mortality_multiplier: value out of range (got -0.5, expected a number in [0, "
        "100])"}},
      {"a negative return",
       {"fund.investment_return=-0.01"},
       {"command line: --set fund.investment_return=-0.01: error: fund.investment_return: value "
        "out of range (got -0.01, expected a number in [0, 1])"}},
      {"a negative return in one year of a schedule via +=",
       {"fund.investment_return+=-0.06"},
       {"command line: --set fund.investment_return+=-0.06: error: fund.investment_return.2025: "
        "value out of range (got -0.009999999999999995, expected a number in [0, 1])"}},
      {"a wrong type",
       {"projection.replications=many"},
       {"command line: --set projection.replications=many: error: projection.replications: "
        "wrong type (got \"many\", expected an integer in [1, 10000])"}},
      {"inside a value that is not a table",
       {"demography.mortality_multiplier.2020=0.5"},
       {"command line: --set demography.mortality_multiplier.2020=0.5: error: "
        "demography.mortality_multiplier: cannot set a key inside a value that is not a table "
        "(got 1.0, expected a table)"}},
      {"extends",
       {"extends=other.toml"},
       {"command line: --set extends=other.toml: error: extends: cannot be set on the command "
        "line (expected a key other than extends (the files it names are already merged))"}},
      {"several at once",
       {"fund.investment_retrun=0.05", "fund.investment_return=2", "name+=1"},
       {"command line: --set fund.investment_retrun=0.05: error: fund.investment_retrun: unknown "
        "key (got \"investment_retrun\", expected a key of [fund]; did you mean "
        "\"investment_return\"?)",
        "command line: --set fund.investment_return=2: error: fund.investment_return: value out "
        "of range (got 2, expected a number in [0, 1])",
        "command line: --set name+=1: error: name: cannot change a string by a relative amount "
        "(got \"small\", expected a number, a schedule or an array of numbers for +=)"}},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) { CHECK(errors_of(file, c.set) == c.expected); }
  }
}

TEST_CASE("the range of a schedule is checked in every year, from a file it extends too", "[set]") {
  TempDir dir;
  write_scenario(dir, "[fund]\ninvestment_return = { 2020 = 0.05, 2024 = -0.02 }\n\n", "base.toml");
  const fs::path file = dir.write("variant.toml", "extends = \"base.toml\"\nname = \"variant\"\n");
  const std::string base = (dir.path() / "base.toml").string();
  CHECK(errors_of(file, {}) ==
        std::vector<std::string>{base +
                                 ":10:43: error: fund.investment_return.2024: value out of range "
                                 "(got -0.02, expected a number in [0, 1])"});
  // Replaced on the command line: valid.
  CHECK(load_with(file, {"fund.investment_return.2024=0.02"}).fund.investment_return.at(2024) ==
        0.02);
}

TEST_CASE("parse_set_argument splits the three forms", "[set]") {
  using ssproj::scenario::SetOperation;
  ssproj::core::Diagnostics diagnostics;
  const auto assign = ssproj::scenario::parse_set_argument(
      "coverage.compliance_factor_by_region.\"Vientiane Capital\" = 0.5", diagnostics);
  REQUIRE(assign);
  CHECK(assign->operation == SetOperation::kAssign);
  CHECK(assign->key == "coverage.compliance_factor_by_region.\"Vientiane Capital\"");
  CHECK(assign->path ==
        std::vector<std::string>{"coverage", "compliance_factor_by_region", "Vientiane Capital"});
  CHECK(assign->value == "0.5");
  const auto add =
      ssproj::scenario::parse_set_argument("fund.investment_return+=-0.01", diagnostics);
  REQUIRE(add);
  CHECK(add->operation == SetOperation::kAdd);
  CHECK(add->value == "-0.01");
  const auto times =
      ssproj::scenario::parse_set_argument("demography.mortality_multiplier*=0.9", diagnostics);
  REQUIRE(times);
  CHECK(times->operation == SetOperation::kMultiply);
  CHECK(diagnostics.empty());
  CHECK_FALSE(ssproj::scenario::parse_set_argument("a..b=1", diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics.list()[0].to_string() ==
        "command line: --set a..b=1: error: a..b: invalid key in --set (got \"a..b\", expected a "
        "dotted key such as fund.investment_return)");
}
