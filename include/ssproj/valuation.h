// The fund's accounts and the actuarial indicators of one replication.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj {

// One branch (or the pooled total) in calendar year `year`, kip. Identity, exactly as computed:
//   reserve_end = reserve_start + contributions + government + investment_income
//                 - benefits - administration
// with investment income = return x (reserve_start + (contributions + government - benefits
// - administration) / 2): cash flows at mid-year.
struct BranchYear {
  double reserve_start = 0;
  double contributions = 0;
  double government = 0;
  double investment_income = 0;
  double benefits = 0;
  double administration = 0;
  double reserve_end = 0;
  double paygo_cost_rate = 0;  // (benefits + administration) / insurable earnings
  double reserve_ratio = 0;    // reserve_end / (benefits + administration); NaN without outgo
};

struct FundYear {
  int year = 0;
  double insurable_earnings = 0;                        // of all contributors, kip
  std::array<BranchYear, kNumBranches + 1> branches{};  // the last is the pooled total
};

// A row of beneficiaries.csv. average_amount: monthly for pensions, per case for grants,
// lump sums and short-term cases, per member a year for health care.
struct BeneficiaryRow {
  int year = 0;
  std::string benefit;
  std::string sex;  // male, female, or all
  double new_awards = 0;
  double recipients = 0;
  double average_amount = 0;
};

// A row of indicators.csv; value NaN when the event does not happen within the horizon.
struct Indicator {
  std::string indicator;
  double value = 0;
  std::string unit;
  std::string horizon;
};

// A row of interventions.csv: what one intervention did and cost in a year. Persons as in
// InterventionTally; money in kip at the prices of the year (the inputs, at base-year prices,
// grown with the price index).
struct InterventionYear {
  int year = 0;
  std::string intervention;  // its name
  std::string type;
  double targeted = 0;
  double reached = 0;
  double attended = 0;
  double registered = 0;
  double lapsed_prevented = 0;
  double cost = 0;              // everything the government spends on it, subsidy included
  double subsidy_cost = 0;      // of which the contribution subsidy (paid into the fund)
  double sanction_revenue = 0;  // fines collected (enforcement), not counted in the fund
};

struct Valuation {
  std::vector<FundYear> years;
  std::vector<InterventionYear> interventions;  // by year, then in the scenario's order
  std::vector<BeneficiaryRow> beneficiaries;
  std::vector<Indicator> indicators;
};

// The fund, beneficiaries and indicators from the workforce years of one replication
// (weighted), under the scenario's rules and assumptions. See docs/methodology.md.
Valuation valuate(const Scenario& scenario, const std::vector<WorkforceYear>& years);

}  // namespace ssproj
