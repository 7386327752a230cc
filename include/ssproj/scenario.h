// A scenario: everything that defines *what* is projected, validated and immutable.
//
// Example:
//   ssproj::Scenario s = ssproj::load_scenario("scenarios/lao/baseline.toml");
//   ssproj::ProjectionResults r = ssproj::simulate(s, ssproj::RunOptions{});
//
// The scenario file format (TOML) is documented key by key in docs/scenario-reference.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <ssproj/demographic_inputs.h>
#include <ssproj/error.h>
#include <ssproj/schedule.h>
#include <ssproj/workforce.h>

namespace ssproj {

// The version of the scenario file format that this build reads.
inline constexpr int kSchemaVersion = 1;

// [projection]
struct ProjectionSettings {
  // First and last year written to the output tables; stocks refer to 1 July of each year.
  // start_year >= the base population's year (years in between are simulated but not written).
  int start_year = 0;
  int end_year = 0;
  // Master seed of the counter-based random numbers. Default 1.
  std::uint64_t seed = 1;
  // Share of the population simulated, in (0, 1]; each simulated person stands for
  // 1 / sample_fraction persons. Default 1.
  double sample_fraction = 1.0;
  // Independent replications of the microsimulation, >= 1. Default 1.
  int replications = 1;
};

// [data]: paths of the data tables, resolved against the scenario file that named them.
struct DataFiles {
  std::filesystem::path base_population;
  std::filesystem::path mortality;
  std::filesystem::path fertility;
  std::filesystem::path sex_ratio_at_birth;
  std::filesystem::path net_migration;
  std::filesystem::path regions;
  std::filesystem::path labour_status_shares;
  std::filesystem::path labour_transitions;
  std::filesystem::path earnings;
  std::filesystem::path age_earnings_profile;
};

// [demography]: scenario multipliers on the demographic data (sensitivity analyses).
// Each is a number or schedule, applied to the projection step that starts in that year.
struct DemographyAssumptions {
  Schedule mortality_multiplier = Schedule::constant(1.0);  // on every m_x, >= 0
  Schedule fertility_multiplier = Schedule::constant(1.0);  // on every ASFR, >= 0
  Schedule migration_multiplier = Schedule::constant(1.0);  // on every net migrant count
};

// How a money amount grows after the last year its schedule lists.
enum class Indexation { kNone, kPrices, kWages };

// [economy]: nominal growth. The wage index is 1 in the base year and grows each year by
// (1 + inflation)(1 + real_wage_growth); the price index by (1 + inflation).
struct EconomyAssumptions {
  Schedule inflation = Schedule::constant(0.0);         // annual change of consumer prices
  Schedule real_wage_growth = Schedule::constant(0.0);  // annual real growth of earnings
  Schedule minimum_wage = Schedule::constant(0.0);      // kip per month, in force on 1 July
  // Growth of the minimum wage after the last year listed in `minimum_wage`.
  Indexation minimum_wage_indexation = Indexation::kWages;
};

// [labour]
struct LabourAssumptions {
  // Structural change: share of the moves into informal_employee that go to
  // formal_private_employee instead, by year.
  Schedule formalisation_shift = Schedule::constant(0.0);
  // Standard deviation of log individual earnings (a lognormal factor with mean 1).
  double earnings_dispersion = 0.5;
};

// [coverage]
struct CoverageAssumptions {
  // Share of employees whom employers register, by status (only the compulsory statuses
  // public_employee, formal_private_employee and domestic_worker are read).
  std::array<Schedule, kNumStatuses> compliance{};
  // Multiplier on compliance by region (index of WorkforceInputs::regions); 1 when absent.
  std::vector<Schedule> compliance_factor_by_region;
  // First year in which domestic workers fall under the compulsory scheme; 0: never.
  int domestic_worker_mandate_year = 0;
  // Share of earnings that employers do not declare.
  Schedule underdeclaration = Schedule::constant(0.0);
  // Voluntary scheme, annual probabilities: an uncovered worker registers; an active
  // member stops paying; a lapsed member pays again.
  Schedule registration_hazard = Schedule::constant(0.0);
  Schedule lapse_hazard = Schedule::constant(0.25);
  Schedule reactivation_hazard = Schedule::constant(0.05);
  // Contribution density: expected share of the 12 months an active member pays.
  Schedule density_compulsory = Schedule::constant(1.0);
  Schedule density_voluntary = Schedule::constant(1.0);
  // Members at the base year.
  double initial_voluntary_members = 0;       // persons
  double initial_voluntary_active_share = 1;  // share of them contributing
  // Contribution history credited to members at the base year: the years since this year
  // (or since age 18, whichever is later), at the scheme's density.
  int history_start_year_compulsory = 0;
  int history_start_year_voluntary = 0;
};

// [contributions]: rates as shares of insurable earnings.
struct ContributionRules {
  Schedule private_employer_rate = Schedule::constant(0.0);
  Schedule private_employee_rate = Schedule::constant(0.0);
  Schedule public_employee_rate = Schedule::constant(0.0);
  Schedule public_state_rate = Schedule::constant(0.0);
  Schedule voluntary_rate = Schedule::constant(0.0);
  // Insurable earnings are between the minimum wage (floor) and the ceiling: a fixed amount
  // in kip per month, or, when ceiling_multiple_of_minimum_wage > 0, that multiple.
  Schedule ceiling = Schedule::constant(0.0);
  Schedule ceiling_multiple_of_minimum_wage = Schedule::constant(0.0);
  // Voluntary members declare this multiple of the minimum wage (at most the ceiling).
  Schedule voluntary_declared_multiple = Schedule::constant(1.0);
};

struct Scenario {
  int schema_version = kSchemaVersion;
  std::string name;
  std::string description;
  std::filesystem::path file;  // the scenario file that was loaded (top of any extends chain)

  ProjectionSettings projection;
  DataFiles data;
  DemographyAssumptions demography;
  EconomyAssumptions economy;
  LabourAssumptions labour;
  CoverageAssumptions coverage;
  ContributionRules contributions;

  // The data tables named in [data], loaded and validated.
  DemographicInputs inputs;
  WorkforceInputs workforce;

  // Whether the scenario models the workforce and the scheme: the labour tables are given in
  // [data] (all of them, or none for a projection of the population only).
  bool has_workforce() const { return !workforce.regions.empty(); }

  // The fully resolved scenario (extends merged, defaults filled in, command-line overrides
  // applied, data paths relative to the directory of `file`) as TOML text. This is what
  // `ssproj describe` prints and what manifest.json hashes.
  std::string resolved_toml;
};

// Values given on the command line that replace the scenario's own.
struct ScenarioOverrides {
  std::optional<std::uint64_t> seed;
  std::optional<int> replications;
  std::optional<double> sample_fraction;
};

// Reads, merges (`extends`), validates and loads a scenario and its data tables.
// Every problem in the files is collected before anything is thrown.
// @throws ScenarioError with all diagnostics when anything is invalid.
Scenario load_scenario(const std::filesystem::path& file, const ScenarioOverrides& overrides = {});

}  // namespace ssproj
