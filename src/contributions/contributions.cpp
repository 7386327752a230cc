#include "contributions/contributions.h"

#include <limits>

namespace ssproj::contributions {

std::vector<ContributionYear> build_contribution_years(const Scenario& scenario,
                                                       const std::vector<double>& minimum_wage,
                                                       int base_year) {
  const ContributionRules& r = scenario.contributions;
  std::vector<ContributionYear> years;
  for (std::size_t i = 0; i < minimum_wage.size(); ++i) {
    const int year = base_year + static_cast<int>(i);
    ContributionYear y;
    y.year = year;
    y.floor = minimum_wage[i];
    const double multiple = r.ceiling_multiple_of_minimum_wage.at(year);
    const double fixed = r.ceiling.at(year);
    y.ceiling = multiple > 0 ? multiple * y.floor
                : fixed > 0  ? fixed
                             : std::numeric_limits<double>::infinity();  // no ceiling
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
