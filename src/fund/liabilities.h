// The accrued-to-date liability (ADL) of each scheme at the valuation date, the implicit
// pension debt (ADL less the reserve) and the funding ratio (reserve / ADL). See
// docs/methodology.md, "Accrued-to-date liability and implicit pension debt".
//
// Timing. The valuation date is 1 January of the first year valued, t0, the date of the fund's
// initial reserve. The stocks refer to 1 July: the pensions in payment of data.pensioners to
// 1 July of the base year (rolled forward to 1 July of t0 when t0 is later), the members'
// rights to the engine's tallies of 1 July of t0, from the months credited before t0's
// contributions. As in the fund's accounts, a year's pension is 12 x the monthly amount of the
// persons alive on 1 July, paid at mid-year: its value on 1 January of its year is
// (1 + r/2) / (1 + r) of it, and each earlier year discounts it by 1 / (1 + r) at that year's
// return r of fund.investment_return.
#pragma once

#include <cstddef>
#include <vector>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj::fund {

// Years after t0 over which the annuities are summed (the survival to the end is negligible).
inline constexpr int kLiabilityHorizon = 150;

// Values on 1 January of t0 of 1 kip, by [sex][age on 1 July of t0], with survival from the
// base year's life table (starting_point::base_life_table) and the scheme's rules:
//   in_payment: a pension of 1 a year from t0 for life, indexed as pensions in payment are
//     (BenefitYear::indexation) from t0 + 1;
//   deferred: a pension of 1 a year at t0's wage level from the year t_r = t0 + n in which
//     the person reaches pensionable age (the first n >= 0 with age + n >= the pensionable
//     age of year t0 + n), revalued with the wage index to t_r, then indexed;
//   lump_sum: 1 at t0's wage level revalued with wages to t_r and paid then if alive.
// Writing p(x) for the survival ratio from age x on 1 July to the next 1 July (capped at age
// 100), S_k = p(y) ... p(y + k - 1), I(a, b) = prod_{u = a + 1..b} (1 + j_u) and
// D_t = prod_{u = t0..t - 1} (1 + r_u)^-1 x (1 + r_t / 2) / (1 + r_t):
//   in_payment = sum_{k >= 0} S_k I(t0, t0 + k) D_{t0 + k}
//   deferred   = sum_{k >= n} S_k W(t_r) / W(t0) I(t_r, t0 + k) D_{t0 + k}
//   lump_sum   = S_n W(t_r) / W(t0) D_{t_r}
// REQUIRES: scenario.inputs.mortality is not empty; first_year >= the base year.
struct LiabilityFactors {
  SexAgeTable in_payment{};
  SexAgeTable deferred{};
  SexAgeTable lump_sum{};
};
LiabilityFactors liability_factors(const Scenario& scenario, int first_year, std::size_t scheme);

// The liabilities of each scheme (by scheme_index), then of all schemes ("total", the sums),
// on 1 January of `first.year` (the first workforce year valued):
//   pensions in payment: 12 x persons x average monthly x in_payment, for the old-age,
//     invalidity and survivor pensions of data.pensioners (a survivor's spouse pension is
//     valued for the survivor's life);
//   active and deferred members: 12 x accrued monthly pensions x deferred + accrued lump
//     sums x lump_sum, from first.scheme_benefits (BenefitTallies::accrued_*);
//   reserve: fund.initial_reserve x initial_reserve_share x the allocation of t0 to the
//     pension branches (old age, invalidity, survivors); the implicit debt is the liability
//     less that reserve, the funding ratio that reserve over the liability.
std::vector<SchemeLiability> accrued_liabilities(const Scenario& scenario,
                                                 const WorkforceYear& first);

}  // namespace ssproj::fund
