// Labour inspections and sanctions (docs/interventions.md §7): inspected employers register
// their employees and declare more of their earnings; the effect accumulates and decays.
#pragma once

#include <span>
#include <string_view>

#include <ssproj/results.h>
#include <ssproj/schedule.h>

#include "core/keys.h"
#include "interventions/person.h"
#include "interventions/target.h"

namespace ssproj::interventions {

struct Enforcement {
  static constexpr std::string_view kName = "enforcement";
  static constexpr bool kTargeted = true;
  static constexpr bool kVoluntaryChannel = false;  // acts on employers of compulsory statuses

  Schedule inspected_share;          // of employees whose employer is inspected
  double compliance_effect{};        // share of inspected non-compliant employers who comply
  double effect_decay{};             // share of the effect lost each year
  double underdeclaration_effect{};  // share of the under-declaration removed (inspected)
  double employees_per_inspection{};
  double cost_per_inspection{};
  double sanction_revenue_per_inspection{};

  friend bool operator==(const Enforcement&, const Enforcement&) = default;

  // The keys of an entry of this type, besides those of every entry (scenario/schema.cpp).
  static std::span<const core::KeySpec> keys() {
    using core::parameter;
    static const core::KeySpec rows[] = {
        core::KeySpec{.path = "interventions.statuses",
                      .kind = core::Kind::kStringList,
                      .default_toml = "[\"formal_private_employee\", \"domestic_worker\"]",
                      .description =
                          "Labour statuses whose employers are inspected. Acts only on persons on "
                          "the compulsory path (domestic workers only under a mandate).",
                      .choices = core::kStatusChoices,
                      .types = kName,
                      .bind = core::target_field<&InterventionTarget::statuses>},
        core::KeySpec{
            .path = "interventions.inspected_share",
            .kind = core::Kind::kNumberOrSchedule,
            .required = true,
            .range = core::kShare,
            .units = "share a year",
            .description = "Share of the target employees whose employer is inspected in a year.",
            .types = kName,
            .bind = parameter<&Enforcement::inspected_share>},
        core::KeySpec{
            .path = "interventions.compliance_effect",
            .kind = core::Kind::kNumber,
            .default_toml = "0.25",
            .range = core::kShare,
            .units = "share",
            .description =
                "Share of the non-complying employers who register their employees, per unit of "
                "accumulated inspection intensity (from Mexico; ASSUMPTION in its use).",
            .types = kName,
            .bind = parameter<&Enforcement::compliance_effect>},
        core::KeySpec{.path = "interventions.effect_decay",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.5",
                      .range = core::kShare,
                      .units = "share per year",
                      .description = "Share of the accumulated intensity lost each year, also "
                                     "after the inspections end.",
                      .types = kName,
                      .bind = parameter<&Enforcement::effect_decay>},
        core::KeySpec{.path = "interventions.underdeclaration_effect",
                      .kind = core::Kind::kNumber,
                      .default_toml = "1.0",
                      .range = core::kShare,
                      .units = "share",
                      .description =
                          "Share of the under-declared earnings that becomes declared, per unit "
                          "of intensity (capped at 1).",
                      .types = kName,
                      .bind = parameter<&Enforcement::underdeclaration_effect>},
        core::KeySpec{.path = "interventions.employees_per_inspection",
                      .kind = core::Kind::kNumber,
                      .default_toml = "10",
                      .range = core::Range{1, 1e10},
                      .units = "persons",
                      .description =
                          "Employees of an inspected enterprise: inspections = inspected "
                          "employees / this (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&Enforcement::employees_per_inspection>},
        core::KeySpec{.path = "interventions.cost_per_inspection",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.0",
                      .range = core::kKipPerUnit,
                      .units = "kip, base-year prices",
                      .description = "Cost of one inspection.",
                      .types = kName,
                      .bind = parameter<&Enforcement::cost_per_inspection>},
        core::KeySpec{.path = "interventions.sanction_revenue_per_inspection",
                      .kind = core::Kind::kNumber,
                      .default_toml = "0.0",
                      .range = core::kKipPerUnit,
                      .units = "kip, base-year prices",
                      .description =
                          "Fines collected per inspection; reported in `interventions.csv`, not "
                          "deducted from the cost and not paid into the fund.",
                      .types = kName,
                      .bind = parameter<&Enforcement::sanction_revenue_per_inspection>},
    };
    return rows;
  }

  void advance(int year, const Capacity&, ProgrammeState& state, ProgrammeYear& y) const {
    y.inspected = y.runs ? inspected_share.at(year) : 0.0;
    state.intensity = state.intensity * (1.0 - effect_decay) + y.inspected;
    y.enforcement = std::min(1.0, compliance_effect * state.intensity);
    y.declared = 1.0 - underdeclaration_effect * std::min(1.0, state.intensity);
  }

  template <typename Draw>
  void touch(Person& p, const ProgrammeYear& y, Draw&& draw, Touch& to,
             InterventionTally& tally) const {
    if (!p.compulsory) return;
    if (y.inspected > 0 && draw(kThisYear)[0] < y.inspected) {
      tally.reached += 1;  // the employer is inspected this year
      tally.attended += 1;
    }
    to.enforcement = y.enforcement;
    to.declared = y.declared;
  }

  double variable_cost(int, bool, const InterventionTally& t, double& sanctions) const {
    const double inspections = t.reached / employees_per_inspection;
    sanctions = inspections * sanction_revenue_per_inspection;
    return inspections * cost_per_inspection;
  }
  bool has_variable_cost() const { return cost_per_inspection > 0; }
};

}  // namespace ssproj::interventions
