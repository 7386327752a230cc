// The yearly series of one strategy's replication that compare reads (comparison.csv,
// decisions.csv): contributors, programme costs, the fund.
#pragma once

#include <limits>
#include <vector>

#include <ssproj/results.h>

namespace ssproj::output {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Series {
  std::vector<int> years;
  std::vector<double> active;     // active contributors on 1 July
  std::vector<double> employed;   // employed persons on 1 July
  std::vector<double> programme;  // programme cost (subsidy excluded), kip
  std::vector<double> subsidy;    // contribution subsidy, kip
  std::vector<double> reserve;    // reserve at the end of the year, kip
  std::vector<double> paygo;      // PAYG cost rate
  std::vector<double> price;      // consumer price index, 1 in the base year
  // The fund's (all schemes and branches) income from contributions and the government, and its
  // outgo (benefits and administration), in the year, kip.
  std::vector<double> income;
  std::vector<double> outgo;
  double gap = kNaN;
  double balance = kNaN;  // actuarial balance, all schemes and branches
  double depletion = kNaN;
};

// `constant`: money in base-year kip (projection.prices of the baseline), each year's amounts
// divided by its price index.
Series series_of(const ReplicationResult& r, const Valuation& v, bool constant);

}  // namespace ssproj::output
