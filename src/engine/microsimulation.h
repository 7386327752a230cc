// One replication of the microsimulation.
#pragma once

#include <cstdint>
#include <vector>

#include <ssproj/results.h>

#include "demography/step_rates.h"
#include "engine/population.h"
#include "engine/rng.h"

namespace ssproj::engine {

// Simulated persons by [sex][age] (unweighted counts).
using Counts = std::array<std::array<std::int64_t, kNumAges>, kNumSexes>;

class Microsimulation {
 public:
  // Persons are processed in chunks of this many; chunk boundaries depend only on the
  // population size, never on the number of threads, and results do not depend on them.
  static constexpr std::size_t kChunkSize = 16384;

  // Samples the base population: round(P_s(x) * sample_fraction) persons of each sex and
  // age, rounded stochastically (exactly P_s(x) when the fraction is 1 and P is whole).
  Microsimulation(const SexAgeTable& base, int base_year, double sample_fraction,
                  std::uint64_t seed, std::uint32_t replication);

  // Advances the population from 1 July rates.year to 1 July rates.year + 1, in parallel
  // over chunks of persons. REQUIRES: rates.year == year().
  DemographicEvents step(const demography::StepRates& rates);

  int year() const { return year_; }
  const Population& population() const { return population_; }
  const Counts& counts() const { return counts_; }

 private:
  Population population_;
  Population next_;                 // scratch for the next year's population (reused)
  std::vector<std::uint8_t> fate_;  // scratch: what happened to each person in the step
  Counts counts_{};                 // persons by sex and age, kept in step with population_
  Rng rng_;
  double sample_fraction_;
  int year_;
  std::uint32_t next_id_ = 0;
};

}  // namespace ssproj::engine
