#include "coverage/coverage.h"

#include <algorithm>

namespace ssproj::coverage {

std::vector<CoverageYear> build_coverage_years(const Scenario& scenario, int base_year,
                                               int last_year,
                                               const std::vector<Mandate>& mandates) {
  const CoverageAssumptions& c = scenario.coverage;
  const std::size_t regions = scenario.workforce.regions.size();
  std::vector<CoverageYear> years;
  for (int year = base_year; year <= last_year; ++year) {
    CoverageYear y;
    y.year = year;
    y.compulsory[static_cast<std::size_t>(Status::kPublicEmployee)] = true;
    y.compulsory[static_cast<std::size_t>(Status::kFormalPrivateEmployee)] = true;
    y.compulsory[static_cast<std::size_t>(Status::kDomesticWorker)] =
        c.domestic_worker_mandate_year > 0 && year >= c.domestic_worker_mandate_year;
    // Compliance by status: the scenario's, except under a mandate in force this year, which
    // makes its status compulsory with its own compliance.
    StatusVector rates{};
    for (std::size_t s = 0; s < kNumStatuses; ++s) rates[s] = c.compliance[s].at(year);
    for (const Mandate& m : mandates) {
      if (!m.in_force(year)) continue;
      const auto status = static_cast<std::size_t>(m.status);
      y.mandated[status] = !y.compulsory[status] || y.mandated[status];
      y.compulsory[status] = true;
      rates[status] = m.compliance->at(year);
    }
    y.compliance.assign(regions, StatusVector{});
    for (std::size_t r = 0; r < regions; ++r) {
      const double factor = r < c.compliance_factor_by_region.size()
                                ? c.compliance_factor_by_region[r].at(year)
                                : 1.0;
      for (std::size_t s = 0; s < kNumStatuses; ++s) {
        y.compliance[r][s] = std::clamp(rates[s] * factor, 0.0, 1.0);
      }
    }
    y.underdeclaration = c.underdeclaration.at(year);
    y.registration = c.registration_hazard.at(year);
    y.lapse = c.lapse_hazard.at(year);
    y.reactivation = c.reactivation_hazard.at(year);
    y.density_compulsory = c.density_compulsory.at(year);
    y.density_voluntary = c.density_voluntary.at(year);
    y.insured_window = c.insured_window_years;
    years.push_back(y);
  }
  return years;
}

}  // namespace ssproj::coverage
