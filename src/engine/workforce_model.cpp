#include "engine/workforce_model.h"

namespace ssproj::engine {
namespace {

// Cumulative sums of `weights`, the last set to exactly 1 (a uniform in (0, 1) then always
// falls on an entry of positive weight).
std::vector<double> cdf_of(const std::vector<double>& weights) {
  std::vector<double> cdf;
  double sum = 0;
  for (double w : weights) cdf.push_back(sum += w);
  for (double& c : cdf) c /= sum;
  // Entries after the last of positive weight, and that one, are 1.
  for (std::size_t k = cdf.size(); k-- > 0;) {
    cdf[k] = 1.0;
    if (k == 0 || weights[k] > 0) break;
  }
  return cdf;
}

}  // namespace

PlaceDraws build_place_draws(const WorkforceInputs& w) {
  PlaceDraws d;
  d.single_province = !w.has_provinces;
  // With provinces, one draw per region and area among the region's provinces (every region
  // and area with residents has one: checked on load).
  for (std::size_t r = 0; r < w.regions.size() && w.has_provinces; ++r) {
    for (std::size_t a = 0; a < kNumAreas; ++a) {
      std::vector<double> weights;
      std::vector<std::uint8_t> codes;
      for (std::size_t p = 0; p < w.provinces.size(); ++p) {
        if (w.province_region[p] != r) continue;
        weights.push_back(w.province_share[p][a]);
        codes.push_back(static_cast<std::uint8_t>(p));
      }
      d.province.push_back({cdf_of(weights), codes});
    }
  }
  for (std::size_t p = 0; p < num_provinces(w); ++p) {
    // The province's named districts, then "elsewhere in the province" (code 0).
    std::vector<double> weights;
    std::vector<std::uint8_t> codes;
    double named = 0;
    for (std::size_t k = 0; k < w.districts.size(); ++k) {
      if (w.district_province[k] != p) continue;
      weights.push_back(w.district_share[k]);
      codes.push_back(static_cast<std::uint8_t>(k + 1));
      named += w.district_share[k];
    }
    weights.push_back(std::max(0.0, 1.0 - named));
    codes.push_back(0);
    d.district.push_back({cdf_of(weights), codes});
  }
  d.has_districts = !w.districts.empty();
  for (std::size_t s = 0; s < kNumStatuses; ++s) {
    for (std::size_t a = 0; a < kNumAreas; ++a) {
      const std::vector<double>& shares = w.sector_share[s][a];
      if (shares.empty()) continue;
      std::vector<std::uint8_t> codes;
      for (std::size_t k = 0; k < shares.size(); ++k) {
        codes.push_back(static_cast<std::uint8_t>(k + 1));
      }
      d.sector[s][a] = {cdf_of(shares), codes};
    }
  }
  d.has_sectors = !w.sectors.empty();
  return d;
}

WorkforceModel build_workforce_model(const Scenario& scenario) {
  WorkforceModel m;
  const int base = scenario.inputs.base_year;
  const int last = scenario.projection.end_year;
  m.inputs = &scenario.workforce;
  m.base_year = base;
  m.valuation_year = scenario.projection.start_year;
  m.labour_only = scenario.labour_only();
  m.economy = economy::build_economy(scenario, base, last);
  m.labour = labour::build_labour_years(scenario, base, last);
  m.programmes = interventions::build_programmes(scenario);
  m.coverage = coverage::build_coverage_years(scenario, base, last,
                                              interventions::mandates_of(m.programmes));
  m.contributions = contributions::build_contribution_years(scenario, m.economy);
  m.benefits = benefits::build_benefit_years(scenario, m.economy);
  m.scheme_benefits = benefits::build_scheme_benefit_years(scenario, m.economy);
  m.initial_status = labour::initial_status_cdf(scenario.workforce);
  double sum = 0;
  for (const auto& areas : scenario.workforce.population_share) {
    for (double share : areas) {
      sum += share;
      m.residence_cdf.push_back(sum);
    }
  }
  if (!m.residence_cdf.empty()) m.residence_cdf.back() = 1.0;
  m.places = build_place_draws(scenario.workforce);
  m.earnings_dispersion = scenario.labour.earnings_dispersion;
  m.stocks = starting_point::stocks_of(scenario);
  return m;
}

}  // namespace ssproj::engine
