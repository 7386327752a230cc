// Helpers shared by the tests of the benefit formulas and of the valuation.
#pragma once

#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <ssproj/scenario.h>
#include <ssproj/valuation.h>

#include "support/fixtures.h"

namespace ssproj::testing {

// Branch indices of FundYear::branches; kTotal is the pooled total.
inline constexpr std::size_t kTotal = kNumBranches;
inline constexpr auto kOldAge = static_cast<std::size_t>(Branch::kOldAge);
inline constexpr auto kInvalidity = static_cast<std::size_t>(Branch::kInvalidity);
inline constexpr auto kSurvivors = static_cast<std::size_t>(Branch::kSurvivors);
inline constexpr auto kSickness = static_cast<std::size_t>(Branch::kSickness);
inline constexpr auto kMaternity = static_cast<std::size_t>(Branch::kMaternity);
inline constexpr auto kInjury = static_cast<std::size_t>(Branch::kEmploymentInjury);
inline constexpr auto kUnemployment = static_cast<std::size_t>(Branch::kUnemployment);
inline constexpr auto kHealthCare = static_cast<std::size_t>(Branch::kHealthCare);

// A relative tolerance of 1e-12 and no absolute margin.
inline Approx tight(double x) { return Approx(x).epsilon(1e-12).margin(0); }

inline Schedule constant(double x) { return Schedule::constant(x); }
inline Schedule step(std::vector<std::pair<int, double>> points) {
  return Schedule(std::move(points), Schedule::Interpolation::kStep);
}

// An in-memory scenario whose base year is `base` (the economy and the rules start there), with
// every contribution allocated to old age; everything else at its default (no inflation, no
// interest, no administration, no reserve, pensions indexed with prices).
inline Scenario valuation_scenario(int base, int end) {
  Scenario s = make_scenario(base, end, 0, 0, 0, 0);
  s.fund.allocation[kOldAge] = constant(1.0);
  return s;
}

// The valuation of hand-written years whose benefit tallies are in WorkforceYear::benefits (all
// schemes): they are given to the private scheme, as the engine's tallies of a scheme would be,
// so that the fund of all schemes is the one the tests compute by hand.
inline Valuation valuate_one_scheme(const Scenario& s, std::vector<WorkforceYear> years) {
  for (WorkforceYear& w : years) {
    w.scheme_benefits = {};
    w.scheme_benefits[scheme_index(Scheme::kPrivate)] = w.benefits;
  }
  return valuate(s, years);
}

}  // namespace ssproj::testing
