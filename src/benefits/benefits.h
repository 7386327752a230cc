// Long-term benefits of a person: reference earnings, pension amounts, the year's rules.
#pragma once

#include <algorithm>
#include <vector>

#include <ssproj/scenario.h>

#include "economy/economy.h"
#include "population/population.h"

namespace ssproj::benefits {

// The benefit rules in force in a year, in that year's kip.
struct BenefitYear {
  int year = 0;
  double wage_index = 1;
  std::array<int, kNumSexes> pensionable_age{};
  int minimum_months = 0;
  double accrual = 0;
  int reference_years = 0;
  double minimum_pension = 0;  // kip per month
  double maximum_replacement = 1;
  double indexation = 0;  // rate applied this year to pensions in payment
  double lump_sum_months_per_year = 0;
  double claim_probability = 1;
  int invalidity_minimum_months = 0;
  double future_service_credit = 0;
  int survivor_minimum_months = 0;
  double spouse_share = 0;
  double child_share = 0;
  double funeral_grant = 0;  // kip
};

// Per year from the base year to the last year (economy gives the indices and minimum wage).
std::vector<BenefitYear> build_benefit_years(const Scenario& scenario,
                                             const std::vector<economy::EconomyYear>& economy);

// The same for each scheme (by scheme_index): the general rules with the scheme's own old-age
// rules ([benefits.private], [benefits.voluntary], [benefits.civil_servant]) where it sets them.
std::array<std::vector<BenefitYear>, kNumSchemes> build_scheme_benefit_years(
    const Scenario& scenario, const std::vector<economy::EconomyYear>& economy);

// Monthly reference earnings of person i in `year`, at that year's wage level: the average
// monthly insurable earnings of the last y.reference_years calendar years before `year`
// (revalued with wages), or, with reference_years 0 or no contributions in those years, the
// revalued career average points / months x wage index. Zero without contributions.
inline double reference_monthly(const population::Population& p, std::size_t i,
                                const BenefitYear& y) {
  if (y.reference_years > 0) {
    double points = 0, months = 0;
    for (int k = 1; k <= y.reference_years; ++k) {
      const auto slot = static_cast<std::size_t>((y.year - k) % 5);
      points += p.recent_points[i][slot];
      months += p.recent_months[i][slot];
    }
    if (months > 0) return points / months * y.wage_index;
  }
  return p.months[i] > 0 ? static_cast<double>(p.points[i]) / p.months[i] * y.wage_index : 0.0;
}

// A monthly pension for `years` of contributions on reference earnings `reference`:
//   max(minimum pension, min(accrual x years, maximum replacement) x reference).
inline double pension_amount(const BenefitYear& y, double years, double reference) {
  return std::max(y.minimum_pension,
                  std::min(y.accrual * years, y.maximum_replacement) * reference);
}

}  // namespace ssproj::benefits
