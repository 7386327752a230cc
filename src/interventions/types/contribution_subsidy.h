// A subsidy of voluntary contributions (docs/interventions.md §6): the government pays a share
// of an entitled member's contribution for at most `years_per_member` years; entitled persons
// register more and subsidised members lapse less, and more in the year after it ends.
#pragma once

#include <span>
#include <string_view>

#include <ssproj/results.h>
#include <ssproj/schedule.h>

#include "core/keys.h"
#include "interventions/person.h"
#include "interventions/target.h"

namespace ssproj::interventions {

struct ContributionSubsidy {
  static constexpr std::string_view kName = "contribution_subsidy";
  static constexpr bool kTargeted = true;
  static constexpr bool kVoluntaryChannel = true;

  Schedule subsidy_share;  // of the voluntary contribution
  int years_per_member{};
  double registration_response{};   // registration multiplier = 1 + response x share
  double lapse_response{};          // lapse multiplier while subsidised = 1 - response x share
  double lapse_multiplier_after{};  // on the lapse in the year after the subsidy ends

  friend bool operator==(const ContributionSubsidy&, const ContributionSubsidy&) = default;

  // The keys of an entry of this type, besides those of every entry (scenario/schema.cpp).
  static std::span<const core::KeySpec> keys() {
    using core::parameter;
    static const core::KeySpec rows[] = {
        core::KeySpec{.path = "interventions.subsidy_share",
                      .kind = core::Kind::kNumberOrSchedule,
                      .required = true,
                      .range = core::Range{0, 1, true, false},
                      .units = "share",
                      .description =
                          "Share of a subsidised member's voluntary contribution that the "
                          "government pays (into the fund, as a government contribution).",
                      .types = kName,
                      .bind = parameter<&ContributionSubsidy::subsidy_share>},
        core::KeySpec{.path = "interventions.years_per_member",
                      .kind = core::Kind::kInteger,
                      .default_toml = "1",
                      .range = core::Range{1, 50},
                      .units = "years",
                      .description =
                          "Years of subsidy a person can receive in a lifetime (counted over "
                          "every subsidy programme).",
                      .types = kName,
                      .bind = parameter<&ContributionSubsidy::years_per_member>},
        core::KeySpec{
            .path = "interventions.registration_response",
            .kind = core::Kind::kNumber,
            .default_toml = "2.75",
            .range = core::kFactor,
            .units = "factor",
            .description =
                "The registration and reactivation hazards of entitled persons are multiplied by 1 "
                "+ this × `subsidy_share` (Indonesia: 8% to 30% with a full subsidy).",
            .types = kName,
            .bind = parameter<&ContributionSubsidy::registration_response>},
        core::KeySpec{.path = "interventions.lapse_response",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.5",
                      .range = core::kShare,
                      .units = "factor",
                      .description =
                          "The lapse hazard of a subsidised member is multiplied by 1 − this × "
                          "`subsidy_share` (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&ContributionSubsidy::lapse_response>},
        core::KeySpec{.path = "interventions.lapse_multiplier_after",
                      .kind = core::Kind::kNumber,
                      .default_toml = "2.0",
                      .range = core::kFactor,
                      .units = "factor",
                      .description =
                          "Multiplies the lapse hazard in the year after a member's subsidy ends "
                          "(direction from Indonesia; size ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&ContributionSubsidy::lapse_multiplier_after>},
    };
    return rows;
  }

  void advance(int year, const Capacity&, ProgrammeState&, ProgrammeYear& y) const {
    if (y.runs) y.subsidy = subsidy_share.at(year);
  }

  template <typename Draw>
  void touch(Person& p, const ProgrammeYear& y, Draw&&, Touch& to, InterventionTally&) const {
    if (!p.voluntary || p.subsidy_done) return;
    const bool entitles = y.subsidy > 0 && p.subsidy_years < years_per_member;
    if (p.active_before && p.voluntary_member) {
      if (entitles && p.out.subsidised < 0) {
        p.out.subsidised = static_cast<int>(p.k);
        p.out.subsidy_share = y.subsidy;
        to.lapse = 1.0 - lapse_response * y.subsidy;
        if (p.ended >= 0) {  // another programme still pays: nothing ends this year
          (*p.touch)[static_cast<std::size_t>(p.ended)].lapse = 1.0;
          p.out.subsidy_ends = false;
          p.ended = -1;
        }
      } else if (!entitles && p.subsidy_years > 0 && p.out.subsidised < 0 && !p.out.subsidy_ends) {
        p.out.subsidy_ends = true;  // the entitlement is over: the year after the subsidy
        p.ended = static_cast<int>(p.k);
        to.lapse = lapse_multiplier_after;
      }
    } else if (!p.active_before && entitles) {
      to.registration = 1.0 + registration_response * y.subsidy;
      to.reactivation = to.registration;
      if (p.entitled < 0) p.entitled = static_cast<int>(p.k);
    }
  }

  // The subsidy itself is paid with the contributions (InterventionTally::subsidy).
  double variable_cost(int, bool, const InterventionTally&, double&) const { return 0.0; }
  bool has_variable_cost() const { return true; }
};

}  // namespace ssproj::interventions
