// Price and wage indices and the minimum wage by year.
#pragma once

#include <vector>

#include <ssproj/scenario.h>

namespace ssproj::economy {

struct EconomyYear {
  int year = 0;
  double price_index = 1;   // consumer prices relative to the base year
  double wage_index = 1;    // nominal earnings relative to the base year
  double minimum_wage = 0;  // kip per month, in force on 1 July
  double gdp = 0;           // nominal GDP, kip (0 when the scenario gives none)
};

// One entry per year from the base year to the last year, in order:
//   P(base) = W(base) = 1,  P(t) = P(t-1) (1 + inflation(t)),
//   W(t) = W(t-1) (1 + inflation(t)) (1 + real_wage_growth(t)),
//   GDP(base) = economy.gdp, GDP(t) = GDP(t-1) (1 + inflation(t)) (1 + real_gdp_growth(t)),
//   minimum wage: the schedule's value up to its last listed year (the base year for a
//   scalar), then grown with W, P or not at all (economy.minimum_wage_indexation).
std::vector<EconomyYear> build_economy(const Scenario& scenario, int base_year, int last_year);

}  // namespace ssproj::economy
