// A numeric parameter that may change by calendar year.
#pragma once

#include <utility>
#include <vector>

namespace ssproj {

// A value by calendar year. In a scenario file any numeric parameter documented as
// "number or schedule" can be written either as a scalar (`x = 0.2`: the same value in every
// year) or as a table of years, e.g.
//
//   contribution_rate = { 2025 = 0.20, 2030 = 0.05 }                       # step (default)
//   wage_growth = { 2025 = 0.03, 2040 = 0.02, interpolation = "linear" }  # linear
//
// Step: the value of a listed year holds from that year until the next listed year, and the
// last value holds for ever after. Linear: values between two listed years are interpolated
// linearly in the year, and the first and last values are held constant beyond the ends.
// In both, years before the first listed year take the first value (validation requires the
// first listed year to be no later than the projection's start year, so this only concerns
// the run-in years between the base population's year and the start year).
//
// Thread-safety: immutable after construction; at() may be called from any thread.
class Schedule {
 public:
  enum class Interpolation { kStep, kLinear };

  // A schedule that is `value` in every year.
  static Schedule constant(double value);

  Schedule() : Schedule(constant(0.0)) {}
  // REQUIRES: `points` is non-empty and sorted by strictly increasing year.
  Schedule(std::vector<std::pair<int, double>> points, Interpolation interpolation);

  // The value in calendar year `year`.
  double at(int year) const;

  bool is_constant() const { return points_.size() == 1; }
  Interpolation interpolation() const { return interpolation_; }
  const std::vector<std::pair<int, double>>& points() const { return points_; }

  friend bool operator==(const Schedule&, const Schedule&) = default;

 private:
  std::vector<std::pair<int, double>> points_;
  Interpolation interpolation_ = Interpolation::kStep;
};

}  // namespace ssproj
