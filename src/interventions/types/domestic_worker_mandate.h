// The compulsory coverage of domestic workers (docs/interventions.md §9): in the years it runs,
// domestic workers are on the compulsory path and their employers register them at
// `compliance`. It has no targeting keys: it concerns every domestic worker.
#pragma once

#include <span>
#include <string_view>

#include <ssproj/results.h>
#include <ssproj/schedule.h>

#include "core/keys.h"
#include "coverage/coverage.h"
#include "interventions/person.h"
#include "interventions/target.h"

namespace ssproj::interventions {

struct DomesticWorkerMandate {
  static constexpr std::string_view kName = "domestic_worker_mandate";
  static constexpr bool kTargeted = false;
  static constexpr bool kVoluntaryChannel = false;

  Schedule compliance;  // the employers' compliance once domestic workers are covered

  friend bool operator==(const DomesticWorkerMandate&, const DomesticWorkerMandate&) = default;

  // The keys of an entry of this type, besides those of every entry (scenario/schema.cpp).
  static std::span<const core::KeySpec> keys() {
    using core::parameter;
    static const core::KeySpec rows[] = {
        core::KeySpec{.path = "interventions.compliance",
                      .kind = core::Kind::kNumberOrSchedule,
                      .default_toml = "0.1",
                      .range = core::kShare,
                      .units = "share",
                      .description =
                          "In the years it runs, domestic workers are on the compulsory path and "
                          "their employers register them at this rate (times the region's "
                          "`coverage.compliance_factor_by_region`), in place of "
                          "`coverage.compliance.domestic_worker` (ASSUMPTION).",
                      .types = kName,
                      .bind = parameter<&DomesticWorkerMandate::compliance>},
    };
    return rows;
  }

  // Every domestic worker of working age.
  static void fixed_target(InterventionTarget& t) {
    t.statuses[static_cast<std::size_t>(Status::kDomesticWorker)] = true;
    t.areas = {true, true};
    t.sexes = {true, true};
    t.age_min = kFirstWorkingAge;
    t.age_max = kMaxAge;
  }
  // Makes a status compulsory with this compliance in the years it runs.
  coverage::Mandate mandate(int start_year, int end_year) const {
    return {Status::kDomesticWorker, start_year, end_year, &compliance};
  }

  void advance(int, const Capacity&, ProgrammeState&, ProgrammeYear&) const {}

  template <typename Draw>
  void touch(Person& p, const ProgrammeYear& y, Draw&&, Touch&, InterventionTally& tally) const {
    if (p.compulsory && y.runs) {
      tally.reached += 1;
      tally.attended += 1;
    }
  }

  double variable_cost(int, bool, const InterventionTally&, double&) const { return 0.0; }
  bool has_variable_cost() const { return false; }
};

}  // namespace ssproj::interventions
