// The deterministic cohort-component projection (single years of age, both sexes).
#pragma once

#include <vector>

#include <ssproj/results.h>

#include "demography/step_rates.h"

namespace ssproj::demography {

// One step of the projection (see docs/methodology.md):
//   B        = sum_x F(x) (f(x) + S_f(x) f(x+1)) / 2
//   P_s(0)'  = B share_s S0_s + M_s(0)
//   P_s(x)'  = P_s(x-1) S_s(x-1) + M_s(x)                     x = 1..99
//   P_s(100)'= P_s(99) S_s(99) + P_s(100) S_s(100) + M_s(100)
// with any negative result (more emigrants than people) set to zero.
// Returns the births of the step (before infant deaths), for the record.
double cohort_step(const StepRates& rates, const SexAgeTable& now, SexAgeTable& next);

// The same step without migration: the expected survivors of `now` and of the step's births,
// by sex and age on 1 July rates.year + 1. Returns the births of the step.
double survive_and_age(const StepRates& rates, const SexAgeTable& now, SexAgeTable& next);

// Projects `base` (persons on 1 July `base_year`) through every step of `rates`, which start
// in `base_year`; the series starts at the base year.
PopulationSeries project(int base_year, const SexAgeTable& base,
                         const std::vector<StepRates>& rates);

}  // namespace ssproj::demography
