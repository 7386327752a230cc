// The formats of the peer workload (issue 13): mortality given as probabilities of dying
// (demography.mortality_measure = "qx"), births at the end of the step
// (demography.birth_timing), and the stages of the microsimulation (projection.stages). Every
// error is asserted with its full text: file, line, column, key, value and expectation.
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/error.h>
#include <ssproj/output.h>
#include <ssproj/scenario.h>
#include <ssproj/simulate.h>

#include "demography/step_rates.h"
#include "support/fixtures.h"

namespace {

namespace fs = std::filesystem;
using ssproj::load_scenario;
using ssproj::Scenario;
using ssproj::ScenarioError;
using ssproj::testing::SmallDataOptions;
using ssproj::testing::TempDir;
using Lines = std::vector<std::string>;

std::vector<std::string> errors_of(const fs::path& file) {
  return ssproj::testing::scenario_errors(file);
}

// A q(x) table for 2020..2022: q(x) = 0.001 (x + 1) for both sexes, 1 from age 95; row
// 2 + (year - 2020) * 202 + sex * 101 + age.
std::string qx_table(int first = 2020, int last = 2022) {
  std::ostringstream out;
  out << "year,sex,age,qx\n";
  for (int year = first; year <= last; ++year) {
    for (const char* sex : {"male", "female"}) {
      for (int x = 0; x <= ssproj::kMaxAge; ++x) {
        out << year << ',' << sex << ',' << x << ',' << (x >= 95 ? 1.0 : 0.001 * (x + 1)) << '\n';
      }
    }
  }
  return out.str();
}

// The small scenario (2020..2022) with `demography` as its [demography] section (when it chooses
// "qx", the q(x) table as data/mortality.csv), and, with `workforce`, the five workforce tables.
fs::path write_qx_scenario(const TempDir& dir, const std::string& projection,
                           const std::string& demography, bool workforce = false,
                           const std::string& sections = "") {
  SmallDataOptions data{2020, 2022};
  if (workforce) data.workforce = ssproj::testing::SmallWorkforce{};
  ssproj::testing::write_small_scenario(dir, data, projection, sections);
  if (demography.find("\"qx\"") != std::string::npos) dir.write("data/mortality.csv", qx_table());
  const std::string text =
      ssproj::testing::small_scenario_text(projection, demography) +
      (workforce ? ssproj::testing::kWorkforceDataKeys + ssproj::testing::kFundAllocation
                 : std::string()) +
      sections;
  return dir.write("scenario.toml", text);
}

const std::string kProjection = "start_year = 2020\nend_year = 2022\n";
const std::string kQx = "[demography]\nmortality_measure = \"qx\"\n";

}  // namespace

TEST_CASE("a qx mortality table gives the step's survival by the age reached", "[unit][stages]") {
  TempDir dir;
  const Scenario s = load_scenario(write_qx_scenario(dir, kProjection, kQx));
  CHECK(s.demography.mortality_measure == "qx");
  CHECK(s.demography.birth_timing == "exposure");
  const auto rates = ssproj::demography::build_step_rates(s);
  REQUIRE(rates.size() == 2);
  for (std::size_t sex = 0; sex < 2; ++sex) {
    // A person aged x on 1 July reaches x + 1: q(x + 1) = 0.001 (x + 2).
    CHECK(rates[0].survival[sex][0] == Approx(1 - 0.002));
    CHECK(rates[0].survival[sex][40] == Approx(1 - 0.042));
    CHECK(rates[0].survival[sex][93] == Approx(1 - 0.095));
    CHECK(rates[0].survival[sex][94] == 0.0);                    // reaches 95: q = 1
    CHECK(rates[0].survival[sex][100] == 0.0);                   // stays 100+: q(100) = 1
    CHECK(rates[0].newborn_survival[sex] == Approx(1 - 0.001));  // q(0): born in the step
  }
  // Fertility keeps its default timing: (f(x) + f(x+1)) / 2 if she survives, f(x) / 2 if not.
  CHECK(rates[0].birth_if_survives[14] == Approx(0.025));
  CHECK(rates[0].birth_if_dies[14] == 0.0);
  CHECK(rates[0].birth_if_survives[15] == Approx(0.05));
  CHECK(rates[0].birth_if_dies[15] == Approx(0.025));
  CHECK(rates[0].birth_if_survives[49] == Approx(0.025));
}

TEST_CASE("the mortality multiplier applies to q(x), capped at 1", "[unit][stages]") {
  TempDir dir;
  const Scenario s = load_scenario(write_qx_scenario(
      dir, kProjection, kQx + "mortality_multiplier = { 2020 = 1.0, 2021 = 0.5 }\n"));
  const auto rates = ssproj::demography::build_step_rates(s);
  CHECK(rates[0].survival[0][40] == Approx(1 - 0.042));
  CHECK(rates[1].survival[0][40] == Approx(1 - 0.021));
  CHECK(rates[1].survival[0][94] == Approx(0.5));
}

TEST_CASE("births at the end of the step go to the survivors, by the age reached",
          "[unit][stages]") {
  TempDir dir;
  const Scenario s =
      load_scenario(write_qx_scenario(dir, kProjection, kQx + "birth_timing = \"end_of_step\"\n"));
  const auto rates = ssproj::demography::build_step_rates(s);
  CHECK(rates[0].birth_if_survives[13] == 0.0);
  CHECK(rates[0].birth_if_survives[14] == Approx(0.05));  // reaches 15
  CHECK(rates[0].birth_if_survives[48] == Approx(0.05));  // reaches 49
  CHECK(rates[0].birth_if_survives[49] == 0.0);
  for (std::size_t x = 0; x <= 100; ++x) CHECK(rates[0].birth_if_dies[x] == 0.0);
  // The cohort-component projection gives B = sum_x F(x) S(x) f(x + 1).
  const ssproj::PopulationSeries cohort = ssproj::project_cohort_component(s);
  double births = 0;
  for (int x = 14; x <= 48; ++x) births += 100 * rates[0].survival[1][x] * 0.05;
  const double children = cohort.years[1][0][0] + cohort.years[1][1][0];
  CHECK(children == Approx(births * (1 - 0.001)));
}

TEST_CASE("a qx table is checked like the other tables: every problem at once", "[unit][stages]") {
  TempDir dir;
  const fs::path file = write_qx_scenario(dir, kProjection, kQx);
  const std::string table = (dir.path() / "data" / "mortality.csv").string();
  std::string text = qx_table();
  // Line 7 (2020, male, 5) above 1, line 110 (2020, female, 7) not a number, line 204
  // (2021, male, 0) blank.
  const auto replace_line = [&](int line, const std::string& with) {
    std::size_t start = 0;
    for (int k = 1; k < line; ++k) start = text.find('\n', start) + 1;
    text.replace(start, text.find('\n', start) - start, with);
  };
  replace_line(7, "2020,male,5,1.5");
  replace_line(110, "2020,female,7,x");
  replace_line(204, "");
  dir.write("data/mortality.csv", text);
  // The blank line is skipped, so 2021's first row is missing.
  CHECK(errors_of(file) ==
        Lines{table + ":1:1: error: missing rows (got no row for year 2021, sex male, age 0, "
                      "expected a row for every year 2020-2022, sex and age 0-100)",
              table + ":7:13: error: qx: value out of range (got 1.5, expected a number in [0, 1])",
              table + ":110:15: error: qx: not a number (got \"x\", expected a finite decimal "
                      "number)"});
}

TEST_CASE("a table of central death rates is refused where q(x) is expected", "[unit][stages]") {
  TempDir dir;
  const fs::path file = write_qx_scenario(dir, kProjection, kQx);
  ssproj::testing::write_small_scenario(dir, {2020, 2022}, kProjection);  // mx again
  dir.write("scenario.toml", ssproj::testing::small_scenario_text(kProjection, kQx));
  const std::string table = (dir.path() / "data" / "mortality.csv").string();
  CHECK(errors_of(file) == Lines{table + ":1:1: error: unexpected header (got \"year,sex,age,mx\", "
                                         "expected \"year,sex,age,qx\")"});
}

TEST_CASE("a mortality multiplier must keep q(x) at or below 1", "[unit][stages]") {
  TempDir dir;
  const fs::path file = write_qx_scenario(dir, kProjection, kQx + "mortality_multiplier = 1.5\n");
  CHECK(errors_of(file) ==
        Lines{file.string() +
              ":10:24: error: demography.mortality_multiplier: multiplied rate out of range (got "
              "1.5 x 1 = 1.5 in 2020, expected a multiplier that keeps every rate <= 1)"});
}

TEST_CASE("q(x) is refused with the scheme's stages", "[unit][stages]") {
  TempDir dir;
  const fs::path file = write_qx_scenario(dir, kProjection, kQx, true);
  CHECK(errors_of(file) ==
        Lines{file.string() +
              ":9:21: error: demography.mortality_measure: mortality as q_x with the scheme's "
              "stages (got \"qx\", expected \"mx\" when the workforce tables are given and "
              "projection.stages is \"all\" (the scheme's life tables are built from m_x); or "
              "stages \"labour\" or \"demography\")"});
  // With the labour stages only, the same scenario is valid.
  const fs::path labour = write_qx_scenario(dir, kProjection + "stages = \"labour\"\n", kQx, true);
  const Scenario s = load_scenario(labour);
  CHECK(s.labour_only());
  CHECK_FALSE(s.runs_scheme());
}

TEST_CASE("projection.stages: its values and its errors", "[unit][stages]") {
  TempDir dir;
  SECTION("the default is all") {
    const Scenario s = load_scenario(write_qx_scenario(dir, kProjection, "", true));
    CHECK(s.projection.stages == "all");
    CHECK(s.runs_scheme());
    CHECK(s.resolved_toml.find("stages = \"all\"") != std::string::npos);
  }
  SECTION("an unknown stage") {
    const fs::path file = write_qx_scenario(dir, kProjection + "stages = \"fund\"\n", "");
    CHECK(errors_of(file) ==
          Lines{file.string() +
                ":7:10: error: projection.stages: unknown value (got \"fund\", expected \"all\", "
                "\"labour\" or \"demography\")"});
  }
  SECTION("labour needs the workforce tables") {
    const fs::path file = write_qx_scenario(dir, kProjection + "stages = \"labour\"\n", "");
    CHECK(errors_of(file) ==
          Lines{file.string() +
                ":7:10: error: projection.stages: labour statuses need the workforce tables (got "
                "\"labour\", expected the five workforce tables in [data] (data.regions, "
                "data.labour_status_shares, data.labour_transitions, data.earnings, "
                "data.age_earnings_profile), or stages \"demography\")"});
  }
  SECTION("demography does not read the workforce tables") {
    const fs::path file =
        write_qx_scenario(dir, kProjection + "stages = \"demography\"\n", "", true);
    dir.write("data/regions.csv", "not a table\n");
    const Scenario s = load_scenario(file);
    CHECK_FALSE(s.has_workforce());
    CHECK(s.inputs.files.size() == 5);
  }
  SECTION("interventions need every stage") {
    const fs::path file = write_qx_scenario(
        dir, kProjection + "stages = \"labour\"\n", "", true,
        "\n[[interventions]]\nname = \"offices\"\ntype = \"district_office\"\nstart_year = "
        "2021\nregions = [\"north\"]\n");
    const Lines errors = errors_of(file);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == file.string() +
                           ":24:1: error: interventions: interventions without the scheme's "
                           "stages (got 1 [[interventions]], expected no [[interventions]] when "
                           "projection.stages is \"labour\" (they act on the scheme's "
                           "membership))");
  }
}

TEST_CASE("stages = labour simulates the labour statuses only", "[unit][stages]") {
  TempDir dir;
  ssproj::testing::SmallWorkforce w;
  w.transitions = ssproj::testing::mixing_transitions(0.5);
  SmallDataOptions data{2020, 2022};
  data.workforce = w;
  ssproj::testing::write_small_scenario(
      dir, data, "start_year = 2020\nend_year = 2022\nstages = \"labour\"\n");
  const Scenario s = load_scenario(dir.path() / "scenario.toml");
  REQUIRE(s.labour_only());
  const ssproj::ProjectionResults r = ssproj::simulate(s, ssproj::RunOptions{});
  CHECK(r.valuations.empty());
  const auto& rep = r.replications.at(0);
  REQUIRE(rep.workforce.size() == 3);
  for (std::size_t y = 0; y < rep.workforce.size(); ++y) {
    // Every person aged 15 or more is counted once, by status; nobody is a member.
    double counted = 0, members = 0;
    std::array<double, ssproj::kNumStatuses> by_status{};
    for (const auto& bands : rep.workforce[y].cells) {
      for (const auto& areas : bands) {
        for (const auto& statuses : areas) {
          for (std::size_t st = 0; st < statuses.size(); ++st) {
            counted += statuses[st].persons;
            by_status[st] += statuses[st].persons;
            for (double m : statuses[st].registered) members += m;
          }
        }
      }
    }
    double adults = 0;
    for (const auto& ages : rep.population.years[y]) {
      for (int x = 15; x <= ssproj::kMaxAge; ++x) adults += ages[static_cast<std::size_t>(x)];
    }
    CHECK(counted == adults);
    CHECK(members == 0);
    // With half of each status moving every year, every status is held by somebody.
    for (double n : by_status) CHECK(n > 0);
  }
  // The same tables on 1 and 2 threads.
  ssproj::RunOptions two;
  two.threads = 2;
  const ssproj::ProjectionResults again = ssproj::simulate(s, two);
  for (std::size_t y = 0; y < rep.workforce.size(); ++y) {
    CHECK(again.replications[0].workforce[y].cells[1][2][0][3].persons ==
          rep.workforce[y].cells[1][2][0][3].persons);
  }
}

TEST_CASE("compare refuses a scenario without the scheme's stages", "[unit][stages]") {
  TempDir dir;
  const fs::path file = write_qx_scenario(dir, kProjection + "stages = \"labour\"\n", "", true);
  const ssproj::testing::Result r =
      ssproj::testing::run_ssproj("compare scenario.toml scenario.toml --out cmp -q", dir.path());
  CHECK(r.status == 2);
  CHECK(r.err.find(file.filename().string() +
                   ":7:10: error: projection.stages: a comparison needs the scheme's stages (got "
                   "\"labour\", expected \"all\")") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "cmp"));
}
