// A district social security office (docs/interventions.md §4): while it runs, its area's
// uncovered workers get an added registration channel and its voluntary members lapse less.
#pragma once

#include <span>
#include <string_view>

#include <ssproj/results.h>
#include <ssproj/schedule.h>

#include "core/keys.h"
#include "interventions/person.h"
#include "interventions/target.h"

namespace ssproj::interventions {

struct DistrictOffice {
  static constexpr std::string_view kName = "district_office";
  static constexpr bool kTargeted = true;
  static constexpr bool kVoluntaryChannel = true;

  double registration_increase{};  // added to the annual registration probability
  double lapse_multiplier{};       // on the lapse hazard of voluntary members

  friend bool operator==(const DistrictOffice&, const DistrictOffice&) = default;

  // The keys of an entry of this type, besides those of every entry (scenario/schema.cpp).
  static std::span<const core::KeySpec> keys() {
    using core::parameter;
    static const core::KeySpec rows[] = {
        core::KeySpec{.path = "interventions.registration_increase",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.005",
                      .range = core::kShare,
                      .units = "probability per year",
                      .description =
                          "Added, as a separate channel, to the yearly probability that a target "
                          "person registers or reactivates (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&DistrictOffice::registration_increase>},
        core::KeySpec{.path = "interventions.lapse_multiplier",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.9",
                      .range = core::kFactor,
                      .units = "factor",
                      .description = "Multiplies the lapse hazard of active voluntary members "
                                     "in the target (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&DistrictOffice::lapse_multiplier>},
    };
    return rows;
  }

  void advance(int, const Capacity&, ProgrammeState&, ProgrammeYear&) const {}

  template <typename Draw>
  void touch(Person& p, const ProgrammeYear& y, Draw&&, Touch& to, InterventionTally& tally) const {
    if (!p.voluntary || !y.runs) return;
    tally.reached += 1;
    tally.attended += 1;
    to.add = registration_increase;
    to.lapse = lapse_multiplier;
  }

  double variable_cost(int, bool, const InterventionTally&, double&) const { return 0.0; }
  bool has_variable_cost() const { return false; }
};

}  // namespace ssproj::interventions
