#include "economy/economy.h"

namespace ssproj::economy {

std::vector<EconomyYear> build_economy(const Scenario& scenario, int base_year, int last_year) {
  const EconomyAssumptions& e = scenario.economy;
  const int last_listed =
      e.minimum_wage.is_constant() ? base_year : e.minimum_wage.points().back().first;
  std::vector<EconomyYear> years;
  for (int year = base_year; year <= last_year; ++year) {
    EconomyYear y;
    y.year = year;
    if (year == base_year) {
      y.minimum_wage = e.minimum_wage.at(year);
      y.gdp = e.gdp;
    } else {
      const EconomyYear& prev = years.back();
      const double prices = 1 + e.inflation.at(year);
      y.price_index = prev.price_index * prices;
      y.wage_index = prev.wage_index * prices * (1 + e.real_wage_growth.at(year));
      y.gdp = prev.gdp * prices * (1 + e.real_gdp_growth.at(year));
      if (year <= last_listed) {
        y.minimum_wage = e.minimum_wage.at(year);
      } else {
        switch (e.minimum_wage_indexation) {
          case Indexation::kWages:
            y.minimum_wage = prev.minimum_wage * y.wage_index / prev.wage_index;
            break;
          case Indexation::kPrices:
            y.minimum_wage = prev.minimum_wage * prices;
            break;
          case Indexation::kNone:
          case Indexation::kFixed:  // not offered for the minimum wage
            y.minimum_wage = prev.minimum_wage;
            break;
        }
      }
    }
    years.push_back(y);
  }
  return years;
}

}  // namespace ssproj::economy
