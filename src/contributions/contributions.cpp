#include "contributions/contributions.h"

#include <limits>

namespace ssproj::contributions {

std::vector<ContributionYear> build_contribution_years(
    const Scenario& scenario, const std::vector<economy::EconomyYear>& economy) {
  const ContributionRules& r = scenario.contributions;
  const int last_listed = r.ceiling.is_constant() ? (economy.empty() ? 0 : economy.front().year)
                                                  : r.ceiling.points().back().first;
  std::vector<ContributionYear> years;
  double fixed = 0;
  for (std::size_t i = 0; i < economy.size(); ++i) {
    const economy::EconomyYear& e = economy[i];
    const int year = e.year;
    if (i == 0 || year <= last_listed) {
      fixed = r.ceiling.at(year);
    } else if (r.ceiling_indexation == Indexation::kWages) {
      fixed *= e.wage_index / economy[i - 1].wage_index;
    } else if (r.ceiling_indexation == Indexation::kPrices) {
      fixed *= e.price_index / economy[i - 1].price_index;
    }
    ContributionYear y;
    y.year = year;
    y.floor = e.minimum_wage;
    const double multiple = r.ceiling_multiple_of_minimum_wage.at(year);
    // A ceiling of 0 (a fixed one, or a multiple of a zero minimum wage) means none.
    const double ceiling = multiple > 0 ? multiple * y.floor : fixed;
    y.ceiling = ceiling > 0 ? ceiling : std::numeric_limits<double>::infinity();
    y.private_employer = r.private_employer_rate.at(year);
    y.private_employee = r.private_employee_rate.at(year);
    y.public_employee = r.public_employee_rate.at(year);
    y.public_state = r.public_state_rate.at(year);
    y.voluntary = r.voluntary_rate.at(year);
    y.voluntary_declared = std::clamp(r.voluntary_declared_multiple.at(year) * y.floor, y.floor,
                                      std::max(y.floor, y.ceiling));
    years.push_back(y);
  }
  return years;
}

}  // namespace ssproj::contributions
