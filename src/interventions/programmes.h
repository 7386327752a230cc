// Interventions in the per-person loop: who each one reaches in a year and how it changes that
// person's hazards of membership. See docs/interventions.md for the equations.
//
// Everything here is either built once per run (Programme) or once per simulated year from
// the previous year's counts (ProgrammeYear); the per-person functions are inline, without
// allocation, virtual calls or locks.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include <ssproj/scenario.h>

namespace ssproj::interventions {

inline constexpr std::size_t kMaxProgrammes = kMaxInterventions;  // validated on load

// An intervention with its target compiled to bit masks.
struct Programme {
  const Intervention* spec = nullptr;
  // Philox stream word of its draws: the high bit set (never one of engine::Stream's values)
  // and a hash of the name, so that the same intervention draws the same numbers in every
  // scenario (common random numbers), whatever its position in the list.
  std::uint32_t stream = 0;
  std::vector<std::uint8_t> regions;  // [region] 1 when targeted
  std::uint8_t areas = 0, statuses = 0, sexes = 0;
  std::uint8_t age_min = 0, age_max = 0;

  bool targets(std::size_t region, std::uint8_t area, std::uint8_t status, std::uint8_t sex,
               std::uint8_t age) const {
    return regions[region] != 0 && ((areas >> area) & 1u) && ((statuses >> status) & 1u) &&
           ((sexes >> sex) & 1u) && age >= age_min && age <= age_max;
  }
  InterventionType type() const { return spec->type; }
};

std::vector<Programme> build_programmes(const Scenario& scenario);

// The stream word of an intervention's draws (FNV-1a of the name, high bit set).
std::uint32_t stream_of(std::string_view name);

// The state of one programme in one simulated year.
struct ProgrammeYear {
  bool runs = false;        // within [start_year, end_year]
  double visit = 0;         // mobile: probability that a target person's village is visited
  double aware = 0;         // information: share of the target aware (persons ranked below)
  double aware_before = 0;  // ... of last year's aware, those who still are
  double contact = 0;       // information: probability that a target person is contacted
  double access = 0;        // digital: share of the target with access
  double subsidy = 0;       // subsidy: share of the contribution paid, 0 when not running
  double enforcement = 0;   // enforcement: share of non-compliant employers now complying
  double declared = 1;      // enforcement: multiplier on under-declaration
  double inspected = 0;     // enforcement: probability that the employer is inspected
};

// Per replication, carried from year to year.
struct ProgrammeState {
  double targeted = 0;   // simulated persons in the target on 1 July of the last year
  double aware = 0;      // information: aware share
  double intensity = 0;  // enforcement: accumulated inspected share, decayed
};

// Advances the state into `year` and returns the year's parameters. `sample_fraction` converts
// the programme's capacities (real persons) into simulated persons.
ProgrammeYear advance(const Programme& p, int year, double sample_fraction, ProgrammeState& state);

// What the programmes do to one person in a year: factors on the hazards, additive
// probabilities of the registration channels, and the compliance of their employer.
struct Effects {
  double registration = 1;   // multiplier on the registration hazard
  double reactivation = 1;   // multiplier on the reactivation hazard
  double lapse = 1;          // multiplier on the lapse hazard
  double channel = 1;        // multiplier on the additive channels' conversion
  double density = 0;        // added to the voluntary density
  double not_complying = 1;  // product of (1 - enforcement effect)
  double declared = 1;       // multiplier on under-declaration
  // Additive channel probabilities, before `channel`; only the first `adds` are set (the
  // array is left uninitialised: this runs once per person and year).
  std::array<double, kMaxProgrammes> add;
  std::size_t adds = 0;
};

// What one programme does to one person (set by the engine from the person's draws). A plain
// aggregate, so that an array of them costs nothing until set; kNoEffect is the neutral one.
struct Touch {
  double registration, reactivation, lapse, channel, density;
  double add;  // additive registration/reactivation probability
  double enforcement, declared;
};
inline constexpr Touch kNoEffect{1, 1, 1, 1, 0, 0, 0, 1};

inline void combine(Effects& e, const Touch& t) {
  e.registration *= t.registration;
  e.reactivation *= t.reactivation;
  e.lapse *= t.lapse;
  e.channel *= t.channel;
  e.density += t.density;
  e.not_complying *= 1.0 - t.enforcement;
  e.declared *= t.declared;
  if (t.add > 0) e.add[e.adds++] = t.add;
}

// 1 - (1 - min(1, base x multiplier)) x prod_k (1 - min(1, add_k x channel)); exactly
// base x multiplier (clamped) when there is no additive channel, so that programmes that do
// nothing leave the baseline's probabilities bit for bit.
inline double with_channels(double base, double multiplier, const Effects& e) {
  const double own = std::min(1.0, base * multiplier);
  if (e.adds == 0) return own;
  double none = 1.0 - own;
  for (std::size_t k = 0; k < e.adds; ++k) none *= 1.0 - std::min(1.0, e.add[k] * e.channel);
  return 1.0 - none;
}

}  // namespace ssproj::interventions
