#include "engine/workforce_model.h"

namespace ssproj::engine {

WorkforceModel build_workforce_model(const Scenario& scenario) {
  WorkforceModel m;
  const int base = scenario.inputs.base_year;
  const int last = scenario.projection.end_year;
  m.inputs = &scenario.workforce;
  m.base_year = base;
  m.valuation_year = scenario.projection.start_year;
  m.labour_only = scenario.labour_only();
  m.economy = economy::build_economy(scenario, base, last);
  m.labour = labour::build_labour_years(scenario, base, last);
  m.programmes = interventions::build_programmes(scenario);
  m.coverage = coverage::build_coverage_years(scenario, base, last,
                                              interventions::mandates_of(m.programmes));
  m.contributions = contributions::build_contribution_years(scenario, m.economy);
  m.benefits = benefits::build_benefit_years(scenario, m.economy);
  m.scheme_benefits = benefits::build_scheme_benefit_years(scenario, m.economy);
  m.initial_status = labour::initial_status_cdf(scenario.workforce);
  double sum = 0;
  for (const auto& areas : scenario.workforce.population_share) {
    for (double share : areas) {
      sum += share;
      m.residence_cdf.push_back(sum);
    }
  }
  if (!m.residence_cdf.empty()) m.residence_cdf.back() = 1.0;
  m.earnings_dispersion = scenario.labour.earnings_dispersion;
  m.stocks = starting_point::stocks_of(scenario);
  return m;
}

}  // namespace ssproj::engine
