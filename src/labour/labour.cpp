#include "labour/labour.h"

namespace ssproj::labour {
namespace {

StatusCdf cumulative(const StatusVector& p) {
  StatusCdf cdf{};
  double sum = 0;
  for (std::size_t s = 0; s < kNumStatuses; ++s) {
    sum += p[s];
    cdf[s] = sum;
  }
  cdf[kNumStatuses - 1] = 1.0;  // rows sum to 1 within the validation tolerance
  return cdf;
}

}  // namespace

std::vector<LabourYear> build_labour_years(const Scenario& scenario, int base_year, int last_year) {
  const auto informal = static_cast<std::size_t>(Status::kInformalEmployee);
  const auto formal = static_cast<std::size_t>(Status::kFormalPrivateEmployee);
  std::vector<LabourYear> years;
  for (int year = base_year + 1; year <= last_year; ++year) {
    LabourYear y;
    y.year = year;
    const double shift = scenario.labour.formalisation_shift.at(year);
    for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
      for (std::size_t band = 0; band < kNumAgeBands; ++band) {
        for (std::size_t area = 0; area < kNumAreas; ++area) {
          for (std::size_t from = 0; from < kNumStatuses; ++from) {
            StatusVector p = scenario.workforce.transitions[sex][band][area][from];
            const double moved = shift * p[informal];
            p[informal] -= moved;
            p[formal] += moved;
            y.transition_cdf[sex][band][area][from] = cumulative(p);
          }
        }
      }
    }
    years.push_back(y);
  }
  return years;
}

SexBandAreaTable<StatusCdf> initial_status_cdf(const WorkforceInputs& inputs) {
  SexBandAreaTable<StatusCdf> out{};
  for (std::size_t sex = 0; sex < kNumSexes; ++sex) {
    for (std::size_t band = 0; band < kNumAgeBands; ++band) {
      for (std::size_t area = 0; area < kNumAreas; ++area) {
        out[sex][band][area] = cumulative(inputs.status_shares[sex][band][area]);
      }
    }
  }
  return out;
}

}  // namespace ssproj::labour
