// The Lao baseline at full scale (sample fraction 1) against UN WPP 2024, and the two engines
// against each other. About 10 s on two cores.
#include <cmath>

#include <catch2/catch.hpp>

#include <ssproj/simulate.h>

#include "support/fixtures.h"

using namespace ssproj;

TEST_CASE(
    "Lao baseline: 1 July 2050 within 1% of WPP 2024 in both engines, and the "
    "microsimulation within sampling error of the cohort engine",
    "[model][lao][slow]") {
  const Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/baseline.toml");
  REQUIRE(s.projection.sample_fraction == 1.0);
  const ProjectionResults r = simulate(s, RunOptions{});
  const PopulationSeries& micro = r.replications.at(0).population;

  // WPP 2024 medium variant, total population on 1 July 2050 (shared/data/lao/README.md).
  constexpr double kWpp2050 = 9757286;
  CHECK(std::abs(r.cohort.total(2050) / kWpp2050 - 1) < 0.01);
  CHECK(std::abs(micro.total(2050) / kWpp2050 - 1) < 0.01);

  // By sex and 5-year age group (the last is 100+), every year: the difference between the
  // engines within 4 standard errors, taking a Poisson standard error sqrt(N) for a count
  // of N persons.
  int comparisons = 0;
  for (int year = s.projection.start_year; year <= s.projection.end_year; ++year) {
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      for (std::size_t group = 0; group * 5 < kNumAges; ++group) {
        double cohort = 0, simulated = 0;
        for (std::size_t x = group * 5; x < std::min<std::size_t>(kNumAges, group * 5 + 5); ++x) {
          cohort += r.cohort.at(year)[sex][x];
          simulated += micro.at(year)[sex][x];
        }
        INFO("year " << year << " sex " << sex << " ages " << group * 5 << "+: cohort " << cohort
                     << ", microsimulation " << simulated);
        CHECK(std::abs(simulated - cohort) <= 4 * std::sqrt(std::max(cohort, 1.0)));
        ++comparisons;
      }
    }
  }
  CHECK(comparisons == 78 * 2 * 21);
}
