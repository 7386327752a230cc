#include "output/strategy_series.h"

#include <algorithm>

namespace ssproj::output {

Series series_of(const ReplicationResult& r, const Valuation& v) {
  Series s;
  for (const WorkforceYear& w : r.workforce) {
    double active = 0, employed = 0;
    for (const auto& bands : w.cells) {
      for (const auto& areas : bands) {
        for (const auto& statuses : areas) {
          for (std::size_t st = 0; st < kNumStatuses; ++st) {
            for (double a : statuses[st].active) active += a;
            if (is_employed(static_cast<Status>(st))) employed += statuses[st].persons;
          }
        }
      }
    }
    s.years.push_back(w.year);
    s.active.push_back(active);
    s.employed.push_back(employed);
    double programme = 0, subsidy = 0;
    for (const InterventionYear& row : v.interventions) {
      if (row.year != w.year) continue;
      programme += row.cost - row.subsidy_cost;
      subsidy += row.subsidy_cost;
    }
    s.programme.push_back(programme);
    s.subsidy.push_back(subsidy);
  }
  for (const FundYear& f : v.years) {
    const BranchYear& total = f.branches[kTotalAccount];
    s.reserve.push_back(total.reserve_end);
    s.paygo.push_back(total.paygo_cost_rate);
    s.price.push_back(f.price_index);
    s.income.push_back(total.contributions + total.government);
    s.outgo.push_back(total.benefits + total.administration);
  }
  s.gap = horizon_indicator(v, "general_average_premium");
  s.depletion = horizon_indicator(v, "reserve_depletion_year");
  s.balance = horizon_indicator(v, "actuarial_balance");
  return s;
}

Series deflated(Series s) {
  // The valuation has a fund year for each workforce year (valuate()), so index y is the same
  // year in every series.
  for (std::size_t y = 0; y < s.price.size(); ++y) {
    const double price = s.price[y];
    if (y < s.programme.size()) {
      s.programme[y] /= price;
      s.subsidy[y] /= price;
    }
    s.reserve[y] /= price;
    s.income[y] /= price;
    s.outgo[y] /= price;
  }
  return s;
}

}  // namespace ssproj::output

namespace ssproj {

std::vector<ComparedReplication> compared_replications(const ProjectionResults& results,
                                                       const std::vector<int>& key_years) {
  std::vector<ComparedReplication> out(results.replications.size());
  for (std::size_t r = 0; r < out.size(); ++r) {
    const ReplicationResult& replication = results.replications[r];
    const Valuation& v = results.valuations.at(r);
    ComparedReplication& c = out[r];
    c.series = output::series_of(replication, v);
    const auto key = [&](int year) {
      return std::find(key_years.begin(), key_years.end(), year) != key_years.end();
    };
    for (const WorkforceYear& w : replication.workforce) {
      if (key(w.year)) c.places.emplace_back(w.year, w.places);
    }
    for (std::size_t y = 0; y < v.years.size(); ++y) {
      if (y == 0 || y + 1 == v.years.size() || key(v.years[y].year)) {
        c.valuation.years.push_back(v.years[y]);
      }
    }
    for (const Indicator& i : v.indicators) {
      if (i.year == 0 && i.period_start != 0) c.valuation.indicators.push_back(i);
    }
    if (r < results.draws.size()) c.draws = results.draws[r];
  }
  return out;
}

}  // namespace ssproj
