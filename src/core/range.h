// Bounds of a number that a scenario key or a data table accepts.
#pragma once

#include <limits>
#include <string>

namespace ssproj::core {

// Bounds of a number; NaN means unbounded on that side.
struct Range {
  double min = std::numeric_limits<double>::quiet_NaN();
  double max = std::numeric_limits<double>::quiet_NaN();
  bool min_open = false;  // true: min itself is excluded
  bool max_open = false;
  bool or_zero = false;  // 0 is accepted besides the interval ("0: never" for years)

  bool contains(double x) const;
  // "a number in (0, 1]", "an integer >= 1", ...
  std::string expected(bool integer) const;
};

// A bound as text: the shortest form that reads back to x; an integer bound of 2^63 or more is
// the largest 64-bit integer.
std::string format_bound(double x, bool integer);

}  // namespace ssproj::core
