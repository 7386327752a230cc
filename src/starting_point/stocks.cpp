#include "starting_point/stocks.h"

namespace ssproj::starting_point {

demography::LifeTable base_life_table(const Scenario& scenario, Sex sex) {
  const DemographicInputs& in = scenario.inputs;
  const double multiplier = scenario.demography.mortality_multiplier.at(in.base_year);
  AgeVector m = in.mortality.front()[static_cast<std::size_t>(sex)];
  for (double& x : m) x *= multiplier;
  return demography::life_table(m, sex);
}

Stocks stocks_of(const Scenario& scenario) {
  Stocks s;
  s.voluntary_members = scenario.coverage.initial_voluntary_members;
  s.voluntary_active_share = scenario.coverage.initial_voluntary_active_share;
  s.history_start_compulsory = scenario.coverage.history_start_year_compulsory;
  s.history_start_voluntary = scenario.coverage.history_start_year_voluntary;
  s.old_age_pensioners = scenario.benefits.old_age.initial_pensioners;
  s.average_pension = scenario.benefits.old_age.initial_average_pension;
  const DemographicInputs& in = scenario.inputs;
  if (!in.mortality.empty()) {
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      s.death_probability[sex] = base_life_table(scenario, static_cast<Sex>(sex)).q;
    }
  }
  if (!in.fertility.empty()) {
    const double multiplier = scenario.demography.fertility_multiplier.at(in.base_year);
    for (std::size_t x = 0; x < kNumAges; ++x) {
      s.fertility[x] = std::min(1.0, in.fertility.front()[x] * multiplier);
    }
  }
  return s;
}

Draws draws_for(const Stocks& s, const WorkforceInputs& inputs, double sample_fraction,
                const std::array<std::array<double, kNumAges>, kNumSexes>& eligible, double elderly,
                double candidates) {
  Draws d;
  if (inputs.has_pensioners) {
    d.inputs = &inputs;
  } else if (elderly > 0) {
    d.pensioner = std::min(1.0, s.old_age_pensioners * sample_fraction / elderly);
  }
  if (candidates > 0)
    d.voluntary = std::min(1.0, s.voluntary_members * sample_fraction / candidates);
  if (d.inputs == nullptr) return d;
  // Each cell's pensioners over the persons of that sex and age outside covered work; the
  // cumulative sum is capped at 1 (a sample too small to hold the stock gives all it has).
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      double cumulative = 0;
      for (std::size_t c = 0; c < kPensionCells; ++c) {
        const double persons = inputs.pensioners[c / 2][c % 2][sex][x].persons;
        if (eligible[sex][x] > 0) cumulative += persons * sample_fraction / eligible[sex][x];
        d.pension_cdf[sex][x][c] = std::min(1.0, cumulative);
      }
    }
  }
  return d;
}

}  // namespace ssproj::starting_point
