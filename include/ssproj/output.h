// Writing a run's result tables and its manifest.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj {

// How a run went, recorded in manifest.json.
struct RunRecord {
  int threads = 0;          // worker threads actually used (per process)
  double wall_seconds = 0;  // elapsed time of the projection and its valuation
  int processes = 1;        // processes that shared the projection (MPI; docs/cluster.md)
};

// What each year's kip amounts are divided by in the output tables: 1 at current prices
// (projection.prices = "current"), the price index P(t) at constant base-year prices. Years it
// does not list are divided by 1.
struct OutputPrices {
  int first_year = 0;
  std::vector<double> divisor;  // by year from first_year
  double of(int year) const {
    const long i = static_cast<long>(year) - first_year;
    return i >= 0 && i < static_cast<long>(divisor.size()) ? divisor[static_cast<std::size_t>(i)]
                                                           : 1.0;
  }
};
// The divisors of a run: its valuation's price index when the scenario asks for constant prices.
OutputPrices output_prices(const Scenario& scenario, const ProjectionResults& results);

// population_cohort.csv: `year,sex,age,persons`, one row per year, sex and age.
std::string cohort_population_csv(const PopulationSeries& series);

// population.csv: `year,sex,age,persons`, the mean over replications; with more than one
// replication also `persons_p05,persons_p50,persons_p95` (quantiles across replications,
// linear interpolation between order statistics).
std::string microsimulation_population_csv(const std::vector<ReplicationResult>& replications);

// labour.csv: `year,sex,age_group,area,status,persons` (ages 15+), from the workforce results.
std::string labour_csv(const std::vector<ReplicationResult>& replications);

// coverage.csv: `year,sex,age_group,area,status,scheme,registered,active_contributors,
// coverage_rate`; coverage_rate = active contributors of the scheme / persons in the cell.
std::string coverage_csv(const std::vector<ReplicationResult>& replications);
// places.csv: by year, the persons aged 15 or more, the employed, the insured and the active
// contributors of the nation, each region, each province (with data.provinces) and each named
// district (with data.districts), and the active contributors' share of the employed.
std::string places_csv(const std::vector<ReplicationResult>& replications,
                       const WorkforceInputs& inputs);
// sectors.csv (with data.sector_shares): the same for the workers of each sector.
std::string sectors_csv(const std::vector<ReplicationResult>& replications,
                        const WorkforceInputs& inputs);

// contributions.csv: `year,scheme,contributors,insurable_earnings,contributions_employer,
// contributions_employee,contributions_government` (kip), schemes compulsory, voluntary, total.
std::string contributions_csv(const std::vector<ReplicationResult>& replications,
                              const OutputPrices& prices = {});

// finance.csv: `year,scheme,branch,contributions,government,investment_income,benefits,
// administration,reserve_end,paygo_cost_rate,reserve_ratio,cost_gdp_share` (kip); `branch` is an
// account of kAccountNames: a branch, the pension group `pensions` or `total`; `scheme` a scheme
// or `total`.
std::string finance_csv(const std::vector<Valuation>& valuations, const OutputPrices& prices = {});
// beneficiaries.csv: `year,scheme,benefit,sex,age_group,new_awards,recipients,average_amount`;
// age_group "all", and for old_age and invalidity also each pensioner age group.
std::string beneficiaries_csv(const std::vector<Valuation>& valuations,
                              const OutputPrices& prices = {});
// interventions.csv: `year,intervention,type,targeted,reached,attended,registered,
// lapsed_prevented,cost,subsidy_cost,sanction_revenue` (persons, kip); a header only when the
// scenario has no interventions.
std::string interventions_csv(const std::vector<Valuation>& valuations,
                              const OutputPrices& prices = {});
// replacement_rates.csv: `year,scheme,sex,entry_age,career_years,earnings_multiple,award_age,
// monthly_pension,replacement_rate,replacement_rate_after_10_years,c102_benchmark,meets_c102`
// (fund/replacement_rates.h); values replicated like the other tables.
std::string replacement_rates_csv(const std::vector<Valuation>& valuations,
                                  const OutputPrices& prices = {});
// indicators.csv: `indicator,scheme,group,year,period_start,period_end,career_years,
// earnings_multiple,unit,value` (Indicator); an empty field where a column does not apply.
// With replications, `value` is the mean, or the median for year-valued indicators (unit
// "year"), followed by value_p05,value_p50,value_p95.
std::string indicators_csv(const std::vector<Valuation>& valuations);

// liabilities.csv: `scheme,pensions_in_payment,active_members,deferred_members,accrued,
// lump_sums,reserve,reserve_all_branches,implicit_debt,funding_ratio,pensioners,active,
// deferred`: the accrued-to-date liability of each scheme and of all schemes (`total`) on
// 1 January of the first year valued (kip; persons), Valuation::liabilities.
std::string liabilities_csv(const std::vector<Valuation>& valuations);

// draws.csv: the drawn value of every [[uncertain]] input in every replication (replication, key,
// distribution, apply, value); written only when the scenario has uncertain inputs.
std::string draws_csv(const Scenario& scenario, const ProjectionResults& results);

// manifest.json: provenance of the run (version, commit, hashes, seed, sizes, timing).
// `tables`: the tables written before it, with their SHA-256 (ResultSet::files()).
std::string manifest_json(const Scenario& scenario, const ProjectionResults& results,
                          const RunRecord& record,
                          const std::vector<std::pair<std::string, std::string>>& tables = {});

// A set of result files that replaces the previous set in its directory as a whole: a reader of
// the directory sees either the previous complete set or the new complete set, never a mix, even
// when the run is killed while writing (docs/outputs.md, "Interruptions").
//
// The files are written into a staging directory beside the result directory
// (`.NAME.staging.PID`) and flushed; commit() then swaps the staging directory and the result
// directory in one step (renameat2 with RENAME_EXCHANGE; where the file system cannot, two
// renames) and removes the previous set. Staging directories that interrupted runs left behind
// (their process no longer running) are removed when the next set for the same directory starts.
class ResultSet {
 public:
  // Checks that `dir` is absent, empty or an earlier result set (it has manifest.json), that
  // its parent is writable, removes what interrupted runs left, and creates the staging
  // directory. Construct it before the work, so that an unusable directory fails first.
  // @throws IoError
  explicit ResultSet(std::filesystem::path dir);
  ~ResultSet();  // removes the staging directory unless the set was committed
  ResultSet(const ResultSet&) = delete;
  ResultSet& operator=(const ResultSet&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  const std::filesystem::path& staging() const { return staging_; }

  // Writes `contents` to `relative` (a file name, or "NAME/file" in a subdirectory) in the
  // staging directory and flushes it. Records its SHA-256. Safe to call from several threads
  // (each with its own files); files() then lists them in the order they were finished.
  // @throws IoError
  void write(const std::string& relative, const std::string& contents);
  // The files written so far, in order, with their SHA-256.
  const std::vector<std::pair<std::string, std::string>>& files() const { return files_; }

  // Puts the set in place of the previous one. @throws IoError
  void commit();

 private:
  std::filesystem::path dir_;
  std::filesystem::path staging_;
  std::vector<std::pair<std::string, std::string>> files_;
  std::mutex files_mutex_;
  bool committed_ = false;
};

// Writes every table of a run and, last, its manifest.json (which lists every table with its
// SHA-256) into `set` under `prefix` ("" or "NAME/").
// @throws IoError
void write_run_outputs(ResultSet& set, const std::string& prefix, const Scenario& scenario,
                       const ProjectionResults& results, const RunRecord& record);

// The same into its own result set in `out_dir`, committed.
// @throws IoError
void write_run_outputs(const std::filesystem::path& out_dir, const Scenario& scenario,
                       const ProjectionResults& results, const RunRecord& record);

// manifest.json of a result set made of several runs (compare, sensitivity): the version, the
// command, and every file of the set with its SHA-256.
std::string set_manifest_json(const std::string& command,
                              const std::vector<std::pair<std::string, std::string>>& files);

// Writes (file name, contents) pairs into `out_dir` (created if missing), each under a temporary
// name and renamed into place, after removing manifest.json: each file is atomic, the set is not
// (ResultSet is).
// @throws IoError
void write_files_atomically(const std::filesystem::path& out_dir,
                            const std::vector<std::pair<std::string, std::string>>& files);

// Flushes `temporary` to the disk and renames it to `target` (same directory), durably: a reader
// sees the old file or the new one, never a part. Removes `temporary` on failure.
// @throws IoError
void replace_file_durably(const std::filesystem::path& temporary,
                          const std::filesystem::path& target);

// A temporary name for `target` in its directory, unique to this process.
std::filesystem::path temporary_name(const std::filesystem::path& target);

}  // namespace ssproj
