#include "demography/step_rates.h"

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
    for (Sex sex : kSexes) {
      const auto s = static_cast<std::size_t>(sex);
      AgeVector m{};
      for (int x = 0; x <= kMaxAge; ++x) {
        m[x] = mortality * 0.5 * (in.mortality[now][s][x] + in.mortality[next][s][x]);
        r.net_migrants[s][x] =
            migration * 0.5 * (in.net_migrants[now][s][x] + in.net_migrants[next][s][x]);
      }
      const SurvivalRatios survival = survival_ratios(life_table(m, sex));
      r.survival[s] = survival.by_age;
      r.newborn_survival[s] = survival.newborn;
    }
    AgeVector f{};
    for (int x = 0; x <= kMaxAge; ++x) {
      f[x] = fertility * 0.5 * (in.fertility[now][x] + in.fertility[next][x]);
    }
    for (int x = 0; x <= kMaxAge; ++x) {
      const double older = x < kMaxAge ? f[x + 1] : f[x];
      r.birth_if_survives[x] = 0.5 * (f[x] + older);
      r.birth_if_dies[x] = 0.5 * f[x];
    }
    const double srb = 0.5 * (in.sex_ratio_at_birth[now] + in.sex_ratio_at_birth[next]);
    r.male_birth_share = srb / (1.0 + srb);
    steps.push_back(r);
  }
  return steps;
}

}  // namespace ssproj::demography
