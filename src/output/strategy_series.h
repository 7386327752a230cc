// The yearly series of one strategy's replication that compare reads (StrategySeries).
#pragma once

#include <limits>
#include <vector>

#include <ssproj/compare.h>
#include <ssproj/results.h>

namespace ssproj::output {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Series = StrategySeries;

// The series of replication `r` valued as `v`, in kip at the prices of each year.
Series series_of(const ReplicationResult& r, const Valuation& v);

// The same in base-year kip (projection.prices = "constant"): each year's amounts divided by
// its price index.
Series deflated(Series s);

}  // namespace ssproj::output
