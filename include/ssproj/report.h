// The reports of a result directory: report.html (self-contained, offline, with charts) and
// results.xlsx (typed tables, number formats, native charts). docs/outputs.md §10.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ssproj {

struct ReportOptions {
  // Years of the summary, the strategy tables and the population pyramids (the first and last
  // projection years are added to the pyramids). Years outside the projection are skipped.
  std::vector<int> key_years = {2030, 2050};
  // Where to find the scenario files named in the manifests (their ASSUMPTION comments are
  // listed); paths in a manifest are relative to the directory ssproj ran in.
  std::filesystem::path scenario_root = ".";
};

// Reads what `run`, `compare` or `sensitivity` wrote into `dir` and writes `dir/report.html`
// and `dir/results.xlsx`, each atomically. Returns the files written.
// @throws IoError when `dir` is not a result directory, a table is unreadable, the chart
// library is missing or a file cannot be written.
std::vector<std::filesystem::path> write_reports(const std::filesystem::path& dir,
                                                 const ReportOptions& options);

}  // namespace ssproj
