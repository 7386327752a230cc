// Comparing coverage-expansion strategies against a baseline.
//
// Every scenario is run with the same seed, so a person's random draws are the same in each
// (common random numbers): replication r of a strategy differs from replication r of the
// baseline only by the policy. Differences are taken replication by replication, then
// summarised across replications.
#pragma once

#include <string>
#include <vector>

#include <ssproj/error.h>
#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj {

// One scenario of a comparison, run and valued (ProjectionResults::valuations).
struct StrategyRun {
  std::string name;  // the scenario file's stem ("baseline", "mobile_offices", ...)
  Scenario scenario;
  ProjectionResults results;
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
