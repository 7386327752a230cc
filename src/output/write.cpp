// Atomic writing of result files: temporary name in the same directory, flush to disk, rename.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <ssproj/output.h>

namespace ssproj {
namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

// Writes `contents` to `path` and flushes it to the disk.
void write_and_sync(const fs::path& path, const std::string& contents) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError("cannot create " + path.string() + ": " + errno_text());
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = errno_text();
      ::close(fd);
      throw IoError("cannot write " + path.string() + ": " + why);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    throw IoError("cannot flush " + path.string() + ": " + errno_text());
  }
}

}  // namespace

void write_files_atomically(const fs::path& out_dir,
                            const std::vector<std::pair<std::string, std::string>>& files) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw IoError("cannot create directory " + out_dir.string() + ": " + ec.message());

  const std::string suffix = ".tmp." + std::to_string(::getpid());
  std::vector<fs::path> temporaries;
  try {
    for (const auto& [name, contents] : files) {
      temporaries.push_back(out_dir / ("." + name + suffix));
      write_and_sync(temporaries.back(), contents);
    }
    // A manifest from an earlier run must not vouch for a mix of old and new tables.
    fs::remove(out_dir / "manifest.json", ec);
    for (std::size_t i = 0; i < files.size(); ++i) {
      fs::rename(temporaries[i], out_dir / files[i].first, ec);
      if (ec) {
        throw IoError("cannot rename " + temporaries[i].string() + " to " + files[i].first + ": " +
                      ec.message());
      }
    }
  } catch (...) {
    for (const fs::path& t : temporaries) fs::remove(t, ec);
    throw;
  }
  // Make the renames themselves durable.
  const int dir = ::open(out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void check_output_directory(const fs::path& out_dir) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) throw IoError("cannot create directory " + out_dir.string() + ": " + ec.message());
  const fs::path probe = out_dir / (".write-test.tmp." + std::to_string(::getpid()));
  write_and_sync(probe, "");
  fs::remove(probe, ec);
}

void write_run_outputs(const fs::path& out_dir, const Scenario& scenario,
                       const ProjectionResults& results, const RunRecord& record) {
  std::vector<std::pair<std::string, std::string>> files = {
      {"population_cohort.csv", cohort_population_csv(results.cohort)},
      {"population.csv", microsimulation_population_csv(results.replications)},
  };
  if (scenario.has_workforce()) {
    const OutputPrices prices = output_prices(scenario, results);
    files.emplace_back("labour.csv", labour_csv(results.replications));
    files.emplace_back("coverage.csv", coverage_csv(results.replications));
    files.emplace_back("contributions.csv", contributions_csv(results.replications, prices));
    files.emplace_back("finance.csv", finance_csv(results.valuations, prices));
    files.emplace_back("beneficiaries.csv", beneficiaries_csv(results.valuations, prices));
    files.emplace_back("indicators.csv", indicators_csv(results.valuations));
    files.emplace_back("replacement_rates.csv", replacement_rates_csv(results.valuations, prices));
    files.emplace_back("interventions.csv", interventions_csv(results.valuations, prices));
    files.emplace_back("liabilities.csv", liabilities_csv(results.valuations));
  }
  // manifest.json comes last: its presence marks a complete set of tables.
  files.emplace_back("manifest.json", manifest_json(scenario, results, record));
  write_files_atomically(out_dir, files);
  // Tables an earlier run wrote into the same directory but this one does not (a workforce
  // run followed by a population-only run) would not match the new manifest.
  for (const char* stale :
       {"labour.csv", "coverage.csv", "contributions.csv", "finance.csv", "beneficiaries.csv",
        "indicators.csv", "replacement_rates.csv", "interventions.csv", "liabilities.csv"}) {
    if (std::none_of(files.begin(), files.end(), [&](const auto& f) { return f.first == stale; })) {
      std::error_code ec;
      fs::remove(out_dir / stale, ec);
    }
  }
}

}  // namespace ssproj
