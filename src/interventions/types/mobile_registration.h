// Mobile registration and payment offices that visit villages (docs/interventions.md §3): a
// visited person who is not a paying member comes with probability `turnout` and registers with
// probability `conversion`; active voluntary members in a visited village pay at the visit.
#pragma once

#include <span>
#include <string_view>

#include <ssproj/results.h>
#include <ssproj/schedule.h>

#include "core/keys.h"
#include "interventions/person.h"
#include "interventions/target.h"

namespace ssproj::interventions {

struct MobileRegistration {
  static constexpr std::string_view kName = "mobile_registration";
  static constexpr bool kTargeted = true;          // regions, area, sex and ages
  static constexpr bool kVoluntaryChannel = true;  // acts on the uncovered and voluntary members

  Schedule visits_per_year;           // village visits a year
  double persons_per_visit{};         // target persons living in a visited village
  double turnout{};                   // share of them attending
  double conversion{};                // share of attendees (not paying members) who register
  double payment_lapse_multiplier{};  // on the lapse of members in visited villages
  double cost_per_visit{};            // kip, base-year prices

  friend bool operator==(const MobileRegistration&, const MobileRegistration&) = default;

  // The keys of an entry of this type, besides those of every entry (scenario/schema.cpp).
  static std::span<const core::KeySpec> keys() {
    using core::parameter;
    static const core::KeySpec rows[] = {
        core::KeySpec{.path = "interventions.visits_per_year",
                      .kind = core::Kind::kNumberOrSchedule,
                      .required = true,
                      .range = core::kPersons,
                      .units = "visits a year",
                      .description =
                          "Village visits by the mobile offices. With `persons_per_visit`, the "
                          "number of target persons they can reach in a year.",
                      .types = kName,
                      .bind = parameter<&MobileRegistration::visits_per_year>},
        core::KeySpec{.path = "interventions.persons_per_visit",
                      .kind = core::Kind::kNumber,
                      .default_toml = "300",
                      .range = core::kPersons,
                      .units = "persons",
                      .description = "Target persons living in a visited village (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&MobileRegistration::persons_per_visit>},
        core::KeySpec{.path = "interventions.turnout",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.25",
                      .range = core::kShare,
                      .units = "share",
                      .description =
                          "Share of the visited persons who are not paying members who come to "
                          "the visit (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&MobileRegistration::turnout>},
        core::KeySpec{
            .path = "interventions.conversion",
            .kind = core::Kind::kNumber,
            .default_toml = "0.22",
            .range = core::kShare,
            .units = "share",
            .description = "Share of those who come who register, or reactivate (LSSO pilot 2023).",
            .types = kName,
            .bind = parameter<&MobileRegistration::conversion>},
        core::KeySpec{.path = "interventions.payment_lapse_multiplier",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.8",
                      .range = core::kFactor,
                      .units = "factor",
                      .description =
                          "Multiplies the lapse hazard of active voluntary members in a visited "
                          "village that year (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&MobileRegistration::payment_lapse_multiplier>},
        core::KeySpec{.path = "interventions.cost_per_visit",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.0",
                      .range = core::kKipPerUnit,
                      .units = "kip, base-year prices",
                      .description = "Cost of one visit.",
                      .types = kName,
                      .bind = parameter<&MobileRegistration::cost_per_visit>},
    };
    return rows;
  }

  void advance(int year, const Capacity& capacity, ProgrammeState&, ProgrammeYear& y) const {
    if (y.runs) y.visit = capacity.share_of_target(visits_per_year.at(year) * persons_per_visit);
  }

  template <typename Draw>
  void touch(Person& p, const ProgrammeYear& y, Draw&& draw, Touch& to,
             InterventionTally& tally) const {
    if (!p.voluntary || y.visit <= 0) return;
    const auto v = draw(kThisYear);
    if (v[0] >= y.visit) return;  // the person's village is not visited this year
    tally.reached += 1;
    if (p.active_before) {
      if (p.voluntary_member) to.lapse = payment_lapse_multiplier;  // pays at the visit
    } else if (v[1] < turnout) {
      tally.attended += 1;
      to.add = conversion;
    }
  }

  double variable_cost(int year, bool runs, const InterventionTally&, double&) const {
    return runs ? visits_per_year.at(year) * cost_per_visit : 0.0;
  }
  bool has_variable_cost() const { return cost_per_visit > 0; }
};

}  // namespace ssproj::interventions
