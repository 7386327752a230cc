// A person's membership of the year under the programmes that reach them: the year's hazards
// changed by every programme's effect, and the attribution of what changed to one programme.
// See docs/interventions.md for the equations. Inline and without allocation: it runs once per
// person and year in the engine's loop.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <ssproj/results.h>

#include "contributions/contributions.h"
#include "coverage/coverage.h"
#include "interventions/person.h"
#include "interventions/programmes.h"
#include "population/population.h"

namespace ssproj::interventions {

// Updates person i's scheme and membership for the year (coverage::update_membership with
// the combined effects of the programmes) and records in `tallies` the registrations and
// prevented lapses each programme caused. `draw(programme, when)` gives the person's four
// uniforms of the programme's stream for this year or for life. `rank` is the person's
// compliance rank of the job spell, `u` their membership draw of the year.
// REQUIRES: at least one programme; py and tallies indexed like programmes.
template <typename Draw>
PersonOutcome membership_with_programmes(const std::vector<Programme>& programmes,
                                         population::Population& p, std::size_t i,
                                         const coverage::CoverageYear& cov, coverage::Path path,
                                         double rank, double u,
                                         const std::array<ProgrammeYear, kMaxProgrammes>& py,
                                         std::array<InterventionTally, kMaxProgrammes>& tallies,
                                         Draw&& draw) {
  constexpr auto kNever = static_cast<std::uint8_t>(Membership::kNever);
  constexpr auto kActive = static_cast<std::uint8_t>(Membership::kActive);
  const std::size_t n = programmes.size();
  const std::uint8_t status = p.status[i];
  const std::uint8_t before = p.membership[i];
  const bool voluntary = path == coverage::Path::kVoluntary;
  const bool compulsory = path == coverage::Path::kCompulsory;
  std::array<Touch, kMaxProgrammes> touches;  // only [0, n) is used
  for (std::size_t k = 0; k < n; ++k) touches[k] = kNoEffect;
  Person person;
  person.voluntary = voluntary;
  person.compulsory = compulsory;
  person.active_before = before == kActive;
  person.voluntary_member = p.scheme[i] == static_cast<std::uint8_t>(Scheme::kVoluntary);
  person.subsidy_years = p.subsidy_years[i];
  person.subsidy_done = p.subsidy_years[i] == population::Population::kSubsidyDone;
  person.touch = &touches;
  const auto reaches = [&](const Programme& pr) { return pr.targets(p, i, status); };
  for (std::size_t k = 0; k < n; ++k) {
    const Programme& pr = programmes[k];
    if (!reaches(pr)) continue;
    person.k = k;
    interventions::touch(
        pr, person, py[k], [&](DrawYear when) { return draw(pr, when); }, touches[k], tallies[k]);
  }
  PersonOutcome& out = person.out;
  Effects all;
  for (std::size_t k = 0; k < n; ++k) combine(all, touches[k]);

  // This year's membership under all the programmes together.
  const coverage::Hazards base = coverage::base_hazards(cov);
  const double compliance = compulsory ? cov.compliance[p.region[i]][status] : 0.0;
  const auto registration = [&](const Effects& e) {
    return before == kNever ? with_channels(base.registration, e.registration, e)
                            : with_channels(base.reactivation, e.reactivation, e);
  };
  const auto lapse = [&](const Effects& e) { return std::min(1.0, base.lapse * e.lapse); };
  const auto complies = [&](const Effects& e) {
    return e.not_complying == 1.0 ? compliance : 1.0 - (1.0 - compliance) * e.not_complying;
  };
  const coverage::Hazards hazards{with_channels(base.registration, all.registration, all),
                                  lapse(all),
                                  with_channels(base.reactivation, all.reactivation, all)};
  coverage::update_membership(path, compulsory_scheme(static_cast<Status>(status)), complies(all),
                              hazards, rank, u, p.scheme[i], p.membership[i]);
  const std::uint8_t after = p.membership[i];

  // Attribution: the first programme in the list with which (and its predecessors) the
  // person's draw gives this year's outcome, where the year's own hazards would not.
  const auto first_programme = [&](auto&& gives_outcome) -> int {
    Effects prefix;
    for (std::size_t k = 0; k < n; ++k) {
      combine(prefix, touches[k]);
      if (gives_outcome(prefix)) return static_cast<int>(k);
    }
    return -1;
  };
  int cause = -1;
  bool prevented = false;
  if (voluntary && before != kActive && after == kActive) {
    const double own = before == kNever ? base.registration : base.reactivation;
    if (!(u < own)) cause = first_programme([&](const Effects& e) { return u < registration(e); });
  } else if (voluntary && before == kActive && person.voluntary_member && after == kActive &&
             u < base.lapse) {
    cause = first_programme([&](const Effects& e) { return !(u < lapse(e)); });
    prevented = true;
  } else if (compulsory && before != kActive && after == kActive) {
    if (!(rank < compliance)) {
      cause = first_programme([&](const Effects& e) { return rank < complies(e); });
    } else if (cov.mandated[status]) {
      for (std::size_t k = 0; k < n && cause < 0; ++k) {
        if (programmes[k].mandate && py[k].runs && reaches(programmes[k])) {
          cause = static_cast<int>(k);
        }
      }
    }
  }
  if (cause >= 0) {
    InterventionTally& tally = tallies[static_cast<std::size_t>(cause)];
    (prevented ? tally.lapsed_prevented : tally.registered) += 1;
  }
  if (before != kActive && after == kActive && person.entitled >= 0 &&
      p.scheme[i] == static_cast<std::uint8_t>(Scheme::kVoluntary)) {
    out.subsidised = person.entitled;  // registered (or came back) with the subsidy
    out.subsidy_share = py[static_cast<std::size_t>(person.entitled)].subsidy;
  }
  if (after != kActive) out.subsidised = -1;
  out.density = all.density;
  out.declared = all.declared;
  return out;
}

// The government's share of a subsidised voluntary member's contribution: moved from the
// member's part to the government's, and counted for the programme paying it.
// The member's years of subsidy go up by one.
inline void pay_subsidy(const PersonOutcome& outcome, contributions::Amounts& a,
                        std::uint8_t& subsidy_years, InterventionTally& tally) {
  const double paid = a.employee * outcome.subsidy_share;
  a.government += paid;
  a.employee -= paid;
  tally.subsidy += paid;
  tally.reached += 1;
  tally.attended += 1;
  subsidy_years = static_cast<std::uint8_t>(std::min(254, subsidy_years + 1));
}

}  // namespace ssproj::interventions
