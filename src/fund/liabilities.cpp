// The accrued-to-date liability, the implicit pension debt and the funding ratio of each
// scheme at the valuation date. Deterministic: no random numbers here.
#include "fund/liabilities.h"

#include <algorithm>
#include <limits>

#include "benefits/benefits.h"
#include "demography/life_table.h"
#include "economy/economy.h"
#include "starting_point/stocks.h"

namespace ssproj::fund {
namespace {

constexpr std::size_t kOldest = kNumAges - 1;

std::size_t capped(std::size_t age) { return std::min(age, kOldest); }

// The survival ratios p(x) of the base year's life table, by sex.
std::array<AgeVector, kNumSexes> survival(const Scenario& scenario) {
  std::array<AgeVector, kNumSexes> p{};
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    p[s] =
        demography::survival_ratios(starting_point::base_life_table(scenario, static_cast<Sex>(s)))
            .by_age;
  }
  return p;
}

}  // namespace

LiabilityFactors liability_factors(const Scenario& scenario, int first_year, std::size_t scheme) {
  const int base = scenario.inputs.base_year;
  const int t0 = first_year;
  const std::vector<economy::EconomyYear> economy =
      economy::build_economy(scenario, base, t0 + kLiabilityHorizon);
  const std::vector<benefits::BenefitYear> rules =
      benefits::build_scheme_benefit_years(scenario, economy)[scheme];
  const auto at = [&](int t) { return static_cast<std::size_t>(t - base); };
  // D_t for t = t0 .. t0 + H: the value on 1 January of t0 of a mid-year flow of year t.
  constexpr auto kYears = static_cast<std::size_t>(kLiabilityHorizon) + 1;
  std::vector<double> discount(kYears);
  double to_start = 1;  // prod_{u < t} 1 / (1 + r_u)
  for (std::size_t k = 0; k < kYears; ++k) {
    const double r = scenario.fund.investment_return.at(t0 + static_cast<int>(k));
    discount[k] = to_start * (1 + r / 2) / (1 + r);
    to_start /= 1 + r;
  }
  const std::array<AgeVector, kNumSexes> p = survival(scenario);

  LiabilityFactors f;
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t y = 0; y < kNumAges; ++y) {
      double alive = 1;            // S_k
      double indexed = 1;          // I(t0, t0 + k) for in_payment, I(t_r, t0 + k) for deferred
      double deferred_amount = 0;  // W(t_r) / W(t0) I(t_r, t0 + k), once retired
      bool retired = false;
      for (std::size_t k = 0; k < kYears; ++k) {
        const int t = t0 + static_cast<int>(k);
        const benefits::BenefitYear& rule = rules[at(t)];
        if (k > 0) {
          indexed *= 1 + rule.indexation;
          if (retired) deferred_amount *= 1 + rule.indexation;
        }
        f.in_payment[s][y] += alive * indexed * discount[k];
        if (!retired && static_cast<int>(y + k) >= rule.pensionable_age[s]) {
          retired = true;
          deferred_amount = economy[at(t)].wage_index / economy[at(t0)].wage_index;
          f.lump_sum[s][y] = alive * deferred_amount * discount[k];
        }
        if (retired) f.deferred[s][y] += alive * deferred_amount * discount[k];
        alive *= p[s][capped(y + k)];
      }
    }
  }
  return f;
}

std::vector<SchemeLiability> accrued_liabilities(const Scenario& scenario,
                                                 const WorkforceYear& first) {
  const int base = scenario.inputs.base_year;
  const int t0 = first.year;
  const WorkforceInputs& in = scenario.workforce;
  const FundAssumptions& fund = scenario.fund;
  double pension_share = 0, all_shares = 0;
  for (std::size_t br = 0; br < kNumBranches; ++br) {
    const double share = fund.allocation[br].at(t0);
    all_shares += share;
    if (br == static_cast<std::size_t>(Branch::kOldAge) ||
        br == static_cast<std::size_t>(Branch::kInvalidity) ||
        br == static_cast<std::size_t>(Branch::kSurvivors)) {
      pension_share += share;
    }
  }

  // The stock of pensions in payment rolled from 1 July of the base year to 1 July of t0:
  // survivors of the base-year life table, amounts indexed as the scenario indexes pensions.
  const std::array<AgeVector, kNumSexes> p = survival(scenario);
  const std::vector<economy::EconomyYear> economy = economy::build_economy(scenario, base, t0);
  const std::vector<benefits::BenefitYear> general =
      benefits::build_benefit_years(scenario, economy);
  double stock_indexation = 1;
  for (int t = base + 1; t <= t0; ++t) {
    stock_indexation *= 1 + general[static_cast<std::size_t>(t - base)].indexation;
  }
  const auto roll = [&](std::size_t s, std::size_t x, double& alive) {
    std::size_t age = x;
    alive = 1;
    for (int t = base; t < t0; ++t) {
      alive *= p[s][age];
      age = capped(age + 1);
    }
    return age;
  };

  std::vector<SchemeLiability> out;
  SchemeLiability all;
  all.scheme = "total";
  for (std::size_t k = 0; k < kNumSchemes; ++k) {
    const LiabilityFactors f = liability_factors(scenario, t0, k);
    const BenefitTallies& bt = first.scheme_benefits[k];
    SchemeLiability l;
    l.scheme = std::string(kSchemeNames[k]);
    for (std::size_t s = 0; s < kNumSexes; ++s) {
      for (std::size_t x = 0; x < kNumAges; ++x) {
        if (in.has_pensioners) {
          double alive = 1;
          const std::size_t age = roll(s, x, alive);
          for (const auto& stock : in.pensioners[k]) {
            const WorkforceInputs::PensionStock& cell = stock[s][x];
            l.pensioners += cell.persons * alive;
            l.pensions_in_payment += 12 * cell.persons * alive * cell.average_monthly *
                                     stock_indexation * f.in_payment[s][age];
          }
        }
        l.active += bt.accrued_active[s][x];
        l.deferred += bt.accrued_deferred[s][x];
        const double active_lump = bt.accrued_active_lump_sum[s][x] * f.lump_sum[s][x];
        const double deferred_lump = bt.accrued_deferred_lump_sum[s][x] * f.lump_sum[s][x];
        l.active_members += 12 * bt.accrued_active_monthly[s][x] * f.deferred[s][x] + active_lump;
        l.deferred_members +=
            12 * bt.accrued_deferred_monthly[s][x] * f.deferred[s][x] + deferred_lump;
        l.lump_sums += active_lump + deferred_lump;
      }
    }
    l.accrued = l.pensions_in_payment + l.active_members + l.deferred_members;
    l.reserve = fund.initial_reserve * fund.initial_reserve_share[k] * pension_share;
    l.reserve_all_branches = fund.initial_reserve * fund.initial_reserve_share[k] * all_shares;
    all.pensions_in_payment += l.pensions_in_payment;
    all.active_members += l.active_members;
    all.deferred_members += l.deferred_members;
    all.lump_sums += l.lump_sums;
    all.reserve += l.reserve;
    all.reserve_all_branches += l.reserve_all_branches;
    all.pensioners += l.pensioners;
    all.active += l.active;
    all.deferred += l.deferred;
    out.push_back(std::move(l));
  }
  all.accrued = all.pensions_in_payment + all.active_members + all.deferred_members;
  out.push_back(std::move(all));
  for (SchemeLiability& l : out) {
    l.implicit_debt = l.accrued - l.reserve;
    l.funding_ratio =
        l.accrued != 0 ? l.reserve / l.accrued : std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

}  // namespace ssproj::fund
