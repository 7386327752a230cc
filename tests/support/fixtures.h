// Shared helpers for tests: temporary directories, files, and small in-memory scenarios.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <ssproj/scenario.h>

namespace ssproj::testing {

// A fresh directory under the system temp directory, removed with everything in it when the
// object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `contents` to path() / `name` (creating subdirectories) and returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& contents) const;

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& file);

// The diagnostics (Diagnostic::to_string) of loading `file` with `overrides`; the test fails when
// the scenario loads.
std::vector<std::string> scenario_errors(const std::filesystem::path& file,
                                         const ScenarioOverrides& overrides = {});

// The repository's root (for data/lao and scenarios/).
std::filesystem::path source_dir();

// A string or path quoted for the shell.
std::string quote(const std::string& s);
std::string quote(const std::filesystem::path& p);

// The exit status and the output of one run of the ssproj executable.
struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `ssproj ARGS` (ARGS already quoted as needed) in the working directory `cwd`, with stdout
// and stderr captured in files of a separate temporary directory. `launcher` is shell text put
// before the executable, e.g. "ulimit -v 4000000 && timeout 30 " to bound a run.
Result run_ssproj(const std::string& args,
                  const std::filesystem::path& cwd = std::filesystem::current_path(),
                  const std::string& launcher = "");

// Transition matrices for small workforce tables: the identity (nobody changes status), and
// a matrix that keeps a status with probability `stay` and spreads the rest evenly over the
// seven other statuses.
TransitionMatrix identity_transitions();
TransitionMatrix mixing_transitions(double stay);

// Small workforce tables: two regions, and the same status shares and transition matrix in
// every sex, age band and area. The default values are dyadic fractions, so that sums are exact.
struct SmallWorkforce {
  // Region names with their population shares (urban, rural); all shares sum to 1.
  std::vector<std::pair<std::string, std::array<double, kNumAreas>>> regions = {
      {"north", {0.125, 0.375}}, {"south", {0.25, 0.25}}};
  StatusVector status_shares = {0.25, 0.0625, 0.0625, 0.125, 0.125, 0.0625, 0.1875, 0.125};
  TransitionMatrix transitions = mixing_transitions(0.75);
  // Mean gross monthly earnings by status, the same for both sexes (0 for the statuses that
  // are not employed: the earnings table only has the employed ones).
  std::array<double, kNumStatuses> mean_monthly_earnings = {0,       0,       3000000, 2400000,
                                                            1500000, 1200000, 1600000, 800000};
  std::array<double, kNumAgeBands> age_earnings_profile = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
};

// The tables of `w` in memory, as load_scenario would give them.
WorkforceInputs make_workforce_inputs(const SmallWorkforce& w = {});

// Writes the five workforce tables of `w` into dir/data (regions.csv,
// labour_status_shares.csv, labour_transitions.csv, earnings.csv, age_earnings_profile.csv).
// Rows are in key order: sex (male, female), age band, area (urban, rural), status / from, to.
void write_workforce_tables(const TempDir& dir, const SmallWorkforce& w = {});

// The [data] keys that name the tables of write_workforce_tables, one per line, in the order
// regions, labour_status_shares, labour_transitions, earnings, age_earnings_profile.
extern const std::string kWorkforceDataKeys;

// A [fund.allocation] section that gives every contribution to old age: the branch shares of a
// scenario with the workforce tables must sum to 1.
extern const std::string kFundAllocation;

// A valid small scenario on disk: scenario.toml plus five data tables for years
// `first_year`..`last_year` with `persons_per_cell` persons at every sex and age, constant
// mortality, fertility and migration. Tests overwrite single files to break them.
// With `workforce`, also the five workforce tables, named after the demographic tables in
// [data], and kFundAllocation. `sections` (e.g. "[coverage]\n...") is appended after them.
// Returns the scenario file's path.
struct SmallDataOptions {
  int first_year = 2020;
  int last_year = 2030;
  double persons_per_cell = 100;
  double mx = 0.01;
  double asfr = 0.05;  // at ages 15..49
  double sex_ratio_at_birth = 1.05;
  double net_migrants = 0;
  std::optional<SmallWorkforce> workforce = std::nullopt;
};
std::filesystem::path write_small_scenario(
    const TempDir& dir, const SmallDataOptions& data = {},
    const std::string& projection = "start_year = 2020\nend_year = 2030\n",
    const std::string& sections = "");

// The [data] section naming the five demographic tables that write_small_scenario writes.
extern const std::string kSmallDataSection;

// The text of write_small_scenario's scenario file (without workforce tables): `projection` as
// the body of [projection] and `more` (other sections) between it and [data]. Line numbers:
// 1 schema_version, 2 name, 3 blank, 4 [projection], 5.. the lines of `projection`.
std::string small_scenario_text(const std::string& projection, const std::string& more = "");

// A Scenario built in memory (no files) with the given constant rates, for engine tests.
Scenario make_scenario(int base_year, int end_year, double persons_per_cell, double mx, double asfr,
                       double net_migrants, double sample_fraction = 1.0, std::uint64_t seed = 1,
                       int replications = 1);

}  // namespace ssproj::testing
