// Who an intervention reaches.
#pragma once

#include <array>
#include <vector>

#include <ssproj/demographic_inputs.h>
#include <ssproj/workforce.h>

namespace ssproj {

// Every condition must hold.
struct InterventionTarget {
  std::vector<bool> regions;  // [region index]; all true when the entry names no regions
  // [province index], [district index], [sector index]: all true when the entry names none.
  // A person in no named district, or without a sector, is reached only when the entry names
  // no districts, or no sectors.
  std::vector<bool> provinces;
  std::vector<bool> districts;
  std::vector<bool> sectors;
  std::array<bool, kNumAreas> areas{};
  std::array<bool, kNumStatuses> statuses{};
  std::array<bool, kNumSexes> sexes{};
  int age_min{};
  int age_max{};

  friend bool operator==(const InterventionTarget&, const InterventionTarget&) = default;
};

}  // namespace ssproj
