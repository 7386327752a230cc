#include <ssproj/demographic_inputs.h>
#include <ssproj/results.h>

namespace ssproj {

const char* sex_name(Sex sex) { return sex == Sex::kMale ? "male" : "female"; }

double PopulationSeries::total(int year) const {
  double sum = 0;
  for (const AgeVector& ages : at(year)) {
    for (double persons : ages) sum += persons;
  }
  return sum;
}

}  // namespace ssproj
