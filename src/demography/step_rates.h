// The demographic rates of one projection step, shared by both engines.
#pragma once

#include <vector>

#include <ssproj/scenario.h>

namespace ssproj::demography {

// Rates for the step from 1 July `year` to 1 July `year + 1`. That interval is half in
// calendar year `year` and half in `year + 1`, so every calendar-year input is the average of
// the two years, times the scenario multiplier of `year`.
struct StepRates {
  int year = 0;
  // Probability that a person aged x (sex s) on 1 July `year` is alive a year later.
  SexAgeTable survival{};
  // Probability that a child born in the step is alive on 1 July `year + 1`, by sex.
  std::array<double, kNumSexes> newborn_survival{};
  // Probability that a woman aged x on 1 July `year` gives birth during the step, if she
  // survives it: (f(x) + f(x+1)) / 2, and if she dies in it: f(x) / 2. In expectation
  // births = sum_x W(x) (f(x) + S(x) f(x+1)) / 2, the standard single-year formula.
  AgeVector birth_if_survives{};
  AgeVector birth_if_dies{};
  // Share of births that are boys: srb / (1 + srb).
  double male_birth_share = 0;
  // Net migrants added at age x (on 1 July `year + 1`), persons; negative: emigration.
  SexAgeTable net_migrants{};
};

// One StepRates per step from the base population's year to projection.end_year - 1.
std::vector<StepRates> build_step_rates(const Scenario& scenario);

}  // namespace ssproj::demography
