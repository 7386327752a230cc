// Running a projection.
#pragma once

#include <functional>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj {

// How a projection is run; nothing here changes the results.
struct RunOptions {
  // Worker threads; 0 means every core. Results are bit-identical for any value.
  int threads = 0;
  // Called after each replication finishes a projection year, with the number of
  // replication-years done and the total. May be called from several threads at once.
  std::function<void(long done, long total)> progress;
  // Several processes sharing one projection (MPI, ssproj/processes.h): this process's rank and
  // the number of processes. Replication r runs in process (task_offset + r) mod processes;
  // process 0 then receives the others' replications, so only its results are complete, and
  // they are bit for bit those of one process. `task_offset` spreads the replications of
  // several projections (the strategies of a comparison) over the processes.
  int process = 0;
  int processes = 1;
  int task_offset = 0;

  bool runs_here(int replication) const {
    return (task_offset + replication) % processes == process;
  }
};

// Memory a projection needs, estimated before it starts, in bytes: the simulated persons of the
// replications that run at once (`threads` of them at most; 0: every core), with room for the
// population to grow, plus the results every replication keeps until the tables are written.
// See docs/outputs.md, "Resource bounds".
double estimated_memory_bytes(const Scenario& scenario, int threads);

// What `ssproj compare` keeps of a scenario once its tables are written
// (compared_replications()), estimated in bytes.
double estimated_compared_bytes(const Scenario& scenario);

// Memory the system can give now (MemAvailable of /proc/meminfo), in bytes; 0 when unknown.
double available_memory_bytes();

// The deterministic cohort-component projection of the scenario's population, from the base
// year to projection.end_year (both engines share the same yearly rates).
PopulationSeries project_cohort_component(const Scenario& scenario);

// Runs the cohort-component projection and projection.replications replications of the
// microsimulation (in parallel, each one parallel over persons too), and with the workforce
// data values each replication (valuate(), in the same task as the replication).
// Series in the results cover projection.start_year..projection.end_year.
ProjectionResults simulate(const Scenario& scenario, const RunOptions& options);

}  // namespace ssproj
