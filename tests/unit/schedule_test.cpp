#include <catch2/catch.hpp>

#include <ssproj/schedule.h>

using ssproj::Schedule;

TEST_CASE("A constant schedule has its value in every year", "[unit][schedule]") {
  const Schedule s = Schedule::constant(0.25);
  CHECK(s.is_constant());
  CHECK(s.at(1900) == 0.25);
  CHECK(s.at(2100) == 0.25);
}

TEST_CASE("A step schedule holds each value until the next listed year", "[unit][schedule]") {
  const Schedule s({{2025, 0.20}, {2030, 0.05}}, Schedule::Interpolation::kStep);
  CHECK(s.at(2020) == 0.20);  // before the first year: the first value
  CHECK(s.at(2025) == 0.20);
  CHECK(s.at(2029) == 0.20);
  CHECK(s.at(2030) == 0.05);
  CHECK(s.at(2090) == 0.05);
}

TEST_CASE("A linear schedule interpolates between listed years and is flat beyond",
          "[unit][schedule]") {
  const Schedule s({{2020, 1.0}, {2030, 2.0}, {2040, 0.0}}, Schedule::Interpolation::kLinear);
  CHECK(s.at(2010) == 1.0);
  CHECK(s.at(2020) == 1.0);
  CHECK(s.at(2025) == Approx(1.5).margin(1e-15));
  CHECK(s.at(2030) == 2.0);
  CHECK(s.at(2035) == Approx(1.0).margin(1e-15));
  CHECK(s.at(2040) == 0.0);
  CHECK(s.at(2050) == 0.0);
}
