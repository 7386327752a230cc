#include "benefits/benefits.h"

#include <cmath>

namespace ssproj::benefits {

std::vector<BenefitYear> build_benefit_years(const Scenario& scenario,
                                             const std::vector<economy::EconomyYear>& economy) {
  const BenefitRules& b = scenario.benefits;
  std::vector<BenefitYear> years;
  for (std::size_t i = 0; i < economy.size(); ++i) {
    const economy::EconomyYear& e = economy[i];
    const int t = e.year;
    BenefitYear y;
    y.year = t;
    y.wage_index = e.wage_index;
    for (std::size_t s = 0; s < kNumSexes; ++s) {
      y.pensionable_age[s] = static_cast<int>(std::lround(b.old_age.pensionable_age[s].at(t)));
    }
    y.minimum_months = static_cast<int>(std::lround(b.old_age.minimum_months.at(t)));
    y.accrual = b.old_age.accrual.at(t);
    y.reference_years = b.old_age.reference_years;
    y.minimum_pension = b.old_age.minimum_pension.at(t) * e.minimum_wage;
    y.maximum_replacement = b.old_age.maximum_replacement.at(t);
    if (i > 0) {
      const economy::EconomyYear& prev = economy[i - 1];
      switch (b.old_age.indexation) {
        case Indexation::kPrices:
          y.indexation = e.price_index / prev.price_index - 1;
          break;
        case Indexation::kWages:
          y.indexation = e.wage_index / prev.wage_index - 1;
          break;
        case Indexation::kFixed:
          y.indexation = b.old_age.fixed_indexation.at(t);
          break;
        case Indexation::kNone:
          y.indexation = 0;
          break;
      }
    }
    y.lump_sum_months_per_year = b.old_age.lump_sum_months_per_year.at(t);
    y.claim_probability = b.old_age.claim_probability.at(t);
    y.invalidity_minimum_months = static_cast<int>(std::lround(b.invalidity.minimum_months.at(t)));
    y.future_service_credit = b.invalidity.future_service_credit.at(t);
    y.survivor_minimum_months = static_cast<int>(std::lround(b.survivors.minimum_months.at(t)));
    y.spouse_share = b.survivors.spouse_share.at(t);
    y.child_share = b.survivors.child_share.at(t);
    y.funeral_grant = b.survivors.funeral_grant.at(t) * e.minimum_wage;
    years.push_back(y);
  }
  return years;
}

const SchemeOldAgeRules& rules_of(const BenefitRules& b, Scheme scheme) {
  switch (scheme) {
    case Scheme::kVoluntary:
      return b.voluntary_scheme;
    case Scheme::kCivilServant:
      return b.civil_servant_scheme;
    default:
      return b.private_scheme;
  }
}

std::array<std::vector<BenefitYear>, kNumSchemes> build_scheme_benefit_years(
    const Scenario& scenario, const std::vector<economy::EconomyYear>& economy) {
  std::array<std::vector<BenefitYear>, kNumSchemes> out;
  const std::vector<BenefitYear> general = build_benefit_years(scenario, economy);
  for (std::size_t k = 0; k < kNumSchemes; ++k) {
    const SchemeOldAgeRules& own = rules_of(scenario.benefits, scheme_at(k));
    out[k] = general;
    for (BenefitYear& y : out[k]) {
      const int t = y.year;
      if (own.minimum_months) {
        y.minimum_months = static_cast<int>(std::lround(own.minimum_months->at(t)));
      }
      if (own.accrual) y.accrual = own.accrual->at(t);
      if (own.reference_years) y.reference_years = *own.reference_years;
      if (own.lump_sum_months_per_year) {
        y.lump_sum_months_per_year = own.lump_sum_months_per_year->at(t);
      }
    }
  }
  return out;
}

}  // namespace ssproj::benefits
