#include "fund/replacement_rates.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "contributions/contributions.h"
#include "economy/economy.h"

namespace ssproj::fund {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

CareerPension career_pension(std::span<const benefits::BenefitYear> rules,
                             const TypicalCareer& career) {
  const benefits::BenefitYear& rule = rules[0];
  CareerPension out;
  out.award_age = std::max(rule.pensionable_age[static_cast<std::size_t>(career.sex)],
                           career.entry_age + career.career_years);
  if (career.career_years * 12 >= rule.minimum_months) {
    out.monthly_pension = benefits::pension_amount(rule, career.career_years, career.earnings);
  }
  double indexed = out.monthly_pension;
  for (std::size_t j = 1; j <= static_cast<std::size_t>(kErosionYears); ++j) {
    indexed *= 1 + rules[j].indexation;
  }
  const double wages =
      career.earnings * rules[static_cast<std::size_t>(kErosionYears)].wage_index / rule.wage_index;
  out.replacement_rate = career.earnings > 0 ? out.monthly_pension / career.earnings : kNaN;
  out.replacement_rate_after_10_years = wages > 0 ? indexed / wages : kNaN;
  if (career.career_years >= kC102Years) {
    out.c102_benchmark = kC102Benchmark;
    // At least 40%, to rounding (1.5% x 80/3 years is 0.4 only up to the last bit).
    out.meets_c102 = out.replacement_rate >= kC102Benchmark - 1e-12 ? 1.0 : 0.0;
    if (std::isnan(out.replacement_rate)) out.meets_c102 = kNaN;
  } else {
    out.c102_benchmark = kNaN;
    out.meets_c102 = kNaN;
  }
  return out;
}

std::vector<int> award_years(int first, int last, int interval) {
  std::vector<int> out;
  for (int y = first; y <= last; y += std::max(1, interval)) out.push_back(y);
  if (out.empty() || out.back() != last) out.push_back(last);
  return out;
}

std::vector<ReplacementRateRow> replacement_rates(const Scenario& scenario,
                                                  const std::vector<WorkforceYear>& years) {
  std::vector<ReplacementRateRow> rows;
  if (years.empty()) return rows;
  const FundAssumptions& fund = scenario.fund;
  const int base = scenario.inputs.base_year;
  const int first = years.front().year;
  const int last = years.back().year;
  // The economy and the rules run kErosionYears past the horizon (the schedules keep their
  // last values there) for the pensions of the last award years.
  const std::vector<economy::EconomyYear> economy =
      economy::build_economy(scenario, base, last + kErosionYears);
  const auto rules = benefits::build_scheme_benefit_years(scenario, economy);
  const std::vector<contributions::ContributionYear> ceilings =
      contributions::build_contribution_years(scenario, economy);
  for (int year : award_years(first, last, fund.replacement_rate_interval)) {
    const BenefitTallies& bt = years[static_cast<std::size_t>(year - first)].benefits;
    const double active = bt.active[0] + bt.active[1];
    const double average =
        active > 0 ? (bt.active_insurable_monthly[0] + bt.active_insurable_monthly[1]) / active
                   : kNaN;
    const auto e = static_cast<std::size_t>(year - base);
    for (std::size_t k = 0; k < kNumSchemes; ++k) {
      const std::span<const benefits::BenefitYear> from_award(rules[k].data() + e,
                                                              kErosionYears + 1);
      for (Sex sex : kSexes) {
        for (int entry : fund.typical_entry_ages) {
          for (int career : fund.typical_career_years) {
            if (entry + career > kMaxCareerEndAge) continue;
            for (double multiple : fund.typical_career_earnings) {
              const double earnings = std::min(multiple * average, ceilings[e].ceiling);
              const CareerPension p = career_pension(from_award, {sex, entry, career, earnings});
              rows.push_back({year, std::string(kSchemeNames[k]), sex_name(sex), entry, career,
                              multiple, p.award_age, p.monthly_pension, p.replacement_rate,
                              p.replacement_rate_after_10_years, p.c102_benchmark, p.meets_c102});
            }
          }
        }
      }
    }
  }
  return rows;
}

}  // namespace ssproj::fund
