// Insurable earnings and contributions of an active member in a year.
#pragma once

#include <algorithm>
#include <vector>

#include <ssproj/scenario.h>

#include "economy/economy.h"

namespace ssproj::contributions {

struct ContributionYear {
  int year = 0;
  double floor = 0;                                   // kip per month: the minimum wage
  double ceiling = 0;                                 // kip per month
  double private_employer = 0, private_employee = 0;  // rates, shares of insurable earnings
  double public_employee = 0, public_state = 0;
  double voluntary = 0;
  double voluntary_declared = 0;  // kip per month declared by voluntary members
};

// Per year of `economy` (base year first). The fixed ceiling follows its schedule up to the
// last listed year (the base year for a scalar), then contributions.ceiling_indexation.
std::vector<ContributionYear> build_contribution_years(
    const Scenario& scenario, const std::vector<economy::EconomyYear>& economy);

// Insurable monthly earnings of an employee: declared earnings (gross earnings less the
// undeclared share) between the floor and the ceiling.
inline double insurable_monthly(const ContributionYear& y, double gross, double undeclared) {
  return std::clamp(gross * (1.0 - undeclared), y.floor, std::max(y.floor, y.ceiling));
}

// Contributions of one member in one year, kip.
struct Amounts {
  double employer = 0;
  double employee = 0;
  double government = 0;
};

// REQUIRES: annual_insurable = insurable monthly earnings x months paid.
inline Amounts amounts(const ContributionYear& y, Scheme scheme, double annual_insurable) {
  Amounts a;
  if (scheme == Scheme::kVoluntary) {
    a.employee = y.voluntary * annual_insurable;
  } else if (scheme == Scheme::kCivilServant) {
    a.employee = y.public_employee * annual_insurable;
    a.government = y.public_state * annual_insurable;  // the State pays as the employer
  } else {
    a.employer = y.private_employer * annual_insurable;
    a.employee = y.private_employee * annual_insurable;
  }
  return a;
}

}  // namespace ssproj::contributions
