// Several processes sharing a projection (MPI): starting and finishing MPI, and gathering the
// replications of the other processes into process 0 (runner/gather.h).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <vector>

#include <ssproj/processes.h>

#ifdef SSPROJ_HAVE_MPI
#include <mpi.h>
#endif

#include <ssproj/error.h>
#include <ssproj/valuation.h>

#include "engine/tallies.h"
#include "interventions/intervention.h"
#include "runner/gather.h"
#include "uncertainty/uncertain.h"

namespace ssproj {

bool built_with_mpi() {
#ifdef SSPROJ_HAVE_MPI
  return true;
#else
  return false;
#endif
}

Processes start_processes(int* argc, char*** argv) {
  Processes p;
#ifdef SSPROJ_HAVE_MPI
  // MPI only under a launcher (mpirun, srun): a plain `ssproj run` neither pays for MPI's start
  // nor needs its runtime. Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE, PMIx launchers
  // (Slurm's srun --mpi=pmix) PMIX_RANK, older ones PMI_SIZE.
  if (std::getenv("OMPI_COMM_WORLD_SIZE") == nullptr && std::getenv("PMIX_RANK") == nullptr &&
      std::getenv("PMI_SIZE") == nullptr) {
    return p;
  }
  // Only the main thread calls MPI (the worker threads simulate persons).
  int provided = 0;
  MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &p.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &p.size);
#else
  (void)argc;
  (void)argv;
#endif
  return p;
}

void finish_processes() {
#ifdef SSPROJ_HAVE_MPI
  int initialized = 0, finalized = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  if (initialized && !finalized) MPI_Finalize();
#endif
}

namespace runner {
namespace {

// A replication's results as one array of numbers, in a fixed order: the population of each
// year, the events of each step, the workforce years (each year's number, then every tally
// through the tallies' field lists), the person-years. Counts and years are exact in a double.
std::vector<double> pack(const ReplicationResult& r) {
  std::vector<double> out;
  for (const SexAgeTable& year : r.population.years) {
    for (const AgeVector& ages : year) out.insert(out.end(), ages.begin(), ages.end());
  }
  for (const DemographicEvents& e : r.events) {
    out.push_back(e.year);
    for (const auto* counts : {&e.births, &e.deaths, &e.emigrants, &e.immigrants}) {
      for (std::int64_t n : *counts) out.push_back(static_cast<double>(n));
    }
  }
  for (const WorkforceYear& y : r.workforce) {
    out.push_back(y.year);
    engine::for_each_number([&out](const auto& x) { out.push_back(static_cast<double>(x)); }, y);
  }
  out.push_back(r.person_years);
  return out;
}

// The inverse of pack(), into a replication shaped like the scenario's.
ReplicationResult unpack(const std::vector<double>& in, const Scenario& s, std::size_t steps) {
  ReplicationResult r;
  std::size_t k = 0;
  const auto next = [&]() {
    if (k >= in.size()) throw Error("gathering replications: a message is shorter than expected");
    return in[k++];
  };
  const std::size_t years =
      static_cast<std::size_t>(s.projection.end_year - s.projection.start_year + 1);
  r.population.first_year = s.projection.start_year;
  r.population.years.resize(years);
  for (SexAgeTable& year : r.population.years) {
    for (AgeVector& ages : year) {
      for (double& x : ages) x = next();
    }
  }
  r.events.resize(steps);
  for (DemographicEvents& e : r.events) {
    e.year = static_cast<int>(next());
    for (auto* counts : {&e.births, &e.deaths, &e.emigrants, &e.immigrants}) {
      for (std::int64_t& n : *counts) n = static_cast<std::int64_t>(next());
    }
  }
  if (s.has_workforce()) {
    r.workforce.resize(years);
    for (WorkforceYear& y : r.workforce) {
      y.year = static_cast<int>(next());
      y.interventions.assign(s.interventions.size(), InterventionTally{});
      y.places.assign(num_place_rows(s.workforce), PlaceTally{});
      engine::for_each_number(
          [&next](auto& x) { x = static_cast<std::remove_reference_t<decltype(x)>>(next()); }, y);
    }
  }
  r.person_years = next();
  if (k != in.size()) throw Error("gathering replications: a message is longer than expected");
  return r;
}

}  // namespace

void gather_replications(const Scenario& scenario, const RunOptions& options, std::size_t steps,
                         bool valuate_replications, const std::vector<std::vector<double>>& draws,
                         ProjectionResults& results) {
#ifdef SSPROJ_HAVE_MPI
  // Replication by replication, in order: each sender sends, process 0 receives; the tag is the
  // replication, so the messages of one projection cannot be mistaken for each other.
  const int replications = static_cast<int>(results.replications.size());
  for (int r = 0; r < replications; ++r) {
    const int owner = (options.task_offset + r) % options.processes;
    if (owner == 0) continue;
    const auto k = static_cast<std::size_t>(r);
    if (options.process == owner) {
      const std::vector<double> data = pack(results.replications[k]);
      const auto count = static_cast<unsigned long long>(data.size());
      MPI_Send(&count, 1, MPI_UNSIGNED_LONG_LONG, 0, r, MPI_COMM_WORLD);
      MPI_Send(data.data(), static_cast<int>(data.size()), MPI_DOUBLE, 0, r, MPI_COMM_WORLD);
    } else if (options.process == 0) {
      unsigned long long count = 0;
      MPI_Recv(&count, 1, MPI_UNSIGNED_LONG_LONG, owner, r, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      std::vector<double> data(count);
      MPI_Recv(data.data(), static_cast<int>(count), MPI_DOUBLE, owner, r, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
      results.replications[k] = unpack(data, scenario, steps);
      if (valuate_replications) {
        // With uncertain inputs, valued under the replication's own draws, as its owner would.
        results.valuations[k] = scenario.uncertain.empty()
                                    ? valuate(scenario, results.replications[k].workforce)
                                    : valuate(uncertainty::scenario_with_draws(scenario, draws[k]),
                                              results.replications[k].workforce);
      }
    }
  }
#else
  (void)scenario;
  (void)steps;
  (void)valuate_replications;
  (void)draws;
  (void)results;
  if (options.processes > 1) throw Error("ssproj was built without MPI: one process only");
#endif
}

}  // namespace runner
}  // namespace ssproj
