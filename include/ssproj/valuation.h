// Valuing one replication: the fund's accounts and the actuarial indicators (the Valuation
// types are in results.h). simulate() values every replication with it.
#pragma once

#include <vector>

#include <ssproj/results.h>
#include <ssproj/scenario.h>

namespace ssproj {

// The fund, beneficiaries and indicators from the workforce years of one replication
// (weighted), under the scenario's rules and assumptions. See docs/methodology.md.
Valuation valuate(const Scenario& scenario, const std::vector<WorkforceYear>& years);

}  // namespace ssproj
