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
  std::array<bool, kNumAreas> areas{};
  std::array<bool, kNumStatuses> statuses{};
  std::array<bool, kNumSexes> sexes{};
  int age_min{};
  int age_max{};

  friend bool operator==(const InterventionTarget&, const InterventionTarget&) = default;
};

}  // namespace ssproj
