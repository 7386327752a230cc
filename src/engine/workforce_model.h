// Everything the microsimulation needs, year by year, for the workforce, the scheme's
// membership and contributions. Built once per run and shared, read-only, by replications.
#pragma once

#include <vector>

#include <ssproj/scenario.h>

#include "benefits/benefits.h"
#include "contributions/contributions.h"
#include "coverage/coverage.h"
#include "economy/economy.h"
#include "interventions/programmes.h"
#include "labour/labour.h"
#include "starting_point/stocks.h"

namespace ssproj::engine {

// A draw among a few codes: code[k] for the first k with u < cdf[k].
struct CodeDraw {
  std::vector<double> cdf;  // cumulative, the last exactly 1
  std::vector<std::uint8_t> code;

  std::uint8_t operator()(double u) const {
    std::size_t k = 0;
    while (k + 1 < cdf.size() && u >= cdf[k]) ++k;
    return code[k];
  }
};

// Where a new resident lives within their region and area, and an employed person's sector.
struct PlaceDraws {
  bool single_province = true;  // no provinces table: the province is the region
  bool has_districts = false;
  bool has_sectors = false;
  std::vector<CodeDraw> province;  // [region * kNumAreas + area]
  std::vector<CodeDraw> district;  // [province]: a named district (1 + index) or 0
  std::array<std::array<CodeDraw, kNumAreas>, kNumStatuses> sector{};  // [status][area]

  // The sector of a job of `status` in `area` (0 without work or without the table).
  std::uint8_t sector_of(std::uint8_t status, std::uint8_t area, double u) const {
    const CodeDraw& d = sector[status][area];
    return d.cdf.empty() ? 0 : d(u);
  }
};
PlaceDraws build_place_draws(const WorkforceInputs& inputs);

struct WorkforceModel {
  const WorkforceInputs* inputs = nullptr;
  int base_year = 0;
  // The year whose rights accrued to date the liabilities value (projection.start_year, the first
  // year valued): the engine tallies them in that year only.
  int valuation_year = 0;
  // Indexed by (year - base_year); labour by (year - base_year - 1): the step into `year`.
  std::vector<economy::EconomyYear> economy;
  std::vector<labour::LabourYear> labour;
  std::vector<coverage::CoverageYear> coverage;
  std::vector<contributions::ContributionYear> contributions;
  std::vector<benefits::BenefitYear> benefits;
  // The rules of each scheme's members (by scheme_index); pensionable ages, indexation and the
  // survivors' rules are those of `benefits`.
  std::array<std::vector<benefits::BenefitYear>, kNumSchemes> scheme_benefits;
  SexBandAreaTable<labour::StatusCdf> initial_status{};
  // Cumulative population shares over (region, area) pairs, region-major.
  std::vector<double> residence_cdf;
  PlaceDraws places;
  double earnings_dispersion = 0;
  starting_point::Stocks stocks;                     // the scheme's stocks at the valuation date
  std::vector<interventions::Programme> programmes;  // the scenario's [[interventions]]
  // projection.stages = "labour": the year step simulates the labour statuses only (no
  // membership, contributions or benefits; labour_only.cpp).
  bool labour_only = false;

  const economy::EconomyYear& economy_at(int year) const {
    return economy[static_cast<std::size_t>(year - base_year)];
  }
  const coverage::CoverageYear& coverage_at(int year) const {
    return coverage[static_cast<std::size_t>(year - base_year)];
  }
  const contributions::ContributionYear& contributions_at(int year) const {
    return contributions[static_cast<std::size_t>(year - base_year)];
  }
  const benefits::BenefitYear& benefits_at(int year) const {
    return benefits[static_cast<std::size_t>(year - base_year)];
  }
  const benefits::BenefitYear& benefits_at(int year, std::uint8_t scheme) const {
    return scheme_benefits[scheme_index(scheme)][static_cast<std::size_t>(year - base_year)];
  }
  const labour::LabourYear& labour_into(int year) const {
    return labour[static_cast<std::size_t>(year - base_year - 1)];
  }
};

// REQUIRES: scenario.has_workforce().
WorkforceModel build_workforce_model(const Scenario& scenario);

}  // namespace ssproj::engine
