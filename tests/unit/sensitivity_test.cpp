// Sensitivity analysis (src/sensitivity): the plan file and its errors, the runs (common random
// numbers, the fund-only shortcut), the tables, and the command line.
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/sensitivity.h>

#include "support/fixtures.h"

using namespace ssproj;
using ssproj::testing::quote;
using ssproj::testing::TempDir;

namespace {

// A plan next to a copy-free baseline: the Lao baseline, named by absolute path.
std::string baseline_line() {
  return "baseline = " +
         quote((ssproj::testing::source_dir() / "scenarios/lao/baseline.toml").generic_string()) +
         "\n";
}

std::vector<Diagnostic> problems_of(const std::filesystem::path& plan) {
  try {
    load_sensitivity_plan(plan);
  } catch (const ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

bool has(const std::vector<Diagnostic>& ds, const std::string& key, const std::string& message) {
  for (const Diagnostic& d : ds) {
    if (d.key == key && d.message.find(message) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("Sensitivity plan: variants in order, names and sources", "[unit][sensitivity]") {
  const TempDir dir;
  const auto plan_file = dir.write("plan.toml", baseline_line() + R"(key_years = [2030, 2040]
[[assumption]]
name = "investment_return"
low = ["fund.investment_return+=-0.01"]
high = ["fund.investment_return+=0.01"]
[[assumption]]
name = "stock"
low_scenario = "low.toml"
high = ["fund.initial_reserve=1e12"]
[[alternative]]
name = "high_cost"
set = ["fund.investment_return+=-0.01", "economy.real_wage_growth+=-0.005"]
)");
  dir.write("low.toml", "schema_version = 1\n");
  const SensitivityPlan plan = load_sensitivity_plan(plan_file);
  CHECK(plan.key_years == std::vector<int>{2030, 2040});
  REQUIRE(plan.variants.size() == 6);
  const std::vector<std::string> names = {
      "baseline", "investment_return_low", "investment_return_high", "stock_low", "stock_high",
      "high_cost"};
  const std::vector<std::string> kinds = {"baseline", "low", "high", "low", "high", "alternative"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(plan.variants[i].name == names[i]);
    CHECK(plan.variants[i].kind == kinds[i]);
  }
  CHECK(plan.variants[1].assumption == "investment_return");
  CHECK(plan.variants[1].set == std::vector<std::string>{"fund.investment_return+=-0.01"});
  CHECK(plan.variants[3].scenario == (dir.path() / "low.toml").lexically_normal());
  CHECK(plan.variants[3].set.empty());
  CHECK(plan.variants[4].scenario.filename() == "baseline.toml");
  CHECK(plan.variants[5].set.size() == 2);
}

TEST_CASE("Sensitivity plan: every problem is reported with its key", "[unit][sensitivity]") {
  const TempDir dir;
  SECTION("all at once") {
    const auto plan = dir.write("plan.toml", R"(baselin = "baseline.toml"
key_years = ["2030"]
[[assumption]]
name = "Return!"
low = "fund.investment_return+=-0.01"
[[assumption]]
name = "dup"
low = ["a=1"]
high = ["a=2"]
[[assumption]]
name = "dup"
low = ["a=1"]
high = ["a=2"]
colour = "red"
[[alternative]]
set = ["a=1"]
scenario = "missing.toml"
)");
    const std::vector<Diagnostic> d = problems_of(plan);
    CHECK(has(d, "baselin", "unknown key"));
    CHECK(has(d, "baseline", "required key is missing"));
    CHECK(has(d, "key_years", "wrong type"));
    CHECK(has(d, "assumption[0].name", "invalid name"));
    CHECK(has(d, "assumption[0].low", "wrong type"));
    CHECK(has(d, "assumption[0].high", "required key is missing"));
    CHECK(has(d, "assumption[2].colour", "unknown key"));
    CHECK(has(d, "alternative[0].name", "required key is missing"));
    CHECK(has(d, "alternative[0].scenario", "file not found"));
    for (const Diagnostic& x : d) CHECK(x.file.find("plan.toml") != std::string::npos);
  }
  SECTION("duplicate variant names") {
    dir.write("baseline.toml", "schema_version = 1\n");
    const auto plan = dir.write("plan.toml", R"(baseline = "baseline.toml"
[[assumption]]
name = "dup"
low = ["a=1"]
high = ["a=2"]
[[assumption]]
name = "dup"
low = ["a=1"]
high = ["a=2"]
[[alternative]]
name = "baseline"
set = []
)");
    const std::vector<Diagnostic> d = problems_of(plan);
    CHECK(has(d, "assumption[1].name", "duplicate name"));
    CHECK(has(d, "alternative[0].name", "duplicate name"));
  }
  SECTION("a TOML syntax error") {
    const auto plan = dir.write("plan.toml", "baseline = \n");
    const std::vector<Diagnostic> d = problems_of(plan);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("TOML syntax error") != std::string::npos);
  }
}

TEST_CASE("Sensitivity runs: common random numbers, the fund-only shortcut, the tables",
          "[unit][sensitivity]") {
  const TempDir dir;
  const auto plan_file = dir.write("plan.toml", baseline_line() + R"(key_years = [2030, 2040, 2200]
[[assumption]]
name = "investment_return"
low = ["fund.investment_return+=-0.01"]
high = ["fund.investment_return+=0.01"]
[[assumption]]
name = "mortality"
low = ["demography.mortality_multiplier*=0.9"]
high = ["demography.mortality_multiplier*=1.1"]
[[alternative]]
name = "same_as_baseline"
set = []
)");
  const SensitivityPlan plan = load_sensitivity_plan(plan_file);
  ScenarioOverrides common;
  common.sample_fraction = 0.004;
  common.set = {"projection.end_year=2045"};
  const std::vector<Scenario> scenarios = load_sensitivity_scenarios(plan, common);
  REQUIRE(scenarios.size() == 6);
  CHECK(scenarios[1].fund.investment_return.at(2040) ==
        Approx(scenarios[0].fund.investment_return.at(2040) - 0.01));
  RunOptions options;
  options.threads = 2;
  const std::vector<SensitivityRun> runs = run_sensitivity(plan, scenarios, options);
  REQUIRE(runs.size() == 6);

  // The return-only variants were valued on the baseline's simulation: exactly what a fresh
  // simulation of them gives.
  const ProjectionResults fresh = simulate(scenarios[2], options);
  REQUIRE(fresh.valuations.size() == runs[2].valuations.size());
  CHECK(fresh.valuations[0].indicators.size() == runs[2].valuations[0].indicators.size());
  for (std::size_t i = 0; i < fresh.valuations[0].indicators.size(); ++i) {
    const double a = fresh.valuations[0].indicators[i].value;
    const double b = runs[2].valuations[0].indicators[i].value;
    CHECK(((std::isnan(a) && std::isnan(b)) || a == b));
  }

  // A higher return lowers the GAP of the pension group; lower mortality raises it.
  auto gap = [&](std::size_t k) {
    return horizon_indicator(runs[k].valuations[0], "general_average_premium", "pensions");
  };
  CHECK(gap(2) < gap(0));
  CHECK(gap(1) > gap(0));
  CHECK(gap(3) > gap(0));
  CHECK(gap(4) < gap(0));

  const std::string table = sensitivity_csv(runs, plan.key_years);
  const std::vector<std::string> rows = lines_of(table);
  CHECK(rows[0] == "variant,kind,assumption,indicator,group,year,value,change");
  // Per group: 5 horizon results and 2 per key year within the projection (2030, 2040), for
  // each of the 6 variants.
  CHECK(rows.size() == 1 + 2 * (5 + 2 * 2) * 6);
  for (const std::string& row : rows) {
    // The baseline and the alternative identical to it change nothing: 0, or empty when the
    // value itself is empty.
    if (row.rfind("baseline,", 0) == 0 || row.rfind("same_as_baseline,", 0) == 0) {
      INFO(row);
      const std::string change = row.substr(row.rfind(',') + 1);
      CHECK((change == "0" || change.empty()));
    }
  }

  const std::string tornado = tornado_csv(runs, plan.key_years);
  const std::vector<std::string> bars = lines_of(tornado);
  CHECK(bars[0] ==
        "indicator,group,year,assumption,baseline,low,high,low_change,high_change,swing");
  CHECK(bars.size() == 1 + 2 * (5 + 2 * 2) * 2);  // two assumptions per result
  // The GAP of the pension group: a one-point return moves it more than a 10% mortality change
  // or less; either way the larger swing comes first.
  std::vector<double> swings;
  for (const std::string& bar : bars) {
    if (bar.rfind("general_average_premium,pensions,", 0) != 0) continue;
    swings.push_back(std::stod(bar.substr(bar.rfind(',') + 1)));
  }
  REQUIRE(swings.size() == 2);
  CHECK(swings[0] >= swings[1]);
  CHECK(swings[1] > 0);

  const std::string summary = sensitivity_summary(runs, plan.key_years);
  CHECK(summary.find("investment_return_high") != std::string::npos);
  CHECK(summary.find("PAYG 2040") != std::string::npos);
  CHECK(summary.find("PAYG 2200") == std::string::npos);  // beyond the projection
}

TEST_CASE("Sensitivity plan: a --set that is invalid names its variant", "[unit][sensitivity]") {
  const TempDir dir;
  const auto plan_file = dir.write("plan.toml", baseline_line() + R"(
[[assumption]]
name = "investment_return"
low = ["fund.investment_return+=-0.2"]
high = ["fund.investment_rturn+=0.01"]
)");
  const SensitivityPlan plan = load_sensitivity_plan(plan_file);
  std::vector<Diagnostic> d;
  try {
    load_sensitivity_scenarios(plan, {});
  } catch (const ScenarioError& e) {
    d = e.diagnostics();
  }
  REQUIRE(d.size() >= 2);
  bool low = false, high = false;
  for (const Diagnostic& x : d) {
    low = low || (x.message.rfind("variant investment_return_low: ", 0) == 0 &&
                  x.key.rfind("fund.investment_return.", 0) == 0);
    high = high || x.message.rfind("variant investment_return_high: ", 0) == 0;
  }
  CHECK(low);
  CHECK(high);
}

TEST_CASE("ssproj sensitivity: one command, tables and a summary", "[cli][sensitivity]") {
  const TempDir dir;
  const auto plan_file = dir.write("plan.toml", baseline_line() + R"(key_years = [2030]
[[assumption]]
name = "investment_return"
low = ["fund.investment_return+=-0.01"]
high = ["fund.investment_return+=0.01"]
)");
  const auto r =
      ssproj::testing::run_ssproj("sensitivity " + quote(plan_file) +
                                  " --sample-fraction 0.004 --set projection.end_year=2035 " +
                                  "--quiet --out " + quote(dir.path() / "out"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("investment_return_low") != std::string::npos);
  for (const char* f :
       {"sensitivity.csv", "tornado.csv", "baseline/finance.csv",
        "investment_return_low/indicators.csv", "investment_return_high/manifest.json"}) {
    CHECK(std::filesystem::exists(dir.path() / "out" / f));
  }
  SECTION("an invalid plan writes nothing and exits 2") {
    const auto bad = dir.write("bad.toml", "baseline = \"nowhere.toml\"\n");
    const auto e = ssproj::testing::run_ssproj("sensitivity " + quote(bad) + " --out " +
                                               quote(dir.path() / "bad-out"));
    CHECK(e.status == 2);
    CHECK(e.err.find("file not found") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "bad-out"));
  }
}
