// Results types (include/ssproj/results.h).
#include <ssproj/results.h>

namespace ssproj {

double PopulationSeries::total(int year) const {
  double sum = 0;
  for (const AgeVector& ages : at(year)) {
    for (double persons : ages) sum += persons;
  }
  return sum;
}

double horizon_indicator(const Valuation& v, std::string_view name, std::string_view group,
                         std::string_view scheme) {
  for (const Indicator& i : v.indicators) {
    if (i.indicator == name && i.group == group && i.scheme == scheme && i.year == 0 &&
        i.period_start != 0) {
      return i.value;
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace ssproj
