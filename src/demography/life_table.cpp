#include "demography/life_table.h"

#include <algorithm>
#include <limits>

namespace ssproj::demography {
namespace {

// Coale-Demeny separation factor a(0) for infants (Preston, Heuveline and Guillot 2001,
// Table 3.3), as a function of the infant death rate m(0).
double infant_separation_factor(double m0, Sex sex) {
  constexpr double kHighMortality = 0.107;
  if (sex == Sex::kMale) return m0 >= kHighMortality ? 0.330 : 0.045 + 2.684 * m0;
  return m0 >= kHighMortality ? 0.350 : 0.053 + 2.800 * m0;
}

}  // namespace

LifeTable life_table(const AgeVector& m, Sex sex) {
  LifeTable t;
  AgeVector a{};
  a.fill(0.5);
  a[0] = infant_separation_factor(m[0], sex);
  t.l[0] = 1.0;
  for (int x = 0; x < kMaxAge; ++x) {
    t.q[x] = std::min(1.0, m[x] / (1.0 + (1.0 - a[x]) * m[x]));
    t.l[x + 1] = t.l[x] * (1.0 - t.q[x]);
    t.L[x] = t.l[x + 1] + a[x] * (t.l[x] - t.l[x + 1]);
  }
  t.q[kMaxAge] = 1.0;
  t.L[kMaxAge] =
      m[kMaxAge] > 0 ? t.l[kMaxAge] / m[kMaxAge] : std::numeric_limits<double>::infinity();
  t.e0 = 0;
  for (double years : t.L) t.e0 += years;
  return t;
}

SurvivalRatios survival_ratios(const LifeTable& t) {
  SurvivalRatios s;
  for (int x = 0; x + 1 < kMaxAge; ++x) {
    s.by_age[x] = t.L[x] > 0 ? t.L[x + 1] / t.L[x] : 0.0;
  }
  // The last single age and the open group share the open group's survival T(100)/T(99).
  const double t100 = t.L[kMaxAge];
  const double t99 = t.L[kMaxAge - 1] + t100;
  const double open = t100 == std::numeric_limits<double>::infinity() ? 1.0
                      : t99 > 0                                       ? t100 / t99
                                                                      : 0.0;
  s.by_age[kMaxAge - 1] = open;
  s.by_age[kMaxAge] = open;
  s.newborn = t.L[0];  // l(0) = 1
  return s;
}

}  // namespace ssproj::demography
