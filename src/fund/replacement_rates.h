// Replacement rates of typical careers under each scheme's old-age rules, against the ILO
// Social Security (Minimum Standards) Convention, 1952 (No. 102): replacement_rates.csv.
// Deterministic given the replication's average insurable earnings.
#pragma once

#include <span>
#include <vector>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

#include "benefits/benefits.h"

namespace ssproj::fund {

// Careers that would end after this age (entry age + career years) have no row.
inline constexpr int kMaxCareerEndAge = 70;
// C102, Part V (Art. 28-29) and the Schedule to Part XI: an old-age benefit of at least 40% of
// the reference wage of a standard beneficiary after 30 years of contribution or employment.
inline constexpr int kC102Years = 30;
inline constexpr double kC102Benchmark = 0.40;
// The pension in payment is compared with wages this many years after the award.
inline constexpr int kErosionYears = 10;

// A typical career: sex, entry age, years of contributions, and its monthly insurable earnings
// in kip of the award year (final = reference earnings: the model revalues them with wages).
struct TypicalCareer {
  Sex sex = Sex::kMale;
  int entry_age = 0;
  int career_years = 0;
  double earnings = 0;
};

// What the rules give that career; NaN where the file has an empty field.
struct CareerPension {
  int award_age = 0;           // max(pensionable age, entry age + career years)
  double monthly_pension = 0;  // 0 below the minimum months (a lump sum instead)
  double replacement_rate = 0;
  double replacement_rate_after_10_years = 0;
  double c102_benchmark = 0;  // kC102Benchmark for careers of kC102Years or more, else NaN
  double meets_c102 = 0;      // 1 or 0, NaN for shorter careers
};

// The pension of `career` awarded under rules[0] (the scheme's rules of the award year):
//   pension = 0 if 12 x career years < minimum months, else
//             max(minimum pension, min(accrual x years, maximum replacement) x earnings);
//   replacement rate = pension / earnings;
//   after 10 years = pension x prod_{j=1..10} (1 + indexation_j)
//                    / (earnings x wage_index_10 / wage_index_0).
// REQUIRES: rules.size() > kErosionYears (the award year and the 10 years after it).
CareerPension career_pension(std::span<const benefits::BenefitYear> rules,
                             const TypicalCareer& career);

// The award years: first, first + interval, ... up to last, and last.
std::vector<int> award_years(int first, int last, int interval);

// The rows of replacement_rates.csv for one replication, by award year, scheme, sex, entry age
// (fund.typical_entry_ages), career years (fund.typical_career_years) and earnings multiple
// (fund.typical_career_earnings) of the year's average insurable monthly earnings of the
// active contributors of all schemes, at most the year's contribution ceiling.
std::vector<ReplacementRateRow> replacement_rates(const Scenario& scenario,
                                                  const std::vector<WorkforceYear>& years);

}  // namespace ssproj::fund
