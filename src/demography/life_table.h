// Period life table by single year of age and the survival ratios used to project.
#pragma once

#include <ssproj/demographic_inputs.h>

namespace ssproj::demography {

struct LifeTable {
  AgeVector q{};  // probability of dying between exact ages x and x+1 (1 for the open group)
  AgeVector l{};  // survivors to exact age x, radix l(0) = 1
  AgeVector L{};  // person-years lived between x and x+1; L(100) covers 100+ (T(100))
  double e0 = 0;  // life expectancy at birth, years
};

// Builds the life table of central death rates m(x) (x = 0..100, 100 = 100+):
//   q(x) = m(x) / (1 + (1 - a(x)) m(x)),  a(x) = 1/2 for x >= 1,
//   a(0) from Coale and Demeny as given by Preston, Heuveline and Guillot (2001), Table 3.3,
//   L(x) = l(x+1) + a(x) (l(x) - l(x+1)),  L(100+) = l(100) / m(100).
// q is capped at 1. REQUIRES: m(x) >= 0.
LifeTable life_table(const AgeVector& m, Sex sex);

// Projection survival ratios from a life table: the probability that a person aged x on
// 1 July of one year is alive on 1 July of the next.
struct SurvivalRatios {
  AgeVector by_age{};    // S(x) = L(x+1)/L(x) for x < 99; S(99) = S(100) = T(100)/T(99)
  double newborn = 1.0;  // L(0)/l(0): a child born during the year is alive on 1 July
};

SurvivalRatios survival_ratios(const LifeTable& table);

}  // namespace ssproj::demography
