// Online registration and payment (docs/interventions.md §8): persons with access register,
// come back and pay more often, and lapse less.
#pragma once

#include <span>
#include <string_view>

#include <ssproj/results.h>
#include <ssproj/schedule.h>

#include "core/keys.h"
#include "interventions/person.h"
#include "interventions/target.h"

namespace ssproj::interventions {

struct DigitalServices {
  static constexpr std::string_view kName = "digital_services";
  static constexpr bool kTargeted = true;
  static constexpr bool kVoluntaryChannel = true;

  double lapse_multiplier{};
  double reactivation_multiplier{};
  double registration_multiplier{};
  double density_increase{};  // added to the voluntary density
  Schedule access_share;      // of the target with access
  double cost_per_user{};     // a year

  friend bool operator==(const DigitalServices&, const DigitalServices&) = default;

  // The keys of an entry of this type, besides those of every entry (scenario/schema.cpp).
  static std::span<const core::KeySpec> keys() {
    using core::parameter;
    static const core::KeySpec rows[] = {
        core::KeySpec{
            .path = "interventions.lapse_multiplier",
            .kind = core::Kind::kNumber,
            .default_toml = "0.8",
            .range = core::kFactor,
            .units = "factor",
            .description =
                "Multiplies the lapse hazard of active voluntary members with access (ASSUMPTION).",
            .types = kName,
            .bind = parameter<&DigitalServices::lapse_multiplier>},
        core::KeySpec{
            .path = "interventions.reactivation_multiplier",
            .kind = core::Kind::kNumber,
            .default_toml = "1.2",
            .range = core::kFactor,
            .units = "factor",
            .description =
                "Multiplies the reactivation hazard of lapsed members with access (ASSUMPTION).",
            .types = kName,
            .bind = parameter<&DigitalServices::reactivation_multiplier>},
        core::KeySpec{
            .path = "interventions.registration_multiplier",
            .kind = core::Kind::kNumber,
            .default_toml = "1.1",
            .range = core::kFactor,
            .units = "factor",
            .description =
                "Multiplies the registration hazard of uncovered workers with access (ASSUMPTION).",
            .types = kName,
            .bind = parameter<&DigitalServices::registration_multiplier>},
        core::KeySpec{.path = "interventions.density_increase",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.05",
                      .range = core::kShare,
                      .units = "share of the 12 months",
                      .description =
                          "Added to the contribution density of active voluntary members with "
                          "access (at most 1 in total) (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&DigitalServices::density_increase>},
        core::KeySpec{.path = "interventions.access_share",
                      .kind = core::Kind::kNumberOrSchedule,
                      .required = true,
                      .range = core::kShare,
                      .units = "share",
                      .description =
                          "Share of the target with access to the online services; the same "
                          "persons keep access as the share grows.",
                      .types = kName,
                      .bind = parameter<&DigitalServices::access_share>},
        core::KeySpec{
            .path = "interventions.cost_per_user",
            .kind = core::Kind::kNumber,
            .default_toml = "0.0",
            .range = core::kKipPerUnit,
            .units = "kip a year, base-year prices",
            .description =
                "Cost per user a year; users are the active voluntary members with access.",
            .types = kName,
            .bind = parameter<&DigitalServices::cost_per_user>},
    };
    return rows;
  }

  void advance(int year, const Capacity&, ProgrammeState&, ProgrammeYear& y) const {
    if (y.runs) y.access = access_share.at(year);
  }

  template <typename Draw>
  void touch(Person& p, const ProgrammeYear& y, Draw&& draw, Touch& to,
             InterventionTally& tally) const {
    if (!p.voluntary || y.access <= 0) return;
    if (draw(kForLife)[0] >= y.access) return;
    tally.reached += 1;
    tally.attended += 1;
    to.registration = registration_multiplier;
    to.reactivation = reactivation_multiplier;
    to.lapse = lapse_multiplier;
    to.density = density_increase;
    p.out.access |= 1u << p.k;
  }

  double variable_cost(int, bool, const InterventionTally& t, double&) const {
    return t.users * cost_per_user;
  }
  bool has_variable_cost() const { return cost_per_user > 0; }
};

}  // namespace ssproj::interventions
