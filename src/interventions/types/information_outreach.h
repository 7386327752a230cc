// Worker information centres, village meetings and promoters (docs/interventions.md §5): the
// persons contacted become aware, and awareness decays; aware persons convert more often through
// the other programmes' channels.
#pragma once

#include <span>
#include <string_view>

#include <ssproj/results.h>
#include <ssproj/schedule.h>

#include "core/keys.h"
#include "interventions/person.h"
#include "interventions/target.h"

namespace ssproj::interventions {

struct InformationOutreach {
  static constexpr std::string_view kName = "information_outreach";
  static constexpr bool kTargeted = true;
  static constexpr bool kVoluntaryChannel = true;

  Schedule persons_reached_per_year;
  double awareness_decay{};          // share of the aware who forget each year
  double channel_multiplier{};       // on the conversion of other channels (aware persons)
  double registration_multiplier{};  // on the hazards of aware persons
  double cost_per_person_reached{};

  friend bool operator==(const InformationOutreach&, const InformationOutreach&) = default;

  // The keys of an entry of this type, besides those of every entry (scenario/schema.cpp).
  static std::span<const core::KeySpec> keys() {
    using core::parameter;
    static const core::KeySpec rows[] = {
        core::KeySpec{
            .path = "interventions.persons_reached_per_year",
            .kind = core::Kind::kNumberOrSchedule,
            .required = true,
            .range = core::kPersons,
            .units = "persons a year",
            .description = "Persons the centres, meetings or promoters contact in a year.",
            .types = kName,
            .bind = parameter<&InformationOutreach::persons_reached_per_year>},
        core::KeySpec{.path = "interventions.awareness_decay",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.3",
                      .range = core::kShare,
                      .units = "share per year",
                      .description = "Share of the aware who forget in a year (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&InformationOutreach::awareness_decay>},
        core::KeySpec{
            .path = "interventions.channel_multiplier",
            .kind = core::Kind::kNumber,
            .default_toml = "1.05",
            .range = core::kFactor,
            .units = "factor",
            .description =
                "Multiplies, for aware persons, the probability of the other interventions' "
                "registration channels (mobile offices, district offices).",
            .types = kName,
            .bind = parameter<&InformationOutreach::channel_multiplier>},
        core::KeySpec{.path = "interventions.registration_multiplier",
                      .kind = core::Kind::kNumber,
                      .default_toml = "1.0",
                      .range = core::kFactor,
                      .units = "factor",
                      .description =
                          "Multiplies the registration and reactivation hazards of aware persons; "
                          "1: information alone has no effect (Banerjee et al.).",
                      .types = kName,
                      .bind = parameter<&InformationOutreach::registration_multiplier>},
        core::KeySpec{.path = "interventions.cost_per_person_reached",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.0",
                      .range = core::kKipPerUnit,
                      .units = "kip, base-year prices",
                      .description = "Cost per person contacted.",
                      .types = kName,
                      .bind = parameter<&InformationOutreach::cost_per_person_reached>},
    };
    return rows;
  }

  void advance(int year, const Capacity& capacity, ProgrammeState& state, ProgrammeYear& y) const {
    const double kept = state.aware * (1.0 - awareness_decay);
    y.contact = y.runs ? capacity.share_of_target(persons_reached_per_year.at(year)) : 0.0;
    state.aware = kept + y.contact * (1.0 - kept);
    y.aware_before = kept;
    y.aware = state.aware;
  }

  template <typename Draw>
  void touch(Person& p, const ProgrammeYear& y, Draw&& draw, Touch& to,
             InterventionTally& tally) const {
    tally.reached += y.contact;  // expected contacts
    if (!p.voluntary || y.aware <= 0) return;
    const double r = draw(kForLife)[0];
    if (r >= y.aware) return;
    if (r >= y.aware_before) tally.attended += 1;  // newly aware
    to.registration = registration_multiplier;
    to.reactivation = registration_multiplier;
    to.channel = channel_multiplier;
  }

  double variable_cost(int, bool, const InterventionTally& t, double&) const {
    return t.reached * cost_per_person_reached;
  }
  bool has_variable_cost() const { return cost_per_person_reached > 0; }
};

}  // namespace ssproj::interventions
