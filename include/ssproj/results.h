// In-memory results of a projection.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <ssproj/demographic_inputs.h>

namespace ssproj {

// Persons by year, sex and age on 1 July of each year first_year..first_year+size-1.
struct PopulationSeries {
  int first_year = 0;
  std::vector<SexAgeTable> years;

  int last_year() const { return first_year + static_cast<int>(years.size()) - 1; }
  const SexAgeTable& at(int year) const {
    return years.at(static_cast<std::size_t>(year - first_year));
  }
  double total(int year) const;
};

// Demographic events of one projection step (1 July `year` to 1 July `year + 1`), in simulated
// persons (not weighted), by sex. Deaths and emigrants include children born in the step.
// Balance: persons(year + 1) = persons(year) + births - deaths - emigrants + immigrants.
struct DemographicEvents {
  int year = 0;
  std::array<std::int64_t, kNumSexes> births{};
  std::array<std::int64_t, kNumSexes> deaths{};
  std::array<std::int64_t, kNumSexes> emigrants{};
  std::array<std::int64_t, kNumSexes> immigrants{};
};

// One replication of the microsimulation.
struct ReplicationResult {
  PopulationSeries population;            // weighted persons (simulated persons / sample fraction)
  std::vector<DemographicEvents> events;  // one per step, from the base year to end_year - 1
  double person_years = 0;                // simulated person-years (persons alive at each step)
};

struct ProjectionResults {
  PopulationSeries cohort;                      // deterministic cohort-component projection
  std::vector<ReplicationResult> replications;  // microsimulation, in replication order
  double person_years = 0;                      // summed over replications
};

}  // namespace ssproj
