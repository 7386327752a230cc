// What an intervention type works with: the state of a programme in a year, what it does to one
// person's hazards, and what the programmes share while one person's membership is decided.
// Everything here is a plain value; the per-person functions are inline, without allocation,
// virtual calls or locks.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include <ssproj/results.h>

namespace ssproj::interventions {

// At most this many [[interventions]] entries in one scenario (validated on load).
inline constexpr std::size_t kMaxProgrammes = 32;

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

// A programme's capacity in real persons as a share of its target in simulated persons (last
// year's count), at most 1.
struct Capacity {
  double sample_fraction = 1;
  double targeted = 0;

  double share_of_target(double persons) const {
    if (persons <= 0) return 0.0;
    return targeted > 0 ? std::min(1.0, persons * sample_fraction / targeted) : 1.0;
  }
};

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

// What one programme does to one person (set by its type from the person's draws). A plain
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

// What the programmes did to one person in the coverage step, for the observation.
struct PersonOutcome {
  double density = 0;        // added to the voluntary density
  double declared = 1;       // multiplier on the under-declared share
  int subsidised = -1;       // the programme paying this year's subsidy, or -1
  double subsidy_share = 0;  // its share of the contribution
  bool subsidy_ends = false;
  std::uint32_t access = 0;  // bit k: access to digital programme k
};

// Which of a person's draws of a programme's stream a type asks for: this year's, or the one
// drawn for life (the same in every year, for a lasting property such as access or awareness).
enum DrawYear : int { kThisYear, kForLife };

// One person while the programmes that reach them are applied in order: what they may look
// at, and what they share (the touches of the programmes so far and the outcome).
struct Person {
  bool voluntary = false;         // on the voluntary path this year (an uncovered status)
  bool compulsory = false;        // on the compulsory path
  bool active_before = false;     // an active member before this year's update
  bool voluntary_member = false;  // a member of the voluntary scheme
  int subsidy_years = 0;          // years of contribution subsidy received
  bool subsidy_done = false;      // the subsidy entitlement has ended for good
  std::size_t k = 0;              // the programme being applied
  std::array<Touch, kMaxProgrammes>* touch = nullptr;  // [0, number of programmes)
  PersonOutcome out;
  int entitled = -1;  // a subsidy the person would get on registering this year
  int ended = -1;     // the subsidy whose entitlement ends this year (unless another pays)
};

}  // namespace ssproj::interventions
