#include "core/range.h"

#include <charconv>
#include <cmath>

namespace ssproj::core {
std::string format_bound(double x, bool integer) {
  // The largest 64-bit integer has no double of its own: 2^63 - 1 rounds to 2^63.
  if (integer && x >= 0x1p63) return "9223372036854775807";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  (void)ec;
  return std::string(buf, end);
}

bool Range::contains(double x) const {
  if (!std::isfinite(x)) return false;
  if (or_zero && x == 0) return true;
  if (!std::isnan(min) && (min_open ? x <= min : x < min)) return false;
  if (!std::isnan(max) && (max_open ? x >= max : x > max)) return false;
  return true;
}

std::string Range::expected(bool integer) const {
  if (or_zero) {
    Range interval = *this;
    interval.or_zero = false;
    return interval.expected(integer) + ", or 0";
  }
  const std::string what = integer ? "an integer" : "a number";
  const bool has_min = !std::isnan(min);
  const bool has_max = !std::isnan(max);
  if (has_min && has_max && min == max) return format_bound(min, integer);
  if (has_min && has_max) {
    return what + " in " + (min_open ? "(" : "[") + format_bound(min, integer) + ", " +
           format_bound(max, integer) + (max_open ? ")" : "]");
  }
  if (has_min) return what + (min_open ? " > " : " >= ") + format_bound(min, integer);
  if (has_max) return what + (max_open ? " < " : " <= ") + format_bound(max, integer);
  return integer ? "an integer" : "a finite number";
}

}  // namespace ssproj::core
