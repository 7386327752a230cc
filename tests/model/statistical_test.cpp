// Statistical agreement of the microsimulation with its inputs, at fixed seeds.
// Each comparison allows 4 standard errors; with fixed seeds the tests are deterministic.
#include <cmath>

#include <catch2/catch.hpp>

#include <ssproj/simulate.h>

#include "demography/cohort_component.h"
#include "demography/step_rates.h"
#include "engine/microsimulation.h"
#include "support/fixtures.h"

using namespace ssproj;

namespace {
constexpr double kStandardErrors = 4.0;
}

TEST_CASE("Deaths by age agree with the death probabilities", "[model][statistical]") {
  // 20,000 persons at each sex and age, no births or migration: deaths at age x are
  // Binomial(n, 1 - S(x)).
  Scenario s = testing::make_scenario(2020, 2021, 20000.0, 0.0, 0.0, 0.0);
  for (auto& year : s.inputs.mortality) {
    for (std::size_t x = 0; x < kNumAges; ++x) {
      year[0][x] = 0.0005 * std::exp(0.08 * static_cast<double>(x));
      year[1][x] = 0.0003 * std::exp(0.08 * static_cast<double>(x));
    }
  }
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 2024, 0);
  const engine::Counts before = sim.counts();
  sim.step(rates[0]);
  const engine::Counts& after = sim.counts();
  int checked = 0;
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (std::size_t x = 0; x + 2 < kNumAges; ++x) {  // ages 99 and 100+ merge into 100+
      const double n = static_cast<double>(before[sex][x]);
      const double p = 1.0 - rates[0].survival[sex][x];
      const double deaths = n - static_cast<double>(after[sex][x + 1]);
      const double se = std::sqrt(n * p * (1 - p));
      INFO("sex " << sex << " age " << x << ": " << deaths << " deaths, expected " << n * p);
      CHECK(std::abs(deaths - n * p) <= kStandardErrors * se);
      ++checked;
    }
  }
  CHECK(checked == 2 * 99);
}

TEST_CASE("Births, the sex ratio and emigration agree with their rates", "[model][statistical]") {
  Scenario s = testing::make_scenario(2020, 2021, 5000.0, 0.01, 0.12, -30.0);
  const auto rates = demography::build_step_rates(s);
  const demography::StepRates& r = rates[0];
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 99, 0);
  const engine::Counts before = sim.counts();
  const DemographicEvents e = sim.step(r);

  // Expected births: sum over women of birth_if_dies + S (birth_if_survives - birth_if_dies).
  double expected_births = 0, variance = 0;
  for (std::size_t x = 0; x < kNumAges; ++x) {
    const double p =
        r.birth_if_dies[x] + r.survival[1][x] * (r.birth_if_survives[x] - r.birth_if_dies[x]);
    expected_births += static_cast<double>(before[1][x]) * p;
    variance += static_cast<double>(before[1][x]) * p * (1 - p);
  }
  const double births = static_cast<double>(e.births[0] + e.births[1]);
  CHECK(std::abs(births - expected_births) <= kStandardErrors * std::sqrt(variance));

  const double q = r.male_birth_share;
  CHECK(std::abs(static_cast<double>(e.births[0]) - births * q) <=
        kStandardErrors * std::sqrt(births * q * (1 - q)));

  // Net emigration of 30 persons at every sex and age: 2 x 101 x 30 expected emigrants.
  const double expected_emigrants = 2 * kNumAges * 30.0;
  const double emigrants = static_cast<double>(e.emigrants[0] + e.emigrants[1]);
  CHECK(std::abs(emigrants - expected_emigrants) <=
        kStandardErrors * std::sqrt(expected_emigrants));
}

TEST_CASE("Immigrant counts are the net migration, rounded stochastically",
          "[model][statistical]") {
  Scenario s = testing::make_scenario(2020, 2021, 10.0, 0.0, 0.0, 2.5);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 5, 0);
  const DemographicEvents e = sim.step(rates[0]);
  // 202 cells of 2.5 migrants: each gives 2 or 3, so the total is within [404, 606] and
  // near 505 (SD of the rounding sum = sqrt(202 / 4)).
  const double total = static_cast<double>(e.immigrants[0] + e.immigrants[1]);
  CHECK(total >= 404);
  CHECK(total <= 606);
  CHECK(std::abs(total - 505) <= kStandardErrors * std::sqrt(202 * 0.25));
}

TEST_CASE("A sampled population is unbiased: weighted totals near the input",
          "[model][statistical]") {
  const Scenario s = testing::make_scenario(2020, 2021, 1000.0, 0.0, 0.0, 0.0, 0.1);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 0.1, 11, 0);
  // 202 cells of 100 expected persons each, sampled exactly (100 is whole).
  CHECK(sim.population().size() == 202 * 100);
  const Scenario t = testing::make_scenario(2020, 2021, 1000.0, 0.0, 0.0, 0.0, 0.0123);
  engine::Microsimulation sampled(t.inputs.base_population, 2020, 0.0123, 11, 0);
  // 12.3 expected per cell: 12 or 13 each.
  const double n = static_cast<double>(sampled.population().size());
  CHECK(std::abs(n - 202 * 12.3) <= kStandardErrors * std::sqrt(202 * 0.3 * 0.7));
}
