#include "output/strategy_series.h"

namespace ssproj::output {

Series series_of(const ReplicationResult& r, const Valuation& v, bool constant) {
  Series s;
  auto divisor = [&](int year) {
    if (!constant) return 1.0;
    for (const FundYear& f : v.years) {
      if (f.year == year) return f.price_index;
    }
    return 1.0;
  };
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
    s.programme.push_back(programme / divisor(w.year));
    s.subsidy.push_back(subsidy / divisor(w.year));
  }
  for (const FundYear& f : v.years) {
    s.reserve.push_back(f.branches[kTotalAccount].reserve_end / divisor(f.year));
    s.paygo.push_back(f.branches[kTotalAccount].paygo_cost_rate);
    s.price.push_back(f.price_index);
    const BranchYear& total = f.branches[kTotalAccount];
    s.income.push_back((total.contributions + total.government) / divisor(f.year));
    s.outgo.push_back((total.benefits + total.administration) / divisor(f.year));
  }
  s.gap = horizon_indicator(v, "general_average_premium");
  s.depletion = horizon_indicator(v, "reserve_depletion_year");
  s.balance = horizon_indicator(v, "actuarial_balance");
  return s;
}

}  // namespace ssproj::output
