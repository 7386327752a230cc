#include "demography/life_table.h"

#include <cmath>

#include <catch2/catch.hpp>

#include <ssproj/scenario.h>

#include "support/fixtures.h"

using namespace ssproj;
using demography::life_table;
using demography::survival_ratios;

TEST_CASE("Zero mortality: everyone survives every step", "[unit][life_table]") {
  AgeVector m{};
  const auto table = life_table(m, Sex::kFemale);
  const auto s = survival_ratios(table);
  for (int x = 0; x <= kMaxAge; ++x) CHECK(s.by_age[x] == 1.0);
  CHECK(s.newborn == 1.0);
}

TEST_CASE("Life table by hand for constant mortality", "[unit][life_table]") {
  AgeVector m{};
  m.fill(0.02);
  const auto t = life_table(m, Sex::kMale);
  // a(0) = 0.045 + 2.684 m(0) (Coale-Demeny, males, m(0) < 0.107).
  const double a0 = 0.045 + 2.684 * 0.02;
  const double q0 = 0.02 / (1 + (1 - a0) * 0.02);
  const double q = 0.02 / 1.01;  // a = 1/2 from age 1
  CHECK(t.q[0] == Approx(q0).epsilon(1e-14));
  CHECK(t.q[1] == Approx(q).epsilon(1e-14));
  CHECK(t.l[1] == Approx(1 - q0).epsilon(1e-14));
  CHECK(t.l[2] == Approx((1 - q0) * (1 - q)).epsilon(1e-14));
  CHECK(t.L[0] == Approx(t.l[1] + a0 * q0).epsilon(1e-14));
  CHECK(t.L[kMaxAge] == Approx(t.l[kMaxAge] / 0.02).epsilon(1e-14));
  const auto s = survival_ratios(t);
  CHECK(s.by_age[5] == Approx(t.L[6] / t.L[5]).epsilon(1e-14));
  const double open = t.L[kMaxAge] / (t.L[kMaxAge - 1] + t.L[kMaxAge]);
  CHECK(s.by_age[kMaxAge - 1] == Approx(open).epsilon(1e-14));
  CHECK(s.by_age[kMaxAge] == Approx(open).epsilon(1e-14));
  CHECK(s.newborn == Approx(t.L[0]).epsilon(1e-14));
}

TEST_CASE("Death rates above 2 give a probability of dying capped at 1", "[unit][life_table]") {
  AgeVector m{};
  m.fill(5.0);
  const auto t = life_table(m, Sex::kFemale);
  CHECK(t.q[30] == 1.0);
  CHECK(t.l[31] == 0.0);
}

TEST_CASE("Life expectancy of the Lao mortality tables matches data/lao/SOURCES.md",
          "[unit][life_table][lao]") {
  const Scenario s = load_scenario(testing::source_dir() / "scenarios/lao/baseline.toml");
  const auto& m2023 = s.inputs.mortality[static_cast<std::size_t>(s.inputs.year_index(2023))];
  const auto& m2050 = s.inputs.mortality[static_cast<std::size_t>(s.inputs.year_index(2050))];
  // e0 computed by data/lao/prepare_wpp2024.py from the same single-age rates; WPP 2024
  // publishes 66.8 / 71.3 (2023) and 71.7 / 76.8 (2050).
  CHECK(life_table(m2023[0], Sex::kMale).e0 == Approx(66.76).margin(0.01));
  CHECK(life_table(m2023[1], Sex::kFemale).e0 == Approx(71.33).margin(0.01));
  CHECK(life_table(m2050[0], Sex::kMale).e0 == Approx(71.83).margin(0.01));
  CHECK(life_table(m2050[1], Sex::kFemale).e0 == Approx(76.89).margin(0.01));
}
