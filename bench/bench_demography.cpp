// Benchmarks of the demographic projection engines.
//
//   BM_Microsimulation_Step/<threads>/<persons>   one year step of the microsimulation on the
//       Lao 2023 population scaled to <persons> (deaths, births, migration, ageing, compaction),
//       20 steps 2024-2043 after one untimed step; counters: person_years_per_second, persons
//       (at the end), bytes_per_person (state of one person)
//   BM_FullStep/<threads>/<persons>               the same with the workforce: demography, labour
//       transitions, membership, contributions and the year's tallies (Lao baseline)
//   BM_FullStep_Interventions/<threads>/<persons> the full step of the combined strategy
//       (scenarios/lao/combined.toml: nine interventions of every type running from 2025-2026)
//   BM_CohortComponent_Project                   the whole 2023-2100 cohort-component projection
//
// Run: ./build/bench/ssproj_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include <ssproj/scenario.h>
#include <ssproj/simulate.h>

#include "demography/step_rates.h"
#include "engine/microsimulation.h"
#include "engine/workforce_model.h"

namespace {

const ssproj::Scenario& lao_baseline() {
  static const ssproj::Scenario scenario = ssproj::load_scenario(
      std::filesystem::path(SSPROJ_SOURCE_DIR) / "scenarios/lao/baseline.toml");
  return scenario;
}

const ssproj::Scenario& lao_combined() {
  static const ssproj::Scenario scenario = ssproj::load_scenario(
      std::filesystem::path(SSPROJ_SOURCE_DIR) / "scenarios/lao/combined.toml");
  return scenario;
}

double lao_total(const ssproj::Scenario& s) {
  double total = 0;
  for (const auto& ages : s.inputs.base_population) {
    for (double persons : ages) total += persons;
  }
  return total;
}

// Steps timed per case: 2024-2043, long enough to average and short enough that the population
// stays near its size at the start (it grows about 1% a year).
constexpr int kSteps = 20;

// Steps the Lao population scaled to `persons`, with or without the workforce.
void run_steps(benchmark::State& state, bool with_workforce,
               const ssproj::Scenario& s = lao_baseline()) {
  const int threads = static_cast<int>(state.range(0));
  const auto persons = static_cast<double>(state.range(1));
  const double fraction = persons / lao_total(s);
  // Above the full population, each person stands for less than one resident.
  ssproj::SexAgeTable base = s.inputs.base_population;
  double scale = 1.0;
  if (fraction > 1.0) {
    scale = fraction;
    for (auto& ages : base) {
      for (double& p : ages) p *= scale;
    }
  }
  const auto rates = ssproj::demography::build_step_rates(s);
  tbb::task_arena arena(threads);
  const ssproj::engine::WorkforceModel workforce = ssproj::engine::build_workforce_model(s);
  ssproj::engine::Microsimulation sim(base, s.inputs.base_year, fraction > 1.0 ? 1.0 : fraction, 1,
                                      0, with_workforce ? &workforce : nullptr);
  // One untimed step first, so that the scratch buffers exist as in a long run.
  arena.execute([&] { sim.step(rates.front()); });
  double person_years = 0;
  for (auto _ : state) {
    // The real rates of each year in turn: 2024, 2025, ...
    const auto step = static_cast<std::size_t>(sim.year() - s.inputs.base_year);
    const auto n = sim.living();
    arena.execute([&] { sim.step(rates.at(step)); });
    person_years += static_cast<double>(n);
  }
  state.counters["person_years_per_second"] =
      benchmark::Counter(person_years, benchmark::Counter::kIsRate);
  state.counters["persons"] = static_cast<double>(sim.living());
  state.counters["bytes_per_person"] =
      static_cast<double>(ssproj::engine::Population::bytes_per_person());
}
void BM_Microsimulation_Step(benchmark::State& state) { run_steps(state, false); }
void BM_FullStep(benchmark::State& state) { run_steps(state, true); }
void BM_FullStep_Interventions(benchmark::State& state) { run_steps(state, true, lao_combined()); }

BENCHMARK(BM_Microsimulation_Step)
    ->ArgNames({"threads", "persons"})
    ->ArgsProduct({{1, 2}, {100000, 1000000, 8000000}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(kSteps)
    ->UseRealTime();

BENCHMARK(BM_FullStep)
    ->ArgNames({"threads", "persons"})
    ->ArgsProduct({{1, 2}, {100000, 1000000, 8000000}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(kSteps)
    ->UseRealTime();

BENCHMARK(BM_FullStep_Interventions)
    ->ArgNames({"threads", "persons"})
    ->ArgsProduct({{1, 2}, {1000000, 8000000}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(kSteps)
    ->UseRealTime();

void BM_CohortComponent_Project(benchmark::State& state) {
  const ssproj::Scenario& s = lao_baseline();
  for (auto _ : state) {
    benchmark::DoNotOptimize(ssproj::project_cohort_component(s));
  }
}
BENCHMARK(BM_CohortComponent_Project)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
