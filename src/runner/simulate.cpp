// simulate(): the cohort-component frame plus R replications of the microsimulation, each
// valued.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <optional>

#include <tbb/info.h>
#include <tbb/task_arena.h>

#include <ssproj/simulate.h>
#include <ssproj/valuation.h>

#include "core/parallel.h"
#include "demography/cohort_component.h"
#include "demography/step_rates.h"
#include "engine/microsimulation.h"
#include "engine/tallies.h"
#include "engine/workforce_model.h"
#include "runner/gather.h"
#include "uncertainty/uncertain.h"

namespace ssproj {
namespace {

// The part of a series from `first_year` on.
PopulationSeries from_year(const PopulationSeries& all, int first_year) {
  PopulationSeries out;
  out.first_year = first_year;
  out.years.assign(all.years.begin() + (first_year - all.first_year), all.years.end());
  return out;
}

// The workforce tallies and amounts weighted to the whole population.
WorkforceYear weighted(WorkforceYear y, double weight) {
  engine::scale(y, weight);
  return y;
}

ReplicationResult run_replication(const Scenario& scenario,
                                  const std::vector<demography::StepRates>& rates,
                                  const engine::WorkforceModel* workforce,
                                  std::uint32_t replication, std::size_t capacity,
                                  const RunOptions& options, std::atomic<long>& done, long total) {
  const ProjectionSettings& p = scenario.projection;
  const double weight = 1.0 / p.sample_fraction;
  engine::Microsimulation sim(scenario.inputs.base_population, scenario.inputs.base_year,
                              p.sample_fraction, p.seed, replication, workforce, capacity);
  ReplicationResult result;
  result.population.first_year = p.start_year;
  // One entry per year: reserved at once, so the yearly records are never moved.
  result.population.years.reserve(rates.size() + 1);
  result.events.reserve(rates.size());
  if (workforce != nullptr) result.workforce.reserve(rates.size() + 1);
  auto record = [&] {
    if (sim.year() < p.start_year) return;
    SexAgeTable persons{};
    for (std::size_t s = 0; s < kNumSexes; ++s) {
      for (std::size_t x = 0; x < kNumAges; ++x) {
        persons[s][x] = static_cast<double>(sim.counts()[s][x]) * weight;
      }
    }
    result.population.years.push_back(persons);
    if (workforce != nullptr) result.workforce.push_back(weighted(sim.workforce(), weight));
  };
  record();
  for (const demography::StepRates& r : rates) {
    result.person_years += static_cast<double>(sim.living());
    result.events.push_back(sim.step(r));
    record();
    const long now = ++done;
    if (options.progress) options.progress(now, total);
  }
  return result;
}

}  // namespace

PopulationSeries project_cohort_component(const Scenario& scenario) {
  const std::vector<demography::StepRates> rates = demography::build_step_rates(scenario);
  return demography::project(scenario.inputs.base_year, scenario.inputs.base_population, rates);
}

ProjectionResults simulate(const Scenario& scenario, const RunOptions& options) {
  const std::vector<demography::StepRates> rates = demography::build_step_rates(scenario);
  ProjectionResults results;
  const PopulationSeries cohort =
      demography::project(scenario.inputs.base_year, scenario.inputs.base_population, rates);
  results.cohort = from_year(cohort, scenario.projection.start_year);
  // The microsimulation's storage, reserved once for the largest population the cohort
  // projection expects.
  double most_living = 0;
  for (const SexAgeTable& year : cohort.years) {
    double living = 0;
    for (const AgeVector& ages : year) {
      for (double x : ages) living += x;
    }
    most_living = std::max(most_living, living);
  }
  const std::size_t capacity =
      engine::Microsimulation::capacity_for(most_living * scenario.projection.sample_fraction);

  std::optional<engine::WorkforceModel> workforce;
  if (scenario.has_workforce()) workforce = engine::build_workforce_model(scenario);

  const int replications = scenario.projection.replications;
  results.replications.resize(static_cast<std::size_t>(replications));
  const bool valuate_replications = workforce && scenario.runs_scheme();
  if (valuate_replications) results.valuations.resize(static_cast<std::size_t>(replications));
  std::atomic<long> done{0};
  const long total = static_cast<long>(rates.size()) * replications;
  // Every replication's draws of the uncertain inputs (every process computes them all; process
  // 0 writes them).
  const std::vector<std::vector<double>> draws = uncertainty::draws(scenario);
  tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
  arena.execute([&] {
    core::parallel_for(0, replications, [&](int r) {
      if (!options.runs_here(r)) return;  // another process's (MPI)
      const auto k = static_cast<std::size_t>(r);
      if (!scenario.uncertain.empty()) {
        // This replication's draws of the uncertain inputs: its own scenario, rates and
        // workforce model.
        const Scenario drawn = uncertainty::scenario_with_draws(scenario, draws[k]);
        const std::vector<demography::StepRates> drawn_rates = demography::build_step_rates(drawn);
        std::optional<engine::WorkforceModel> drawn_workforce;
        if (drawn.has_workforce()) drawn_workforce = engine::build_workforce_model(drawn);
        results.replications[k] =
            run_replication(drawn, drawn_rates, drawn_workforce ? &*drawn_workforce : nullptr,
                            static_cast<std::uint32_t>(r), capacity, options, done, total);
        if (valuate_replications)
          results.valuations[k] = valuate(drawn, results.replications[k].workforce);
        return;
      }
      results.replications[k] =
          run_replication(scenario, rates, workforce ? &*workforce : nullptr,
                          static_cast<std::uint32_t>(r), capacity, options, done, total);
      if (valuate_replications)
        results.valuations[k] = valuate(scenario, results.replications[k].workforce);
    });
  });
  if (options.processes > 1) {
    runner::gather_replications(scenario, options, rates.size(), valuate_replications, draws,
                                results);
  }
  for (const ReplicationResult& r : results.replications) results.person_years += r.person_years;
  if (!scenario.uncertain.empty()) results.draws = draws;
  return results;
}

namespace {

// Measured on the Lao baseline (full population, 2023-2030): 600 MB of resident memory for
// 7.66 million persons, about 77 bytes a person with everything else; 100 leaves a margin.
constexpr double kBytesPerSimulatedPerson = 100;
// The simulated population may grow over the projection (the Lao baseline's by 30% to 2060).
constexpr double kPopulationGrowthRoom = 1.5;
// What a replication's valuation keeps a year beyond its fund years, in bytes: the rows of the
// beneficiary, indicator, replacement-rate and intervention tables (with their words) and the
// place tallies. Measured: the comparison of ten Lao scenarios at 1% with 200 replications each
// (2,000 replications of 78 years) reached 24.4 GB of resident memory, 12.2 MB a replication,
// where the fixed-size records below account for 7.4 MB; the rest, 61 KB a year, is this.
constexpr double kValuationRowsBytesPerYear = 61e3;
// What compare keeps of a replication (compared_replications()): the decision series, ten
// numbers a year; the place tallies and fund years of about eight years (the key years, the first
// and the last); the horizon indicators of the valuation (rows with their words, with a margin).
constexpr double kComparedNumbersPerYear = 10;
constexpr double kComparedYears = 8;
constexpr double kHorizonIndicatorBytes = 64e3;

}  // namespace

double estimated_memory_bytes(const Scenario& scenario, int threads) {
  const ProjectionSettings& p = scenario.projection;
  double persons = 0;
  for (const AgeVector& ages : scenario.inputs.base_population) {
    for (double x : ages) persons += x;
  }
  const double simulated = persons * p.sample_fraction * kPopulationGrowthRoom;
  const int cores = threads > 0 ? threads : tbb::info::default_concurrency();
  const double at_once = std::min<double>(p.replications, std::max(1, cores));
  const double years = std::max(1, p.end_year - p.start_year + 1);
  // What a replication keeps: its population series, its workforce years and their valuation
  // (the fund years and, about as large, the indicators and beneficiary rows).
  double kept = years * static_cast<double>(sizeof(SexAgeTable));
  if (scenario.has_workforce()) {
    kept += years * (static_cast<double>(sizeof(WorkforceYear) + 2 * sizeof(FundYear)) +
                     kValuationRowsBytesPerYear);
  }
  return at_once * simulated * kBytesPerSimulatedPerson + p.replications * kept;
}

double estimated_compared_bytes(const Scenario& scenario) {
  const ProjectionSettings& p = scenario.projection;
  if (!scenario.has_workforce()) return 0;
  const double years = std::max(1, p.end_year - p.start_year + 1);
  const auto places = static_cast<double>(num_place_rows(scenario.workforce));
  const double per_replication =
      years * kComparedNumbersPerYear * sizeof(double) +
      kComparedYears * (places * sizeof(PlaceTally) + static_cast<double>(sizeof(FundYear))) +
      kHorizonIndicatorBytes;
  return p.replications * per_replication;
}

double available_memory_bytes() {
  std::FILE* f = std::fopen("/proc/meminfo", "r");
  if (f == nullptr) return 0;
  char line[256];
  double kb = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::sscanf(line, "MemAvailable: %lf kB", &kb) == 1) break;
  }
  std::fclose(f);
  return kb * 1024;
}

}  // namespace ssproj
