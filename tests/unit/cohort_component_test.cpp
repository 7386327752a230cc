#include "demography/cohort_component.h"

#include <catch2/catch.hpp>

#include <ssproj/simulate.h>

#include "demography/life_table.h"
#include "demography/step_rates.h"
#include "support/fixtures.h"

using namespace ssproj;
using demography::StepRates;

namespace {

SexAgeTable uniform_population(double persons) {
  SexAgeTable p{};
  for (auto& ages : p) ages.fill(persons);
  return p;
}

}  // namespace

TEST_CASE("Cohort engine: no deaths, births or migration only ages the population",
          "[unit][cohort]") {
  StepRates r;
  for (auto& ages : r.survival) ages.fill(1.0);
  r.newborn_survival = {1.0, 1.0};
  r.male_birth_share = 0.5;
  SexAgeTable now{};
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    for (std::size_t x = 0; x < kNumAges; ++x)
      now[s][x] = 1000.0 + 10.0 * static_cast<double>(x) + static_cast<double>(s);
  }
  SexAgeTable next{};
  const double births = demography::cohort_step(r, now, next);
  CHECK(births == 0.0);
  for (std::size_t s = 0; s < kNumSexes; ++s) {
    CHECK(next[s][0] == 0.0);
    for (std::size_t x = 1; x < kMaxAge; ++x) CHECK(next[s][x] == now[s][x - 1]);
    CHECK(next[s][kMaxAge] == now[s][kMaxAge - 1] + now[s][kMaxAge]);
  }
}

TEST_CASE("Cohort engine: a small case computed by hand", "[unit][cohort]") {
  StepRates r;
  for (auto& ages : r.survival) ages.fill(0.9);
  r.newborn_survival = {0.8, 0.85};
  r.birth_if_survives[20] = 0.1;  // f(20) = 0.1, f(21) = 0.1
  r.birth_if_dies[20] = 0.05;
  r.male_birth_share = 0.5;
  r.net_migrants[0][5] = 10.0;     // 10 male immigrants arriving at age 5
  r.net_migrants[1][30] = -500.0;  // more female emigrants at 30 than there are women

  const SexAgeTable now = uniform_population(100.0);
  SexAgeTable next{};
  const double births = demography::cohort_step(r, now, next);
  // B = F(20) (f(20) + S(20) f(21)) / 2 = 100 (0.05 + 0.9 * 0.05) = 9.5
  CHECK(births == Approx(9.5).epsilon(1e-14));
  CHECK(next[0][0] == Approx(9.5 * 0.5 * 0.8).epsilon(1e-14));
  CHECK(next[1][0] == Approx(9.5 * 0.5 * 0.85).epsilon(1e-14));
  CHECK(next[0][5] == Approx(100 * 0.9 + 10).epsilon(1e-14));
  CHECK(next[0][6] == Approx(90).epsilon(1e-14));
  CHECK(next[1][30] == 0.0);  // clamped: nobody left rather than a negative count
  CHECK(next[1][kMaxAge] == Approx(180).epsilon(1e-14));
}

TEST_CASE("Cohort engine: constant births and mortality keep the stationary population",
          "[unit][cohort]") {
  // With constant mortality and births B a year, the stationary population is
  // P_s(x) = B share_s L_s(x) (life-table person-years). Fertility at age 30 only, chosen so
  // that this population has exactly B births a year.
  const int base = 2000, end = 2060;
  Scenario s = testing::make_scenario(base, end, 0.0, 0.0, 0.0, 0.0);
  SexAgeTable m{};
  for (std::size_t x = 0; x < kNumAges; ++x) {
    m[0][x] = 0.001 + 0.0004 * static_cast<double>(x);
    m[1][x] = 0.0008 + 0.0003 * static_cast<double>(x);
  }
  for (auto& year : s.inputs.mortality) year = m;
  const double male_share = 1.05 / 2.05;
  const double B = 100000.0;
  std::array<demography::LifeTable, kNumSexes> tables = {
      demography::life_table(m[0], Sex::kMale), demography::life_table(m[1], Sex::kFemale)};
  const auto female = demography::survival_ratios(tables[1]);
  for (std::size_t x = 0; x < kNumAges; ++x) {
    s.inputs.base_population[0][x] = B * male_share * tables[0].L[x];
    s.inputs.base_population[1][x] = B * (1 - male_share) * tables[1].L[x];
  }
  const auto& L = tables[1].L;
  const double f30 = 2.0 / ((1 - male_share) * (L[29] * female.by_age[29] + L[30]));
  for (auto& year : s.inputs.fertility) {
    year.fill(0.0);
    year[30] = f30;
  }
  const PopulationSeries series = project_cohort_component(s);
  REQUIRE(series.years.size() == static_cast<std::size_t>(end - base + 1));
  for (int year = base; year <= end; ++year) {
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      for (std::size_t x = 0; x < kNumAges; ++x) {
        INFO("year " << year << " sex " << sex << " age " << x);
        CHECK(series.at(year)[sex][x] == Approx(s.inputs.base_population[sex][x]).epsilon(1e-10));
      }
    }
  }
}

TEST_CASE("Step rates average calendar years t and t+1 and apply the multipliers",
          "[unit][cohort]") {
  Scenario s = testing::make_scenario(2020, 2022, 100.0, 0.01, 0.1, -20.0);
  s.inputs.mortality[1][0].fill(0.03);      // 2021 male
  s.inputs.fertility[1].fill(0.0);          // 2021
  s.inputs.net_migrants[1][1].fill(-40.0);  // 2021 female
  s.inputs.sex_ratio_at_birth = {1.0, 1.1, 1.2};
  s.demography.fertility_multiplier =
      Schedule({{2020, 2.0}, {2021, 3.0}}, Schedule::Interpolation::kStep);
  s.demography.migration_multiplier = Schedule::constant(0.5);
  const auto rates = demography::build_step_rates(s);
  REQUIRE(rates.size() == 2);
  // 2020 -> 2021: m = (0.01 + 0.03) / 2 for males, 0.01 for females.
  const auto male = demography::survival_ratios(demography::life_table(
      [] {
        AgeVector m{};
        m.fill(0.02);
        return m;
      }(),
      Sex::kMale));
  CHECK(rates[0].survival[0][40] == Approx(male.by_age[40]).epsilon(1e-14));
  // f = 2 x (0.1 + 0) / 2 = 0.1 at 15..49; birth_if_survives(49) = (f(49) + f(50)) / 2.
  CHECK(rates[0].birth_if_survives[30] == Approx(0.1).epsilon(1e-14));
  CHECK(rates[0].birth_if_survives[49] == Approx(0.05).epsilon(1e-14));
  CHECK(rates[0].birth_if_dies[30] == Approx(0.05).epsilon(1e-14));
  CHECK(rates[1].birth_if_survives[30] == Approx(3 * 0.05).epsilon(1e-14));
  CHECK(rates[0].male_birth_share == Approx(1.05 / 2.05).epsilon(1e-14));
  CHECK(rates[0].net_migrants[1][7] == Approx(0.5 * -30.0).epsilon(1e-14));
  CHECK(rates[0].net_migrants[0][7] == Approx(0.5 * -20.0).epsilon(1e-14));
}
