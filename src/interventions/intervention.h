// One [[interventions]] entry of a scenario: what every entry has (name, years, target, setup
// and running costs) and the parameters of its type (types/). Mechanisms and defaults, with
// sources: docs/interventions.md; keys: docs/scenario-reference.md.
#pragma once

#include <string>

#include <ssproj/schedule.h>

#include "interventions/target.h"
#include "interventions/types.h"

namespace ssproj {

// At most this many [[interventions]] entries in one scenario.
inline constexpr std::size_t kMaxInterventions = interventions::kMaxProgrammes;

// Money amounts are kip at base-year prices, grown with the price index.
struct Intervention {
  // An entry of `type` with the defaults of its keys (the key table), as a file that writes
  // only `type` would give.
  explicit Intervention(InterventionType type);

  std::string name;
  int start_year{};
  int end_year{};  // last year it runs; 0: to the end of the projection
  InterventionTarget target;
  double setup_cost{};           // paid in the start year
  Schedule fixed_cost_per_year;  // each year it runs
  interventions::Parameters parameters;

  InterventionType type() const { return static_cast<InterventionType>(parameters.index()); }
  std::string_view type_name() const {
    return kInterventionTypeNames[static_cast<std::size_t>(parameters.index())];
  }
  // The parameters of type T. REQUIRES: type T.
  template <typename T>
  T& as() {
    return std::get<T>(parameters);
  }
  template <typename T>
  const T& as() const {
    return std::get<T>(parameters);
  }

  bool runs_in(int year) const { return year >= start_year && (end_year == 0 || year <= end_year); }

  friend bool operator==(const Intervention&, const Intervention&) = default;
};

}  // namespace ssproj
