// Interventions in the per-person loop: each [[interventions]] entry compiled into a
// Programme (its target as bit masks, its random-number stream), its state from year to year,
// and the dispatch to its type's rules (types/). See docs/interventions.md for the equations.
//
// Everything here is either built once per run (Programme) or once per simulated year from
// the previous year's counts (ProgrammeYear); the per-person functions are inline, without
// allocation, virtual calls or locks (std::visit over the types is a jump table).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include <ssproj/scenario.h>

#include "coverage/coverage.h"
#include "interventions/intervention.h"
#include "interventions/person.h"

namespace ssproj::interventions {

// An intervention with its target compiled to bit masks.
struct Programme {
  const Intervention* spec = nullptr;
  // Philox stream word of its draws: the high bit set (never one of engine::Stream's values)
  // and a hash of the name, so that the same intervention draws the same numbers in every
  // scenario (common random numbers), whatever its position in the list.
  std::uint32_t stream = 0;
  // [province] 1 when the province and its region are targeted; [district code] and [sector
  // code] (code 0: no named district, no sector) 1 when targeted.
  std::vector<std::uint8_t> provinces;
  std::vector<std::uint8_t> districts;
  std::vector<std::uint8_t> sectors;
  std::uint8_t areas = 0, statuses = 0, sexes = 0;
  std::uint8_t age_min = 0, age_max = 0;
  bool mandate = false;  // its type makes a status compulsory (coverage::Mandate)

  // Whether person i of `p` (a Population) is in the target.
  template <typename Population>
  bool targets(const Population& p, std::size_t i, std::uint8_t status) const {
    return provinces[p.province[i]] != 0 && districts[p.district[i]] != 0 &&
           sectors[p.sector[i]] != 0 && ((areas >> p.area[i]) & 1u) &&
           ((statuses >> status) & 1u) && ((sexes >> p.sex[i]) & 1u) && p.age[i] >= age_min &&
           p.age[i] <= age_max;
  }
};

std::vector<Programme> build_programmes(const Scenario& scenario);

// The stream word of an intervention's draws (FNV-1a of the name, high bit set).
std::uint32_t stream_of(std::string_view name);

// The statuses that the scenario's programmes make compulsory, and when (for the coverage
// stage).
std::vector<coverage::Mandate> mandates_of(const std::vector<Programme>& programmes);

// Advances the state into `year` and returns the year's parameters. `sample_fraction` converts
// the programme's capacities (real persons) into simulated persons.
ProgrammeYear advance(const Programme& p, int year, double sample_fraction, ProgrammeState& state);

// What programme p.k does to person `person` this year: its type's rule. `draw(when)` gives
// the person's four uniforms of the programme's stream for this year (kThisYear) or for life
// (kForLife).
template <typename Draw>
inline void touch(const Programme& programme, Person& person, const ProgrammeYear& y, Draw&& draw,
                  Touch& to, InterventionTally& tally) {
  std::visit([&](const auto& type) { type.touch(person, y, draw, to, tally); },
             programme.spec->parameters);
}

// The costs of an entry in `year` at base-year prices (setup, running and its type's variable
// costs), and the sanctions its type collects, from the year's tally.
struct YearCost {
  double at_base_prices = 0;
  double sanctions_at_base_prices = 0;
};
YearCost cost_in(const Intervention& iv, int year, const InterventionTally& tally);

// Whether the entry costs anything at all (setup, running or its type's own costs).
bool has_costs(const Intervention& iv);

}  // namespace ssproj::interventions
