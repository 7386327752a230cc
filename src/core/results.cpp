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

}  // namespace ssproj
