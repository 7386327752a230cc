// Gathering the replications that other processes simulated (MPI; ssproj/processes.h).
#pragma once

#include <cstddef>
#include <vector>

#include <ssproj/results.h>
#include <ssproj/scenario.h>
#include <ssproj/simulate.h>

namespace ssproj::runner {

// Collective: every process of the run calls it, for the same projection, in the same order.
// Each process sends the replications it ran (RunOptions::runs_here) to process 0, which puts
// them in their places in `results` and values them (when `valuate_replications`), exactly as
// if it had simulated them itself (with uncertain inputs, under each replication's `draws`).
// `steps`: projection steps from the base year.
void gather_replications(const Scenario& scenario, const RunOptions& options, std::size_t steps,
                         bool valuate_replications, const std::vector<std::vector<double>>& draws,
                         ProjectionResults& results);

}  // namespace ssproj::runner
