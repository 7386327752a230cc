// The ssproj executable: exit statuses, what goes to stdout and stderr, and that an invalid
// run writes nothing.
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <ssproj/simulate.h>

#include "support/fixtures.h"
#include "util/sha256.h"

namespace {

namespace fs = std::filesystem;
using ssproj::testing::quote;
using ssproj::testing::read_file;
using ssproj::testing::Result;
using ssproj::testing::run_ssproj;
using ssproj::testing::TempDir;

const std::string kSmallProjection = "start_year = 2020\nend_year = 2023\n";
const ssproj::testing::SmallDataOptions kSmallData{2020, 2023};

fs::path small_scenario(const TempDir& dir) {
  return ssproj::testing::write_small_scenario(dir, kSmallData, kSmallProjection);
}

// The small scenario's text with `projection` in [projection] (line 5 on).
std::string scenario_text(const std::string& projection) {
  return ssproj::testing::small_scenario_text(projection);
}

bool is_empty_dir(const fs::path& dir) {
  return fs::is_directory(dir) && fs::directory_iterator(dir) == fs::directory_iterator();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// validate

TEST_CASE("validate: a valid scenario exits 0", "[cli]") {
  TempDir dir;
  const fs::path file = small_scenario(dir);
  const Result r = run_ssproj("validate " + quote(file));
  CHECK(r.status == 0);
  CHECK(r.out == file.string() + ": valid\n");
  CHECK(r.err.empty());

  const Result quiet = run_ssproj("validate -q " + quote(file));
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
}

TEST_CASE("validate: the committed Lao baseline is valid", "[cli]") {
  const fs::path file = ssproj::testing::source_dir() / "scenarios/lao/baseline.toml";
  const Result r = run_ssproj("validate " + quote(file));
  // Valid, without a warning: the baseline starts from the reconstructed reserve.
  CHECK(r.err.empty());
  CHECK(r.out == file.string() + ": valid\n");
  CHECK(r.status == 0);
}

TEST_CASE("validate: three errors in a file are three lines and exit 2", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  dir.write("scenario.toml", scenario_text("start_year = 2020\nend_year = 2023\nsed = 4\n"
                                           "sample_fraction = 0\nreplications = 1.5\n"));
  // Relative to the working directory, as a user would type it.
  const Result r = run_ssproj("validate scenario.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "scenario.toml:7:1: error: projection.sed: unknown key (got \"sed\", expected a key of "
        "[projection]; did you mean \"seed\"?)\n"
        "scenario.toml:8:19: error: projection.sample_fraction: value out of range (got 0, "
        "expected a number in (0, 1])\n"
        "scenario.toml:9:16: error: projection.replications: wrong type (got 1.5, expected an "
        "integer in [1, 10000])\n"
        "3 errors\n");
}

TEST_CASE("validate: a bad data row is reported with file, line, column and value", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  dir.write("data/sex_ratio_at_birth.csv",
            "year,sex_ratio_at_birth\n2020,1.05\n2021,1.05\n2022,7\n2023,1.05\n");
  const Result r = run_ssproj("validate scenario.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "data/sex_ratio_at_birth.csv:4:6: error: sex_ratio_at_birth: value out of range (got 7, "
        "expected a number in [0.5, 2])\n"
        "1 error\n");
}

TEST_CASE("validate: a missing file exits 2", "[cli]") {
  TempDir dir;
  const Result r = run_ssproj("validate nope.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "nope.toml:1:1: error: cannot open scenario file (expected an existing TOML "
        "file)\n1 error\n");
}

TEST_CASE("validate: several files are all checked; any invalid one gives exit 2", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  dir.write("bad.toml", "schema_version = 1\n");
  const Result r = run_ssproj("validate bad.toml scenario.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.out == "scenario.toml: valid\n");
  CHECK(r.err ==
        "bad.toml:1:1: error: name: required key is missing (expected a string)\n"
        "bad.toml:1:1: error: projection: required table is missing (expected a table "
        "[projection])\n"
        "bad.toml:1:1: error: data: required table is missing (expected a table [data])\n"
        "3 errors\n");
}

TEST_CASE("the command line itself being wrong exits 64", "[cli]") {
  SECTION("no command") {
    const Result r = run_ssproj("");
    CHECK(r.status == 64);
    CHECK(r.err.rfind("Usage: ssproj COMMAND", 0) == 0);
  }
  SECTION("unknown command") {
    const Result r = run_ssproj("frobnicate x.toml");
    CHECK(r.status == 64);
    CHECK(r.err ==
          "ssproj: unknown command 'frobnicate' (expected run, compare, sensitivity, report, "
          "validate or describe)\n"
          "Try 'ssproj --help'.\n");
  }
  SECTION("validate without a file") {
    const Result r = run_ssproj("validate");
    CHECK(r.status == 64);
    CHECK(r.err == "ssproj: validate needs at least one scenario file\nTry 'ssproj --help'.\n");
  }
}

TEST_CASE("every command's help shows its usage line and no internal option", "[cli]") {
  // Issue 15: the hidden option that receives the file arguments (`--scenario arg`, `--plan
  // arg`) was listed among every command's options.
  struct Case {
    const char* command;
    const char* usage;
  };
  const Case cases[] = {{"run", "ssproj run SCENARIO --out DIR [options]\n"},
                        {"compare", "ssproj compare BASELINE STRATEGY... --out DIR [options]\n"},
                        {"sensitivity", "ssproj sensitivity PLAN --out DIR [options]\n"},
                        {"validate", "ssproj validate SCENARIO... [options]\n"},
                        {"describe", "ssproj describe SCENARIO [options]\n"}};
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.command) {
      const Result r = run_ssproj(std::string(c.command) + " --help");
      CHECK(r.status == 0);
      CHECK(r.err.empty());
      CHECK(r.out.rfind(c.usage, 0) == 0);
      CHECK(r.out.find("--scenario") == std::string::npos);
      CHECK(r.out.find("--plan") == std::string::npos);
      CHECK(r.out.find("--help") != std::string::npos);
      // A misspelt option is not matched to the internal one.
      const Result typo = run_ssproj(std::string(c.command) + " --scenari x.toml");
      CHECK(typo.status == 64);
      CHECK(typo.err.rfind("ssproj: unknown option '--scenari'\n", 0) == 0);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// run

TEST_CASE("run: an invalid scenario writes nothing", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  const std::string expected_error =
      "scenario.toml:6:12: error: projection.end_year: end year is not after the start year "
      "(got 2019, expected a year > projection.start_year (2020))\n"
      "1 error\n";
  dir.write("scenario.toml", scenario_text("start_year = 2020\nend_year = 2019\n"));
  SECTION("the output directory is not created") {
    const Result r = run_ssproj("run scenario.toml --out out", dir.path());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == expected_error);
    CHECK_FALSE(fs::exists(dir.path() / "out"));
  }
  SECTION("an existing output directory stays empty") {
    fs::create_directories(dir.path() / "out");
    const Result r = run_ssproj("run scenario.toml --out out -q", dir.path());
    CHECK(r.status == 2);
    CHECK(r.err == expected_error);
    CHECK(is_empty_dir(dir.path() / "out"));
  }
}

TEST_CASE("run: an invalid data table writes nothing", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  dir.write("data/fertility.csv",
            "year,age,asfr\n2020,15,0.05\n2021,15,0.05\n2022,15,x\n"
            "2023,15,0.05\n");
  const Result r = run_ssproj("run scenario.toml --out out", dir.path());
  CHECK(r.status == 2);
  CHECK(r.err ==
        "data/fertility.csv:4:9: error: asfr: not a number (got \"x\", expected a finite decimal "
        "number)\n"
        "1 error\n");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("run: command-line overrides are validated and located at the command line", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  struct Case {
    const char* options;
    const char* expected;
  };
  const Case cases[] = {
      {"--sample-fraction 0",
       "command line: error: projection.sample_fraction: value out of range (got 0.0, "
       "expected a number in (0, 1])\n1 error\n"},
      {"-f 1.5",
       "command line: error: projection.sample_fraction: value out of range (got 1.5, "
       "expected a number in (0, 1])\n1 error\n"},
      {"--replications 0",
       "command line: error: projection.replications: value out of range (got 0, expected "
       "an integer in [1, 10000])\n1 error\n"},
      {"--seed 18446744073709551615",
       "command line: error: projection.seed: value out of range (got 18446744073709551615, "
       "expected an integer in [0, 9223372036854775807])\n1 error\n"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.options) {
      const Result r =
          run_ssproj("run scenario.toml --out out " + std::string(c.options), dir.path());
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(r.err == c.expected);
      CHECK_FALSE(fs::exists(dir.path() / "out"));
    }
  }
}

TEST_CASE("run: an option value that is not a number is a usage error", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  const Result r = run_ssproj("run scenario.toml --out out --sample-fraction half", dir.path());
  CHECK(r.status == 64);
  CHECK(r.err ==
        "ssproj: the argument ('half') for option '--sample-fraction' is invalid\n"
        "Try 'ssproj --help'.\n");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("run: a negative seed is a usage error, not a wrapped-around number", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  const Result r = run_ssproj("run scenario.toml --out out --seed -1", dir.path());
  CHECK(r.status == 64);
  CHECK(r.err ==
        "ssproj: --seed takes a whole number >= 0 (got '-1')\n"
        "Try 'ssproj --help'.\n");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("run: an unusable output directory fails before any work", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  dir.write("blocker", "a file, not a directory");
  const Result r = run_ssproj("run scenario.toml --out blocker/out -q", dir.path());
  // A usage error (issue 12: an --out that cannot take the results is a wrong option).
  CHECK(r.status == 64);
  CHECK(r.err.rfind("ssproj: cannot create directory blocker/out", 0) == 0);
}

TEST_CASE("run: a valid small scenario writes its tables", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  const Result r = run_ssproj(
      "run scenario.toml --out out -q --threads 2 --sample-fraction 0.5 --seed 9", dir.path());
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(fs::is_regular_file(dir.path() / "out/population.csv"));
  CHECK(fs::is_regular_file(dir.path() / "out/population_cohort.csv"));
  CHECK(fs::is_regular_file(dir.path() / "out/manifest.json"));
  CHECK(read_file(dir.path() / "out/population.csv").rfind("year,sex,age,persons\n", 0) == 0);
}

// ---------------------------------------------------------------------------------------------
// describe

TEST_CASE("describe: prints the resolved scenario and it round-trips", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  dir.write("base/base.toml",
            "schema_version = 1\n"
            "name = \"base\"\n"
            "[projection]\n"
            "start_year = 2020\n"
            "end_year = 2023\n"
            "seed = 5\n"
            "[data]\n"
            "base_population = \"../data/base_population.csv\"\n"
            "mortality = \"../data/mortality.csv\"\n"
            "fertility = \"../data/fertility.csv\"\n"
            "sex_ratio_at_birth = \"../data/sex_ratio_at_birth.csv\"\n"
            "net_migration = \"../data/net_migration.csv\"\n"
            "[demography]\n"
            "fertility_multiplier = { 2020 = 1.0, 2022 = 0.5, interpolation = \"linear\" }\n");
  dir.write("variants/low/low.toml",
            "extends = \"../../base/base.toml\"\n"
            "name = \"low\"\n"
            "[projection]\n"
            "replications = 2\n"
            "[demography]\n"
            "mortality_multiplier = 0.5\n");
  // In the order the files give the keys (the base file's first, a key the variant changes in
  // the base's place), defaults after them; each key with its description as a comment.
  const std::string expected =
      "schema_version = 1\n"
      "name = \"low\"\n"
      "description = \"\"\n"
      "\n"
      "[projection]\n"
      "start_year = 2020\n"
      "end_year = 2023\n"
      "seed = 5\n"
      "replications = 2\n"
      "sample_fraction = 1.0\n"
      "prices = \"current\"\n"
      "stages = \"all\"\n"
      "sampling = \"random\"\n"
      "\n"
      "[data]\n"
      "base_population = \"../../data/base_population.csv\"\n"
      "mortality = \"../../data/mortality.csv\"\n"
      "fertility = \"../../data/fertility.csv\"\n"
      "sex_ratio_at_birth = \"../../data/sex_ratio_at_birth.csv\"\n"
      "net_migration = \"../../data/net_migration.csv\"\n"
      "\n"
      "[demography]\n"
      "fertility_multiplier = { 2020 = 1.0, 2022 = 0.5, interpolation = \"linear\" }\n"
      "mortality_multiplier = 0.5\n"
      "migration_multiplier = 1.0\n"
      "mortality_measure = \"mx\"\n"
      "birth_timing = \"exposure\"\n";
  const auto without_comments = [](const std::string& text) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
      const std::size_t end = text.find('\n', at);
      const std::string line = text.substr(at, end - at + 1);
      if (line.rfind("# ", 0) != 0) out += line;
      at = end + 1;
    }
    return out;
  };

  const Result r = run_ssproj("describe variants/low/low.toml", dir.path());
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(without_comments(r.out) == expected);
  CHECK(r.out.rfind("# Version of the scenario file format. This build reads version 1 only; any "
                    "other value is reported\n# as `unsupported schema version`.\n"
                    "schema_version = 1\n",
                    0) == 0);
  // Markdown links of the descriptions become their text.
  CHECK(r.out.find("# scenarios gives common random numbers (methodology.md §10).\nseed = 5\n") !=
        std::string::npos);

  // Saved next to the scenario, describe's output describes itself.
  dir.write("variants/low/described.toml", r.out);
  const Result again = run_ssproj("describe described.toml", dir.path() / "variants/low");
  CHECK(again.status == 0);
  CHECK(again.err.empty());
  CHECK(again.out == r.out);
  const Result valid = run_ssproj("validate -q described.toml", dir.path() / "variants/low");
  CHECK(valid.status == 0);
}

TEST_CASE("describe: numbers are the shortest text that reads back as the same number", "[cli]") {
  // Issue 15: `accrual = 0.014999999999999999`.
  const fs::path file = ssproj::testing::source_dir() / "scenarios/lao/baseline.toml";
  const Result r = run_ssproj("describe " + quote(file));
  CHECK(r.status == 0);
  CHECK(r.out.find("\naccrual = 0.015\n") != std::string::npos);
  CHECK(r.out.find("9999999") == std::string::npos);
  CHECK(r.out.find("0000001") == std::string::npos);
  // The baseline's sections in the file's order, not alphabetical.
  const std::size_t projection = r.out.find("\n[projection]\n");
  const std::size_t data = r.out.find("\n[data]\n");
  const std::size_t demography = r.out.find("\n[demography]\n");
  const std::size_t economy = r.out.find("\n[economy]\n");
  CHECK(projection < data);
  CHECK(data < demography);
  CHECK(demography < economy);
}

TEST_CASE("describe: a Lao strategy's description, saved beside it, describes itself", "[cli]") {
  // Entries of several types, each with its type's defaults.
  TempDir dir;
  const fs::path lao = ssproj::testing::source_dir() / "scenarios/lao";
  const Result r = run_ssproj("describe " + quote(lao / "combined.toml"));
  REQUIRE(r.status == 0);
  // Beside it: the same data paths (../../data/lao/...) reach a copy of the data.
  fs::create_directories(dir.path() / "data");
  fs::copy(ssproj::testing::source_dir() / "data/lao", dir.path() / "data/lao",
           fs::copy_options::recursive);
  dir.write("scenarios/lao/described.toml", r.out);
  const Result again = run_ssproj("describe scenarios/lao/described.toml", dir.path());
  CHECK(again.status == 0);
  CHECK(again.out == r.out);
}

TEST_CASE("describe: an invalid scenario prints nothing on stdout and exits 2", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  dir.write("child.toml", "extends = \"scenario.toml\"\n[projection]\nsample_fraction = 0\n");
  const Result r = run_ssproj("describe child.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "child.toml:3:19: error: projection.sample_fraction: value out of range (got 0, "
        "expected a number in (0, 1])\n"
        "1 error\n");
}

// ---------------------------------------------------------------------------------------------
// compare

namespace {

// A small workforce scenario (scenario.toml) and a strategy that extends it with village
// visits (strategy.toml); `strategy_extra` goes into the strategy's file after its name.
void compare_files(const TempDir& dir, const std::string& strategy_extra = "") {
  ssproj::testing::SmallDataOptions data{2020, 2024};
  data.workforce = ssproj::testing::SmallWorkforce{};
  ssproj::testing::write_small_scenario(
      dir, data, "start_year = 2020\nend_year = 2024\nseed = 3\n",
      "[economy]\nminimum_wage = 1000000\n[coverage]\nregistration_hazard = 0.01\n"
      "[contributions]\nvoluntary_rate = 0.09\n");
  dir.write("strategy.toml", "extends = \"scenario.toml\"\nname = \"strategy\"\n" + strategy_extra +
                                 "\n[[interventions]]\ntype = \"mobile_registration\"\n"
                                 "name = \"visits\"\nstart_year = 2021\nvisits_per_year = 20\n"
                                 "cost_per_visit = 1000000\n");
}

}  // namespace

TEST_CASE("compare: writes comparison.csv, each scenario's tables and a summary", "[cli]") {
  TempDir dir;
  compare_files(dir);
  const Result r = run_ssproj(
      "compare scenario.toml strategy.toml --out out -q --threads 2 "
      "--key-years 2022,2024",
      dir.path());
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const std::string csv = read_file(dir.path() / "out/comparison.csv");
  CHECK(csv.rfind("strategy,year,active_contributors,coverage_rate,additional_contributors,"
                  "programme_cost,subsidy_cost,cumulative_cost,"
                  "cost_per_additional_contributor_year,reserve_end,paygo_cost_rate,"
                  "general_average_premium,reserve_depletion_year\n",
                  0) == 0);
  CHECK(csv.find("\nscenario,2020,") != std::string::npos);
  CHECK(csv.find("\nstrategy,horizon,") != std::string::npos);
  for (const char* name : {"scenario", "strategy"}) {
    INFO(name);
    CHECK(fs::is_regular_file(dir.path() / "out" / name / "manifest.json"));
    CHECK(fs::is_regular_file(dir.path() / "out" / name / "finance.csv"));
    CHECK(fs::is_regular_file(dir.path() / "out" / name / "interventions.csv"));
  }
  CHECK(read_file(dir.path() / "out/strategy/interventions.csv").find("\n2022,visits,") !=
        std::string::npos);
  // The summary: a header naming the key years, and one line per scenario.
  // Scenarios are named by their `name` ("small" for scenario.toml), not their file's stem.
  CHECK(r.out.rfind("Strategies against small, 2020-2024: seed 3, 1 replication(s)", 0) == 0);
  CHECK(r.out.find("| 2022 ") != std::string::npos);
  CHECK(r.out.find("| 2024 ") != std::string::npos);
  CHECK(r.out.find("\nsmall ") != std::string::npos);
  CHECK(r.out.find("\nstrategy ") != std::string::npos);
  CHECK(r.out.find("\nscenario ") == std::string::npos);
  // Then the valuation of each scenario: GAP, balance, scaled premium, depletion, PAYG.
  const std::size_t valuation = r.out.find("\nValuation (all schemes):\nvariant ");
  REQUIRE(valuation != std::string::npos);
  CHECK(r.out.find("GAP pens", valuation) != std::string::npos);
  CHECK(r.out.find("PAYG 2022", valuation) != std::string::npos);
  CHECK(r.out.find("\nstrategy ", valuation) != std::string::npos);
  CHECK(r.out.find("\nsmall ", valuation) != std::string::npos);

  // The same comparison on one thread is byte for byte the same.
  const Result one = run_ssproj(
      "compare scenario.toml strategy.toml --out out1 -q --threads 1 "
      "--key-years 2022,2024",
      dir.path());
  CHECK(one.status == 0);
  CHECK(read_file(dir.path() / "out1/comparison.csv") == csv);
  CHECK(one.out == r.out);
  // The scenarios' tables are written as each finishes, in any order; the manifest lists them
  // in the scenarios' order, then the comparison's own tables, on any thread count.
  for (const char* out : {"out/manifest.json", "out1/manifest.json"}) {
    INFO(out);
    const std::string manifest = read_file(dir.path() / out);
    const auto first_scenario = manifest.find("\"scenario/");
    const auto first_strategy = manifest.find("\"strategy/");
    const auto last_scenario = manifest.rfind("\"scenario/");
    const auto comparison = manifest.find("\"comparison.csv\"");
    REQUIRE(first_scenario != std::string::npos);
    REQUIRE(comparison != std::string::npos);
    CHECK(last_scenario < first_strategy);
    CHECK(manifest.rfind("\"strategy/") < comparison);
  }
  // `compare --help` names every table the comparison writes, and those of uncertain inputs.
  const Result help = run_ssproj("compare --help");
  for (const auto& e : fs::directory_iterator(dir.path() / "out")) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name == "manifest.json") continue;
    INFO(name);
    CHECK(help.out.find(name) != std::string::npos);
  }
  for (const char* name : {"comparison_draws.csv", "comparison_drivers.csv"}) {
    CHECK(help.out.find(name) != std::string::npos);
  }
  // And `run --help` every table of a run.
  const Result run_help = run_ssproj("run --help");
  for (const auto& e : fs::directory_iterator(dir.path() / "out/strategy")) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file()) continue;
    INFO(name);
    CHECK(run_help.out.find(name) != std::string::npos);
  }
  CHECK(run_help.out.find("draws.csv") != std::string::npos);
}

TEST_CASE("compare: the summary names scenarios by their name, the directories by their file",
          "[cli]") {
  TempDir dir;
  compare_files(dir);
  // A second strategy with the same name as the first: its directory name is shown beside it.
  dir.write("other.toml", "extends = \"strategy.toml\"\n");
  const Result r = run_ssproj(
      "compare scenario.toml strategy.toml other.toml --out out -q --key-years 2022", dir.path());
  CHECK(r.status == 0);
  CHECK(r.out.rfind("Strategies against small, 2020-2024:", 0) == 0);
  CHECK(r.out.find("\nsmall ") != std::string::npos);
  CHECK(r.out.find("\nstrategy (strategy) ") != std::string::npos);
  CHECK(r.out.find("\nstrategy (other) ") != std::string::npos);
  // Directories and comparison.csv keep the files' stems.
  CHECK(fs::is_directory(dir.path() / "out/scenario"));
  CHECK(fs::is_directory(dir.path() / "out/other"));
  CHECK(read_file(dir.path() / "out/comparison.csv").find("\nscenario,2020,") != std::string::npos);
}

TEST_CASE("extends: a file's [[interventions]] say whether they add to or replace the base's",
          "[cli]") {
  // Issue 15: a file's [[interventions]] replaced those of the file it extends, silently.
  TempDir dir;
  compare_files(dir);  // strategy.toml has one entry, "visits"
  const std::string entry =
      "[[interventions]]\ntype = \"district_office\"\nname = \"office\"\nstart_year = 2022\n"
      "fixed_cost_per_year = 1000000\n";
  const auto entries = [](const std::string& described) {
    std::vector<std::string> names;
    for (std::size_t at = described.find("\n[[interventions]]\n"); at != std::string::npos;
         at = described.find("\n[[interventions]]\n", at + 1)) {
      const std::size_t name = described.find("\nname = \"", at) + 9;
      names.push_back(described.substr(name, described.find('"', name) - name));
    }
    return names;
  };
  SECTION("without interventions_mode: an error that names both words") {
    dir.write("child.toml", "extends = \"strategy.toml\"\nname = \"child\"\n\n" + entry);
    const Result r = run_ssproj("validate child.toml", dir.path());
    CHECK(r.status == 2);
    CHECK(
        r.err ==
        "child.toml:4:1: error: interventions: the file this one extends has [[interventions]] "
        "entries too (got 1 entry here, 1 entry in the file extended, expected interventions_mode "
        "= \"append\" (add these after the extended file's entries) or \"replace\" (drop the "
        "extended file's) in this file)\n1 error\n");
  }
  SECTION("append: the base's entries, then the file's") {
    dir.write("child.toml",
              "extends = \"strategy.toml\"\nname = \"child\"\n"
              "interventions_mode = \"append\"\n\n" +
                  entry);
    const Result r = run_ssproj("describe child.toml", dir.path());
    CHECK(r.status == 0);
    CHECK(entries(r.out) == std::vector<std::string>{"visits", "office"});
    CHECK(r.out.find("interventions_mode") == std::string::npos);
  }
  SECTION("replace: the file's entries only") {
    dir.write("child.toml",
              "extends = \"strategy.toml\"\nname = \"child\"\n"
              "interventions_mode = \"replace\"\n\n" +
                  entry);
    const Result r = run_ssproj("describe child.toml", dir.path());
    CHECK(r.status == 0);
    CHECK(entries(r.out) == std::vector<std::string>{"office"});
  }
  SECTION("an empty list drops the base's entries without a mode") {
    dir.write("child.toml", "extends = \"strategy.toml\"\nname = \"child\"\ninterventions = []\n");
    const Result r = run_ssproj("describe child.toml", dir.path());
    CHECK(r.status == 0);
    CHECK(entries(r.out).empty());
  }
  SECTION("a mode that is not a word of the list, and a mode without entries") {
    dir.write("child.toml",
              "extends = \"strategy.toml\"\nname = \"child\"\n"
              "interventions_mode = \"apend\"\n\n" +
                  entry);
    const Result misspelt = run_ssproj("validate child.toml", dir.path());
    CHECK(misspelt.status == 2);
    CHECK(misspelt.err ==
          "child.toml:3:22: error: interventions_mode: unknown value (got \"apend\", expected "
          "\"append\" or \"replace\"; did you mean \"append\"?)\n1 error\n");
    dir.write("child.toml",
              "extends = \"strategy.toml\"\nname = \"child\"\n"
              "interventions_mode = \"append\"\n");
    const Result alone = run_ssproj("validate child.toml", dir.path());
    CHECK(alone.status == 2);
    CHECK(alone.err ==
          "child.toml:3:22: error: interventions_mode: interventions_mode without "
          "[[interventions]] (got \"append\", expected [[interventions]] entries in this file (the "
          "mode says what they do to those of the file it extends))\n1 error\n");
  }
}

TEST_CASE("compare: an invalid strategy writes nothing and names every problem", "[cli]") {
  TempDir dir;
  compare_files(dir, "[coverage]\nlapse_hazard = 2\n");
  const Result r = run_ssproj("compare scenario.toml strategy.toml --out out -q", dir.path());
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("strategy.toml:4:16: error: coverage.lapse_hazard: value out of range (got 2, "
                   "expected a number in [0, 1])") != std::string::npos);
  CHECK(r.err.find("1 error\n") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("compare: different sample fractions are refused with the option that fixes it",
          "[cli]") {
  TempDir dir;
  compare_files(dir, "[projection]\nsample_fraction = 0.05\n");
  const Result r = run_ssproj("compare scenario.toml strategy.toml --out out -q", dir.path());
  CHECK(r.status == 2);
  // The fractions as written (shortest round trip, not "0.050000"), and the option to give.
  CHECK(r.err.find("projection.sample_fraction: cannot be compared with the baseline (got 0.05, "
                   "expected ") != std::string::npos);
  CHECK(r.err.find(": one sample for every strategy; or give --sample-fraction (as in "
                   "scenario.toml))") != std::string::npos);
  CHECK(r.err.find("0.050000") == std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
  const Result given = run_ssproj(
      "compare scenario.toml strategy.toml --out out -q --sample-fraction 0.05", dir.path());
  CHECK(given.status == 0);
}

TEST_CASE("compare: scenarios with different seeds are refused unless --seed is given", "[cli]") {
  TempDir dir;
  compare_files(dir, "[projection]\nseed = 4\n");
  const Result r = run_ssproj("compare scenario.toml strategy.toml --out out -q", dir.path());
  CHECK(r.status == 2);
  CHECK(r.err ==
        "strategy.toml:4:8: error: projection.seed: cannot be compared with the baseline "
        "(got 4, expected 3: common random numbers need one seed; or give --seed (as "
        "in scenario.toml))\n1 error\n");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
  const Result seeded =
      run_ssproj("compare scenario.toml strategy.toml --out out -q --seed 5", dir.path());
  CHECK(seeded.status == 0);
  CHECK(seeded.out.rfind("Strategies against small, 2020-2024: seed 5,", 0) == 0);
}

TEST_CASE("compare: a wrong command line exits 64", "[cli]") {
  TempDir dir;
  compare_files(dir);
  for (const char* args : {"compare scenario.toml --out out", "compare scenario.toml strategy.toml",
                           "compare scenario.toml strategy.toml --out out --key-years 2030,x",
                           "compare scenario.toml strategy.toml --out out --threads -1"}) {
    INFO(args);
    const Result r = run_ssproj(args, dir.path());
    CHECK(r.status == 64);
    CHECK(r.err.find("Try 'ssproj --help'.") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("validate: every committed Lao scenario is valid", "[cli]") {
  std::vector<std::string> files;
  for (const auto& entry :
       fs::directory_iterator(ssproj::testing::source_dir() / "scenarios/lao")) {
    // sensitivity.toml is a sensitivity plan, not a scenario.
    if (entry.path().extension() == ".toml" && entry.path().stem() != "sensitivity") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 10);  // the baseline, 8 strategies and the pilot
  std::string args = "validate -q";
  for (const std::string& f : files) args += " " + quote(f);
  const Result r = run_ssproj(args);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  // No warnings: every file starts from the baseline's reconstructed reserve.
  CHECK(r.err.empty());
}

// ---------------------------------------------------------------------------------------------
// --set

TEST_CASE("validate --set: a return below 0 in the Lao baseline exits 2 at the command line",
          "[cli][set]") {
  const fs::path file = ssproj::testing::source_dir() / "scenarios/lao/baseline.toml";
  const Result r = run_ssproj("validate " + quote(file) + " --set fund.investment_return+=-0.09");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  const std::string at = "command line: --set fund.investment_return+=-0.09: error: ";
  CHECK(r.err == at +
                     "fund.investment_return.2023: value out of range (got "
                     "-0.009999999999999995, expected a number in [0, 1])\n" +
                     at +
                     "fund.investment_return.2026: value out of range (got "
                     "-0.0049999999999999906, expected a number in [0, 1])\n" +
                     at +
                     "fund.investment_return.2030: value out of range (got "
                     "-0.024999999999999994, expected a number in [0, 1])\n" +
                     at +
                     "fund.investment_return.2040: value out of range (got "
                     "-0.039999999999999994, expected a number in [0, 1])\n"
                     "4 errors\n");

  // One point lower in every year is valid.
  const Result ok = run_ssproj("validate -q " + quote(file) +
                               " --set fund.investment_return+=-0.01 --set "
                               "demography.mortality_multiplier*=0.9");
  CHECK(ok.status == 0);
  CHECK(ok.err.empty());
}

TEST_CASE("describe --set: prints the changed scenario", "[cli][set]") {
  TempDir dir;
  small_scenario(dir);
  const Result r = run_ssproj(
      "describe scenario.toml --set demography.mortality_multiplier*=0.5 --set "
      "'demography.fertility_multiplier={2020=1.0,2022=0.5}' --set projection.replications=3",
      dir.path());
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const std::size_t demography = r.out.find("\n[demography]\n");
  CHECK(demography != std::string::npos);
  CHECK(r.out.find("\nfertility_multiplier = { 2020 = 1.0, 2022 = 0.5 }\n", demography) !=
        std::string::npos);
  CHECK(r.out.find("\nmortality_multiplier = 0.5\n", demography) != std::string::npos);
  CHECK(r.out.find("\nbirth_timing = \"exposure\"\n", demography) != std::string::npos);
  CHECK(r.out.find("replications = 3\n") != std::string::npos);

  const Result reference = run_ssproj("describe --reference --set name=x", dir.path());
  CHECK(reference.status == 64);
}

TEST_CASE("run --set: the change is in manifest.json's hash; errors write nothing", "[cli][set]") {
  TempDir dir;
  small_scenario(dir);
  const Result plain = run_ssproj("run scenario.toml --out plain -q", dir.path());
  const Result changed = run_ssproj(
      "run scenario.toml --out changed -q --set demography.mortality_multiplier=0.5", dir.path());
  REQUIRE(plain.status == 0);
  REQUIRE(changed.status == 0);
  const auto hash = [&](const char* out) {
    const std::string manifest = read_file(dir.path() / out / "manifest.json");
    const auto at = manifest.find("\"resolved_sha256\": ");
    REQUIRE(at != std::string::npos);
    return manifest.substr(at, 85);
  };
  CHECK(hash("plain") != hash("changed"));
  CHECK(read_file(dir.path() / "plain/population.csv") !=
        read_file(dir.path() / "changed/population.csv"));

  const Result bad = run_ssproj(
      "run scenario.toml --out bad --set demography.mortality_multiplier+=-2", dir.path());
  CHECK(bad.status == 2);
  CHECK(bad.err ==
        "command line: --set demography.mortality_multiplier+=-2: error: "
        "demography.mortality_multiplier: value out of range (got -1.0, expected a number in "
        "[0, 100])\n1 error\n");
  CHECK_FALSE(fs::exists(dir.path() / "bad"));
}

TEST_CASE("compare --set: applies to every scenario", "[cli][set]") {
  TempDir dir;
  compare_files(dir);
  const Result r =
      run_ssproj("compare scenario.toml strategy.toml --out out --set fund.investment_return=-0.5",
                 dir.path());
  CHECK(r.status == 2);
  const std::string line =
      "command line: --set fund.investment_return=-0.5: error: fund.investment_return: value out "
      "of range (got -0.5, expected a number in [0, 1])\n";
  CHECK(r.err == line + line + "2 errors\n");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

// ---------------------------------------------------------------------------------------------
// Interruptions: a result directory holds the previous complete set or the new one

namespace {

// Every file below `dir` (relative path -> contents).
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file())
      out[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
  }
  return out;
}

// Entries beside `dir` whose names start with ".NAME.staging.".
int staging_beside(const fs::path& dir) {
  int n = 0;
  const std::string prefix = "." + dir.filename().string() + ".staging.";
  for (const auto& e : fs::directory_iterator(dir.parent_path())) {
    n += e.path().filename().string().rfind(prefix, 0) == 0;
  }
  return n;
}

// Runs `args` with SSPROJ_TEST_KILL_AFTER_FILES=kill (SIGKILL after that many files of the
// result set; 0: just before the swap).
Result run_killed(const std::string& args, const fs::path& cwd, int kill) {
  ::setenv("SSPROJ_TEST_KILL_AFTER_FILES", std::to_string(kill).c_str(), 1);
  const Result r = run_ssproj(args, cwd);
  ::unsetenv("SSPROJ_TEST_KILL_AFTER_FILES");
  return r;
}

}  // namespace

TEST_CASE("run: killed while writing, the directory keeps the previous complete set",
          "[cli][result_set]") {
  TempDir dir;
  small_scenario(dir);
  const Result first = run_ssproj("run scenario.toml --out out -q --seed 1", dir.path());
  REQUIRE(first.status == 0);
  const auto previous = snapshot(dir.path() / "out");
  REQUIRE(previous.count("manifest.json") == 1);
  const std::size_t files = previous.size();  // the tables and the manifest
  REQUIRE(files >= 3);
  // The manifest lists every table with its SHA-256.
  for (const auto& [name, contents] : previous) {
    if (name == "manifest.json") continue;
    INFO(name);
    CHECK(previous.at("manifest.json")
              .find("{\"file\": \"" + name + "\", \"sha256\": \"" +
                    ssproj::util::sha256_hex(contents) + "\"}") != std::string::npos);
  }
  for (int kill : {1, 2, static_cast<int>(files) - 1, static_cast<int>(files), 0}) {
    INFO("killed after " << kill << " files");
    const Result r = run_killed("run scenario.toml --out out -q --seed 2", dir.path(), kill);
    CHECK(r.status == 128 + SIGKILL);
    CHECK(snapshot(dir.path() / "out") == previous);
    CHECK(staging_beside(dir.path() / "out") == 1);  // left by the killed run
  }
  // The next run replaces the set whole and removes what the killed runs left.
  const Result next = run_ssproj("run scenario.toml --out out -q --seed 2", dir.path());
  REQUIRE(next.status == 0);
  const auto current = snapshot(dir.path() / "out");
  CHECK(current.size() == files);
  CHECK(current != previous);
  CHECK(staging_beside(dir.path() / "out") == 0);
}

TEST_CASE("compare: killed while writing, the directory keeps the previous complete set",
          "[cli][result_set]") {
  TempDir dir;
  compare_files(dir);
  const std::string args = "compare scenario.toml strategy.toml --out out -q --threads 2";
  const Result first = run_ssproj(args + " --seed 1", dir.path());
  REQUIRE(first.status == 0);
  const auto previous = snapshot(dir.path() / "out");
  CHECK(previous.count("comparison.csv") == 1);
  CHECK(previous.count("manifest.json") == 1);
  CHECK(previous.count("strategy/manifest.json") == 1);
  const int files = static_cast<int>(previous.size());
  for (int kill : {1, files / 2, files - 1, 0}) {
    INFO("killed after " << kill << " files");
    const Result r = run_killed(args + " --seed 2", dir.path(), kill);
    CHECK(r.status == 128 + SIGKILL);
    CHECK(snapshot(dir.path() / "out") == previous);
  }
  const Result next = run_ssproj(args + " --seed 2", dir.path());
  REQUIRE(next.status == 0);
  CHECK(snapshot(dir.path() / "out") != previous);
  CHECK(snapshot(dir.path() / "out").size() == previous.size());
  CHECK(staging_beside(dir.path() / "out") == 0);
}

TEST_CASE("run: SIGTERM during the projection leaves the previous set and says so",
          "[cli][result_set]") {
  TempDir dir;
  small_scenario(dir);
  REQUIRE(run_ssproj("run scenario.toml --out out -q", dir.path()).status == 0);
  const auto previous = snapshot(dir.path() / "out");
  // `timeout` sends SIGTERM while the projection of many replications runs: ssproj exits with
  // its message, and the directory keeps the previous set.
  const std::string cmd = "cd " + quote(dir.path()) + " && timeout -s TERM 0.5 " +
                          quote(std::string(SSPROJ_BINARY)) +
                          " run scenario.toml --out out --seed 9 --replications 10000 -q "
                          "2>err.txt";
  const int raw = std::system(cmd.c_str());
  const int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  REQUIRE(status == 124);  // timeout's status when it had to send the signal
  CHECK(snapshot(dir.path() / "out") == previous);
  const std::string err = read_file(dir.path() / "err.txt");
  CHECK(err.rfind("\nssproj: interrupted: nothing was written (the tables were not); out keeps "
                  "its previous results; the unfinished set in ./.out.staging.",
                  0) == 0);
  CHECK(err.find(" is removed by the next run\n") != std::string::npos);
}

TEST_CASE("run and compare: Ctrl-C says what was not written and exits 130", "[cli][result_set]") {
  // Issue 15: Ctrl-C exited 130 without a word. SIGINT (what Ctrl-C sends) during the
  // projection; `timeout --preserve-status` returns ssproj's own exit status.
  TempDir dir;
  compare_files(dir);
  const auto interrupted = [&](const std::string& args) {
    const std::string cmd = "cd " + quote(dir.path()) +
                            " && timeout --preserve-status -s INT 0.5 " +
                            quote(std::string(SSPROJ_BINARY)) + " " + args + " 2>err.txt";
    const int raw = std::system(cmd.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  };
  SECTION("run, into a directory that does not exist") {
    CHECK(interrupted("run scenario.toml --out out --replications 10000 -q") == 130);
    const std::string err = read_file(dir.path() / "err.txt");
    CHECK(err.rfind("\nssproj: interrupted: nothing was written (the tables were not); out was "
                    "not created; the unfinished set in ./.out.staging.",
                    0) == 0);
    CHECK_FALSE(fs::exists(dir.path() / "out"));
  }
  SECTION("compare") {
    CHECK(interrupted("compare scenario.toml strategy.toml --out out --replications 10000 -q") ==
          130);
    CHECK(read_file(dir.path() / "err.txt")
              .rfind("\nssproj: interrupted: nothing was written (comparison.csv and the tables "
                     "of each scenario were not); out was not created; ",
                     0) == 0);
    CHECK_FALSE(fs::exists(dir.path() / "out"));
  }
}

TEST_CASE("run: an amount beyond its bound is refused before the run, and nothing is written",
          "[cli][result_set]") {
  // Issue 12: 1.7e308 kip a member ran to infinite finance.csv cells; every numeric key now has a
  // bound (core/keys.h), so such a value is an input error. Tables that still overflowed would be
  // refused when written (output_test.cpp, "the projection overflowed").
  TempDir dir;
  const std::string baseline =
      quote((ssproj::testing::source_dir() / "scenarios/lao/baseline.toml").string());
  const Result r = run_ssproj("run " + baseline +
                                  " -f 0.002 -q --set projection.end_year=2026 "
                                  "--set benefits.health_care.cost_per_member=1.7e308 --out out",
                              dir.path());
  CHECK(r.status == 2);
  CHECK(r.err ==
        "command line: --set benefits.health_care.cost_per_member=1.7e308: error: "
        "benefits.health_care.cost_per_member: value out of range (got 1.7e+308, expected a "
        "number in [0, 1e+12])\n1 error\n");
  CHECK_FALSE(fs::exists(dir.path() / "out"));
  CHECK(staging_beside(dir.path() / "out") == 0);
}

TEST_CASE("compare: key years outside the projection are named in a warning", "[cli]") {
  TempDir dir;
  compare_files(dir);
  const Result r = run_ssproj(
      "compare scenario.toml strategy.toml --out out --threads 2 --key-years 1900,2022,5000",
      dir.path());
  CHECK(r.status == 0);
  CHECK(r.err.find("ssproj: warning: key year 1900 is outside the projection (2020-2024); not "
                   "shown\n") != std::string::npos);
  CHECK(r.err.find("key year 5000 is outside") != std::string::npos);
  CHECK(r.err.find("key year 2022") == std::string::npos);
  CHECK(r.out.find("| 1900") == std::string::npos);
}

TEST_CASE("compare: each warning is printed once, with the scenarios it applies to", "[cli]") {
  // Issue 15: the baseline's warning was printed once per scenario (nine times for the Lao
  // strategies). A warning of the baseline and of the strategy that extends it is one line; a
  // warning of the strategy only says so.
  TempDir dir;
  compare_files(dir,
                "[[interventions]]\ntype = \"mobile_registration\"\nname = \"free\"\n"
                "start_year = 2021\nvisits_per_year = 20\n");
  const Result r = run_ssproj(
      "compare scenario.toml strategy.toml --out out --threads 2 --key-years 2022", dir.path());
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.rfind("scenario.toml:1:1: warning: fund.initial_reserve: the fund starts with no "
                    "reserve (got 0, expected the reserve on 1 January of the start year, in "
                    "kip) [all 2 scenarios]\n",
                    0) == 0);
  CHECK(r.err.find("strategy.toml:5:8: warning: interventions[0].name: intervention has no costs "
                   "(got \"free\", expected a cost key") != std::string::npos);
  CHECK(r.err.find("will be 0) [in strategy]\n") != std::string::npos);
  std::size_t count = 0;
  for (std::size_t at = r.err.find("fund.initial_reserve"); at != std::string::npos;
       at = r.err.find("fund.initial_reserve", at + 1)) {
    ++count;
  }
  CHECK(count == 1);
}

TEST_CASE("validate: each warning of several files is printed once", "[cli]") {
  TempDir dir;
  compare_files(dir);
  const Result r = run_ssproj("validate -q scenario.toml strategy.toml", dir.path());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "scenario.toml:1:1: warning: fund.initial_reserve: the fund starts with no reserve (got "
        "0, expected the reserve on 1 January of the start year, in kip) [all 2 scenarios]\n");
}

TEST_CASE("run: a sample of fewer than 10,000 persons is warned about, naming --sample-fraction",
          "[cli]") {
  // Issue 15: `-f 0.0005` ran without a word about the tiny sample. The small scenario holds
  // 20,200 persons: 0.1 simulates 2,020 of them, 0.5 simulates 10,100.
  TempDir dir;
  small_scenario(dir);
  const Result r = run_ssproj("run scenario.toml --out out -f 0.1", dir.path());
  CHECK(r.status == 0);
  CHECK(r.err.rfind("command line: warning: projection.sample_fraction: too small a sample (got "
                    "0.1 (2,020 of 20,200 persons simulated), expected at least 10,000 simulated "
                    "persons, below which the tables are mostly sampling noise: raise "
                    "--sample-fraction (or projection.sample_fraction) to 0.5 or more)\n",
                    0) == 0);
  const Result enough = run_ssproj("run scenario.toml --out out -f 0.5", dir.path());
  CHECK(enough.status == 0);
  CHECK(enough.err.find("warning") == std::string::npos);
  // Written in the file, the warning points at the key.
  dir.write("scenario.toml", scenario_text("start_year = 2020\nend_year = 2023\n"
                                           "sample_fraction = 0.1\n"));
  const Result file = run_ssproj("validate -q scenario.toml", dir.path());
  CHECK(file.status == 0);
  CHECK(file.err.rfind("scenario.toml:7:19: warning: projection.sample_fraction: too small a "
                       "sample (got 0.1 (2,020 of 20,200 persons simulated)",
                       0) == 0);
}

TEST_CASE("run and compare: progress with the time left on a terminal, none elsewhere", "[cli]") {
  // Issue 15: compare showed no progress, run no time remaining. `script` runs ssproj on a
  // pseudo-terminal and copies what it writes there (stderr included) to a file.
  TempDir dir;
  compare_files(dir);
  const auto on_terminal = [&](const std::string& args) {
    const std::string cmd = "cd " + quote(dir.path()) + " && script -qec " +
                            quote(quote(std::string(SSPROJ_BINARY)) + " " + args) +
                            " /dev/null > terminal.txt";
    const int raw = std::system(cmd.c_str());
    INFO(read_file(dir.path() / "terminal.txt"));
    CHECK((WIFEXITED(raw) ? WEXITSTATUS(raw) : -1) == 0);
    return read_file(dir.path() / "terminal.txt");
  };
  SECTION("run: the time elapsed and left, then the total time") {
    // Long enough (several seconds on one thread) for an estimate, which waits for a second.
    const std::string screen =
        on_terminal("run " + quote(ssproj::testing::source_dir() / "scenarios/lao/baseline.toml") +
                    " --out out -f 0.05 -r 2 --threads 1");
    CHECK(screen.find("\rssproj: projecting 1/154 replication-years (0%), ") != std::string::npos);
    CHECK(screen.find(" elapsed, about ") != std::string::npos);
    CHECK(screen.find(" left") != std::string::npos);
    CHECK(screen.find("\rssproj: projecting 154/154 replication-years (100%) in ") !=
          std::string::npos);
  }
  SECTION("compare: one line for all scenarios") {
    const std::string screen =
        on_terminal("compare scenario.toml strategy.toml --out out --key-years 2022");
    CHECK(screen.find("\rssproj: comparing 2 scenarios: ") != std::string::npos);
    CHECK(screen.find("\rssproj: comparing 2 scenarios: 8/8 replication-years (100%) in ") !=
          std::string::npos);
  }
  SECTION("no progress when standard error is not a terminal, or with --quiet") {
    const Result r =
        run_ssproj("compare scenario.toml strategy.toml --out out --key-years 2022", dir.path());
    CHECK(r.status == 0);
    CHECK(r.err.find('\r') == std::string::npos);
    CHECK(r.err.find("replication-years") == std::string::npos);
    const std::string quiet = on_terminal("run scenario.toml --out out -q");
    CHECK(quiet.find("replication-years") == std::string::npos);
  }
}

TEST_CASE("run: --threads is bounded", "[cli]") {
  TempDir dir;
  small_scenario(dir);
  const Result r = run_ssproj("run scenario.toml --out out --threads 100000", dir.path());
  CHECK(r.status == 64);
  CHECK(r.err.rfind("ssproj: --threads must be from 0 (every core) to 1024 (got 100000)", 0) == 0);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("run: a projection that needs more memory than there is is refused before any work",
          "[cli]") {
  TempDir dir;
  const std::string baseline =
      quote((ssproj::testing::source_dir() / "scenarios/lao/baseline.toml").string());
  // 10,000 replications of the whole Lao population keep about 70 GB of results.
  if (ssproj::available_memory_bytes() > 60e9) return;  // a machine that could run it
  const Result r = run_ssproj("run " + baseline + " --replications 10000 -q --out out", dir.path());
  CHECK(r.status == 1);
  CHECK(r.err.rfind("ssproj: error: this needs about ", 0) == 0);
  CHECK(r.err.find("GB of memory (7664989 simulated persons, 10000 replication(s) in all) and ") !=
        std::string::npos);
  CHECK(r.err.find("lower --sample-fraction or --replications") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("compare: a comparison that needs more memory than there is is refused before any work",
          "[cli]") {
  TempDir dir;
  const std::string baseline =
      quote((ssproj::testing::source_dir() / "scenarios/lao/baseline.toml").string());
  const std::string strategy =
      quote((ssproj::testing::source_dir() / "scenarios/lao/mobile_offices.toml").string());
  // Each scenario holds its 10,000 replications' full results (about 12 MB each) until its
  // tables are written; two run at once on two threads.
  if (ssproj::available_memory_bytes() > 200e9) return;  // a machine that could run it
  const Result r = run_ssproj(
      "compare " + baseline + " " + strategy + " --replications 10000 --threads 2 -q --out out",
      dir.path());
  CHECK(r.status == 1);
  CHECK(r.err.rfind("ssproj: error: this needs about ", 0) == 0);
  // The replications of both scenarios are counted.
  CHECK(r.err.find("GB of memory (7664989 simulated persons, 20000 replication(s) in all) and ") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("validate: TOML that would reach a defect of the parser is a located syntax error",
          "[cli]") {
  TempDir dir;
  dir.write("key.toml", "\xc3\xa9 = 1\n");
  dir.write("header.toml", "[\nfoo = 1\n");
  const Result r = run_ssproj("validate key.toml header.toml", dir.path());
  CHECK(r.status == 2);
  CHECK(r.err ==
        "key.toml:1:1: error: TOML syntax error: a character that is not ASCII outside a string "
        "or comment (quote a key that has one)\n1 error\n"
        "header.toml:1:2: error: TOML syntax error: a table header must close on its line\n"
        "1 error\n");
}

TEST_CASE("validate: the keys of GDP and of the output prices are checked", "[cli]") {
  const std::string baseline =
      quote((ssproj::testing::source_dir() / "scenarios/lao/baseline.toml").string());
  const Result r = run_ssproj("validate " + baseline +
                              " --set projection.prices=real --set economy.gdp=-1"
                              " --set economy.real_gdp_growth=-2");
  CHECK(r.status == 2);
  CHECK(r.err ==
        "command line: --set projection.prices=real: error: projection.prices: unknown value "
        "(got \"real\", expected \"current\" or \"constant\")\n"
        "command line: --set economy.gdp=-1: error: economy.gdp: value out of range (got -1, "
        "expected a number in [0, 1e+18])\n"
        "command line: --set economy.real_gdp_growth=-2: error: economy.real_gdp_growth: value "
        "out of range (got -2, expected a number in (-1, 2])\n"
        "3 errors\n");
}
