// What the contribution rules do to one active member in a year: the months paid and the
// credit of the year's insurable earnings to the member's record. Inline: runs once per person
// and year in the engine's loop.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <ssproj/results.h>

#include "contributions/contributions.h"
#include "population/population.h"

namespace ssproj::contributions {

// Contribution months of an active member paying a share `density` of the year: 12 d
// rounded up or down at random (`u` uniform), so the mean is exactly 12 d.
inline std::uint16_t months_paid(double density, double u) {
  return static_cast<std::uint16_t>(std::min(12.0, std::floor(12.0 * density + u)));
}

// The slot of `year` in the ring of the last five years' earnings (Population::recent_*).
inline std::size_t recent_slot(int year) { return static_cast<std::size_t>(year % 5); }

// Whether person i paid at least one month in one of the `window` (at most 4) calendar years
// before `year`.
inline bool paid_within(const population::Population& p, std::size_t i, int year, int window) {
  for (int k = 1; k <= window; ++k) {
    if (p.recent_months[i][recent_slot(year - k)] > 0) return true;
  }
  return false;
}

// Clears person i's entry of the year in the ring before the year's contributions.
inline void start_year(population::Population& p, std::size_t i, std::size_t slot) {
  p.recent_points[i][slot] = 0.0f;
  p.recent_months[i][slot] = 0;
}

// Credits `months` paid on annual insurable earnings `annual` (kip of the year, wage index
// `wage_index`) to person i's months, revalued career points and the year's ring entry.
inline void credit(population::Population& p, std::size_t i, std::size_t slot, double annual,
                   std::uint16_t months, double wage_index) {
  p.months[i] = static_cast<std::uint16_t>(std::min(65535, p.months[i] + months));
  p.points[i] += static_cast<float>(annual / wage_index);
  p.recent_points[i][slot] = static_cast<float>(annual / wage_index);
  p.recent_months[i][slot] = static_cast<std::uint8_t>(months);
}

// One contributor's year added into the totals of their scheme.
inline void add(ContributionTotals& total, double annual, const Amounts& a) {
  total.contributors += 1;
  total.insurable_earnings += annual;
  total.employer += a.employer;
  total.employee += a.employee;
  total.government += a.government;
}

}  // namespace ssproj::contributions
