// Writing a run's result tables and its manifest.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj {

// How a run went, recorded in manifest.json.
struct RunRecord {
  int threads = 0;          // worker threads actually used
  double wall_seconds = 0;  // elapsed time of the projection
};

// population_cohort.csv: `year,sex,age,persons`, one row per year, sex and age.
std::string cohort_population_csv(const PopulationSeries& series);

// population.csv: `year,sex,age,persons`, the mean over replications; with more than one
// replication also `persons_p05,persons_p50,persons_p95` (quantiles across replications,
// linear interpolation between order statistics).
std::string microsimulation_population_csv(const std::vector<ReplicationResult>& replications);

// manifest.json: provenance of the run (version, commit, hashes, seed, sizes, timing).
std::string manifest_json(const Scenario& scenario, const ProjectionResults& results,
                          const RunRecord& record);

// Writes every table and manifest.json into `out_dir` (created if missing). Each file is
// written under a temporary name and renamed into place, manifest.json last, so a failed or
// interrupted run never leaves a half-written table.
// @throws IoError when a file cannot be written; temporary files are removed.
void write_run_outputs(const std::filesystem::path& out_dir, const Scenario& scenario,
                       const ProjectionResults& results, const RunRecord& record);

// The same atomic write for any set of (file name, contents) pairs.
// @throws IoError
void write_files_atomically(const std::filesystem::path& out_dir,
                            const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace ssproj
