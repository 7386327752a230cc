// Shared helpers for tests: temporary directories, files, and small in-memory scenarios.
#pragma once

#include <filesystem>
#include <string>

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

// The repository's root (for data/lao and scenarios/).
std::filesystem::path source_dir();

// A valid small scenario on disk: scenario.toml plus five data tables for years
// `first_year`..`last_year` with `persons_per_cell` persons at every sex and age, constant
// mortality, fertility and migration. Tests overwrite single files to break them.
// Returns the scenario file's path.
struct SmallDataOptions {
  int first_year = 2020;
  int last_year = 2030;
  double persons_per_cell = 100;
  double mx = 0.01;
  double asfr = 0.05;  // at ages 15..49
  double sex_ratio_at_birth = 1.05;
  double net_migrants = 0;
};
std::filesystem::path write_small_scenario(const TempDir& dir, const SmallDataOptions& data = {},
                                           const std::string& projection =
                                               "start_year = 2020\nend_year = 2030\n");

// A Scenario built in memory (no files) with the given constant rates, for engine tests.
Scenario make_scenario(int base_year, int end_year, double persons_per_cell, double mx,
                       double asfr, double net_migrants, double sample_fraction = 1.0,
                       std::uint64_t seed = 1, int replications = 1);

}  // namespace ssproj::testing
