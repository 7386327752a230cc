// Labour status: initial assignment, yearly transitions, and earnings.
#pragma once

#include <vector>

#include <ssproj/scenario.h>

namespace ssproj::labour {

// Cumulative probabilities over the 8 statuses (the last is 1), for drawing with one uniform.
using StatusCdf = StatusVector;

// The first status whose cumulative probability exceeds u.
inline Status draw_status(const StatusCdf& cdf, double u) {
  // The first status whose cumulative probability exceeds u is the number of cumulative
  // probabilities (of the first kNumStatuses - 1) at or below u, since they never decrease;
  // counted without a branch, which a random u would mispredict.
  int s = 0;
  for (std::size_t k = 0; k + 1 < kNumStatuses; ++k) s += u >= cdf[k] ? 1 : 0;
  return static_cast<Status>(s);
}

// The transition probabilities in force for the step into 1 July `year`.
struct LabourYear {
  int year = 0;
  SexBandAreaTable<std::array<StatusCdf, kNumStatuses>> transition_cdf{};  // [..][from]
};

// Per year from base_year + 1 to last_year: the data's transition matrices with the
// formalisation shift of that year applied (a share s of each move into informal_employee
// goes to formal_private_employee instead), as cumulative rows.
std::vector<LabourYear> build_labour_years(const Scenario& scenario, int base_year, int last_year);

// The base-year status shares as cumulative rows, [sex][band][area].
SexBandAreaTable<StatusCdf> initial_status_cdf(const WorkforceInputs& inputs);

// Gross monthly earnings of an employed person at base-year prices (times the wage index for
// a later year): status mean x age profile x individual factor. Zero when not employed.
inline double monthly_earnings(const WorkforceInputs& in, Status status, std::size_t sex, int age,
                               float factor) {
  if (!is_employed(status)) return 0.0;
  return in.mean_monthly_earnings[static_cast<std::size_t>(status)][sex] *
         in.age_earnings_profile[static_cast<std::size_t>(age_band(age))] *
         static_cast<double>(factor);
}

}  // namespace ssproj::labour
