// Comparing coverage-expansion strategies against a baseline.
//
// Every scenario is run with the same seed, so a person's random draws are the same in each
// (common random numbers): replication r of a strategy differs from replication r of the
// baseline only by the policy. Differences are taken replication by replication, then
// summarised across replications.
#pragma once

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <ssproj/error.h>
#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj {

// The yearly series of one replication of a strategy that the comparison reads (comparison.csv,
// decisions.csv): contributors, programme costs, the fund. Money in kip at the prices of each
// year; `price` deflates it.
struct StrategySeries {
  std::vector<int> years;         // start_year..end_year
  std::vector<double> active;     // active contributors on 1 July
  std::vector<double> employed;   // employed persons on 1 July
  std::vector<double> programme;  // programme cost (subsidy excluded), kip
  std::vector<double> subsidy;    // contribution subsidy, kip
  std::vector<double> reserve;    // reserve at the end of the year, kip
  std::vector<double> paygo;      // PAYG cost rate
  std::vector<double> price;      // consumer price index, 1 in the base year
  // The fund's (all schemes and branches) income from contributions and the government, and its
  // outgo (benefits and administration), in the year, kip.
  std::vector<double> income;
  std::vector<double> outgo;
  double gap = std::numeric_limits<double>::quiet_NaN();
  double balance = std::numeric_limits<double>::quiet_NaN();  // actuarial balance, all schemes
  double depletion = std::numeric_limits<double>::quiet_NaN();
};

// What a comparison keeps of one replication of a scenario once the scenario's own tables are
// written: a few kilobytes in place of the megabytes of its full results, so that many
// strategies with hundreds of replications each fit in memory.
struct ComparedReplication {
  StrategySeries series;
  // The place tallies (WorkforceYear::places) of the key years within the projection.
  std::vector<std::pair<int, std::vector<PlaceTally>>> places;
  // The valuation's fund years of the key years (and of the first and last year) and its
  // horizon indicators; nothing else (the valuation summary reads these).
  Valuation valuation;
  std::vector<double> draws;  // the [[uncertain]] inputs' values, in Scenario::uncertain order
};

// What the comparison keeps of each replication of `results`.
std::vector<ComparedReplication> compared_replications(const ProjectionResults& results,
                                                       const std::vector<int>& key_years);

// One scenario of a comparison, run and valued.
struct StrategyRun {
  std::string name;  // the scenario file's stem ("baseline", "mobile_offices", ...)
  Scenario scenario;
  // The full results while the scenario's own tables are written; `ssproj compare` then empties
  // them. The comparison tables below read `replications` only.
  ProjectionResults results;
  std::vector<ComparedReplication> replications;  // in replication order
  double person_years = 0;
};

// What prevents comparing these scenarios with the first (different horizons, seeds, sample
// fractions, replications or base years, or no workforce tables), one diagnostic each.
std::vector<Diagnostic> comparison_problems(const std::vector<Scenario>& scenarios);

// Distinct names for the strategies from their files' stems ("a", "a-2" when two files share
// a stem).
std::vector<std::string> strategy_names(const std::vector<Scenario>& scenarios);

// comparison.csv. One row per strategy (the baseline first) and year:
//   strategy,year,active_contributors,coverage_rate,additional_contributors,programme_cost,
//   subsidy_cost,cumulative_cost,cost_per_additional_contributor_year,reserve_end,
//   paygo_cost_rate,general_average_premium,reserve_depletion_year
// then one row per strategy with year "horizon" holding the totals over the projection
// (cumulative cost, cost per additional contributor-year) and the horizon indicators (GAP,
// depletion year). With several replications each value column is followed by its
// _p05,_p50,_p95 across replications. See docs/outputs.md.
// REQUIRES: runs.front() is the baseline; comparison_problems() found nothing.
std::string comparison_csv(const std::vector<StrategyRun>& runs);

// decisions.csv: for every strategy (the baseline first), key year within the projection and
// "horizon", and decision measure (additional contributors and contributor-years, programme
// cost in base-year kip and discounted at economy.social_discount_rate of the baseline, cost
// per additional contributor and contributor-year, change of the real reserve and of the
// actuarial balance): the mean, 5/50/95% quantiles across replications, the probability that the
// strategy beats the baseline, and the probability that it ranks first among all the scenarios
// (ties share). See docs/outputs.md §9.2.
std::string decisions_csv(const std::vector<StrategyRun>& runs, const std::vector<int>& key_years);

// comparison_places.csv: for every strategy (the baseline first), key year within the projection
// and place of places.csv (the nation, regions, provinces, named districts): the active
// contributors, their difference from the baseline in the same replication, the coverage of
// the employed and its difference from the baseline. See docs/outputs.md §9.4.
std::string comparison_places_csv(const std::vector<StrategyRun>& runs,
                                  const std::vector<int>& key_years);

// comparison_replications.csv: the decision measures of every replication, one per row
// (replication, strategy, year, measure, value), so that any statistic can be computed outside.
std::string comparison_replications_csv(const std::vector<StrategyRun>& runs,
                                        const std::vector<int>& key_years);

// comparison_draws.csv: every strategy's drawn value of each of its [[uncertain]] inputs in every
// replication (replication, strategy, key, distribution, apply, value). Empty of rows without
// uncertain inputs.
std::string comparison_draws_csv(const std::vector<StrategyRun>& runs);

// comparison_drivers.csv: for every strategy but the baseline, year label and decision measure,
// the uncertain inputs (the strategy's and the baseline's) ranked by the size of their partial
// rank correlation with the measure across replications (strategy, year, measure, key, prcc,
// rank). See docs/uncertainty.md §5.
std::string comparison_drivers_csv(const std::vector<StrategyRun>& runs,
                                   const std::vector<int>& key_years);

// The terminal summary of decisions.csv: additional contributors and cost per additional
// contributor-year at each key year, with bands and the probability of ranking first.
std::string decisions_summary(const std::vector<StrategyRun>& runs,
                              const std::vector<int>& key_years);

// A readable table of the strategies at the key years (those within the projection), for the
// terminal.
std::string comparison_summary(const std::vector<StrategyRun>& runs,
                               const std::vector<int>& key_years);

}  // namespace ssproj
