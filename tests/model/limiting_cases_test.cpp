// Limiting cases and accounting identities of the microsimulation.
#include <catch2/catch.hpp>

#include <ssproj/simulate.h>

#include "demography/step_rates.h"
#include "engine/microsimulation.h"
#include "support/fixtures.h"

using namespace ssproj;

TEST_CASE("Microsimulation: zero mortality, fertility and migration only ages people",
          "[model][limiting]") {
  const Scenario s = testing::make_scenario(2020, 2030, 7.0, 0.0, 0.0, 0.0);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 42, 0);
  const engine::Population before = sim.population();
  for (const auto& r : rates) {
    const DemographicEvents e = sim.step(r);
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      CHECK(e.births[sex] == 0);
      CHECK(e.deaths[sex] == 0);
      CHECK(e.emigrants[sex] == 0);
      CHECK(e.immigrants[sex] == 0);
    }
  }
  const engine::Population& after = sim.population();
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after.id[i] == before.id[i]);
    CHECK(after.sex[i] == before.sex[i]);
    CHECK(after.age[i] == std::min(before.age[i] + 10, kMaxAge));
  }
  // And the whole run equals the cohort engine exactly.
  const ProjectionResults results = simulate(s, RunOptions{});
  for (int year = 2020; year <= 2030; ++year) {
    CHECK(results.replications[0].population.at(year) == results.cohort.at(year));
  }
}

TEST_CASE("Microsimulation: sample fraction 1 reproduces the base population exactly",
          "[model][limiting]") {
  const Scenario s = testing::make_scenario(2020, 2021, 123.0, 0.01, 0.05, 0.0);
  const ProjectionResults results = simulate(s, RunOptions{});
  CHECK(results.replications[0].population.at(2020) == s.inputs.base_population);
  CHECK(results.cohort.at(2020) == s.inputs.base_population);
}

TEST_CASE("Microsimulation: the population balances exactly every year", "[model][identity]") {
  // Deaths, births, emigration (negative net migration) and immigration (positive) at once.
  Scenario s = testing::make_scenario(2020, 2040, 300.0, 0.02, 0.08, -2.0);
  for (auto& year : s.inputs.net_migrants) {
    for (std::size_t x = 20; x < 30; ++x) year[0][x] = 5.5;  // male immigrants aged 20-29
  }
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 7, 0);
  std::int64_t immigrants = 0, emigrants = 0, births = 0, deaths = 0;
  for (const auto& r : rates) {
    std::array<std::int64_t, kNumSexes> before{};
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      for (auto n : sim.counts()[sex]) before[sex] += n;
    }
    const std::size_t size_before = sim.population().size();
    const DemographicEvents e = sim.step(r);
    std::int64_t total_after = 0;
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      std::int64_t after = 0;
      for (auto n : sim.counts()[sex]) after += n;
      total_after += after;
      CHECK(after ==
            before[sex] + e.births[sex] - e.deaths[sex] - e.emigrants[sex] + e.immigrants[sex]);
      immigrants += e.immigrants[sex];
      emigrants += e.emigrants[sex];
      births += e.births[sex];
      deaths += e.deaths[sex];
    }
    const auto& ages = sim.population().age;
    const auto living_slots = std::count_if(ages.begin(), ages.end(),
                                            [](auto a) { return a != engine::Population::kGone; });
    CHECK(living_slots == total_after);
    CHECK(sim.living() == total_after);
    // Slots of the dead and emigrated are reclaimed once they are a tenth of the arrays.
    CHECK(static_cast<double>(static_cast<std::int64_t>(ages.size()) - living_slots) <=
          engine::Microsimulation::kCompactionShare * static_cast<double>(ages.size()));
    CHECK(size_before > 0);
  }
  // Every kind of event happened, so the identity was exercised.
  CHECK(immigrants > 0);
  CHECK(emigrants > 0);
  CHECK(births > 0);
  CHECK(deaths > 0);
}

TEST_CASE("Microsimulation: ids stay unique and counts match the persons", "[model][identity]") {
  const Scenario s = testing::make_scenario(2020, 2035, 200.0, 0.03, 0.1, 1.0);
  const auto rates = demography::build_step_rates(s);
  engine::Microsimulation sim(s.inputs.base_population, 2020, 1.0, 3, 0);
  for (const auto& r : rates) sim.step(r);
  const engine::Population& p = sim.population();
  std::vector<std::uint32_t> ids;
  engine::Counts counts{};
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p.age[i] == engine::Population::kGone) continue;
    ids.push_back(p.id[i]);
    ++counts[p.sex[i]][p.age[i]];
  }
  std::sort(ids.begin(), ids.end());
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  CHECK(counts == sim.counts());
}

TEST_CASE("A later start year writes only the later years, identical to a full run",
          "[model][limiting]") {
  Scenario full = testing::make_scenario(2020, 2030, 50.0, 0.02, 0.06, -1.0);
  Scenario later = full;
  later.projection.start_year = 2025;
  const ProjectionResults a = simulate(full, RunOptions{});
  const ProjectionResults b = simulate(later, RunOptions{});
  REQUIRE(b.cohort.first_year == 2025);
  REQUIRE(b.replications[0].population.first_year == 2025);
  for (int year = 2025; year <= 2030; ++year) {
    CHECK(a.cohort.at(year) == b.cohort.at(year));
    CHECK(a.replications[0].population.at(year) == b.replications[0].population.at(year));
  }
}
