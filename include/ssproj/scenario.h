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
};

// [demography]: scenario multipliers on the demographic data (sensitivity analyses).
// Each is a number or schedule, applied to the projection step that starts in that year.
struct DemographyAssumptions {
  Schedule mortality_multiplier = Schedule::constant(1.0);  // on every m_x, >= 0
  Schedule fertility_multiplier = Schedule::constant(1.0);  // on every ASFR, >= 0
  Schedule migration_multiplier = Schedule::constant(1.0);  // on every net migrant count
};

struct Scenario {
  int schema_version = kSchemaVersion;
  std::string name;
  std::string description;
  std::filesystem::path file;  // the scenario file that was loaded (top of any extends chain)

  ProjectionSettings projection;
  DataFiles data;
  DemographyAssumptions demography;

  // The data tables named in [data], loaded and validated.
  DemographicInputs inputs;

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
