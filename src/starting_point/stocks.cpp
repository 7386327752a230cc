#include "starting_point/stocks.h"

namespace ssproj::starting_point {

Stocks stocks_of(const Scenario& scenario) {
  Stocks s;
  s.voluntary_members = scenario.coverage.initial_voluntary_members;
  s.voluntary_active_share = scenario.coverage.initial_voluntary_active_share;
  s.history_start_compulsory = scenario.coverage.history_start_year_compulsory;
  s.history_start_voluntary = scenario.coverage.history_start_year_voluntary;
  s.old_age_pensioners = scenario.benefits.old_age.initial_pensioners;
  s.average_pension = scenario.benefits.old_age.initial_average_pension;
  return s;
}

}  // namespace ssproj::starting_point
