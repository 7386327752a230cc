// Atomic writing of result files: temporary name in the same directory, flush to disk, rename.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <ssproj/output.h>

#include "scenario/schema.h"
#include "util/sha256.h"

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

fs::path temporary_name(const fs::path& target) {
  return target.parent_path() /
         ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()));
}

void replace_file_durably(const fs::path& temporary, const fs::path& target) {
  std::error_code ec;
  const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string why = errno_text();
    if (fd >= 0) ::close(fd);
    fs::remove(temporary, ec);
    throw IoError("cannot flush " + temporary.string() + ": " + why);
  }
  ::close(fd);
  fs::rename(temporary, target, ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw IoError("cannot rename " + temporary.string() + " to " + target.string() + ": " +
                  ec.message());
  }
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

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

namespace {

// The staging directories of `dir` that interrupted runs left: `.NAME.staging.PID` beside it,
// whose process is gone.
void remove_abandoned_staging(const fs::path& dir) {
  const fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  const std::string prefix = "." + dir.filename().string() + ".staging.";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    char* end = nullptr;
    const long pid = std::strtol(pid_text.c_str(), &end, 10);
    if (pid_text.empty() || *end != '\0' || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// For tests of interruptions: SSPROJ_TEST_KILL_AFTER_FILES=N kills the process (SIGKILL) after
// the N-th file of a result set is written (N = the number of files: after the last, before the
// swap).
long kill_after_files() {
  const char* text = std::getenv("SSPROJ_TEST_KILL_AFTER_FILES");
  return text != nullptr ? std::strtol(text, nullptr, 10) : -1;
}

}  // namespace

ResultSet::ResultSet(fs::path dir) : dir_(std::move(dir)) {
  if (dir_.filename().empty()) dir_ = dir_.parent_path();  // "out/" names "out"
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    if (!fs::is_directory(dir_, ec)) {
      throw IoError("cannot write results to " + dir_.string() + ": it is not a directory");
    }
    if (!fs::is_empty(dir_, ec) && !fs::exists(dir_ / "manifest.json", ec)) {
      throw IoError("cannot write results to " + dir_.string() +
                    ": it holds files but no manifest.json, so it is not an earlier ssproj result "
                    "set that may be replaced; choose another --out or empty it");
    }
  }
  const fs::path parent = dir_.parent_path().empty() ? fs::path(".") : dir_.parent_path();
  fs::create_directories(parent, ec);
  if (ec) throw IoError("cannot create directory " + dir_.string() + ": " + ec.message());
  remove_abandoned_staging(dir_);
  staging_ = parent / ("." + dir_.filename().string() + ".staging." + std::to_string(::getpid()));
  fs::remove_all(staging_, ec);
  fs::create_directory(staging_, ec);
  if (ec) throw IoError("cannot create directory " + staging_.string() + ": " + ec.message());
}

ResultSet::~ResultSet() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void ResultSet::write(const std::string& relative, const std::string& contents) {
  const fs::path path = staging_ / relative;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw IoError("cannot create directory " + path.parent_path().string() + ": " + ec.message());
  write_and_sync(path, contents);
  std::string digest = util::sha256_hex(contents);
  const std::lock_guard lock(files_mutex_);
  files_.emplace_back(relative, std::move(digest));
  static const long kill_after = kill_after_files();
  if (kill_after >= 0 && static_cast<long>(files_.size()) >= kill_after) ::raise(SIGKILL);
}

void ResultSet::commit() {
  static const long kill_after = kill_after_files();
  if (kill_after == 0) ::raise(SIGKILL);
  // Flush the staging directory's entries (and those of its subdirectories).
  for (const auto& entry : fs::recursive_directory_iterator(staging_)) {
    if (entry.is_directory()) sync_directory(entry.path());
  }
  sync_directory(staging_);
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    // One step: the staging directory becomes the result directory and the previous set moves
    // to the staging name, from where it is removed.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) != 0) {
      if (errno != EINVAL && errno != ENOSYS) {
        throw IoError("cannot replace " + dir_.string() + ": " + errno_text());
      }
      // A file system without the exchange: two renames, with a moment without the directory.
      const fs::path old = staging_.string() + ".old";
      fs::rename(dir_, old, ec);
      if (ec) throw IoError("cannot replace " + dir_.string() + ": " + ec.message());
      fs::rename(staging_, dir_, ec);
      if (ec) throw IoError("cannot replace " + dir_.string() + ": " + ec.message());
      fs::remove_all(old, ec);
    }
  } else {
    fs::rename(staging_, dir_, ec);
    if (ec) throw IoError("cannot create " + dir_.string() + ": " + ec.message());
  }
  committed_ = true;
  sync_directory(dir_.parent_path().empty() ? fs::path(".") : dir_.parent_path());
  fs::remove_all(staging_, ec);  // the previous set, if any
}

void write_run_outputs(ResultSet& set, const std::string& prefix, const Scenario& scenario,
                       const ProjectionResults& results, const RunRecord& record) {
  std::vector<std::pair<std::string, std::string>> files;
  // Each table's text; an overflow (an infinite value) is reported with the table's name and
  // the inputs that came nearest their bounds (every key is bounded, core/keys.h).
  const auto add = [&](const char* name, auto&& make) {
    try {
      files.emplace_back(name, make());
    } catch (const Error& e) {
      std::string inputs;
      for (const std::string& near : scenario::values_nearest_bounds(scenario.resolved_toml, 3)) {
        inputs += (inputs.empty() ? "; the inputs nearest their bounds: " : ", ") + near;
      }
      throw Error(std::string(name) + ": " + e.what() + inputs);
    }
  };
  add("population_cohort.csv", [&] { return cohort_population_csv(results.cohort); });
  add("population.csv", [&] { return microsimulation_population_csv(results.replications); });
  if (scenario.labour_only()) {
    add("labour.csv", [&] { return labour_csv(results.replications); });
  }
  if (scenario.runs_scheme()) {
    const OutputPrices prices = output_prices(scenario, results);
    add("labour.csv", [&] { return labour_csv(results.replications); });
    add("coverage.csv", [&] { return coverage_csv(results.replications); });
    add("places.csv", [&] { return places_csv(results.replications, scenario.workforce); });
    if (!scenario.workforce.sectors.empty()) {
      add("sectors.csv", [&] { return sectors_csv(results.replications, scenario.workforce); });
    }
    add("contributions.csv", [&] { return contributions_csv(results.replications, prices); });
    add("finance.csv", [&] { return finance_csv(results.valuations, prices); });
    add("beneficiaries.csv", [&] { return beneficiaries_csv(results.valuations, prices); });
    add("indicators.csv", [&] { return indicators_csv(results.valuations); });
    add("replacement_rates.csv", [&] { return replacement_rates_csv(results.valuations, prices); });
    add("interventions.csv", [&] { return interventions_csv(results.valuations, prices); });
    add("liabilities.csv", [&] { return liabilities_csv(results.valuations); });
  }
  if (!scenario.uncertain.empty()) add("draws.csv", [&] { return draws_csv(scenario, results); });
  std::vector<std::pair<std::string, std::string>> tables;
  for (const auto& [name, contents] : files) {
    set.write(prefix + name, contents);
    tables.emplace_back(name, util::sha256_hex(contents));
  }
  // manifest.json comes last, listing every table with its hash.
  set.write(prefix + "manifest.json", manifest_json(scenario, results, record, tables));
}

void write_run_outputs(const fs::path& out_dir, const Scenario& scenario,
                       const ProjectionResults& results, const RunRecord& record) {
  ResultSet set(out_dir);
  write_run_outputs(set, "", scenario, results, record);
  set.commit();
}

}  // namespace ssproj
