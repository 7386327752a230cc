// Coverage-expansion interventions: the [[interventions]] entries of a scenario.
//
// Each intervention reaches the persons of its target (regions, area, statuses, sex, ages) in
// the years it runs and changes the hazards of the scheme's membership for them: registration
// of the uncovered, lapse and reactivation of voluntary members, contribution density, and
// employers' compliance. The mechanisms and their default values, with sources, are in
// docs/interventions.md; the keys in docs/scenario-reference.md.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <ssproj/schedule.h>
#include <ssproj/workforce.h>

namespace ssproj {

enum class InterventionType : std::uint8_t {
  kMobileRegistration,
  kDistrictOffice,
  kInformationOutreach,
  kContributionSubsidy,
  kEnforcement,
  kDigitalServices,
  kDomesticWorkerMandate,
};
inline constexpr int kNumInterventionTypes = 7;
inline constexpr std::array<std::string_view, kNumInterventionTypes> kInterventionTypeNames = {
    "mobile_registration", "district_office",  "information_outreach",   "contribution_subsidy",
    "enforcement",         "digital_services", "domestic_worker_mandate"};

// At most this many [[interventions]] entries in one scenario.
inline constexpr std::size_t kMaxInterventions = 32;

// Who an intervention reaches: every condition must hold.
struct InterventionTarget {
  std::vector<bool> regions;  // [region index]; all true when the entry names no regions
  std::array<bool, kNumAreas> areas{};
  std::array<bool, kNumStatuses> statuses{};
  std::array<bool, kNumSexes> sexes{};
  int age_min{};
  int age_max{};

  friend bool operator==(const InterventionTarget&, const InterventionTarget&) = default;
};

// One [[interventions]] entry. Money amounts are kip at base-year prices, grown with the
// price index. Fields that a type does not use keep their defaults.
struct Intervention {
  // An entry of `type` with the defaults of that type's keys (the key table), as a file that
  // writes only `type` would give.
  explicit Intervention(InterventionType type);

  InterventionType type;
  std::string name;
  int start_year{};
  int end_year{};  // last year it runs; 0: to the end of the projection
  InterventionTarget target;

  // Costs of every type.
  double setup_cost{};           // paid in the start year
  Schedule fixed_cost_per_year;  // each year it runs

  // mobile_registration
  Schedule visits_per_year;
  double persons_per_visit{};         // target persons living in a visited village
  double turnout{};                   // share of them attending
  double conversion{};                // share of attendees (not paying members) who register
  double payment_lapse_multiplier{};  // on the lapse of members in visited villages
  double cost_per_visit{};

  // district_office
  double registration_increase{};  // added to the annual registration probability

  // district_office, digital_services, contribution_subsidy (during), mobile (payments)
  double lapse_multiplier{};
  double reactivation_multiplier{};
  double registration_multiplier{};  // information_outreach (aware), digital_services

  // information_outreach
  Schedule persons_reached_per_year;
  double awareness_decay{};     // share of the aware who forget each year
  double channel_multiplier{};  // on the conversion of other channels (aware persons)
  double cost_per_person_reached{};

  // contribution_subsidy
  Schedule subsidy_share;  // of the voluntary contribution
  int years_per_member{};
  double registration_response{};   // registration multiplier = 1 + response x share
  double lapse_response{};          // lapse multiplier while subsidised = 1 - response x share
  double lapse_multiplier_after{};  // on the lapse in the year after the subsidy ends

  // enforcement
  Schedule inspected_share;          // of employees whose employer is inspected
  double compliance_effect{};        // share of inspected non-compliant employers who comply
  double effect_decay{};             // share of the effect lost each year
  double underdeclaration_effect{};  // share of the under-declaration removed (inspected)
  double employees_per_inspection{};
  double cost_per_inspection{};
  double sanction_revenue_per_inspection{};

  // digital_services
  Schedule access_share;      // of the target with access
  double density_increase{};  // added to the voluntary density
  double cost_per_user{};     // a year

  // domestic_worker_mandate: the employers' compliance once domestic workers are covered.
  Schedule compliance;

  friend bool operator==(const Intervention&, const Intervention&) = default;

  bool runs_in(int year) const { return year >= start_year && (end_year == 0 || year <= end_year); }
};

}  // namespace ssproj
