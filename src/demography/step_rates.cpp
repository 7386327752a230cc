#include "demography/step_rates.h"

#include <algorithm>

#include "demography/life_table.h"

namespace ssproj::demography {

std::vector<StepRates> build_step_rates(const Scenario& scenario) {
  const DemographicInputs& in = scenario.inputs;
  const DemographyAssumptions& assume = scenario.demography;
  std::vector<StepRates> steps;
  for (int year = in.base_year; year < scenario.projection.end_year; ++year) {
    const auto now = static_cast<std::size_t>(in.year_index(year));
    const auto next = now + 1;
    StepRates r;
    r.year = year;
    const double mortality = assume.mortality_multiplier.at(year);
    const double fertility = assume.fertility_multiplier.at(year);
    const double migration = assume.migration_multiplier.at(year);
    const bool qx = assume.mortality_measure == "qx";
    for (Sex sex : kSexes) {
      const auto s = static_cast<std::size_t>(sex);
      AgeVector m{};
      for (int x = 0; x <= kMaxAge; ++x) {
        m[x] = mortality * 0.5 * (in.mortality[now][s][x] + in.mortality[next][s][x]);
        r.net_migrants[s][x] =
            migration * 0.5 * (in.net_migrants[now][s][x] + in.net_migrants[next][s][x]);
      }
      if (qx) {
        // q(x) by the age reached in the step: a person aged x on 1 July reaches x + 1 (the
        // open group stays at 100); a child born in the step reaches 0.
        for (int x = 0; x <= kMaxAge; ++x) {
          r.survival[s][x] = 1.0 - std::min(1.0, m[std::min(x + 1, kMaxAge)]);
        }
        r.newborn_survival[s] = 1.0 - std::min(1.0, m[0]);
      } else {
        const SurvivalRatios survival = survival_ratios(life_table(m, sex));
        r.survival[s] = survival.by_age;
        r.newborn_survival[s] = survival.newborn;
      }
    }
    AgeVector f{};
    for (int x = 0; x <= kMaxAge; ++x) {
      f[x] = fertility * 0.5 * (in.fertility[now][x] + in.fertility[next][x]);
    }
    const bool end_of_step = assume.birth_timing == "end_of_step";
    for (int x = 0; x <= kMaxAge; ++x) {
      const double older = x < kMaxAge ? f[x + 1] : f[x];
      // end_of_step: the survivors give birth at the rate of the age they reach.
      r.birth_if_survives[x] = end_of_step ? older : 0.5 * (f[x] + older);
      r.birth_if_dies[x] = end_of_step ? 0.0 : 0.5 * f[x];
    }
    const double srb = 0.5 * (in.sex_ratio_at_birth[now] + in.sex_ratio_at_birth[next]);
    r.male_birth_share = srb / (1.0 + srb);
    steps.push_back(r);
  }
  return steps;
}

}  // namespace ssproj::demography
