// Sensitivity of the valuation to its assumptions: one-at-a-time variations (a low and a high
// value of one assumption, the rest at the baseline) and named alternative sets (several
// assumptions changed together, as the low-cost and high-cost sets of the SSA Trustees
// report), each a baseline scenario changed by `--set` expressions or another scenario file.
//
// Every variant runs with the baseline's seed (common random numbers), so a difference from
// the baseline is the assumption's effect, not sampling noise. See docs/sensitivity.md.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <ssproj/error.h>
#include <ssproj/results.h>
#include <ssproj/scenario.h>
#include <ssproj/simulate.h>

namespace ssproj {

// One variant of a sensitivity analysis.
struct SensitivityVariant {
  std::string name;                // unique within the plan; also its output folder
  std::string kind;                // "baseline", "low", "high" or "alternative"
  std::string assumption;          // the assumption varied (low, high), else empty
  std::filesystem::path scenario;  // the scenario file: the baseline's, or the variant's own
  std::vector<std::string> set;    // `--set` expressions applied to it, in order
  // Where each expression of `set` is written in the plan (line, column), so that a problem with
  // it is reported there rather than on the command line.
  std::vector<std::pair<int, int>> set_places = {};
};

// A sensitivity file read and checked: the baseline first, then for each [[assumption]] its
// low and high variants, then each [[alternative]].
struct SensitivityPlan {
  std::filesystem::path file;
  std::vector<int> key_years;
  std::vector<SensitivityVariant> variants;
};

// Reads a sensitivity file (docs/sensitivity.md): `baseline` (a scenario path relative to the
// file), `key_years`, [[assumption]] tables (`name`, `low`, `high`: lists of `--set`
// expressions, or `low_scenario`/`high_scenario` files) and [[alternative]] tables (`name`,
// `set`, optional `scenario`).
// @throws ScenarioError with every problem (file, line, key, value, expectation).
SensitivityPlan load_sensitivity_plan(const std::filesystem::path& file);

// A variant run and valued.
struct SensitivityRun {
  SensitivityVariant variant;
  Scenario scenario;
  std::vector<Valuation> valuations;  // one per replication
};

// Every variant's scenario: its file with the common overrides, then its own `--set`
// expressions. All problems of all variants are reported together (each message names its
// variant), with those that prevent comparing a variant with the baseline (seed, horizon,
// sample fraction, replications, base year).
// @throws ScenarioError
std::vector<Scenario> load_sensitivity_scenarios(const SensitivityPlan& plan,
                                                 const ScenarioOverrides& common);

// Runs the variants one after another (each in parallel over persons), with the baseline's
// seed. A variant that differs from the baseline only in [fund] is valued again on the
// baseline's simulation instead of simulated again: the result is the same, in a fraction of
// the time. `each`, when given, receives each run with its full results (to write its tables).
std::vector<SensitivityRun> run_sensitivity(
    const SensitivityPlan& plan, std::vector<Scenario> scenarios, const RunOptions& options,
    const std::function<void(const SensitivityRun&, const ProjectionResults&)>& each = {});

// The results of every variant in one table, `sensitivity.csv`:
//   variant,kind,assumption,indicator,group,year,value,change
// for the pension group and the total: general_average_premium, actuarial_balance,
// scaled_premium (first period), first_year_of_overall_deficit, reserve_depletion_year (year
// empty), and at each key year paygo_cost_rate and reserve_ratio. value: the mean across
// replications (the median for years); change: value minus the baseline's, replication by
// replication (then the same summary), empty when either is empty.
// REQUIRES: runs.front() is the baseline.
std::string sensitivity_csv(const std::vector<SensitivityRun>& runs,
                            const std::vector<int>& key_years);

// The data of a tornado chart, `tornado.csv`:
//   indicator,group,year,assumption,baseline,low,high,low_change,high_change,swing
// one row per result and assumption, the assumptions in decreasing order of swing
// (max(|low_change|, |high_change|)) within each result.
std::string tornado_csv(const std::vector<SensitivityRun>& runs, const std::vector<int>& key_years);

// A readable table of the variants for the terminal: GAP, actuarial balance, scaled premium,
// depletion year of the pension group and of the total, and the total's PAYG cost rate at the
// key years.
std::string sensitivity_summary(const std::vector<SensitivityRun>& runs,
                                const std::vector<int>& key_years);

}  // namespace ssproj
